// The workspace `npm start` opens: Bucket Doctor's own parsers must read its files as the demo buckets, with the
// endpoint, requirement profile, prefix and credentials the demo's servers expect. No server runs here.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import { awsProfileNames, staticProfileKeys } from '../../src/core/access/aws-profiles';
import { fileCredentials } from '../../src/core/access/file-credentials';
import { bucketDescription, bucketTree } from '../../src/core/bucket-tree';
import { checkWorkspace } from '../../src/core/check';
import { parseBucketConfig } from '../../src/core/sources/bucket-config';
import { Workspace } from '../../src/core/workspace';
import { defaultDemoNames } from '../harness/demo-buckets';
import { demoAwsProfiles, demoBucketsFolder, demoFiles, demoInstructions, writeDemoWorkspace, type DemoSetup } from '../harness/demo-workspace';

const setup: DemoSetup = {
  s3: {
    endpoint: 'http://127.0.0.1:40087',
    region: 'us-east-1',
    passing: { name: defaultDemoNames.passing, folder: 'lse', credentials: { accessKeyId: 'WRITERKEY', secretAccessKey: 'writer-secret' } },
    deniedWrites: { name: defaultDemoNames.deniedWrites, folder: 'lse', credentials: { accessKeyId: 'READERKEY', secretAccessKey: 'reader-secret' } },
  },
  azure: {
    endpoint: 'http://127.0.0.1:34709/devstoreaccount1',
    accountName: 'devstoreaccount1',
    accountKey: 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==',
    connectionString: 'DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=x;BlobEndpoint=http://127.0.0.1:34709/devstoreaccount1;',
    container: defaultDemoNames.container,
    folder: 'lse',
  },
};

/** Every file under `dir` as the editor's snapshot sees it (workspace-relative paths). */
function readWorkspace(dir: string): Workspace {
  const files: { path: string; text: string }[] = [];
  const walk = (at: string) => {
    for (const name of readdirSync(at)) {
      const path = join(at, name);
      if (statSync(path).isDirectory()) walk(path);
      else files.push({ path: relative(dir, path), text: readFileSync(path, 'utf8') });
    }
  };
  walk(dir);
  return new Workspace(files);
}

/** The demo workspace and AWS files written from examples/ into a temp dir; `examples` may be a stand-in. */
function written(examples = 'examples') {
  const demoDir = mkdtempSync(join(tmpdir(), 'bd-demo-test-'));
  return { demoDir, demo: writeDemoWorkspace(examples, demoDir, setup), remove: () => rmSync(demoDir, { recursive: true, force: true }) };
}

test('demo workspace: the parser reads the three demo buckets with endpoint, profile, prefix and credentials', () => {
  const { demo, remove } = written();
  try {
    const workspace = readWorkspace(demo.folder);
    const config = workspace.files.find((f) => f.path === `${demoBucketsFolder}/.bucket-doctor.json`);
    assert.ok(config, 'the demo config is a config file to Bucket Doctor');
    assert.deepEqual(parseBucketConfig(config.text).problems, []);
    // The editor's candidates: the first definition of each provider and name, completed by .bucket-doctor.json.
    const first = (provider: string, name: string) => workspace.buckets().find((b) => b.provider === provider && b.name === name);
    const writer = first('s3', setup.s3.passing.name);
    const reader = first('s3', setup.s3.deniedWrites.name);
    const container = first('azure', setup.azure.container);
    for (const [ref, awsProfile] of [[writer, demoAwsProfiles.writer], [reader, demoAwsProfiles.reader]] as const) {
      assert.ok(ref);
      assert.deepEqual(
        { endpoint: ref.endpoint, region: ref.region, folder: ref.folder, profile: ref.profile, awsProfile: ref.awsProfile },
        { endpoint: setup.s3.endpoint, region: 'us-east-1', folder: 'lse/', profile: 'lse-persistence', awsProfile },
      );
    }
    assert.ok(container);
    assert.deepEqual(
      { file: container.file, endpoint: container.endpoint, account: container.account, auth: container.auth, folder: container.folder, profile: container.profile },
      { file: `${demoBucketsFolder}/env.list`, endpoint: setup.azure.endpoint, account: 'devstoreaccount1', auth: 'account-key', folder: 'lse/', profile: 'lse-persistence' },
    );
    // Test Bucket Access offers the key written in env.list (after asking): the Azurite account's.
    assert.deepEqual(fileCredentials(workspace, container), { kind: 'azure-key', accountName: 'devstoreaccount1', accountKey: setup.azure.accountKey });
    assert.equal(fileCredentials(workspace, writer!), undefined, 'the S3 buckets use AWS profiles, not keys in a file');
    // The example deployment is still there, untouched.
    assert.ok(first('s3', 'acme-labeling-prod') && first('s3', 'acme-labeling-staging'));
    // The Buckets view names the AWS profile of each demo bucket.
    const s3Group = bucketTree(workspace).groups.find((g) => g.provider === 's3');
    const described = s3Group?.buckets.find((b) => b.ref.name === setup.s3.deniedWrites.name);
    assert.equal(described && bucketDescription(described.ref), 'lse/ · 127.0.0.1:40087 · AWS profile demo-reader · lse-persistence');
  } finally {
    remove();
  }
});

test('demo workspace: its own files raise no errors or warnings, only the note that env.list holds a key', () => {
  const { demo, remove } = written();
  try {
    const findings = checkWorkspace(readWorkspace(demo.folder)).filter((f) => f.file.startsWith(`${demoBucketsFolder}/`));
    assert.deepEqual(
      findings.map((f) => [f.file, f.ruleId, f.severity]),
      [[`${demoBucketsFolder}/env.list`, 'env/plaintext-secret', 'info']],
    );
  } finally {
    remove();
  }
});

test('demo AWS files: profiles demo-writer and demo-reader hold the keys of the demo bucket users', () => {
  const { demo, remove } = written();
  try {
    const config = readFileSync(demo.env.AWS_CONFIG_FILE!, 'utf8');
    const credentials = readFileSync(demo.env.AWS_SHARED_CREDENTIALS_FILE!, 'utf8');
    assert.deepEqual(awsProfileNames(config, credentials), [demoAwsProfiles.writer, demoAwsProfiles.reader]);
    assert.deepEqual(staticProfileKeys(config, credentials, demoAwsProfiles.writer), setup.s3.passing.credentials);
    assert.deepEqual(staticProfileKeys(config, credentials, demoAwsProfiles.reader), setup.s3.deniedWrites.credentials);
    assert.equal(statSync(demo.env.AWS_SHARED_CREDENTIALS_FILE!).mode & 0o077, 0, 'only the owner may read the keys');
    // The user's own AWS settings must not pick credentials inside the demo.
    for (const name of ['AWS_PROFILE', 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN']) {
      assert.ok(name in demo.env && demo.env[name] === undefined, `${name} is removed from code-server's environment`);
    }
  } finally {
    remove();
  }
});

test('demo workspace: a fresh copy each time, without the .bucket-doctor.json the editor tests leave in examples/', () => {
  const examples = mkdtempSync(join(tmpdir(), 'bd-examples-'));
  try {
    mkdirSync(join(examples, 'iam'));
    writeFileSync(join(examples, 'lse-values.yaml'), 'global: {}\n');
    writeFileSync(join(examples, 'iam', 'policy.json'), '{}\n');
    writeFileSync(join(examples, '.bucket-doctor.json'), '{"buckets": [{"name": "left-by-a-test"}]}\n');
    const { demo, remove } = written(examples);
    try {
      writeFileSync(join(demo.folder, 'stale.txt'), 'from an earlier start\n');
      const again = writeDemoWorkspace(examples, join(demo.folder, '..'), setup);
      const files = readdirSync(again.folder, { recursive: true }).map(String).sort();
      assert.deepEqual(files, [demoBucketsFolder, `${demoBucketsFolder}/.bucket-doctor.json`, `${demoBucketsFolder}/README.md`, `${demoBucketsFolder}/env.list`, 'iam', 'iam/policy.json', 'lse-values.yaml']);
    } finally {
      remove();
    }
  } finally {
    rmSync(examples, { recursive: true, force: true });
  }
});

test('demo without buckets: the examples alone, and instructions that say why', () => {
  const demoDir = mkdtempSync(join(tmpdir(), 'bd-demo-test-'));
  try {
    const demo = writeDemoWorkspace('examples', demoDir, undefined);
    assert.ok(!readdirSync(demo.folder).includes(demoBucketsFolder));
    assert.equal(readFileSync(demo.env.AWS_SHARED_CREDENTIALS_FILE!, 'utf8'), '');
    const text = demoInstructions('http://127.0.0.1:8080/?folder=/x', undefined, 'Ceph binaries not found: radosgw');
    assert.match(text, /open http:\/\/127\.0\.0\.1:8080\/\?folder=\/x/);
    assert.match(text, /No demo buckets: Ceph binaries not found: radosgw\./);
  } finally {
    rmSync(demoDir, { recursive: true, force: true });
  }
});

test('demo instructions: the URL, every bucket with its expected verdict, and the Azurite connection string', () => {
  const text = demoInstructions('http://127.0.0.1:8080/?folder=/x', setup);
  assert.match(text, new RegExp(`${setup.s3.passing.name} +PASSED`));
  assert.match(text, new RegExp(`${setup.s3.deniedWrites.name} +FAILED: .*denied \\(AccessDenied\\)`));
  assert.match(text, new RegExp(`${setup.azure.container} +PASSED`));
  assert.ok(text.includes(setup.azure.connectionString));
  assert.ok(!text.includes('writer-secret') && !text.includes('reader-secret'), 'the S3 users\' secrets stay in the AWS files');
  assert.ok(Object.values(demoFiles(setup).workspace).every((t) => !t.includes('writer-secret')), 'and out of the workspace');
});
