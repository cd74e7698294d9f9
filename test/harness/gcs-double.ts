// A test double of the Google Cloud Storage JSON API on 127.0.0.1, shaped after what @google-cloud/storage 7.x sends
// when created with `apiEndpoint` and an explicit `projectId` (no Authorization header). Each bucket carries the set of
// IAM permissions "the caller" holds on it, so a test can make any operation be refused the way GCS refuses it.
// See ../shared/notes/local-servers.md for the observed request and response shapes.
import { createHash, createVerify, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** The permissions the double checks; a bucket created without explicit grants holds all of them. */
export const gcsPermissions = [
  'storage.buckets.get',
  'storage.objects.list',
  'storage.objects.get',
  'storage.objects.create',
  'storage.objects.delete',
] as const;

export interface GcsDouble {
  /** `http://127.0.0.1:PORT`, for `new Storage({ apiEndpoint, projectId })`. */
  endpoint: string;
  /** Creates (or replaces, emptied) a bucket whose caller holds exactly `grants`. */
  createBucket(name: string, grants?: readonly string[]): Promise<void>;
  stop(): Promise<void>;
}

// CRC-32C (Castagnoli), reflected polynomial 0x82F63B78, as GCS reports it in `crc32c` and `x-goog-hash`.
const crcTable = new Uint32Array(256).map((_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0x82f63b78 : c >>> 1;
  return c >>> 0;
});

export function crc32c(data: Uint8Array): number {
  let c = 0xffffffff;
  for (const byte of data) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** Base64 of the big-endian CRC-32C, the encoding GCS uses. */
export function crc32cBase64(data: Uint8Array): string {
  const bytes = Buffer.alloc(4);
  bytes.writeUInt32BE(crc32c(data));
  return bytes.toString('base64');
}

/**
 * Creates a bucket in a double running in another process (the live tier's runner owns the server; test files reach
 * it only over HTTP). The `/_double/` path is the double's own control API, not part of GCS.
 */
export async function createGcsDoubleBucket(endpoint: string, name: string, grants?: readonly string[]): Promise<void> {
  const res = await fetch(`${endpoint}/_double/b/${encodeURIComponent(name)}`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(grants === undefined ? {} : { grants }),
  });
  if (res.status !== 200) throw new Error(`GCS double: creating bucket ${name} answered ${res.status}: ${await res.text()}`);
}

/** Lets the double accept V4 URLs signed with the private key matching `publicKey` (PEM) for `email`. */
export async function registerGcsDoubleServiceAccount(endpoint: string, email: string, publicKey: string): Promise<void> {
  const res = await fetch(`${endpoint}/_double/service-accounts/${encodeURIComponent(email)}`, { method: 'PUT', body: JSON.stringify({ publicKey }) });
  if (res.status !== 200) throw new Error(`GCS double: registering ${email} answered ${res.status}`);
}

interface StoredObject {
  name: string;
  data: Buffer;
  contentType: string;
  metadata?: Record<string, string>;
  generation: string;
  md5Hash: string;
  crc32c: string;
  created: string;
}

interface Bucket {
  name: string;
  grants: Set<string>;
  objects: Map<string, StoredObject>;
  created: string;
}

interface UploadSession {
  bucket: string;
  name: string;
  contentType: string;
  metadata?: Record<string, string>;
  query: URLSearchParams;
  chunks: Buffer[];
  received: number;
  finished?: StoredObject;
}

/** A refusal in the GCS JSON API's error shape. */
class GcsError extends Error {
  constructor(
    readonly status: number,
    readonly reason: string,
    message: string,
  ) {
    super(message);
  }
}

const byteOrder = (a: string, b: string) => Buffer.compare(Buffer.from(a), Buffer.from(b));

/** List parameters the double knows GCS has but does not implement: refused loudly rather than ignored. */
const unsupportedListParams = ['startOffset', 'endOffset', 'matchGlob', 'versions', 'includeTrailingDelimiter', 'includeFoldersAsPrefixes'];

export async function startGcsDouble(): Promise<GcsDouble> {
  const buckets = new Map<string, Bucket>();
  const sessions = new Map<string, UploadSession>();
  /** Public keys (PEM) of the service accounts whose V4 signatures the double accepts, by email. */
  const serviceAccounts = new Map<string, string>();
  let lastGeneration = Date.now() * 1000;
  let endpoint = '';

  function bucketOf(name: string): Bucket {
    const bucket = buckets.get(name);
    if (!bucket) throw new GcsError(404, 'notFound', 'The specified bucket does not exist.');
    return bucket;
  }

  function need(bucket: Bucket, permission: string, what = `bucket ${bucket.name}`): void {
    if (!bucket.grants.has(permission)) {
      throw new GcsError(403, 'forbidden', `The caller does not have ${permission} access to ${what}.`);
    }
  }

  function objectOf(bucket: Bucket, name: string, query: URLSearchParams): StoredObject {
    const object = bucket.objects.get(name);
    const generation = query.get('generation');
    if (!object || (generation !== null && generation !== object.generation)) {
      throw new GcsError(404, 'notFound', `No such object: ${bucket.name}/${name}`);
    }
    return object;
  }

  /** `ifGenerationMatch` (0: must not exist) and `ifGenerationNotMatch`, checked against the current object. */
  function checkPreconditions(bucket: Bucket, name: string, query: URLSearchParams): void {
    const current = bucket.objects.get(name)?.generation ?? '0';
    const match = query.get('ifGenerationMatch');
    const notMatch = query.get('ifGenerationNotMatch');
    if ((match !== null && match !== current) || (notMatch !== null && notMatch === current)) {
      throw new GcsError(412, 'conditionNotMet', 'At least one of the pre-conditions you specified did not hold.');
    }
  }

  function resource(bucket: string, o: StoredObject): Record<string, unknown> {
    const path = `b/${bucket}/o/${encodeURIComponent(o.name)}`;
    return {
      kind: 'storage#object',
      id: `${bucket}/${o.name}/${o.generation}`,
      selfLink: `${endpoint}/storage/v1/${path}`,
      mediaLink: `${endpoint}/download/storage/v1/${path}?generation=${o.generation}&alt=media`,
      name: o.name,
      bucket,
      generation: o.generation,
      metageneration: '1',
      contentType: o.contentType,
      storageClass: 'STANDARD',
      size: String(o.data.length),
      md5Hash: o.md5Hash,
      crc32c: o.crc32c,
      etag: Buffer.from(o.generation).toString('base64'),
      timeCreated: o.created,
      updated: o.created,
      timeStorageClassUpdated: o.created,
      ...(o.metadata ? { metadata: o.metadata } : {}),
    };
  }

  /** Writes an object the way every upload kind finishes: preconditions, then create (and delete to overwrite). */
  function store(
    bucket: Bucket,
    name: string,
    data: Buffer,
    query: URLSearchParams,
    meta: { contentType?: string; metadata?: Record<string, string> },
  ): StoredObject {
    if (name === '') throw new GcsError(400, 'required', 'Required parameter: name');
    need(bucket, 'storage.objects.create', `object ${bucket.name}/${name}`);
    checkPreconditions(bucket, name, query);
    // GCS treats replacing an object as deleting the old one too.
    if (bucket.objects.has(name)) need(bucket, 'storage.objects.delete', `object ${bucket.name}/${name}`);
    const object: StoredObject = {
      name,
      data,
      contentType: meta.contentType ?? 'application/octet-stream',
      generation: String(++lastGeneration),
      md5Hash: createHash('md5').update(data).digest('base64'),
      crc32c: crc32cBase64(data),
      created: new Date().toISOString(),
    };
    if (meta.metadata) object.metadata = meta.metadata;
    bucket.objects.set(name, object);
    return object;
  }

  function list(bucket: Bucket, query: URLSearchParams): Record<string, unknown> {
    need(bucket, 'storage.objects.list');
    const unsupported = unsupportedListParams.filter((p) => query.has(p));
    if (unsupported.length > 0) throw new GcsError(501, 'notImplemented', `GCS double: ${unsupported.join(', ')} not implemented`);
    const prefix = query.get('prefix') ?? '';
    const delimiter = query.get('delimiter') ?? '';
    const maxResults = Math.min(Number(query.get('maxResults') ?? 1000), 1000);
    if (!Number.isInteger(maxResults) || maxResults < 1) throw new GcsError(400, 'invalid', 'Invalid maxResults');
    const token = query.get('pageToken');
    const resume = token === null ? undefined : decodeToken(token);

    const items: StoredObject[] = [];
    const prefixes: string[] = [];
    let last: { after: string; rolled: boolean } | undefined;
    let truncated = false;
    const names = [...bucket.objects.keys()].filter((n) => n.startsWith(prefix)).sort(byteOrder);
    for (const name of names) {
      if (resume && (byteOrder(name, resume.after) <= 0 || (resume.rolled && name.startsWith(resume.after)))) continue;
      const cut = delimiter === '' ? -1 : name.indexOf(delimiter, prefix.length);
      const rolled = cut >= 0 ? name.slice(0, cut + delimiter.length) : undefined;
      // Names under one rolled-up prefix are contiguous in byte order, so comparing with the last entry dedupes.
      if (rolled !== undefined && last?.rolled && last.after === rolled) continue;
      // maxResults counts items and prefixes together.
      if (items.length + prefixes.length === maxResults) {
        truncated = true;
        break;
      }
      if (rolled === undefined) items.push(bucket.objects.get(name) as StoredObject);
      else prefixes.push(rolled);
      last = { after: rolled ?? name, rolled: rolled !== undefined };
    }
    // Like GCS, empty lists are left out of the response rather than sent as [].
    return {
      kind: 'storage#objects',
      ...(truncated && last ? { nextPageToken: encodeToken(last) } : {}),
      ...(prefixes.length > 0 ? { prefixes } : {}),
      ...(items.length > 0 ? { items: items.map((o) => resource(bucket.name, o)) } : {}),
    };
  }

  /**
   * A V4-signed GET on the XML API path `/BUCKET/OBJECT`: the signature is checked against the public key of the
   * service account it names (registered through the control API), then the object is served as that account.
   */
  function signedGet(req: IncomingMessage, res: ServerResponse, url: URL): void {
    const refuse = (status: number, code: string) => {
      const xml = `<?xml version='1.0' encoding='UTF-8'?><Error><Code>${code}</Code><Message>${code}</Message></Error>`;
      res.writeHead(status, { 'content-type': 'application/xml; charset=UTF-8', 'content-length': Buffer.byteLength(xml) }).end(xml);
    };
    const q = url.searchParams;
    const [email, date, region, service, request] = (q.get('X-Goog-Credential') ?? '').split('/');
    const publicKey = serviceAccounts.get(email);
    const dateTime = q.get('X-Goog-Date') ?? '';
    if (q.get('X-Goog-Algorithm') !== 'GOOG4-RSA-SHA256' || !publicKey || request !== 'goog4_request' || q.get('X-Goog-SignedHeaders') !== 'host') return refuse(400, 'AuthenticationRequired');
    const signedAt = Date.parse(`${dateTime.slice(0, 4)}-${dateTime.slice(4, 6)}-${dateTime.slice(6, 11)}:${dateTime.slice(11, 13)}:${dateTime.slice(13)}`);
    if (!(Date.now() <= signedAt + Number(q.get('X-Goog-Expires')) * 1000)) return refuse(400, 'ExpiredToken');
    const rawQuery = (req.url ?? '').split('?')[1] ?? '';
    const canonicalQuery = rawQuery
      .split('&')
      .filter((pair) => !pair.startsWith('X-Goog-Signature='))
      .sort((a, b) => (a.split('=')[0] < b.split('=')[0] ? -1 : 1))
      .join('&');
    const canonical = ['GET', url.pathname, canonicalQuery, `host:${req.headers.host ?? ''}`, '', 'host', 'UNSIGNED-PAYLOAD'].join('\n');
    const stringToSign = ['GOOG4-RSA-SHA256', dateTime, [date, region, service, request].join('/'), createHash('sha256').update(canonical).digest('hex')].join('\n');
    if (!createVerify('RSA-SHA256').update(stringToSign).verify(publicKey, q.get('X-Goog-Signature') ?? '', 'hex')) return refuse(403, 'SignatureDoesNotMatch');
    const [, bucketName, ...rest] = url.pathname.split('/');
    const bucket = buckets.get(decodeURIComponent(bucketName));
    const object = bucket?.objects.get(rest.map(decodeURIComponent).join('/'));
    if (!bucket) return refuse(404, 'NoSuchBucket');
    if (!bucket.grants.has('storage.objects.get')) return refuse(403, 'AccessDenied');
    if (!object) return refuse(404, 'NoSuchKey');
    sendMedia(res, object, header(req, 'range'));
  }

  function bucketResource(bucket: Bucket): Record<string, unknown> {
    return {
      kind: 'storage#bucket',
      selfLink: `${endpoint}/storage/v1/b/${bucket.name}`,
      id: bucket.name,
      name: bucket.name,
      projectNumber: '0',
      metageneration: '1',
      location: 'US',
      locationType: 'multi-region',
      storageClass: 'STANDARD',
      etag: 'CAE=',
      timeCreated: bucket.created,
      updated: bucket.created,
      iamConfiguration: { uniformBucketLevelAccess: { enabled: true }, publicAccessPrevention: 'enforced' },
    };
  }

  function putBucket(name: string, grants: readonly string[] = gcsPermissions): void {
    buckets.set(name, { name, grants: new Set(grants), objects: new Map(), created: new Date().toISOString() });
  }

  /** Starts a resumable session; the SDK then PUTs the data to the returned Location. */
  function startSession(bucket: Bucket, query: URLSearchParams, body: Buffer, req: IncomingMessage): string {
    const meta = body.length > 0 ? (JSON.parse(body.toString('utf8')) as { name?: string; contentType?: string; metadata?: Record<string, string> }) : {};
    const name = query.get('name') ?? meta.name ?? '';
    need(bucket, 'storage.objects.create', `object ${bucket.name}/${name}`);
    checkPreconditions(bucket, name, query);
    const id = randomBytes(12).toString('hex');
    const contentType = header(req, 'x-upload-content-type') ?? meta.contentType ?? 'application/octet-stream';
    sessions.set(id, { bucket: bucket.name, name, contentType, metadata: meta.metadata, query, chunks: [], received: 0 });
    return `${endpoint}/upload/storage/v1/b/${bucket.name}/o?uploadType=resumable&name=${encodeURIComponent(name)}&upload_id=${id}`;
  }

  /** One PUT of a resumable session: `Content-Range: bytes A-B/TOTAL`, `bytes A-*\/TOTAL` or `bytes *\/TOTAL`. */
  function continueSession(id: string, body: Buffer, req: IncomingMessage, res: ServerResponse): void {
    const session = sessions.get(id);
    if (!session) throw new GcsError(404, 'notFound', 'No such upload session.');
    if (session.finished) return send(res, 200, resource(session.bucket, session.finished));
    const range = /^bytes (?:(\d+)-(\d+|\*)|\*)\/(\d+|\*)$/.exec(header(req, 'content-range') ?? `bytes */${body.length}`);
    if (!range) throw new GcsError(400, 'invalid', 'Malformed Content-Range');
    const [, start, end, totalText] = range;
    if (start !== undefined && body.length > 0) {
      // A chunk must continue exactly where the stored data ends; otherwise say how far we got, like GCS.
      if (Number(start) !== session.received) return incomplete(res, session);
      session.chunks.push(body);
      session.received += body.length;
    }
    // An open end (`A-*`) sends the rest of the object in this one request: it completes the upload.
    const total = totalText !== '*' ? Number(totalText) : end === '*' ? session.received : undefined;
    if (total === undefined || session.received < total) return incomplete(res, session);
    const data = Buffer.concat(session.chunks);
    checkHashHeader(req, data);
    const meta = { contentType: session.contentType, metadata: session.metadata };
    session.finished = store(bucketOf(session.bucket), session.name, data, session.query, meta);
    send(res, 200, resource(session.bucket, session.finished));
  }

  function incomplete(res: ServerResponse, session: UploadSession): void {
    if (session.received > 0) res.setHeader('range', `bytes=0-${session.received - 1}`);
    res.writeHead(308).end();
  }

  /** Rejects data whose client-computed `x-goog-hash` disagrees, as GCS does. */
  function checkHashHeader(req: IncomingMessage, data: Buffer): void {
    for (const pair of (header(req, 'x-goog-hash') ?? '').split(',')) {
      const at = pair.indexOf('=');
      if (at < 0) continue;
      const [kind, value] = [pair.slice(0, at).trim(), pair.slice(at + 1).trim()];
      const actual = kind === 'crc32c' ? crc32cBase64(data) : kind === 'md5' ? createHash('md5').update(data).digest('base64') : value;
      if (actual !== value) throw new GcsError(400, 'invalid', `Provided ${kind} hash doesn't match the data.`);
    }
  }

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://double');
    const query = url.searchParams;
    const method = req.method ?? 'GET';
    const body = await readBody(req);
    const path = url.pathname;
    let m: RegExpExecArray | null;

    if ((m = /^\/_double\/service-accounts\/([^/]+)$/.exec(path)) && method === 'PUT') {
      serviceAccounts.set(decodeURIComponent(m[1]), (JSON.parse(body.toString('utf8')) as { publicKey: string }).publicKey);
      return send(res, 200, {});
    }
    if (query.has('X-Goog-Signature') && method === 'GET') return signedGet(req, res, url);
    if ((m = /^\/_double\/b\/([^/]+)$/.exec(path)) && method === 'PUT') {
      const grants = body.length > 0 ? (JSON.parse(body.toString('utf8')) as { grants?: string[] }).grants : undefined;
      putBucket(decodeURIComponent(m[1]), grants);
      return send(res, 200, {});
    }
    if (path === '/storage/v1/b' && method === 'POST') {
      const { name } = JSON.parse(body.toString('utf8')) as { name?: string };
      if (!name) throw new GcsError(400, 'required', 'Required parameter: name');
      if (buckets.has(name)) throw new GcsError(409, 'conflict', 'Your previous request to create the named bucket succeeded and you already own it.');
      putBucket(name);
      return send(res, 200, bucketResource(bucketOf(name)));
    }
    if ((m = /^\/storage\/v1\/b\/([^/]+)(\/.*)?$/.exec(path))) {
      const bucket = bucketOf(decodeURIComponent(m[1]));
      const rest = m[2] ?? '';
      if (rest === '' && method === 'GET') {
        need(bucket, 'storage.buckets.get');
        return send(res, 200, bucketResource(bucket));
      }
      if (rest === '/iam/testPermissions' && method === 'GET') {
        // Anyone may ask; the answer is the granted subset, and GCS omits the list when it is empty.
        const granted = query.getAll('permissions').filter((p) => bucket.grants.has(p));
        return send(res, 200, { kind: 'storage#testIamPermissionsResponse', ...(granted.length > 0 ? { permissions: granted } : {}) });
      }
      if (rest === '/o' && method === 'GET') return send(res, 200, list(bucket, query));
      const object = /^\/o\/(.+)$/.exec(rest);
      if (object) {
        const name = decodeURIComponent(object[1]);
        if (method === 'GET') {
          need(bucket, 'storage.objects.get', `object ${bucket.name}/${name}`);
          const o = objectOf(bucket, name, query);
          if (query.get('alt') === 'media') return sendMedia(res, o, header(req, 'range'));
          return send(res, 200, resource(bucket.name, o));
        }
        if (method === 'DELETE') {
          need(bucket, 'storage.objects.delete', `object ${bucket.name}/${name}`);
          objectOf(bucket, name, query);
          checkPreconditions(bucket, name, query);
          bucket.objects.delete(name);
          res.writeHead(204).end();
          return;
        }
      }
    }
    if ((m = /^\/upload\/storage\/v1\/b\/([^/]+)\/o$/.exec(path))) {
      const bucket = bucketOf(decodeURIComponent(m[1]));
      const uploadId = query.get('upload_id');
      if (method === 'PUT' && uploadId !== null) return continueSession(uploadId, body, req, res);
      if (method === 'POST') {
        switch (query.get('uploadType')) {
          case 'multipart': {
            const { metadata, data } = parseMultipart(body, header(req, 'content-type') ?? '');
            checkHashHeader(req, data);
            const name = query.get('name') ?? (metadata.name as string | undefined) ?? '';
            const meta = { contentType: metadata.contentType as string | undefined, metadata: metadata.metadata as Record<string, string> | undefined };
            return send(res, 200, resource(bucket.name, store(bucket, name, data, query, meta)));
          }
          case 'media': {
            const meta = { contentType: header(req, 'content-type') };
            return send(res, 200, resource(bucket.name, store(bucket, query.get('name') ?? '', body, query, meta)));
          }
          case 'resumable':
            res.setHeader('location', startSession(bucket, query, body, req));
            return send(res, 200, {});
        }
      }
    }
    throw new GcsError(501, 'notImplemented', `GCS double: ${method} ${path} not implemented`);
  }

  const server = createServer((req, res) => {
    route(req, res).catch((error: unknown) => {
      const e = error instanceof GcsError ? error : new GcsError(500, 'backendError', String(error));
      if (res.headersSent) return res.destroy();
      send(res, e.status, { error: { code: e.status, message: e.message, errors: [{ message: e.message, domain: 'global', reason: e.reason }] } });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    endpoint,
    createBucket: async (name, grants) => putBucket(name, grants),
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function send(res: ServerResponse, status: number, json: unknown): void {
  const body = JSON.stringify(json);
  res.writeHead(status, { 'content-type': 'application/json; charset=UTF-8', 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

function sendMedia(res: ServerResponse, o: StoredObject, range?: string): void {
  // `bytes=A-B` as GCS serves it: 206 with that slice (the SDK then skips hash validation, as with GCS).
  const slice = range === undefined ? undefined : /^bytes=(\d+)-(\d*)$/.exec(range);
  if (slice) {
    const start = Number(slice[1]);
    const end = Math.min(slice[2] === '' ? o.data.length - 1 : Number(slice[2]), o.data.length - 1);
    res.writeHead(206, { 'content-type': o.contentType, 'content-length': end - start + 1, 'content-range': `bytes ${start}-${end}/${o.data.length}`, 'x-goog-generation': o.generation });
    res.end(o.data.subarray(start, end + 1));
    return;
  }
  res.writeHead(200, {
    'content-type': o.contentType,
    'content-length': o.data.length,
    etag: Buffer.from(o.generation).toString('base64'),
    'x-goog-generation': o.generation,
    'x-goog-metageneration': '1',
    'x-goog-hash': `crc32c=${o.crc32c},md5=${o.md5Hash}`,
    // The SDK validates the download against x-goog-hash only when the stored encoding is stated.
    'x-goog-stored-content-encoding': 'identity',
    'x-goog-stored-content-length': String(o.data.length),
  });
  res.end(o.data);
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function encodeToken(position: { after: string; rolled: boolean }): string {
  return Buffer.from(JSON.stringify(position)).toString('base64url');
}

function decodeToken(token: string): { after: string; rolled: boolean } {
  try {
    const position = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as { after?: unknown; rolled?: unknown };
    if (typeof position.after === 'string' && typeof position.rolled === 'boolean') return { after: position.after, rolled: position.rolled };
  } catch {
    // Falls through to the refusal below.
  }
  throw new GcsError(400, 'invalid', 'Invalid pageToken');
}

/** A multipart/related body as the SDK sends it: a JSON metadata part, then the data part. */
function parseMultipart(body: Buffer, contentType: string): { metadata: Record<string, unknown>; data: Buffer } {
  const boundary = /boundary="?([^";]+)"?/i.exec(contentType)?.[1];
  if (!boundary) throw new GcsError(400, 'invalid', 'multipart upload without a boundary');
  const delimiter = Buffer.from(`--${boundary}`);
  const parts: Buffer[] = [];
  let at = body.indexOf(delimiter);
  while (at >= 0) {
    const start = at + delimiter.length;
    if (body.subarray(start, start + 2).toString() === '--') break;
    const next = body.indexOf(delimiter, start);
    if (next < 0) throw new GcsError(400, 'invalid', 'multipart body without a closing boundary');
    parts.push(body.subarray(start, next));
    at = next;
  }
  const contents = parts.map((part) => {
    const headerEnd = part.indexOf('\r\n\r\n');
    if (headerEnd < 0) throw new GcsError(400, 'invalid', 'multipart part without headers');
    // The CRLF before the next boundary belongs to the boundary, not to the content.
    const end = part.subarray(part.length - 2).toString() === '\r\n' ? part.length - 2 : part.length;
    return part.subarray(headerEnd + 4, end);
  });
  if (contents.length !== 2) throw new GcsError(400, 'invalid', `multipart upload with ${contents.length} parts, expected 2`);
  return { metadata: JSON.parse(contents[0].toString('utf8')) as Record<string, unknown>, data: Buffer.from(contents[1]) };
}
