// The cloud naming rules as tables of good and bad names per provider, the locations pasted where a name belongs,
// and a property test: the validators never throw, and accept exactly the names the documented rules describe.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import {
  azureAccountNameViolations,
  azureContainerNameViolations,
  gcsBucketNameViolations,
  locationInName,
  nameViolations,
  parseStorageUrl,
  s3BucketNameViolations,
  type NameViolation,
} from '../../src/core/naming';

type Table = [name: string, rules: string[]][];

function assertTable(validate: (name: string) => NameViolation[], table: Table) {
  for (const [name, rules] of table) assert.deepEqual(validate(name).map((v) => v.rule), rules, `"${name}"`);
}

test('S3 bucket names', () => {
  assertTable(s3BucketNameViolations, [
    ['abc', []],
    ['acme-media', []],
    ['my.bucket.name', []],
    ['123', []],
    ['a'.repeat(63), []],
    ['xn-abc', []],
    ['sthree', []],
    ['1.2.3', []],
    ['1.2.3.4.5', []],
    ['', ['length']],
    ['ab', ['length']],
    ['a'.repeat(64), ['length']],
    ['Acme', ['uppercase']],
    ['acme_media', ['characters']],
    ['acme media', ['characters']],
    ['My_Bucket', ['uppercase', 'characters']],
    ['-acme', ['edge']],
    ['acme.', ['edge']],
    ['_acme', ['characters']],
    ['acme..media', ['adjacent-periods']],
    ['192.168.5.4', ['ip-address']],
    ['xn--abc', ['reserved-prefix']],
    ['sthree-abc', ['reserved-prefix']],
    ['amzn-s3-demo-bucket', ['reserved-prefix']],
    ['x-s3alias', ['reserved-suffix']],
    ['x--ol-s3', ['reserved-suffix']],
    ['x.mrap', ['reserved-suffix']],
    ['base--usw2-az1--x-s3', ['reserved-suffix']],
    ['x--table-s3', ['reserved-suffix']],
  ]);
});

test('S3 violations name the exact rule, and reserved suffixes say what they are reserved for', () => {
  assert.equal(s3BucketNameViolations('Acme')[0].message, 'uppercase letters are not allowed in S3 bucket names');
  assert.equal(s3BucketNameViolations('a_b c')[0].message, 'S3 bucket names may contain only lowercase letters, digits, "." and "-"; "_", " " are not allowed');
  assert.equal(s3BucketNameViolations('ab')[0].message, 'S3 bucket names must be 3 to 63 characters long (this one has 2)');
  assert.equal(s3BucketNameViolations('amzn-s3-demo-bucket')[0].message, 'S3 bucket names starting with "amzn-s3-demo-" are reserved for AWS documentation examples');
  assert.equal(s3BucketNameViolations('x-s3alias')[0].reservedFor, 'S3 access point aliases');
  assert.equal(s3BucketNameViolations('acme')[0], undefined);
});

test('GCS bucket names', () => {
  const dotted63 = `${'a'.repeat(63)}.${'b'.repeat(63)}`;
  assertTable(gcsBucketNameViolations, [
    ['acme_media', []],
    ['acme-media', []],
    ['a.b.c', []],
    [dotted63, []],
    [`${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(30)}`, []],
    ['abc', []],
    ['ab', ['length']],
    ['a'.repeat(64), ['length']],
    [`${'a'.repeat(64)}.com`, ['length']],
    [`${dotted63}.${'c'.repeat(63)}.${'d'.repeat(31)}`, ['length']],
    ['Acme', ['uppercase']],
    ['acme media', ['characters']],
    ['acme/media', ['characters']],
    ['_acme', ['edge']],
    ['acme.', ['edge']],
    ['acme-', ['edge']],
    ['10.0.0.1', ['ip-address']],
    ['goog-bucket', ['reserved-prefix']],
    ['my-google-bucket', ['google']],
    ['g00gle-media', ['google']],
    ['googlebucket', ['reserved-prefix', 'google']],
  ]);
  assert.equal(gcsBucketNameViolations(`${'a'.repeat(64)}.com`)[0].message, 'each dot-separated part of a GCS bucket name must be at most 63 characters long');
});

test('Azure container names', () => {
  assertTable(azureContainerNameViolations, [
    ['media', []],
    ['lse-media-1', []],
    ['123', []],
    ['a'.repeat(63), []],
    ['$root', []],
    ['$logs', []],
    ['$web', []],
    ['ab', ['length']],
    ['a'.repeat(64), ['length']],
    ['Media', ['uppercase']],
    ['lse_media', ['characters']],
    ['lse.media', ['characters']],
    ['$foo', ['characters']],
    ['-lse', ['hyphens']],
    ['lse-', ['hyphens']],
    ['lse--media', ['hyphens']],
  ]);
});

test('Azure storage account names', () => {
  assertTable(azureAccountNameViolations, [
    ['acmestorage', []],
    ['abc', []],
    ['abc123', []],
    ['a'.repeat(24), []],
    ['ab', ['length']],
    ['a'.repeat(25), ['length']],
    ['AcmeStorage', ['uppercase']],
    ['acme-storage', ['characters']],
    ['acme.storage', ['characters']],
  ]);
  assert.equal(azureAccountNameViolations('acme-storage')[0].message, 'Azure storage account names may contain only lowercase letters and digits; "-" is not allowed');
});

test('nameViolations dispatches by provider and kind, and knows no GCS containers', () => {
  assert.deepEqual(nameViolations('s3', 'bucket', 'Acme').map((v) => v.rule), ['uppercase']);
  assert.deepEqual(nameViolations('gcs', 'bucket', 'a_b').map((v) => v.rule), []);
  assert.deepEqual(nameViolations('azure', 'container', 'a_b').map((v) => v.rule), ['characters']);
  assert.deepEqual(nameViolations('azure', 'account', 'a-b').map((v) => v.rule), ['characters']);
  assert.deepEqual(nameViolations('gcs', 'container', 'A'), []);
  assert.deepEqual(nameViolations('s3', 'account', 'A'), []);
});

test('locations pasted where a name belongs', () => {
  const cases: [string, ReturnType<typeof locationInName>][] = [
    ['s3://acme', { form: 'an s3:// URI', provider: 's3', bucket: 'acme', prefix: '' }],
    ['s3://acme/lse/media/', { form: 'an s3:// URI', provider: 's3', bucket: 'acme', prefix: 'lse/media/' }],
    ['S3A://acme/x', { form: 'an s3a:// URI', provider: 's3', bucket: 'acme', prefix: 'x' }],
    ['arn:aws:s3:::acme', { form: 'an S3 ARN', provider: 's3', bucket: 'acme', prefix: '' }],
    ['arn:aws-cn:s3:::acme/lse/*', { form: 'an S3 ARN', provider: 's3', bucket: 'acme', prefix: 'lse/' }],
    ['gs://acme-gcs/lse', { form: 'a gs:// URI', provider: 'gcs', bucket: 'acme-gcs', prefix: 'lse' }],
    ['https://acct.blob.core.windows.net/media/lse?sv=2024&sig=SECRET', { form: 'an Azure blob URL', provider: 'azure', account: 'acct', bucket: 'media', prefix: 'lse' }],
    ['acct.blob.core.windows.net', { form: 'an Azure blob URL', provider: 'azure', account: 'acct', bucket: undefined, prefix: '' }],
    ['https://storage.googleapis.com/acme/lse', { form: 'a GCS URL', provider: 'gcs', bucket: 'acme', prefix: 'lse' }],
    ['https://acme.storage.googleapis.com/lse', { form: 'a GCS URL', provider: 'gcs', bucket: 'acme', prefix: 'lse' }],
    ['https://acme.s3.us-east-1.amazonaws.com/lse/x.png', { form: 'an S3 URL', provider: 's3', bucket: 'acme', prefix: 'lse/x.png' }],
    ['https://my.bucket.s3.amazonaws.com', { form: 'an S3 URL', provider: 's3', bucket: 'my.bucket', prefix: '' }],
    ['https://s3.eu-west-1.amazonaws.com/acme/lse', { form: 'an S3 URL', provider: 's3', bucket: 'acme', prefix: 'lse' }],
    ['acme.s3.amazonaws.com/lse', { form: 'an S3 URL', provider: 's3', bucket: 'acme', prefix: 'lse' }],
    ['http://minio:9000/acme/lse', { form: 'a URL', bucket: 'acme', prefix: 'lse' }],
    ['DefaultEndpointsProtocol=https;AccountName=acct;AccountKey=SECRET==;EndpointSuffix=core.windows.net', { form: 'an Azure connection string', provider: 'azure', account: 'acct', prefix: '' }],
    ['acme/lse', { form: 'a "bucket/prefix" path', bucket: 'acme', prefix: 'lse' }],
    ['acme', undefined],
    ['Acme_Media', undefined],
  ];
  for (const [value, expected] of cases) assert.deepEqual(locationInName(value), expected, value);
  // A folder is a path: only explicit URIs, URLs and ARNs count there.
  assert.equal(parseStorageUrl('lse/media'), undefined);
});

// The documented rules written out independently, as the oracle of the property test.
const oracles: [string, (name: string) => NameViolation[], (name: string) => boolean][] = [
  ['S3 bucket', s3BucketNameViolations, (n) => /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(n) && !n.includes('..') && !/^\d{1,3}(?:\.\d{1,3}){3}$/.test(n) && !/^(xn--|sthree-|amzn-s3-demo-)/.test(n) && !/(-s3alias|--ol-s3|\.mrap|--x-s3|--table-s3)$/.test(n)],
  [
    'GCS bucket',
    gcsBucketNameViolations,
    (n) =>
      /^[a-z0-9][a-z0-9._-]*[a-z0-9]$/.test(n) &&
      n.length >= 3 &&
      n.length <= (n.includes('.') ? 222 : 63) &&
      n.split('.').every((p) => p.length <= 63) &&
      !/^\d{1,3}(?:\.\d{1,3}){3}$/.test(n) &&
      !n.startsWith('goog') &&
      !/g[o0][o0]gle/.test(n),
  ],
  ['Azure container', azureContainerNameViolations, (n) => ['$root', '$logs', '$web'].includes(n) || (/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(n) && n.length >= 3 && n.length <= 63)],
  ['Azure account', azureAccountNameViolations, (n) => /^[a-z0-9]{3,24}$/.test(n)],
];

const nameChars = fc.constantFrom(...'abcglo0129.-_A $/:'.split(''), 'xn--', 'sthree-', 'google', 'g00gle', '-s3alias', '--x-s3', '.mrap', '$root', '$web', '192.168.0.1', '\u00e9', '\uD83D\uDE00');
const names = fc.oneof(fc.string({ unit: nameChars, maxLength: 40 }), fc.string({ unit: fc.constantFrom('a', 'z', '0', '9', '-', '.'), maxLength: 70 }), fc.string({ maxLength: 80, unit: 'grapheme' }), fc.string({ unit: fc.constantFrom('a', 'b', '.', '-'), minLength: 50, maxLength: 260 }));

test('property: the validators never throw and accept exactly the documented names', () => {
  for (const [kind, validate, documented] of oracles) {
    fc.assert(
      fc.property(names, (name) => {
        assert.equal(validate(name).length === 0, documented(name), `${kind} "${name}"`);
      }),
      { seed: 20261122, numRuns: 3000 },
    );
  }
});

test('property: locationInName never throws, and what it extracts came from the value', () => {
  fc.assert(
    fc.property(fc.oneof(names, fc.constantFrom('s3://', 'gs://a/', 'arn:aws:s3:::', 'https://', 'AccountName=;', 'x.blob.core.windows.net/c/p')), (value) => {
      const location = locationInName(value);
      if (location?.bucket) assert.ok(value.toLowerCase().includes(location.bucket.toLowerCase()));
      if (location?.prefix) assert.ok(value.includes(location.prefix.replace(/\*$/, '')));
    }),
    { seed: 7, numRuns: 3000 },
  );
});

test('validators stay linear on long input', () => {
  const long = 'a-b.'.repeat(50_000);
  const started = performance.now();
  for (const validate of [s3BucketNameViolations, gcsBucketNameViolations, azureContainerNameViolations, azureAccountNameViolations, locationInName]) validate(long);
  assert.ok(performance.now() - started < 500, 'a 200 000-character name is checked in well under a second');
});
