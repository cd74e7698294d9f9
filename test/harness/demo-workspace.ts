// The workspace `npm start` opens: a copy of examples/ plus a demo-buckets/ folder configuring the local buckets of
// startDemoBuckets(), and AWS shared files of its own (profiles demo-writer and demo-reader) that code-server gets
// through AWS_CONFIG_FILE / AWS_SHARED_CREDENTIALS_FILE, so the user's ~/.aws is never read or written.
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { demoLabelStudioOrigin, type DemoBuckets } from './demo-buckets';

/** What the demo files describe: the seeded buckets, without their stop(). */
export type DemoSetup = Omit<DemoBuckets, 'stop'>;

/** AWS profile names in the demo's shared files: the user of the passing bucket and the list-and-read-only one. */
export const demoAwsProfiles = { writer: 'demo-writer', reader: 'demo-reader' } as const;

/** The demo workspace's folder under .vscode-test/demo/: the name the workbench's title shows. */
export const demoWorkspaceName = 'bucket-doctor-demo';

/** Folder of the demo workspace that configures the local buckets. */
export const demoBucketsFolder = 'demo-buckets';

export interface DemoFiles {
  /** Workspace-relative path → text, written on top of the copy of examples/. */
  workspace: Record<string, string>;
  /** The AWS shared config file (`[profile NAME]` sections). */
  awsConfig: string;
  /** The AWS shared credentials file (`[NAME]` sections). */
  awsCredentials: string;
}

/** The files that point Bucket Doctor at the demo buckets: pure, so a unit test can read them with the extension's parsers. */
export function demoFiles(setup: DemoSetup): DemoFiles {
  const { s3, azure } = setup;
  const s3Entry = (bucket: DemoSetup['s3']['passing'], awsProfile: string) => ({
    name: bucket.name,
    provider: 's3',
    profile: 'lse-persistence',
    prefix: `${bucket.folder}/`,
    endpoint: s3.endpoint,
    region: s3.region,
    awsProfile,
  });
  const config = {
    buckets: [
      s3Entry(s3.passing, demoAwsProfiles.writer),
      s3Entry(s3.deniedWrites, demoAwsProfiles.reader),
      // Label Studio has no setting for an Azure endpoint: the emulator's URL can only come from here.
      { name: azure.container, provider: 'azure', profile: 'lse-persistence', prefix: `${azure.folder}/`, endpoint: azure.endpoint },
    ],
  };
  const envList = [
    '# Label Studio on Azure Blob Storage, pointed at the local Azurite container of `npm start`.',
    '# The account key is Azurite\'s public development key, not a secret. Test Bucket Access asks before it uses it.',
    'STORAGE_TYPE=azure',
    `STORAGE_AZURE_ACCOUNT_NAME=${azure.accountName}`,
    `STORAGE_AZURE_ACCOUNT_KEY=${azure.accountKey}`,
    `STORAGE_AZURE_CONTAINER_NAME=${azure.container}`,
    `STORAGE_AZURE_FOLDER=${azure.folder}/`,
    'SSRF_PROTECTION_ENABLED=true',
    '# The browser that loads media through presigned URLs: Test Bucket Access checks the buckets\' CORS rules for it.',
    `LABEL_STUDIO_HOST=${demoLabelStudioOrigin}`,
    '',
  ].join('\n');
  const profileBlock = (name: string) => [`[profile ${name}]`, `region = ${s3.region}`, `endpoint_url = ${s3.endpoint}`, ''];
  const keysBlock = (name: string, bucket: DemoSetup['s3']['passing']) => [
    `[${name}]`,
    `aws_access_key_id = ${bucket.credentials.accessKeyId}`,
    `aws_secret_access_key = ${bucket.credentials.secretAccessKey}`,
    '',
  ];
  const readme = [
    '# Demo buckets',
    '',
    '`npm start` started these on 127.0.0.1 for this session; they are gone when it stops.',
    '',
    '| Bucket | Where | Credentials | Test Bucket Access shows |',
    '| --- | --- | --- | --- |',
    `| \`${s3.passing.name}\` | Ceph RGW (S3) ${s3.endpoint} | AWS profile \`${demoAwsProfiles.writer}\` | **PASSED**: list, write, read back, presigned URL and delete under \`${s3.passing.folder}/\`; its CORS rules let ${demoLabelStudioOrigin} in |`,
    `| \`${s3.deniedWrites.name}\` | Ceph RGW (S3) ${s3.endpoint} | AWS profile \`${demoAwsProfiles.reader}\` | **FAILED**: listing passes, the write and the delete are denied (\`AccessDenied\`); no CORS rule lets Label Studio in |`,
    `| \`${azure.container}\` | Azurite (Azure Blob) ${azure.endpoint} | the account key in \`${demoBucketsFolder}/env.list\` | **PASSED** once you allow the key in env.list |`,
    '',
    `- \`.bucket-doctor.json\` here gives each bucket its endpoint, requirement profile (\`lse-persistence\`), prefix and AWS profile.`,
    '- The AWS profiles live in shared files outside the workspace (AWS_CONFIG_FILE and AWS_SHARED_CREDENTIALS_FILE point',
    '  at `.vscode-test/demo/aws/`), so your own `~/.aws` is not used.',
    '- Open the Bucket Doctor view in the activity bar to browse the sample objects under `lse/`, or run',
    '  **Bucket Doctor: Test Bucket Access** from the Command Palette and pick a bucket.',
    '',
  ].join('\n');
  return {
    workspace: {
      [`${demoBucketsFolder}/.bucket-doctor.json`]: JSON.stringify(config, null, 2) + '\n',
      [`${demoBucketsFolder}/env.list`]: envList,
      [`${demoBucketsFolder}/README.md`]: readme,
    },
    awsConfig: [...profileBlock(demoAwsProfiles.writer), ...profileBlock(demoAwsProfiles.reader)].join('\n'),
    awsCredentials: [...keysBlock(demoAwsProfiles.writer, s3.passing), ...keysBlock(demoAwsProfiles.reader, s3.deniedWrites)].join('\n'),
  };
}

export interface DemoWorkspace {
  /** The folder code-server opens. */
  folder: string;
  /** Environment for code-server: the demo's AWS shared files, and no AWS settings of the user's own. */
  env: Record<string, string | undefined>;
}

/** AWS settings of the user's shell that would otherwise pick credentials or a profile inside the demo. */
const userAwsVariables = ['AWS_PROFILE', 'AWS_DEFAULT_PROFILE', 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AWS_ENDPOINT_URL', 'AWS_ENDPOINT_URL_S3'];

/**
 * Writes `<demoDir>/bucket-doctor-demo` afresh (a copy of `examples`, minus the `.bucket-doctor.json` the editor tests write
 * there and delete) with the demo files on top, and the AWS shared files in `<demoDir>/aws/`. Without `setup` (no
 * buckets could start) the workspace is the examples alone.
 */
export function writeDemoWorkspace(examples: string, demoDir: string, setup: DemoSetup | undefined): DemoWorkspace {
  const folder = join(demoDir, demoWorkspaceName);
  const aws = join(demoDir, 'aws');
  rmSync(folder, { recursive: true, force: true });
  rmSync(aws, { recursive: true, force: true });
  cpSync(examples, folder, { recursive: true, filter: (source) => basename(source) !== '.bucket-doctor.json' });
  const files = setup ? demoFiles(setup) : { workspace: {}, awsConfig: '', awsCredentials: '' };
  for (const [path, text] of Object.entries(files.workspace)) {
    mkdirSync(dirname(join(folder, path)), { recursive: true });
    writeFileSync(join(folder, path), text);
  }
  mkdirSync(aws, { recursive: true, mode: 0o700 });
  const config = join(aws, 'config');
  const credentials = join(aws, 'credentials');
  writeFileSync(config, files.awsConfig, { mode: 0o600 });
  writeFileSync(credentials, files.awsCredentials, { mode: 0o600 });
  return {
    folder,
    env: { ...Object.fromEntries(userAwsVariables.map((name) => [name, undefined])), AWS_CONFIG_FILE: config, AWS_SHARED_CREDENTIALS_FILE: credentials },
  };
}

/** What the console says once the demo is up: where to go, which buckets exist, and what each test shows. */
export function demoInstructions(url: string, setup: DemoSetup | undefined, problem?: string): string {
  const lines = [`Bucket Doctor demo: open ${url}`, ''];
  if (!setup) {
    lines.push(`No demo buckets: ${problem ?? 'they could not be started'}.`, 'The workspace shows the example deployment files (diagnostics, quick fixes, policy lenses) without live storage.');
  } else {
    const { s3, azure } = setup;
    lines.push(
      `Demo buckets (on 127.0.0.1 until you stop the demo; configured in ${demoBucketsFolder}/.bucket-doctor.json):`,
      `  ${s3.passing.name.padEnd(24)} S3 on Ceph RGW ${s3.endpoint}, AWS profile ${demoAwsProfiles.writer}`,
      `  ${s3.deniedWrites.name.padEnd(24)} S3 on Ceph RGW ${s3.endpoint}, AWS profile ${demoAwsProfiles.reader}`,
      `  ${azure.container.padEnd(24)} Azure Blob on Azurite ${azure.endpoint}`,
      '',
      'Try it: open the Bucket Doctor view in the activity bar and expand a bucket to browse its sample objects, or run',
      '"Bucket Doctor: Test Bucket Access" from the Command Palette (F1) and pick a bucket:',
      `  ${s3.passing.name.padEnd(24)} PASSED: list, write, read back, presigned URL, delete under ${s3.passing.folder}/, CORS`,
      `  ${s3.deniedWrites.name.padEnd(24)} FAILED: listing passes, the write and the delete are denied (AccessDenied), no CORS rule`,
      `  ${azure.container.padEnd(24)} PASSED: answer "Use Them" when asked about the key in ${demoBucketsFolder}/env.list,`,
      `  ${''.padEnd(24)} or "Use Other Credentials" and paste Azurite's connection string (a public dev key, not a secret):`,
      `  ${''.padEnd(24)} ${azure.connectionString}`,
    );
  }
  lines.push('', 'Press Ctrl-C to stop.');
  return lines.join('\n');
}
