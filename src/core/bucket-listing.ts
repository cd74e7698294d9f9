// Browsing a bucket one page at a time: a folder's listing holds only the pages loaded so far (memory grows with what
// the user opened, not with the bucket), and a failed listing becomes an explanation with the fixes that apply.
import type { ErrorClass, StorageError } from './access/errors';
import type { CallOptions, ListPage, StorageClient } from './access/storage-client';

/** Objects and folders per request: one ListObjectsV2 page. */
export const listPageSize = 1000;

export interface FolderEntry {
  kind: 'folder';
  /** The full prefix, ending in `/`. */
  prefix: string;
  /** Relative to the listed folder: `images/`. */
  label: string;
}

export interface ObjectEntry {
  kind: 'object';
  key: string;
  label: string;
  size: number;
  modified?: Date;
}

export type ListingEntry = FolderEntry | ObjectEntry;

/** The loaded pages of one folder (a key prefix) of a bucket. */
export class FolderListing {
  private readonly loaded: ListingEntry[] = [];
  private token: string | undefined;
  private started = false;

  constructor(
    private readonly client: Pick<StorageClient, 'list'>,
    /** "" for the whole bucket, else ending in `/`. */
    readonly prefix: string,
  ) {}

  get entries(): readonly ListingEntry[] {
    return this.loaded;
  }

  /** Whether another page can be loaded ("Load more…"). */
  get hasMore(): boolean {
    return !this.started || this.token !== undefined;
  }

  /** Loads the next page and resolves with its entries; a failure leaves the listing as it was. */
  async loadMore(call?: CallOptions): Promise<ListingEntry[]> {
    if (!this.hasMore) return [];
    const page = await this.client.list({ prefix: this.prefix || undefined, delimiter: '/', maxKeys: listPageSize, token: this.token }, call);
    const entries = pageEntries(this.prefix, page);
    this.started = true;
    this.token = page.nextToken;
    this.loaded.push(...entries);
    return entries;
  }
}

/** A page as entries: its folders, then its objects; the folder's own marker object (`folder/`, 0 bytes) is left out. */
export function pageEntries(prefix: string, page: ListPage): ListingEntry[] {
  const folders: ListingEntry[] = page.prefixes.map((p) => ({ kind: 'folder', prefix: p, label: p.slice(prefix.length) }));
  const objects: ListingEntry[] = page.objects
    .filter((o) => o.key !== prefix)
    .map((o) => ({ kind: 'object', key: o.key, label: o.key.slice(prefix.length), size: o.size, ...(o.modified ? { modified: o.modified } : {}) }));
  return [...folders, ...objects];
}

/** What the user can do about a failed listing, in the order offered. */
export type ListingFix = 'pick-credentials' | 'open-config' | 'test-access' | 'retry' | 'trust-workspace';

export interface ListingProblem {
  kind: ErrorClass | 'restricted';
  /** The provider's own code (`AccessDenied`, `ContainerNotFound`, `ECONNREFUSED`), for the tooltip. */
  code: string;
  fixes: ListingFix[];
}

const fixesByKind: Readonly<Record<ListingProblem['kind'], ListingFix[]>> = {
  denied: ['test-access', 'pick-credentials', 'open-config'],
  'bad-credentials': ['pick-credentials', 'test-access'],
  'not-found': ['open-config', 'pick-credentials'],
  'wrong-region': ['open-config', 'retry'],
  unreachable: ['open-config', 'retry'],
  timeout: ['retry', 'test-access'],
  unsupported: ['test-access'],
  error: ['retry', 'test-access'],
  restricted: ['trust-workspace'],
};

/** A StorageError read by its shape: the provider bundles carry their own copy of the class, so `instanceof` fails. */
export function storageErrorOf(error: unknown): Pick<StorageError, 'kind' | 'code'> | undefined {
  const e = error as Partial<StorageError> | null;
  return typeof e === 'object' && e !== null && e.name === 'StorageError' && typeof e.kind === 'string' && typeof e.code === 'string' && e.kind in fixesByKind ? { kind: e.kind, code: e.code } : undefined;
}

/** The explanation of a failed listing; anything that is no StorageError (a missing bundle, bad options) is an `error`. */
export function listingProblem(error: unknown): ListingProblem {
  const failure = storageErrorOf(error);
  if (failure) return { kind: failure.kind, code: failure.code, fixes: fixesByKind[failure.kind] };
  const code = error instanceof Error ? error.name : 'error';
  return { kind: 'error', code, fixes: fixesByKind.error };
}

/** A listing the editor refuses to start: Restricted Mode never uses endpoints from workspace files. */
export const restrictedProblem: ListingProblem = { kind: 'restricted', code: 'RestrictedMode', fixes: fixesByKind.restricted };

/** A size as people read it: `812 B`, `14.2 KB`, `3.1 MB` (powers of 1,024). */
export function formatSize(bytes: number): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return unit === 0 ? `${value} B` : `${value.toFixed(1)} ${units[unit]}`;
}
