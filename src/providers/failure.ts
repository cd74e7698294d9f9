// Reads the provider's own code and HTTP status off any SDK error, never its message (which may echo secrets).
import type { RawFailure } from '../core/access/errors';

interface ErrorShape {
  name?: unknown;
  code?: unknown;
  Code?: unknown;
  statusCode?: unknown;
  status?: unknown;
  details?: { errorCode?: unknown };
  errors?: { reason?: unknown }[];
  $metadata?: { httpStatusCode?: unknown };
  response?: { status?: unknown };
  cause?: unknown;
}

const text = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
const num = (v: unknown): number | undefined => (typeof v === 'number' ? v : undefined);

export function failureOf(error: unknown): RawFailure {
  const e = (typeof error === 'object' && error !== null ? error : {}) as ErrorShape;
  const status =
    num(e.$metadata?.httpStatusCode) ?? num(e.statusCode) ?? num(e.status) ?? num(e.response?.status) ?? num(e.code);
  // Azure: details.errorCode; GCS: errors[0].reason; AWS: Code/name; Node: code (ECONNREFUSED).
  const code =
    text(e.details?.errorCode) ??
    text(e.errors?.[0]?.reason) ??
    text(e.Code) ??
    text(e.code) ??
    (text(e.name) !== 'Error' && text(e.name) !== 'RestError' && text(e.name) !== 'ApiError' ? text(e.name) : undefined) ??
    (e.cause !== undefined && e.cause !== error ? failureOf(e.cause).code : undefined);
  const failure: RawFailure = {};
  if (code !== undefined) failure.code = code;
  if (status !== undefined) failure.status = status;
  return failure;
}
