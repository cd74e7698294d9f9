// Classifies provider failures into the small set the report and the tree explain.

export type ErrorClass =
  | 'denied'
  | 'not-found'
  | 'bad-credentials'
  | 'wrong-region'
  | 'unreachable'
  | 'timeout'
  | 'unsupported'
  | 'error';

/** What a provider adapter could read off a failed call. */
export interface RawFailure {
  /** The provider's own error code: `AccessDenied`, `AuthorizationPermissionMismatch`, `forbidden`, `ECONNREFUSED`. */
  code?: string;
  status?: number;
}

const byCode: Record<string, ErrorClass> = {
  AccessDenied: 'denied',
  AllAccessDisabled: 'denied',
  AuthorizationPermissionMismatch: 'denied',
  AuthorizationFailure: 'bad-credentials',
  AuthenticationFailed: 'bad-credentials',
  forbidden: 'denied',
  NoSuchBucket: 'not-found',
  NoSuchKey: 'not-found',
  NotFound: 'not-found',
  ContainerNotFound: 'not-found',
  BlobNotFound: 'not-found',
  notFound: 'not-found',
  InvalidAccessKeyId: 'bad-credentials',
  SignatureDoesNotMatch: 'bad-credentials',
  ExpiredToken: 'bad-credentials',
  InvalidToken: 'bad-credentials',
  InvalidClientTokenId: 'bad-credentials',
  CredentialsProviderError: 'bad-credentials',
  PermanentRedirect: 'wrong-region',
  AuthorizationHeaderMalformed: 'wrong-region',
  IllegalLocationConstraintException: 'wrong-region',
  ECONNREFUSED: 'unreachable',
  ENOTFOUND: 'unreachable',
  EAI_AGAIN: 'unreachable',
  ECONNRESET: 'unreachable',
  EHOSTUNREACH: 'unreachable',
  ETIMEDOUT: 'timeout',
  TimeoutError: 'timeout',
  RequestTimeout: 'timeout',
  AbortError: 'timeout',
  NotImplemented: 'unsupported',
  MethodNotAllowed: 'unsupported',
};

/** Maps a provider code (preferred) or HTTP status to an error class. */
export function classify({ code, status }: RawFailure): ErrorClass {
  const known = code === undefined ? undefined : byCode[code];
  if (known) return known;
  switch (status) {
    case 401:
      return 'bad-credentials';
    case 403:
      return 'denied';
    case 404:
      return 'not-found';
    case 301:
      return 'wrong-region';
    case 405:
    case 501:
      return 'unsupported';
    case 408:
    case 504:
      return 'timeout';
    default:
      return 'error';
  }
}

/** A classified failure that keeps the provider's own code for the report. */
export class StorageError extends Error {
  readonly kind: ErrorClass;
  readonly code: string;
  readonly status: number | undefined;

  constructor(operation: string, failure: RawFailure) {
    const kind = classify(failure);
    const code = failure.code ?? (failure.status === undefined ? 'unknown' : `HTTP ${failure.status}`);
    super(`${operation} failed: ${kind} (${code})`);
    this.name = 'StorageError';
    this.kind = kind;
    this.code = code;
    this.status = failure.status;
  }
}

/** A StorageError read by its shape: each provider bundle carries its own copy of the class, so `instanceof` cannot tell. */
export function asStorageError(error: unknown): Pick<StorageError, 'kind' | 'code' | 'status'> | undefined {
  const e = error as Partial<StorageError> | null;
  if (typeof e !== 'object' || e === null || e.name !== 'StorageError' || typeof e.kind !== 'string' || typeof e.code !== 'string') return undefined;
  return { kind: e.kind, code: e.code, status: typeof e.status === 'number' ? e.status : undefined };
}
