// What the access-*.test.ts files share: bucket refs, credentials, and RGW buckets with users and policies.
import assert from 'node:assert/strict';
import { CreateBucketCommand, PutBucketPolicyCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import type { Credentials } from '../../src/core/access/credentials';
import type { AccessReport, CheckRow } from '../../src/core/access/report';
import type { BucketRef, Provider } from '../../src/core/model';
import { createRgwUser, type S3Credentials } from '../harness/rgw';
import { live, uniqueName } from './env';

export function ref(provider: Provider, name: string, extra: Partial<BucketRef> = {}): BucketRef {
  return {
    provider,
    name,
    folder: 'media',
    auth: provider === 's3' ? 'access-keys' : provider === 'gcs' ? 'key-json' : 'account-key',
    profile: 'lse-persistence',
    file: 'lse-values.yaml',
    range: { start: { line: 7, column: 17 }, end: { line: 7, column: 30 } },
    ...extra,
  };
}

export function s3Keys(keys: S3Credentials): Credentials {
  return { provider: 's3', kind: 'keys', accessKeyId: keys.accessKeyId, secretAccessKey: keys.secretAccessKey, source: { kind: 'user-entered', description: 'test keys' } };
}

/** The row of `operation` (the only one: fails when there are several or none). */
export function row(report: AccessReport, operation: string): CheckRow {
  const rows = report.checks.filter((c) => c.operation === operation);
  assert.equal(rows.length, 1, `one ${operation} row in ${JSON.stringify(report.checks, null, 1)}`);
  return rows[0];
}

/** operation → result, for a compact deepEqual of a whole report. */
export function results(report: AccessReport): Record<string, string> {
  return Object.fromEntries(report.checks.map((c) => [c.simulatedFor ? `${c.operation} ${c.action}` : c.operation === 'test-permissions' ? `${c.operation} ${c.action}` : c.operation, c.result]));
}

export const rgw = {
  endpoint: live('s3Endpoint'),
  region: live('s3Region'),
  owner: { accessKeyId: live('s3AccessKeyId'), secretAccessKey: live('s3SecretAccessKey') } as S3Credentials,
};

export const admin = new S3Client({ region: rgw.region, endpoint: rgw.endpoint, forcePathStyle: true, credentials: rgw.owner });

/** A new RGW user: `uid` and keys, with its ARN as bucket policies name it. */
export async function rgwUser(base: string): Promise<{ uid: string; arn: string; keys: S3Credentials }> {
  const uid = uniqueName(base);
  return { uid, arn: `arn:aws:iam:::user/${uid}`, keys: await createRgwUser(live('rgwConf'), uid) };
}

/** The lse-persistence grants (List on the bucket, Get/Put/Delete under the folder), or only List+Get. */
export function folderPolicy(bucket: string, folder: string, grants: { writer?: string[]; reader?: string[] }): string {
  const statements: unknown[] = [];
  for (const [who, objectActions] of [
    [grants.writer ?? [], ['s3:GetObject', 's3:PutObject', 's3:DeleteObject']],
    [grants.reader ?? [], ['s3:GetObject']],
  ] as const) {
    if (who.length === 0) continue;
    statements.push({ Effect: 'Allow', Principal: { AWS: who }, Action: ['s3:ListBucket'], Resource: [`arn:aws:s3:::${bucket}`] });
    statements.push({ Effect: 'Allow', Principal: { AWS: who }, Action: objectActions, Resource: [`arn:aws:s3:::${bucket}/${folder}/*`] });
  }
  return JSON.stringify({ Version: '2012-10-17', Statement: statements });
}

export async function createBucket(base: string, policy?: (bucket: string) => string): Promise<string> {
  const bucket = uniqueName(base);
  await admin.send(new CreateBucketCommand({ Bucket: bucket }));
  if (policy) await admin.send(new PutBucketPolicyCommand({ Bucket: bucket, Policy: policy(bucket) }));
  return bucket;
}

export async function putObject(bucket: string, key: string, body: string): Promise<void> {
  await admin.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: body }));
}
