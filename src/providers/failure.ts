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
  message?: unknown;
  $metadata?: { httpStatusCode?: unknown };
  response?: { status?: unknown };
  cause?: unknown;
}

const text = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
const num = (v: unknown): number | undefined => (typeof v === 'number' ? v : undefined);

/** GCS download errors carry the JSON error body only as their message; its `reason` is a fixed token, safe to keep. */
function reasonInBody(message: unknown): string | undefined {
  if (typeof message !== 'string' || !message.startsWith('{')) return undefined;
  try {
    return text((JSON.parse(message) as { error?: { errors?: { reason?: unknown }[] } }).error?.errors?.[0]?.reason);
  } catch {
    return undefined;
  }
}

/** Error names that say nothing: the SDKs' own classes, and AWS's `Unknown` for a body it could not read (an HTTP 405 from a server without STS). The status says more. */
const genericNames: ReadonlySet<string> = new Set(['Error', 'RestError', 'ApiError', 'Unknown', 'UnknownError']);

export function failureOf(error: unknown): RawFailure {
  const e = (typeof error === 'object' && error !== null ? error : {}) as ErrorShape;
  const status =
    num(e.$metadata?.httpStatusCode) ?? num(e.statusCode) ?? num(e.status) ?? num(e.response?.status) ?? num(e.code);
  // Azure: details.errorCode; GCS: errors[0].reason; AWS: Code/name; Node: code (ECONNREFUSED).
  const code =
    text(e.details?.errorCode) ??
    text(e.errors?.[0]?.reason) ??
    reasonInBody(e.message) ??
    text(e.Code) ??
    text(e.code) ??
    (genericNames.has(text(e.name) ?? 'Error') ? undefined : text(e.name)) ??
    (e.cause !== undefined && e.cause !== error ? failureOf(e.cause).code : undefined);
  const failure: RawFailure = {};
  if (code !== undefined) failure.code = code;
  if (status !== undefined) failure.status = status;
  return failure;
}
