import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyAndRecheck, findings, preferred, type Files } from './check-helpers';

const id = 'values/misplaced-persistence';
const path = 'lse-values.yaml';

const s3Block = (indent: string) =>
  [
    'persistence:',
    '  type: s3',
    '  config:',
    '    s3:',
    '      bucket: "acme-media"   # media bucket',
    '      region: "us-east-1"',
    '      accessKeyExistingSecret: "lse-storage"',
    '      accessKeyExistingSecretKey: "accesskey"',
    '      secretKeyExistingSecret: "lse-storage"',
    '      secretKeyExistingSecretKey: "secretkey"',
  ]
    .map((line) => indent + line)
    .join('\n');

const image = 'global:\n  image:\n    repository: heartexlabs/label-studio-enterprise\n';

test('persistence at the top level is ignored by the chart: moved under the existing global:, comments kept', () => {
  const files: Files = { [path]: `${image}# storage\n${s3Block('')}\napp:\n  replicas: 2\n` };
  const [finding, ...rest] = findings(id, files, path);
  assert.equal(rest.length, 0);
  assert.equal(finding.severity, 'error');
  assert.deepEqual(finding.range, { start: { line: 5, column: 1 }, end: { line: 5, column: 12 } });
  assert.match(finding.message, /^persistence is at the top level: the chart reads storage settings only from global.persistence/);
  assert.match(finding.message, /Move it under global:\.$/);
  const fixed = applyAndRecheck(files, path, finding, preferred(finding));
  assert.equal(fixed, `${image}  # storage\n${s3Block('  ')}\napp:\n  replicas: 2\n`);
});

test('without global:, the top-level block becomes global.persistence in place', () => {
  const files: Files = { [path]: `${s3Block('')}\napp:\n  replicas: 2\n` };
  const [finding] = findings(id, files, path);
  const fixed = applyAndRecheck(files, path, finding, preferred(finding));
  assert.equal(fixed, `global:\n${s3Block('  ')}\napp:\n  replicas: 2\n`);
});

test('persistence under app fails the schema: moved to the end of global, app keeps its other keys', () => {
  const files: Files = { [path]: `${image}app:\n  replicas: 2\n${s3Block('  ')}\n  resources: {}\n` };
  const [finding] = findings(id, files, path);
  assert.deepEqual(finding.range.start, { line: 6, column: 3 });
  assert.match(finding.message, /^app\.persistence is under app: app has no persistence key and its schema forbids unknown keys, so helm install fails/);
  const fixed = applyAndRecheck(files, path, finding, preferred(finding));
  assert.equal(fixed, `${image}${s3Block('  ')}\napp:\n  replicas: 2\n  resources: {}\n`);
});

test('a pod block holding only persistence is replaced by global: (no empty rqworker: left behind)', () => {
  const files: Files = { [path]: `app:\n  replicas: 2\nrqworker:\n${s3Block('  ')}\n` };
  const [finding] = findings(id, files, path);
  assert.match(finding.message, /^rqworker\.persistence is under rqworker/);
  const fixed = applyAndRecheck(files, path, finding, preferred(finding));
  assert.equal(fixed, `app:\n  replicas: 2\nglobal:\n${s3Block('  ')}\n`);
});

test('a pod block with other keys and no global: global: goes above the first root key', () => {
  const files: Files = { [path]: `# values\napp:\n${s3Block('  ')}\n  replicas: 2\n` };
  const [finding] = findings(id, files, path);
  const fixed = applyAndRecheck(files, path, finding, preferred(finding));
  assert.equal(fixed, `# values\nglobal:\n${s3Block('  ')}\napp:\n  replicas: 2\n`);
});

test('an empty global: takes the block, in the file\'s own indentation step', () => {
  const block = s3Block('').replace(/^ +/gm, (spaces) => ' '.repeat((spaces.length / 2) * 3));
  const files: Files = { [path]: `global:\n${block}\napp:\n   replicas: 2\n` };
  const [finding] = findings(id, files, path);
  const fixed = applyAndRecheck(files, path, finding, preferred(finding));
  assert.equal(fixed, `global:\n${block.replace(/^/gm, '   ')}\napp:\n   replicas: 2\n`);
});

test('with global.persistence already there: no automatic fix, the message says to merge by hand', () => {
  const files: Files = { [path]: `global:\n${s3Block('  ')}\n${s3Block('')}\n` };
  const [finding] = findings(id, files, path);
  assert.match(finding.message, /global\.persistence exists too, so merge these keys into it by hand and remove this block\./);
  assert.equal(finding.fixes, undefined);
});

test('good: global.persistence, and other charts\' top-level persistence blocks, are not reported', () => {
  assert.deepEqual(findings(id, { [path]: `global:\n${s3Block('  ')}\n` }, path), []);
  const postgres = 'persistence:\n  enabled: true\n  size: 8Gi\n  storageClass: gp3\n';
  assert.deepEqual(findings(id, { 'postgres-values.yaml': postgres }, 'postgres-values.yaml'), []);
  const grafana = 'persistence:\n  type: pvc\n  enabled: false\n';
  assert.deepEqual(findings(id, { 'grafana-values.yaml': grafana }, 'grafana-values.yaml'), []);
});
