// Amazon Resource Names as IAM policies write them (`arn:partition:service:region:account:resource`, where any part
// may hold `*`, `?` or a `${…}` policy variable), and the S3 bucket and object ARNs the requirement profiles name.
import { regionPartition } from '../aws-regions';
import regionData from '../data/aws-regions.json';
import { normalizePrefix } from '../key-prefix';

export interface Arn {
  partition: string;
  service: string;
  region: string;
  account: string;
  /** Everything after the fifth colon (may itself contain colons and slashes). */
  resource: string;
}

export type ArnPart = 'arn' | keyof Arn;

export interface ArnProblem {
  part: ArnPart;
  /** Offsets into the ARN string. */
  offset: number;
  length: number;
  message: string;
}

export const partitions: readonly string[] = Object.keys(regionData.partitions);

/** The five fields and the resource, or undefined when `text` is not `arn:` followed by five colons. */
export function parseArn(text: string): Arn | undefined {
  const parts = splitArn(text);
  if (!parts) return undefined;
  const [, partition, service, region, account, resource] = parts.map((p) => p.text);
  return { partition, service, region, account, resource };
}

interface Field {
  text: string;
  offset: number;
}

function splitArn(text: string): Field[] | undefined {
  if (!text.startsWith('arn:')) return undefined;
  const fields: Field[] = [];
  let start = 0;
  for (let i = 0; i < 5; i++) {
    const colon = text.indexOf(':', start);
    if (colon === -1) return undefined;
    fields.push({ text: text.slice(start, colon), offset: start });
    start = colon + 1;
  }
  fields.push({ text: text.slice(start), offset: start });
  return fields;
}

/** A field holding a wildcard or a policy variable could be anything: format checks skip it. */
const open = (field: string) => /[*?]|\$\{/.test(field);

const serviceShape = /^[a-z0-9][a-z0-9-]*$/;
const accountShape = /^(?:\d{12}|aws)$/;

/** S3 resource types that live in a region and an account (access points, jobs, Storage Lens, Access Grants…). */
const regionalS3Resource = /^(?:accesspoint|job|storage-lens|storage-lens-group|access-grants|async-request)\//;

/** Whether `arn` names an S3 bucket or object (`arn:aws:s3:::bucket[/key]`) rather than an access point, job… */
export function isS3BucketOrObjectArn(arn: Arn): boolean {
  return arn.service === 's3' && !regionalS3Resource.test(arn.resource);
}

/** What is malformed about `text` as a policy ARN; `*` alone and well-formed ARNs give none. */
export function arnProblems(text: string): ArnProblem[] {
  if (text === '*') return [];
  const problems: ArnProblem[] = [];
  const space = text.search(/\s/);
  if (space !== -1) problems.push({ part: 'arn', offset: space, length: 1, message: 'an ARN contains no whitespace' });
  if (!text.startsWith('arn:')) {
    const prefix = text.slice(0, 4).toLowerCase() === 'arn:' ? 'starts with "arn:" in lower case' : 'starts with "arn:"';
    return [...problems, { part: 'arn', offset: 0, length: Math.min(text.length, 4), message: `an ARN ${prefix}` }];
  }
  const fields = splitArn(text);
  if (!fields) {
    const colons = text.split(':').length - 1;
    return [...problems, { part: 'arn', offset: 0, length: text.length, message: `an ARN has six colon-separated parts (arn:partition:service:region:account:resource); this one has ${colons + 1}` }];
  }
  const [, partition, service, region, account, resource] = fields;
  const at = (part: ArnPart, field: Field, message: string) => problems.push({ part, offset: field.offset, length: field.text.length, message });
  if (!open(partition.text) && !partitions.includes(partition.text)) {
    at('partition', partition, `unknown partition "${partition.text}" (known: ${partitions.join(', ')})`);
  }
  if (!open(service.text) && !serviceShape.test(service.text)) {
    at('service', service, service.text === '' ? 'the service part is empty' : `"${service.text}" is not a service prefix (lower-case letters, digits and "-")`);
  }
  if (region.text !== '' && !open(region.text) && regionPartition(region.text) === undefined) {
    at('region', region, `"${region.text}" is not a region code`);
  }
  if (account.text !== '' && !open(account.text) && !accountShape.test(account.text)) {
    at('account', account, `"${account.text}" is not an account id (12 digits)`);
  }
  if (resource.text === '') at('resource', resource, 'the resource part is empty');
  const arn = parseArn(text);
  if (arn && isS3BucketOrObjectArn(arn)) {
    const bucket = s3Location(text)?.bucket ?? 'bucket';
    const shape = `arn:${arn.partition}:s3:::${arn.resource}`;
    if (region.text !== '') at('region', region, `an S3 bucket or object ARN has no region (${shape}); the bucket's region is not part of its name`);
    if (account.text !== '') at('account', account, `an S3 bucket or object ARN has no account (${shape}); S3 bucket names are global, so "${bucket}" alone names it`);
  }
  return problems;
}

export interface S3Location {
  bucket: string;
  /** The object key (or key pattern) after the first `/`; undefined for a bucket ARN. */
  key?: string;
}

/** Bucket and key of an S3 bucket/object ARN (`arn:aws:s3:::b/k` → `{ bucket: 'b', key: 'k' }`). */
export function s3Location(text: string): S3Location | undefined {
  const arn = parseArn(text);
  if (!arn || !isS3BucketOrObjectArn(arn)) return undefined;
  const slash = arn.resource.indexOf('/');
  return slash === -1 ? { bucket: arn.resource } : { bucket: arn.resource.slice(0, slash), key: arn.resource.slice(slash + 1) };
}

export function bucketArn(bucket: string, partition = 'aws'): string {
  return `arn:${partition}:s3:::${bucket}`;
}

export function objectArn(bucket: string, key: string, partition = 'aws'): string {
  return `arn:${partition}:s3:::${bucket}/${key}`;
}

/** The folder as S3 keys start with it: normalized, no leading `/`, one trailing `/` (empty for the whole bucket). */
export function folderKeyPrefix(prefix: string): string {
  const normalized = normalizePrefix(prefix).replace(/\/+$/, '');
  return normalized === '' ? '' : `${normalized}/`;
}

/** Every object under `prefix` (`arn:aws:s3:::b/media/*`; the whole bucket's objects for an empty prefix). */
export function folderObjectsArn(bucket: string, prefix: string, partition = 'aws'): string {
  return objectArn(bucket, `${folderKeyPrefix(prefix)}*`, partition);
}
