// Property tests over generated values files: the values rules never throw, stay linear, and every fix they offer
// leaves a file that parses and no longer has that finding.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import type { Finding } from '../../../src/core/model';
import { checkFile } from '../../../src/core/check';
import { applyEdits } from '../../../src/core/text';
import { Workspace } from '../../../src/core/workspace';
import { check } from './check-helpers';

const path = 'lse-values.yaml';

const scalar = fc.constantFrom(
  '""', "''", '~', '', 'S3', 's3', 'gcs', 'azure', 'volume', 'minio', '86400', '"86400"', '2592000', '"24h"', 'lse-storage', 'accesskey',
  '"<YOUR_BUCKET_NAME>"', 'wJalrXUtnFEMIK7MDENGbPxRfiCYzzzzzzzzzzzz', '{}', '[]', 'arn:aws:iam::123456789012:role/lse',
  'arn:aws:sts::123456789012:assumed-role/lse/s', '"serviceAccount:a@p.iam.gserviceaccount.com"', 'lse', '&a x', '*a', '!!str 1',
  'true', 'false', 'yes', 'off',
);
const configKey = fc.constantFrom(
  'bucket', 'region', 'projectID', 'containerName', 'accessKey', 'secretKey', 'accessKeyExistingSecret', 'accessKeyExistingSecretKey',
  'secretKeyExistingSecret', 'secretKeyExistingSecretKey', 'applicationCredentialsJSON', 'applicationCredentialsJSONExistingSecret',
  'applicationCredentialsJSONExistingSecretKey', 'storageAccountName', 'storageAccountKey', 'storageAccountKeyExistingSecret',
  'storageAccountKeyExistingSecretKey', 'urlExpirationSecs', 'endpointUrl',
);
const annotation = fc.constantFrom('eks.amazonaws.com/role-arn', 'iam.gke.io/gcp-service-account');

/** A mapping: its entries, each a scalar written as YAML text or a nested mapping. */
type Tree = [string, Tree | string][];
const entries = (keys: fc.Arbitrary<string>, values: fc.Arbitrary<Tree | string>) =>
  fc.uniqueArray(fc.tuple(keys, values), { maxLength: 6, selector: ([k]) => k }) as fc.Arbitrary<Tree>;

const block = entries(configKey, scalar);
const config = entries(fc.constantFrom('s3', 'gcs', 'azure', 'volume'), fc.oneof(block, scalar) as fc.Arbitrary<Tree | string>);
const persistence = entries(fc.constantFrom('type', 'enabled', 'config'), fc.oneof(config, scalar) as fc.Arbitrary<Tree | string>);
const serviceAccount = entries(fc.constantFrom('annotations', 'create'), fc.oneof(entries(annotation, scalar), scalar) as fc.Arbitrary<Tree | string>);
const pod = entries(fc.constantFrom('serviceAccount', 'persistence', 'replicas', 'extraVolumeMounts'), fc.oneof(serviceAccount, persistence, scalar) as fc.Arbitrary<Tree | string>);
const global = entries(fc.constantFrom('persistence', 'image', 'customCaCerts'), fc.oneof(persistence, scalar) as fc.Arbitrary<Tree | string>);
const license = entries(fc.constantFrom('secretName', 'secretKey'), scalar);
const enterprise = entries(fc.constantFrom('enabled', 'enterpriseLicense'), fc.oneof(license, scalar) as fc.Arbitrary<Tree | string>);
const anyRoot = entries(fc.constantFrom('global', 'app', 'rqworker', 'persistence', 'enterprise'), fc.oneof(global, pod, persistence, enterprise, scalar) as fc.Arbitrary<Tree | string>);
// Real lse-values.yaml files turn Enterprise on; persistence.enabled is then checked, so it is written or left out.
const switches = fc.tuple(fc.constantFrom('true', 'yes', 'false'), fc.option(fc.constantFrom('true', 'false', 'off', '', '~'), { nil: undefined }));
// Most findings need a type and its own block: build those on purpose, with both pods around them.
const focused = fc.tuple(fc.constantFrom('s3', 'gcs', 'azure'), switches, block, block, pod, pod).map(([type, [enterpriseOn, persistenceOn], own, other, app, rqworker]): Tree => [
  ['global', [['customCaCerts', '[/certs/ca.pem]'], ['persistence', [...(persistenceOn === undefined ? [] : [['enabled', persistenceOn] as Tree[number]]), ['type', type], ['config', [[type, own], [type === 's3' ? 'gcs' : 's3', other]]]]]]],
  ['enterprise', [['enabled', enterpriseOn]]],
  ['app', app],
  ['rqworker', rqworker],
]);
const root = fc.oneof(anyRoot, focused);

function render(tree: Tree, indent: string, unit: string, comments: boolean): string {
  return tree
    .map(([key, value]) => {
      const note = comments ? '  # note' : '';
      if (typeof value === 'string') return `${indent}${key}:${value ? ` ${value}` : ''}${value.startsWith('&') || value.startsWith('!!') ? '' : note}\n`;
      return `${indent}${key}:${note}\n${render(value, indent + unit, unit, comments)}`;
    })
    .join('');
}

const files = fc.tuple(root, fc.constantFrom('  ', '   ', '    '), fc.boolean(), fc.boolean()).map(([tree, unit, comments, crlf]) => {
  const text = render(tree, '', unit, comments);
  return crlf ? text.replace(/\n/g, '\r\n') : text;
});

const key = (f: Finding) => `${f.ruleId}|${f.message}`;

/** The file's parse problems and a check of it that reuses that parse (the workspace memoizes it). */
function parsed(text: string) {
  const workspace = new Workspace([{ path, text }]);
  const file = workspace.get(path);
  assert.ok(file);
  return { problems: workspace.yaml(file).problems, check: () => checkFile(workspace, file) };
}

test('generated values files: no values rule throws, every fix parses and removes its finding', () => {
  fc.assert(
    fc.property(files, (text) => {
      const before = parsed(text);
      if (before.problems.length > 0) return;
      const found = before.check().filter((f) => f.ruleId.startsWith('values/'));
      for (const finding of found) {
        assert.doesNotMatch(finding.message, /could not finish rule/, `${finding.ruleId} threw on:\n${text}`);
        for (const fix of finding.fixes ?? []) {
          const fixed = applyEdits(text, fix.edits);
          const after = parsed(fixed);
          assert.deepEqual(after.problems, [], `${finding.ruleId} "${fix.title}" must leave parsing YAML:\n${text}\n---\n${fixed}`);
          assert.ok(!after.check().some((f) => key(f) === key(finding)), `${finding.ruleId} "${fix.title}" must remove its finding:\n${text}\n---\n${fixed}`);
        }
      }
    }),
    { seed: 42, numRuns: 3000 },
  );
});

test('the values rules stay linear in the size of the file', () => {
  const annotations = (n: number) => Array.from({ length: n }, (_, i) => `      example.com/a${i}: "${'v'.repeat(20)}"\n`).join('');
  const big = (n: number) =>
    `global:\n  customCaCerts:\n${Array.from({ length: n }, (_, i) => `    - /certs/${i}.pem\n`).join('')}  persistence:\n    type: s3\n    config:\n      s3:\n        bucket: a\n` +
    `app:\n  extraVolumeMounts:\n${Array.from({ length: n }, (_, i) => `    - name: v${i}\n      mountPath: /m/${i}\n`).join('')}  serviceAccount:\n    annotations:\n${annotations(n)}`;
  const time = (n: number) => {
    const text = big(n);
    const start = performance.now();
    check({ [path]: text }, path);
    return performance.now() - start;
  };
  time(200);
  const small = time(500);
  const large = time(2000);
  // Four times the input; a quadratic rule would take sixteen times as long.
  assert.ok(large < small * 10 + 50, `500 → ${small.toFixed(1)} ms, 2000 → ${large.toFixed(1)} ms`);
});
