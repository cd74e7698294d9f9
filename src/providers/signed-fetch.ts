// GETs a signed URL the way a browser does (plain HTTP, no SDK), reading failures as the service states them.
import { StorageError } from '../core/access/errors';
import type { CallOptions } from '../core/access/storage-client';
import { failureOf } from './failure';

/** The service's error code: S3/GCS XML `<Code>`, Azure's `x-ms-error-code` header. */
function errorCode(headers: Headers, body: string): string | undefined {
  return headers.get('x-ms-error-code') ?? /<Code>([^<]{1,100})<\/Code>/.exec(body)?.[1] ?? undefined;
}

export async function fetchSigned(url: string, call: CallOptions & { firstByteOnly?: boolean } = {}): Promise<Uint8Array> {
  let response: Response;
  try {
    response = await fetch(url, { signal: call.signal, headers: call.firstByteOnly ? { range: 'bytes=0-0' } : {} });
  } catch (error) {
    // fetch wraps connection failures (ECONNREFUSED, ECONNRESET) in a TypeError whose cause has the code.
    const cause = error instanceof TypeError && error.cause !== undefined ? error.cause : error;
    throw new StorageError('GET signed URL', failureOf(cause));
  }
  const body = new Uint8Array(await response.arrayBuffer());
  if (response.ok) return body;
  const code = errorCode(response.headers, new TextDecoder().decode(body.subarray(0, 4096)));
  throw new StorageError('GET signed URL', { status: response.status, ...(code ? { code } : {}) });
}
