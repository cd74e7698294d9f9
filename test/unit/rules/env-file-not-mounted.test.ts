import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Finding } from '../../../src/core/model';
import { parseYaml } from '../../../src/core/sources/yaml-file';
import { applyEdits } from '../../../src/core/text';
import { check, findings, preferred, type Files } from './check-helpers';

const gcs = 'STORAGE_TYPE=gcs\nSTORAGE_GCS_BUCKET_NAME=acme-media\nSTORAGE_GCS_PROJECT_ID=acme-prod\nSSRF_PROTECTION_ENABLED=true\n';
const keyPath = '/opt/heartex/secrets/key.json';
const env = `${gcs}GOOGLE_APPLICATION_CREDENTIALS=${keyPath}\n`;

/**
 * Applies the preferred fix, whose edits go to the compose file: the compose file must still parse, the finding
 * must be gone, and neither file may gain a finding. Returns the new compose text.
 */
function applyComposeFix(files: Files, envPath: string, finding: Finding): string {
  const fix = preferred(finding);
  const composePath = fix.edits[0].file;
  assert.ok(composePath, 'the edits name the compose file');
  assert.ok(fix.edits.every((e) => e.file === composePath));
  const text = applyEdits(files[composePath], fix.edits);
  assert.deepEqual(parseYaml(text).problems, [], `fixed compose file must parse:\n${text}`);
  const fixed = { ...files, [composePath]: text };
  const key = (f: Finding) => `${f.ruleId}|${f.message}`;
  for (const path of [envPath, composePath]) {
    const before = new Set(check(files, path).map(key));
    const after = check(fixed, path);
    assert.ok(!after.some((f) => key(f) === key(finding)), `the finding must be gone:\n${text}`);
    assert.deepEqual(after.filter((f) => !before.has(key(f))), [], `no new finding in ${path}:\n${text}`);
  }
  return text;
}

test('a key path no volume mounts: error naming every service, fix mounts it in each', () => {
  const compose = 'services:\n  app:\n    image: heartexlabs/label-studio-enterprise\n    env_file: env.list\n    volumes:\n      - ./data:/label-studio/data\n  rqworker:\n    image: heartexlabs/label-studio-enterprise\n    env_file: env.list\n';
  const files = { 'env.list': env, 'docker-compose.yml': compose };
  const [found, ...rest] = findings('env/file-not-mounted', files, 'env.list');
  assert.deepEqual(rest, []);
  assert.equal(found.severity, 'error');
  assert.deepEqual(found.range, { start: { line: 5, column: 32 }, end: { line: 5, column: 32 + keyPath.length } });
  assert.equal(
    found.message,
    `GOOGLE_APPLICATION_CREDENTIALS points to ${keyPath}, but no volume of the compose services "app" and "rqworker" in docker-compose.yml mounts it: the file does not exist in the container, so Google authentication fails and Label Studio cannot reach the bucket. Mount the file there.`,
  );
  assert.equal(
    applyComposeFix(files, 'env.list', found),
    'services:\n  app:\n    image: heartexlabs/label-studio-enterprise\n    env_file: env.list\n    volumes:\n      - ./data:/label-studio/data\n' +
      `      - ./service-account-file.json:${keyPath}:ro\n` +
      '  rqworker:\n    image: heartexlabs/label-studio-enterprise\n    env_file: env.list\n' +
      `    volumes:\n      - ./service-account-file.json:${keyPath}:ro\n`,
  );
});

test('the new volume follows the list it joins: quoted items, long syntax, flow lists, an empty key', () => {
  const head = 'services:\n  app:\n    image: x\n    env_file: [env.list]\n';
  const layouts: [string, string][] = [
    ['    volumes:\n    - "./data:/data"\n', `    volumes:\n    - "./data:/data"\n    - "./service-account-file.json:${keyPath}:ro"\n`],
    [
      '    volumes:\n      - type: bind\n        source: ./data\n        target: /data   # media\n',
      `    volumes:\n      - type: bind\n        source: ./data\n        target: /data   # media\n      - type: bind\n        source: ./service-account-file.json\n        target: ${keyPath}\n        read_only: true\n`,
    ],
    ['    volumes: ["./data:/data"]\n', `    volumes: ["./data:/data", "./service-account-file.json:${keyPath}:ro"]\n`],
    ['    volumes: []\n', `    volumes: [./service-account-file.json:${keyPath}:ro]\n`],
    ['    volumes: # mounts\n    ports:\n    - "8080:8000"\n', `    volumes: # mounts\n    - ./service-account-file.json:${keyPath}:ro\n    ports:\n    - "8080:8000"\n`],
  ];
  for (const [layout, expected] of layouts) {
    const files = { 'env.list': env, 'docker-compose.yml': head + layout };
    const [found] = findings('env/file-not-mounted', files, 'env.list');
    assert.ok(found, layout);
    assert.equal(applyComposeFix(files, 'env.list', found), head + expected);
  }
});

test('CUSTOM_CA_CERTS: each listed file is checked on its own, with its own range', () => {
  const compose = 'services:\n  app:\n    image: x\n    env_file: env.list\n    volumes:\n      - ./certs:/certs\n';
  const certs = `${gcs}CUSTOM_CA_CERTS=/certs/corp.pem,/opt/proxy.pem,/etc/ssl/certs/ca-certificates.crt\n`;
  const files = { 'env.list': certs, 'docker-compose.yml': compose };
  const [found, ...rest] = findings('env/file-not-mounted', files, 'env.list');
  assert.deepEqual(rest, []);
  assert.deepEqual(found.range, { start: { line: 5, column: 33 }, end: { line: 5, column: 47 } });
  assert.match(found.message, /^CUSTOM_CA_CERTS points to \/opt\/proxy\.pem, but no volume of the compose service "app" in docker-compose\.yml mounts it: .*the entrypoint skips it/);
  assert.match(applyComposeFix(files, 'env.list', found), / {6}- \.\/proxy\.pem:\/opt\/proxy\.pem:ro\n$/);
});

test('the compose file of another folder: paths and edits are workspace-relative', () => {
  const files = { 'deploy/env.list': env.replace(keyPath, '/run/creds/gcs.json'), 'deploy/docker-compose.yml': 'services:\n  app:\n    image: x\n    env_file: ./env.list\n' };
  const [found] = findings('env/file-not-mounted', files, 'deploy/env.list');
  assert.match(found.message, /"app" in deploy\/docker-compose\.yml/);
  assert.equal(preferred(found).edits[0].file, 'deploy/docker-compose.yml');
  applyComposeFix(files, 'deploy/env.list', found);
});

test('mounted files, folders above them, Compose secrets, system CA bundles and docker run are not reported', () => {
  const compose = (volumes: string) => `services:\n  app:\n    image: x\n    env_file: env.list\n    volumes:\n${volumes}`;
  const good: Files[] = [
    { 'env.list': env, 'docker-compose.yml': compose(`      - ./key.json:${keyPath}:ro\n`) },
    { 'env.list': env, 'docker-compose.yml': compose('      - ./secrets:/opt/heartex/secrets/\n') },
    { 'env.list': env, 'docker-compose.yml': compose('      - type: bind\n        source: ./secrets\n        target: /opt/heartex\n') },
    { 'env.list': `${gcs}GOOGLE_APPLICATION_CREDENTIALS=/run/secrets/gcs_key\nAWS_CA_BUNDLE=/etc/ssl/certs/ca-certificates.crt\n`, 'docker-compose.yml': compose('      - ./data:/data\n') },
    { 'env.list': `${gcs}GOOGLE_APPLICATION_CREDENTIALS=key.json\nAWS_CA_BUNDLE=\${CA_BUNDLE}\n`, 'docker-compose.yml': compose('      - ./data:/data\n') },
    { 'env.list': env },
  ];
  for (const files of good) assert.deepEqual(findings('env/file-not-mounted', files, 'env.list'), [], JSON.stringify(files));
});

test('a volume from docker-compose.override.yml counts: Compose merges services of the same name', () => {
  const files = {
    'env.list': env,
    'docker-compose.yml': 'services:\n  app:\n    image: x\n    env_file: env.list\n',
    'docker-compose.override.yml': `services:\n  app:\n    volumes:\n      - ./key.json:${keyPath}:ro\n`,
  };
  assert.deepEqual(findings('env/file-not-mounted', files, 'env.list'), []);
  // An override in another folder belongs to another project.
  const elsewhere = { 'env.list': env, 'docker-compose.yml': files['docker-compose.yml'], 'other/docker-compose.override.yml': files['docker-compose.override.yml'] };
  assert.equal(findings('env/file-not-mounted', elsewhere, 'env.list').length, 1);
});

test('no fix when the compose file does not parse', () => {
  const files = { 'env.list': env, 'docker-compose.yml': 'services:\n  app:\n    image: x\n    env_file: env.list\n    ports: [8080\n' };
  const found = findings('env/file-not-mounted', files, 'env.list');
  assert.equal(found.length, 1);
  assert.equal(found[0].fixes, undefined);
});
