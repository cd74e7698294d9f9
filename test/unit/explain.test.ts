import assert from 'node:assert/strict';
import { test } from 'node:test';
import { completionsAt, hoverAt } from '../../src/core/explain';
import { Workspace } from '../../src/core/workspace';

function file(path: string, text: string) {
  const f = new Workspace([{ path, text }]).get(path);
  assert.ok(f);
  return f;
}

const values = 'global:\n  persistence:\n    type: s3\n    config:\n      s3:\n        bucket: "acme"\n        \napp:\n  serviceAccount:\n    annotations: {}\n';

test('hover explains chart keys by their place in the tree', () => {
  const f = file('lse-values.yaml', values);
  const hover = hoverAt(f, values.indexOf('bucket'));
  assert.match(hover ?? '', /^\*\*bucket\*\* \(string\)\n\nS3 bucket name/);
  assert.match(hover ?? '', /Rendered as `STORAGE_AWS_BUCKET_NAME`/);
  assert.match(hoverAt(f, values.indexOf('annotations')) ?? '', /eks\.amazonaws\.com\/role-arn/);
  // `bucket` outside global.persistence.config.s3 is not the chart's key.
  const other = file('lse-values.yaml', 'global:\n  persistence:\n    type: s3\nbucket: x\n');
  assert.equal(hoverAt(other, other.text.indexOf('bucket')), undefined);
});

test('hover explains env variables, including how Label Studio parses them and prefix shadowing', () => {
  const text = 'STORAGE_AWS_X_AMZ_EXPIRES=86400\nLABEL_STUDIO_STORAGE_TYPE=s3\nUNRELATED=1\n';
  const f = file('env.list', text);
  assert.match(hoverAt(f, 3) ?? '', /Value: integer/);
  assert.match(hoverAt(f, text.indexOf('LABEL_STUDIO')) ?? '', /before `STORAGE_TYPE`/);
  assert.equal(hoverAt(f, text.indexOf('UNRELATED')), undefined);
});

test('completion offers the keys of the block under the cursor', () => {
  const f = file('lse-values.yaml', values);
  const at = values.indexOf('        \napp') + 8;
  const labels = completionsAt(f, at).map((c) => c.label);
  assert.ok(labels.includes('region') && labels.includes('endpointUrl') && labels.includes('secretKeyExistingSecret'));
  assert.ok(!labels.includes('containerName'));
});

test('completion offers storage types after type: and STORAGE_TYPE=', () => {
  const v = file('lse-values.yaml', 'global:\n  persistence:\n    type: \n');
  assert.deepEqual(completionsAt(v, v.text.indexOf('type: ') + 6).map((c) => c.label), ['s3', 'gcs', 'azure', 'volume']);
  const e = file('env.list', 'STORAGE_TYPE=\n');
  assert.deepEqual(completionsAt(e, 13).map((c) => c.label), ['s3', 'gcs', 'azure']);
  const names = completionsAt(file('env.list', 'STOR\n'), 4).map((c) => c.label);
  assert.ok(names.includes('STORAGE_AWS_BUCKET_NAME'));
});
