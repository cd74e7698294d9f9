// `npm run bench`: the performance figures the issues ask for, side by side, as a table and bench-results.json.
import { writeFileSync } from 'node:fs';
import { parseTree } from 'jsonc-parser';
import { checkFile } from '../src/core/check';
import { compile } from '../src/core/iam/evaluate';
import { parsePolicy } from '../src/core/iam/policy';
import { checkProfile, profiles } from '../src/core/iam/profiles';
import { parseEnvFile } from '../src/core/sources/env-file';
import { parseYaml } from '../src/core/sources/yaml-file';
import { Workspace } from '../src/core/workspace';
import { accessBench } from './access';
import { bucketBenchmarks } from './buckets';
import { median, type BenchResult } from './measure';

/** A realistic large values file: the storage block, both service accounts, and many unrelated chart settings. */
function valuesFile(lines: number): string {
  const head = [
    'global:',
    '  persistence:',
    '    enabled: true',
    '    type: s3',
    '    config:',
    '      s3:',
    '        bucket: "acme-labeling-prod"',
    '        region: "us-east-1"',
    '        folder: "lse/"',
    '        urlExpirationSecs: "86400"',
    '  extraEnvironmentVars:',
  ];
  const body: string[] = [];
  for (let i = 0; head.length + body.length < lines - 8; i++) body.push(`    FEATURE_${i}: "value-${i}" # setting ${i}`);
  const tail = ['app:', '  serviceAccount:', '    annotations:', '      eks.amazonaws.com/role-arn: arn:aws:iam::123456789012:role/lse', 'rqworker:', '  serviceAccount:', '    annotations:', '      eks.amazonaws.com/role-arn: arn:aws:iam::123456789012:role/lse'];
  return [...head, ...body, ...tail].join('\n') + '\n';
}

function envFile(lines: number): string {
  const head = ['STORAGE_TYPE=s3', 'STORAGE_AWS_BUCKET_NAME=acme-labeling-prod', 'STORAGE_AWS_REGION_NAME=us-east-1', 'SSRF_PROTECTION_ENABLED=true'];
  const body: string[] = [];
  for (let i = 0; head.length + body.length < lines; i++) body.push(i % 10 === 0 ? `# group ${i}` : `APP_SETTING_${i}=value-${i}`);
  return [...head, ...body].join('\n') + '\n';
}

function checkTime(path: string, text: string): number {
  return median(() => {
    const workspace = new Workspace([{ path, text }]);
    const file = workspace.get(path);
    if (!file) throw new Error(`${path} not recognised`);
    checkFile(workspace, file);
  });
}

const results: BenchResult[] = [];
const values = valuesFile(5000);
const env = envFile(20000);

const valuesParse = median(() => parseYaml(values));
const valuesCheck = checkTime('lse-values.yaml', values);
results.push({ name: 'values 5,000 lines: parse', value: valuesParse, unit: 'ms', goal: 'context', pass: true });
results.push({ name: 'values 5,000 lines: check', value: valuesCheck, unit: 'ms', goal: 'context', pass: true });
results.push({ name: 'values check / parse', value: valuesCheck / valuesParse, unit: 'x', goal: '<= 2', pass: valuesCheck / valuesParse <= 2 });

const envParse = median(() => parseEnvFile(env));
const envCheck = checkTime('env.list', env);
results.push({ name: 'env 20,000 lines: parse', value: envParse, unit: 'ms', goal: 'context', pass: true });
results.push({ name: 'env 20,000 lines: check', value: envCheck, unit: 'ms', goal: 'context', pass: true });
results.push({ name: 'env check / parse', value: envCheck / envParse, unit: 'x', goal: '<= 2', pass: envCheck / envParse <= 2 });

// Linear time: four times the lines should cost about four times as much, not sixteen.
const envSmall = checkTime('env.list', envFile(5000));
results.push({ name: 'env check 20k / 5k lines', value: envCheck / envSmall, unit: 'x', goal: '<= 6 (linear ~4)', pass: envCheck / envSmall <= 6 });
const valuesLarge = checkTime('lse-values.yaml', valuesFile(20000));
results.push({ name: 'values check 20k / 5k lines', value: valuesLarge / valuesCheck, unit: 'x', goal: '<= 6 (linear ~4)', pass: valuesLarge / valuesCheck <= 6 });

// ---- IAM policies (issue 4): reading a 2,000-statement policy, and a profile check against it ----

/** A large identity policy: statements for many buckets and folders, Allows and Denies, every condition shape. */
function policyFile(statements: number): string {
  const actions = [['s3:GetObject', 's3:PutObject'], ['s3:ListBucket'], ['s3:Get*'], ['s3:DeleteObject', 's3:AbortMultipartUpload'], ['kms:Decrypt', 'kms:GenerateDataKey'], ['s3:PutBucketNotification', 's3:GetBucketLocation']];
  const conditions = [
    undefined,
    { IpAddress: { 'aws:SourceIp': ['203.0.113.0/24', '2001:db8::/32'] } },
    { StringLike: { 's3:prefix': ['team-${aws:username}/*', 'shared/*'] } },
    { StringEquals: { 'aws:SourceVpc': 'vpc-111bbb22' }, Bool: { 'aws:SecureTransport': 'true' } },
    { 'ForAllValues:StringEquals': { 'aws:TagKeys': ['team', 'env'] } },
  ];
  const list = [];
  for (let i = 0; i < statements; i++) {
    const bucket = `acme-bucket-${i % 97}`;
    const statement: Record<string, unknown> = {
      Sid: `S${i}`,
      Effect: i % 11 === 0 ? 'Deny' : 'Allow',
      Action: actions[i % actions.length],
      Resource: [`arn:aws:s3:::${bucket}`, `arn:aws:s3:::${bucket}/folder-${i % 13}/*`, `arn:aws:kms:us-east-1:123456789012:key/key-${i % 7}`],
    };
    const condition = conditions[i % conditions.length];
    if (condition) statement.Condition = condition;
    list.push(statement);
  }
  return JSON.stringify({ Version: '2012-10-17', Statement: list }, null, 2);
}

const bigPolicy = policyFile(2000);
const policyJsonc = median(() => parseTree(bigPolicy, [], { allowTrailingComma: true }));
const policyRead = median(() => parsePolicy(bigPolicy));
results.push({ name: 'policy 2,000 statements: jsonc-parser parseTree', value: policyJsonc, unit: 'ms', goal: 'context', pass: true });
results.push({ name: 'policy 2,000 statements: read (parsePolicy)', value: policyRead, unit: 'ms', goal: 'context', pass: true });
results.push({ name: 'policy read / jsonc parse', value: policyRead / policyJsonc, unit: 'x', goal: 'context', pass: true });

// Every policy rule (document and access) over the same policy: alone, and beside a values file configuring a bucket
// it names (the access rules then evaluate the profile, compare buckets and folders, and look for redundancy).
const policyCheck = checkTime('iam/big-policy.json', bigPolicy);
const withBucket = [{ path: 'iam/big-policy.json', text: bigPolicy }, { path: 'lse-values.yaml', text: valuesFile(40).replace('acme-labeling-prod', 'acme-bucket-3') }];
const policyCheckWithBucket = median(() => {
  const workspace = new Workspace(withBucket);
  checkFile(workspace, workspace.get('iam/big-policy.json')!);
});
results.push({ name: 'policy 2,000 statements: check, all policy rules', value: policyCheck, unit: 'ms', goal: 'context', pass: true });
results.push({ name: 'policy check / jsonc parse', value: policyCheck / policyJsonc, unit: 'x', goal: '<= 2', pass: policyCheck / policyJsonc <= 2 });
results.push({ name: 'policy 2,000 statements: check beside a configured bucket', value: policyCheckWithBucket, unit: 'ms', goal: 'context', pass: true });
// The issue's bar is the policy check itself; beside a bucket the check also parses the values file and runs the
// profile evaluation, whose own bar is the profile-check row below. Shown against the same yardstick.
results.push({ name: 'policy check beside a bucket / jsonc parse', value: policyCheckWithBucket / policyJsonc, unit: 'x', goal: 'context', pass: true });

// The arraylake profile with a KMS key: 9 S3 actions and 2 KMS actions, each against all 2,000 statements.
const readPolicy = parsePolicy(bigPolicy);
const profileCheck = (policy: typeof readPolicy) => checkProfile(profiles.arraylake, 'acme-bucket-3', 'folder-3', [{ policy, file: 'big-policy.json' }], {}, { kmsKeyArn: 'arn:aws:kms:us-east-1:123456789012:key/key-3' });
// A shallow copy is a new Policy object, so every run compiles the statements again.
const coldCheck = median(() => profileCheck({ ...readPolicy }));
compile(readPolicy);
const warmCheck = median(() => profileCheck(readPolicy));
results.push({ name: 'profile check, 11 actions x 2,000 statements (compile + evaluate)', value: coldCheck, unit: 'ms', goal: '< 50', pass: coldCheck < 50 });
results.push({ name: 'profile check, 11 actions x 2,000 statements (compiled)', value: warmCheck, unit: 'ms', goal: 'context', pass: true });

// The figures that need a server or the event loop are measured after the synchronous ones.
void bucketBenchmarks().then(async (buckets) => {
  results.push(...buckets, ...(await accessBench()));
  const width = Math.max(...results.map((r) => r.name.length));
  console.log(`${'benchmark'.padEnd(width)}  ${'value'.padStart(10)}  goal`);
  for (const r of results) {
    console.log(`${r.name.padEnd(width)}  ${`${r.value.toFixed(2)} ${r.unit}`.padStart(10)}  ${r.goal}${r.pass ? '' : '  FAIL'}`);
  }
  writeFileSync('bench-results.json', `${JSON.stringify(results, null, 2)}\n`);
  process.exitCode = results.every((r) => r.pass) ? 0 : 1;
});
