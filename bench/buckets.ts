// The Buckets view's figures: the first page of a 100,000-object prefix against one raw ListObjectsV2 call, the heap
// one page costs in a 100,000- and a 1,000-object prefix, and the tree of a 200-file workspace (with no network).
// Listing runs against a local ListObjectsV2 stand-in that generates its keys on the fly: filling a real gateway with
// 100,000 objects takes minutes, and the ratio is about Bucket Doctor's own cost around the same SDK request.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Socket } from 'node:net';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import type { StorageClient } from '../src/core/access/storage-client';
import { FolderListing, formatSize } from '../src/core/bucket-listing';
import { bucketDescription, bucketTree } from '../src/core/bucket-tree';
import { Workspace } from '../src/core/workspace';
import { createClient } from '../src/providers/s3';
import { medianAsync, type BenchResult } from './measure';

const prefixes: Readonly<Record<string, number>> = { 'big/': 100_000, 'small/': 1_000 };
const keyAt = (prefix: string, i: number) => `${prefix}img-${String(i).padStart(6, '0')}.jpg`;
const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/** ListObjectsV2 over the generated prefixes: sorted keys, max-keys, continuation tokens (the next index). */
function listResponse(url: URL): string {
  const prefix = url.searchParams.get('prefix') ?? '';
  const count = prefixes[prefix] ?? 0;
  const start = Number(url.searchParams.get('continuation-token') ?? '0');
  const max = Math.min(1000, Number(url.searchParams.get('max-keys') ?? '1000'));
  const end = Math.min(count, start + max);
  const contents: string[] = [];
  for (let i = start; i < end; i++) {
    contents.push(`<Contents><Key>${escapeXml(keyAt(prefix, i))}</Key><LastModified>2026-11-01T12:00:00.000Z</LastModified><ETag>"e${i}"</ETag><Size>${20_000 + i}</Size><StorageClass>STANDARD</StorageClass></Contents>`);
  }
  const truncated = end < count;
  return `<?xml version="1.0" encoding="UTF-8"?><ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Name>bench</Name><Prefix>${escapeXml(prefix)}</Prefix><KeyCount>${end - start}</KeyCount><MaxKeys>${max}</MaxKeys><Delimiter>/</Delimiter><IsTruncated>${truncated}</IsTruncated>${contents.join('')}${truncated ? `<NextContinuationToken>${end}</NextContinuationToken>` : ''}</ListBucketResult>`;
}

function startStandIn(): Promise<Server> {
  const server = createServer((request, response) => {
    const body = listResponse(new URL(request.url ?? '/', 'http://127.0.0.1'));
    response.writeHead(200, { 'content-type': 'application/xml', 'content-length': Buffer.byteLength(body) });
    response.end(body);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/** The garbage collector, reachable without starting node with --expose-gc. */
function collector(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

/**
 * Heap per listing while several listings of `prefix` hold `pages` loaded pages each (kept alive until measured):
 * several at once make the figure stand out of the allocator's noise.
 */
async function heapOfPages(gc: () => void, client: Pick<StorageClient, 'list'>, prefix: string, pages: number): Promise<number> {
  const copies = 8;
  gc();
  const before = process.memoryUsage().heapUsed;
  const listings = Array.from({ length: copies }, () => new FolderListing(client, prefix));
  for (const listing of listings) for (let i = 0; i < pages; i++) await listing.loadMore();
  gc();
  const grown = process.memoryUsage().heapUsed - before;
  if (listings.some((l) => l.entries.length === 0)) throw new Error('nothing was listed');
  return grown / copies / 1024;
}

/** 200 deployment files: 80 values files, 80 env files (half of each pair conflicting), 40 policies. */
function workspaceFiles(): { path: string; text: string }[] {
  const files: { path: string; text: string }[] = [];
  for (let i = 0; i < 80; i++) {
    files.push({ path: `d${i}/lse-values.yaml`, text: `global:\n  persistence:\n    enabled: true\n    type: s3\n    config:\n      s3:\n        bucket: "acme-${i}"\n        region: "us-east-1"\n        folder: "lse/"\napp:\n  serviceAccount:\n    annotations:\n      eks.amazonaws.com/role-arn: arn:aws:iam::123456789012:role/lse-${i}\n` });
    files.push({ path: `d${i}/env.list`, text: `STORAGE_TYPE=s3\nSTORAGE_AWS_BUCKET_NAME=acme-${i % 2 === 0 ? i : `${i}-staging`}\nSTORAGE_AWS_REGION_NAME=us-east-1\n` });
  }
  for (let i = 0; i < 40; i++) {
    const policy = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['s3:ListBucket'], Resource: [`arn:aws:s3:::acme-${i}`] }, { Effect: 'Allow', Action: ['s3:GetObject', 's3:PutObject'], Resource: [`arn:aws:s3:::acme-${i}/lse/*`, `arn:aws:s3:::archive-${i}/*`] }] };
    files.push({ path: `iam/policy-${i}.json`, text: JSON.stringify(policy, null, 2) });
  }
  return files;
}

export async function bucketBenchmarks(): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  const server = await startStandIn();
  const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const credentials = { accessKeyId: 'BENCHKEY', secretAccessKey: 'bench-secret' };
  try {
    const raw = new S3Client({ region: 'us-east-1', endpoint, forcePathStyle: true, credentials });
    const client = createClient({ bucket: 'bench', region: 'us-east-1', endpoint, credentials });
    const rawPage = await medianAsync(() => raw.send(new ListObjectsV2Command({ Bucket: 'bench', Prefix: 'big/', Delimiter: '/', MaxKeys: 1000 })), 21);
    // What expanding the node does: one page through the provider into entries, and each row's description.
    const viewPage = await medianAsync(async () => {
      const listing = new FolderListing(client, 'big/');
      const entries = await listing.loadMore();
      for (const e of entries) if (e.kind === 'object') void `${formatSize(e.size)} · ${e.modified?.toLocaleString()}`;
    }, 21);
    results.push({ name: 'buckets: raw ListObjectsV2 page of a 100,000-object prefix', value: rawPage, unit: 'ms', goal: 'context', pass: true });
    results.push({ name: 'buckets: first page shown of that prefix', value: viewPage, unit: 'ms', goal: 'context', pass: true });
    results.push({ name: 'buckets: first page / raw ListObjectsV2', value: viewPage / rawPage, unit: 'x', goal: '<= 1.2', pass: viewPage / rawPage <= 1.2 });

    const gc = collector();
    // A first round warms the allocator and the SDK's lazy parts, which would otherwise count as the first page's.
    await heapOfPages(gc, client, 'big/', 1);
    const bigPage = await heapOfPages(gc, client, 'big/', 1);
    const smallPage = await heapOfPages(gc, client, 'small/', 1);
    const bigThree = await heapOfPages(gc, client, 'big/', 3);
    results.push({ name: 'buckets: heap after 1 page of the 100,000-object prefix', value: bigPage, unit: 'KB', goal: 'context', pass: true });
    results.push({ name: 'buckets: heap after 1 page of a 1,000-object prefix', value: smallPage, unit: 'KB', goal: 'context', pass: true });
    results.push({ name: 'buckets: heap 1 page, 100,000 / 1,000-object prefix', value: bigPage / smallPage, unit: 'x', goal: '<= 1.5 (pages, not bucket)', pass: bigPage / smallPage <= 1.5 });
    results.push({ name: 'buckets: heap 3 pages / 1 page of the 100,000-object prefix', value: bigThree / bigPage, unit: 'x', goal: 'context (~3: grows with pages)', pass: true });
  } finally {
    server.close();
  }

  // Any socket opened while the tree is built fails the run: the tree comes from the files alone.
  const files = workspaceFiles();
  const connect = Socket.prototype.connect;
  let connections = 0;
  Socket.prototype.connect = function (this: Socket, ...args: unknown[]) {
    connections++;
    return (connect as (...a: unknown[]) => Socket).apply(this, args);
  } as typeof connect;
  let shown = 0;
  const treeMs = await medianAsync(async () => {
    const tree = bucketTree(new Workspace(files));
    shown = tree.groups.flatMap((g) => g.buckets).length + tree.conflicts.length + tree.policyOnly.length;
    for (const b of tree.groups.flatMap((g) => g.buckets)) bucketDescription(b.ref);
  }, 15);
  Socket.prototype.connect = connect;
  results.push({ name: `buckets: tree of 200 deployment files (${shown} nodes)`, value: treeMs, unit: 'ms', goal: '< 200', pass: treeMs < 200 });
  results.push({ name: 'buckets: network connections while building the tree', value: connections, unit: '', goal: '0', pass: connections === 0 });
  return results;
}
