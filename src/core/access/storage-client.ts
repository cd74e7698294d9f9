// The one interface every provider adapter implements; the rest of the code never sees an SDK type.
import type { Provider } from '../model';

export interface ObjectEntry {
  key: string;
  size: number;
  modified?: Date;
}

export interface ListPage {
  objects: ObjectEntry[];
  /** Common prefixes ("folders") when a delimiter was given. */
  prefixes: string[];
  /** Pass back to get the next page; absent on the last page. */
  nextToken?: string;
}

export interface ListOptions {
  prefix?: string;
  delimiter?: string;
  maxKeys?: number;
  token?: string;
}

export interface CallOptions {
  signal?: AbortSignal;
}

/** Failures are thrown as `StorageError` (src/core/access/errors.ts). */
export interface StorageClient {
  readonly provider: Provider;
  readonly bucket: string;
  list(options: ListOptions, call?: CallOptions): Promise<ListPage>;
  /** Creates `key` only if nothing exists there: live checks never overwrite. */
  putIfAbsent(key: string, body: Uint8Array, call?: CallOptions): Promise<void>;
  get(key: string, call?: CallOptions): Promise<Uint8Array>;
  delete(key: string, call?: CallOptions): Promise<void>;
}
