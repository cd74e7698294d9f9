// Reads `.bucket-doctor.json`: buckets the deployment files alone don't fully describe.
import { getNodeValue, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import type { Provider } from '../model';

export interface ConfigBucket {
  name: string;
  provider: Provider;
  profile?: string;
  prefix?: string;
  region?: string;
  endpoint?: string;
  policies?: string[];
  roleArn?: string;
  kmsKeyArn?: string;
  awsProfile?: string;
  /** Offsets of the entry's `name` value (or of the entry when it has none). */
  offset: number;
  length: number;
}

export interface ConfigProblem {
  offset: number;
  length: number;
  message: string;
}

export interface BucketConfig {
  buckets: ConfigBucket[];
  problems: ConfigProblem[];
}

const providers: readonly Provider[] = ['s3', 'gcs', 'azure'];
const stringFields = ['profile', 'prefix', 'region', 'endpoint', 'roleArn', 'kmsKeyArn', 'awsProfile'] as const;
export const configFields = ['name', 'provider', ...stringFields, 'policies'] as const;

function member(node: Node | undefined, key: string): Node | undefined {
  return node?.children?.find((p) => p.children?.[0]?.value === key)?.children?.[1];
}

export function parseBucketConfig(text: string): BucketConfig {
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  const problems: ConfigProblem[] = errors.map((e) => ({ offset: e.offset, length: Math.max(1, e.length), message: `JSON syntax error: ${printParseErrorCode(e.error)}` }));
  const buckets: ConfigBucket[] = [];
  const list = member(root, 'buckets');
  if (root && root.type === 'object' && list === undefined) problems.push({ offset: root.offset, length: 1, message: 'expected a "buckets" array' });
  if (list && list.type !== 'array') problems.push({ offset: list.offset, length: list.length, message: '"buckets" must be an array' });
  for (const entry of list?.type === 'array' ? (list.children ?? []) : []) {
    const name = member(entry, 'name');
    const provider = member(entry, 'provider');
    if (entry.type !== 'object' || name?.type !== 'string') {
      problems.push({ offset: entry.offset, length: entry.length, message: 'each bucket needs a "name" string' });
      continue;
    }
    const value = provider?.type === 'string' ? (provider.value as string) : 's3';
    if (!providers.includes(value as Provider)) {
      problems.push({ offset: provider?.offset ?? entry.offset, length: provider?.length ?? 1, message: `"provider" must be one of ${providers.join(', ')}` });
      continue;
    }
    const bucket: ConfigBucket = { name: name.value as string, provider: value as Provider, offset: name.offset + 1, length: Math.max(0, name.length - 2) };
    for (const field of stringFields) {
      const v = member(entry, field);
      if (v?.type === 'string') bucket[field] = v.value as string;
    }
    const policies = member(entry, 'policies');
    if (policies) {
      const paths = getNodeValue(policies) as unknown;
      if (Array.isArray(paths) && paths.every((p) => typeof p === 'string')) bucket.policies = paths as string[];
      else problems.push({ offset: policies.offset, length: policies.length, message: '"policies" must be an array of paths' });
    }
    for (const key of entry.children ?? []) {
      const k = key.children?.[0];
      if (k && typeof k.value === 'string' && !(configFields as readonly string[]).includes(k.value)) {
        problems.push({ offset: k.offset, length: k.length, message: `unknown field "${k.value}" (known: ${configFields.join(', ')})` });
      }
    }
    buckets.push(bucket);
  }
  return { buckets, problems };
}
