import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyAndRecheck, findings, preferred, type Files } from './check-helpers';

const rule = 'bucket/invalid-name';
const compose = 'services:\n  app:\n    image: heartexlabs/label-studio-enterprise\n    env_file: env.list\n';

const values = (block: string) => `global:\n  persistence:\n    enabled: true\n    type: s3\n    config:\n${block}`;

test('uppercase S3 bucket in values: error on the value, named rule, lowercase fix keeps quotes and comment', () => {
  const files = { 'lse-values.yaml': values('      s3:\n        bucket: "Acme-Media"   # prod\n        region: us-east-1\n') };
  const [found, ...rest] = findings(rule, files, 'lse-values.yaml');
  assert.equal(rest.length, 0);
  assert.equal(found.severity, 'error');
  assert.deepEqual(found.range, { start: { line: 7, column: 17 }, end: { line: 7, column: 29 } });
  assert.equal(
    found.message,
    'global.persistence.config.s3.bucket breaks the S3 naming rules: uppercase letters are not allowed in S3 bucket names. ' +
      'No bucket can have this name, so every upload, download and presigned URL Label Studio makes for it fails. Use "acme-media".',
  );
  const fixed = applyAndRecheck(files, 'lse-values.yaml', found, preferred(found));
  assert.ok(fixed.includes('        bucket: "acme-media"   # prod\n'));
});

test('an s3:// URI as the bucket: fix to the bare name, and the message says where the prefix goes', () => {
  const files = { 'lse-values.yaml': values('      s3:\n        bucket: s3://acme-media/lse/uploads\n        region: us-east-1\n') };
  const [found] = findings(rule, files, 'lse-values.yaml');
  assert.equal(found.severity, 'error');
  assert.match(found.message, /^global\.persistence\.config\.s3\.bucket is an s3:\/\/ URI, not an S3 bucket name\. No bucket can have this name/);
  assert.match(found.message, /Use "acme-media", and put the prefix "lse\/uploads" in global\.persistence\.config\.s3\.folder\.$/);
  const fixed = applyAndRecheck(files, 'lse-values.yaml', found, preferred(found));
  assert.ok(fixed.includes('        bucket: acme-media\n'));
});

test('an ARN and a bucket/prefix path as the bucket, in an env file read by docker run', () => {
  const env = 'STORAGE_TYPE=s3\nSTORAGE_AWS_BUCKET_NAME=arn:aws:s3:::acme-media/*\nLABEL_STUDIO_STORAGE_AWS_BUCKET_NAME=acme-media/lse\n';
  const files = { 'env.list': env };
  const found = findings(rule, files, 'env.list');
  assert.deepEqual(
    found.map((f) => [f.range.start.line, f.range.start.column, f.range.end.column]),
    [
      [2, 25, 50],
      [3, 38, 52],
    ],
  );
  assert.match(found[0].message, /^STORAGE_AWS_BUCKET_NAME is an S3 ARN, not an S3 bucket name\..* Use "acme-media"\.$/);
  assert.match(found[1].message, /^LABEL_STUDIO_STORAGE_AWS_BUCKET_NAME is a "bucket\/prefix" path.* put the prefix "lse" in STORAGE_AWS_FOLDER\.$/);
  // Fix one finding at a time, each on the text the previous fix left.
  let text = env;
  while (findings(rule, { 'env.list': text }, 'env.list').length > 0) {
    const [next] = findings(rule, { 'env.list': text }, 'env.list');
    text = applyAndRecheck({ 'env.list': text }, 'env.list', next, preferred(next));
  }
  assert.equal(text, 'STORAGE_TYPE=s3\nSTORAGE_AWS_BUCKET_NAME=acme-media\nLABEL_STUDIO_STORAGE_AWS_BUCKET_NAME=acme-media\n');
});

test('docker run keeps quotes: the name inside is judged, and the fix writes it without them', () => {
  const files = { 'env.list': 'STORAGE_TYPE=s3\nSTORAGE_AWS_BUCKET_NAME="Acme"\nSTORAGE_GCS_BUCKET_NAME="acme-gcs"\n' };
  const found = findings(rule, files, 'env.list');
  assert.equal(found.length, 1, 'a valid name in quotes is env/quoted-value\'s business only');
  assert.deepEqual(found[0].range, { start: { line: 2, column: 26 }, end: { line: 2, column: 30 } });
  const fixed = applyAndRecheck(files, 'env.list', found[0], preferred(found[0]));
  assert.equal(fixed, 'STORAGE_TYPE=s3\nSTORAGE_AWS_BUCKET_NAME=acme\nSTORAGE_GCS_BUCKET_NAME="acme-gcs"\n');
});

test('docker run keeps trailing spaces: the space breaks the name, and the fix trims it', () => {
  const files = { 'env.list': 'STORAGE_AWS_BUCKET_NAME=acme-media  \n' };
  const [found] = findings(rule, files, 'env.list');
  assert.match(found.message, /may contain only lowercase letters, digits, "\." and "-"; " " is not allowed/);
  assert.equal(applyAndRecheck(files, 'env.list', found, preferred(found)), 'STORAGE_AWS_BUCKET_NAME=acme-media\n');
});

test('Compose strips quotes and inline comments: the fix edits only the name', () => {
  const env = 'STORAGE_TYPE=gcs\nSTORAGE_GCS_BUCKET_NAME="Acme_GCS"  # bucket\nSTORAGE_GCS_FOLDER=lse\n';
  const files: Files = { 'docker-compose.yml': compose, 'env.list': env };
  const [found] = findings(rule, files, 'env.list');
  assert.deepEqual(found.range, { start: { line: 2, column: 26 }, end: { line: 2, column: 34 } });
  assert.match(found.message, /^STORAGE_GCS_BUCKET_NAME breaks the GCS naming rules: uppercase letters are not allowed in GCS bucket names\./);
  const fixed = applyAndRecheck(files, 'env.list', found, preferred(found));
  assert.equal(fixed, 'STORAGE_TYPE=gcs\nSTORAGE_GCS_BUCKET_NAME="acme_gcs"  # bucket\nSTORAGE_GCS_FOLDER=lse\n');

  const unquoted: Files = { 'docker-compose.yml': compose, 'env.list': 'STORAGE_GCS_BUCKET_NAME=gs://acme-gcs/lse # the bucket\n' };
  const [uri] = findings(rule, unquoted, 'env.list');
  assert.match(uri.message, /is a gs:\/\/ URI, not a GCS bucket name\..*put the prefix "lse" in STORAGE_GCS_FOLDER\.$/);
  assert.equal(applyAndRecheck(unquoted, 'env.list', uri, preferred(uri)), 'STORAGE_GCS_BUCKET_NAME=acme-gcs # the bucket\n');
});

test('a name no rename can save gets no fix: GCS names containing "google"', () => {
  const files = { 'lse-values.yaml': values('      gcs:\n        bucket: acme-google-media\n') };
  const [found] = findings(rule, files, 'lse-values.yaml');
  assert.equal(found.message.split('. ')[0], 'global.persistence.config.gcs.bucket breaks the GCS naming rules: GCS bucket names must not contain "google" or look-alikes such as "g00gle"');
  assert.match(found.message, /Use the real bucket name\.$/);
  assert.equal(found.fixes, undefined);
});

test('Azure: a blob URL with a SAS as the container, an account name with a hyphen; the secret never shows', () => {
  const block =
    '      azure:\n' +
    '        storageAccountName: acme-store\n' +
    '        containerName: "https://acmestore.blob.core.windows.net/media/lse?sv=2024-01-01&sig=c2VjcmV0c2lnbmF0dXJl"\n';
  const files = { 'lse-values.yaml': values(block) };
  const found = findings(rule, files, 'lse-values.yaml');
  assert.equal(found.length, 2);
  const [account, container] = found;
  assert.match(account.message, /storageAccountName breaks the Azure naming rules: Azure storage account names may contain only lowercase letters and digits; "-" is not allowed\. Label Studio builds the endpoint/);
  assert.equal(account.fixes, undefined);
  assert.match(container.message, /^global\.persistence\.config\.azure\.containerName is an Azure blob URL, not an Azure container name\./);
  assert.match(container.message, /Use "media", and put the prefix "lse" in global\.persistence\.config\.azure\.folder and the account "acmestore" in global\.persistence\.config\.azure\.storageAccountName\.$/);
  for (const f of found) assert.doesNotMatch(f.message, /c2VjcmV0|sig=/);
  const fixed = applyAndRecheck(files, 'lse-values.yaml', container, preferred(container));
  assert.ok(fixed.includes('        containerName: "media"\n'));
});

test('an Azure connection string pasted as the account: the account name is the fix, the key is never echoed', () => {
  const env = 'STORAGE_TYPE=azure\nSTORAGE_AZURE_ACCOUNT_NAME=DefaultEndpointsProtocol=https;AccountName=acmestore;AccountKey=c2VjcmV0a2V5==;EndpointSuffix=core.windows.net\n';
  const files = { 'env.list': env };
  const [found] = findings(rule, files, 'env.list');
  assert.match(found.message, /^STORAGE_AZURE_ACCOUNT_NAME is an Azure connection string, not an Azure storage account name\..* Use "acmestore"\.$/);
  assert.doesNotMatch(found.message, /c2VjcmV0a2V5/);
  assert.equal(applyAndRecheck(files, 'env.list', found, preferred(found)), 'STORAGE_TYPE=azure\nSTORAGE_AZURE_ACCOUNT_NAME=acmestore\n');
});

test('a URI of another provider is named as such and not "fixed" into the wrong setting', () => {
  const files = { 'env.list': 'STORAGE_AWS_BUCKET_NAME=gs://acme-gcs\n' };
  const [found] = findings(rule, files, 'env.list');
  assert.match(found.message, /is a gs:\/\/ URI, not an S3 bucket name \(and it points at GCS, not S3\)\./);
  assert.equal(found.fixes, undefined);
});

test('names reserved for other S3 resources are an info, without a fix', () => {
  const files = { 'env.list': 'STORAGE_AWS_BUCKET_NAME=media-ap-abc123-s3alias\n' };
  const [found] = findings(rule, files, 'env.list');
  assert.equal(found.severity, 'info');
  assert.match(found.message, /^STORAGE_AWS_BUCKET_NAME: S3 bucket names ending in "-s3alias" are reserved for S3 access point aliases, so this is not a general-purpose bucket\./);
  assert.equal(found.fixes, undefined);
});

test('with an S3-compatible endpoint, AWS-only reservations are skipped and the rest is a warning', () => {
  const minio = (bucket: string) => values(`      s3:\n        bucket: ${bucket}\n        endpointUrl: http://minio.storage.svc:9000\n`);
  assert.deepEqual(findings(rule, { 'lse-values.yaml': minio('amzn-s3-demo-bucket') }, 'lse-values.yaml'), []);
  const files = { 'lse-values.yaml': minio('Acme_Media') };
  const [found] = findings(rule, files, 'lse-values.yaml');
  assert.equal(found.severity, 'warning');
  assert.match(found.message, /The endpoint is an S3-compatible server, whose own rules apply; most \(MinIO, Ceph by default\) enforce these too/);
  assert.match(found.message, /Use the real bucket name\.$/);
  // An endpoint on AWS's own domain keeps AWS's rules.
  const aws = values('      s3:\n        bucket: amzn-s3-demo-bucket\n        endpointUrl: https://s3.us-east-1.amazonaws.com\n');
  assert.equal(findings(rule, { 'lse-values.yaml': aws }, 'lse-values.yaml')[0].severity, 'error');
});

test('placeholders and empty values are skipped silently', () => {
  const files = {
    'env.list': 'STORAGE_AWS_BUCKET_NAME=<YOUR_BUCKET_NAME>\nSTORAGE_GCS_BUCKET_NAME=${GCS_BUCKET}\nSTORAGE_AZURE_CONTAINER_NAME=\nSTORAGE_AZURE_ACCOUNT_NAME\n',
    'lse-values.yaml': values('      s3:\n        bucket: "{{ .Values.bucket }}"\n      azure:\n        containerName: ""\n'),
  };
  assert.deepEqual(findings(rule, files, 'env.list'), []);
  assert.deepEqual(findings(rule, files, 'lse-values.yaml'), []);
});

test('valid names of every provider and kind: no finding', () => {
  const good = values(
    '      s3:\n        bucket: acme.media-1\n' +
      '      gcs:\n        bucket: acme_media\n' +
      '      azure:\n        storageAccountName: acmestore01\n        containerName: $web\n',
  );
  assert.deepEqual(findings(rule, { 'lse-values.yaml': good }, 'lse-values.yaml'), []);
  const env = 'STORAGE_AWS_BUCKET_NAME=acme-media\nSTORAGE_GCS_BUCKET_NAME=acme_media\nSTORAGE_AZURE_ACCOUNT_NAME=acmestore\nSTORAGE_AZURE_CONTAINER_NAME=lse-media\n';
  assert.deepEqual(findings(rule, { 'env.list': env }, 'env.list'), []);
  assert.deepEqual(findings(rule, { 'env.list': env, 'docker-compose.yml': compose }, 'env.list'), []);
});
