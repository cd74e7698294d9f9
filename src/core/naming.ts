// Cloud naming rules for S3 and GCS buckets, Azure containers and storage accounts, as pure checks that list
// every rule a name breaks (domain.md §4.1, §4.3, §4.4), and the names inside URIs/ARNs pasted where a name belongs.
import type { Provider } from './model';

/** What a name names: a bucket (S3, GCS), an Azure container, or an Azure storage account. */
export type NameKind = 'bucket' | 'container' | 'account';

export type NameRule =
  | 'length'
  | 'uppercase'
  | 'characters'
  | 'edge'
  | 'adjacent-periods'
  | 'ip-address'
  | 'reserved-prefix'
  | 'reserved-suffix'
  | 'google'
  | 'hyphens';

export interface NameViolation {
  rule: NameRule;
  /** The rule in words, e.g. "uppercase letters are not allowed in S3 bucket names". */
  message: string;
  /** Set when the name is reserved for another kind of S3 resource it may still address (an access point alias). */
  reservedFor?: string;
}

const ipAddress = /^\d{1,3}(?:\.\d{1,3}){3}$/;
const letterOrDigit = /^[a-zA-Z0-9]$/;

/** Uppercase letters, and characters outside `allowed` (quoted as JSON so spaces and control characters show). */
function characterViolations(name: string, allowed: RegExp, subject: string, allowedWords: string): NameViolation[] {
  const violations: NameViolation[] = [];
  if (/[A-Z]/.test(name)) violations.push({ rule: 'uppercase', message: `uppercase letters are not allowed in ${subject}` });
  const bad = [...new Set([...name].filter((c) => !allowed.test(c) && !/[A-Z]/.test(c)))];
  if (bad.length > 0) {
    const listed = bad.slice(0, 5).map((c) => JSON.stringify(c)).join(', ') + (bad.length > 5 ? ', …' : '');
    violations.push({ rule: 'characters', message: `${subject} may contain only ${allowedWords}; ${listed} ${bad.length === 1 ? 'is' : 'are'} not allowed` });
  }
  return violations;
}

function lengthViolation(name: string, min: number, max: number, subject: string): NameViolation[] {
  return name.length < min || name.length > max ? [{ rule: 'length', message: `${subject} must be ${min} to ${max} characters long (this one has ${name.length})` }] : [];
}

/** Begin/end rule, reported only for characters the name may otherwise contain (others are `characters`). */
function edgeViolation(name: string, inner: RegExp, subject: string): NameViolation[] {
  const edges = [name[0], name[name.length - 1]].filter((c) => c !== undefined);
  return edges.some((c) => !letterOrDigit.test(c) && inner.test(c)) ? [{ rule: 'edge', message: `${subject} must begin and end with a letter or digit` }] : [];
}

function ipViolation(name: string, subject: string): NameViolation[] {
  return ipAddress.test(name) ? [{ rule: 'ip-address', message: `${subject} must not be formatted as an IP address` }] : [];
}

const s3Subject = 'S3 bucket names';
const s3ReservedPrefixes = ['xn--', 'sthree-', 'amzn-s3-demo-'];
const s3ReservedSuffixes: readonly (readonly [string, string])[] = [
  ['-s3alias', 'S3 access point aliases'],
  ['--ol-s3', 'S3 Object Lambda access point aliases'],
  ['.mrap', 'S3 Multi-Region Access Points'],
  ['--x-s3', 'S3 directory buckets'],
  ['--table-s3', 'S3 Tables'],
];

/** S3 general-purpose bucket naming rules. */
export function s3BucketNameViolations(name: string): NameViolation[] {
  const violations = [
    ...lengthViolation(name, 3, 63, s3Subject),
    ...characterViolations(name, /[a-z0-9.-]/, s3Subject, 'lowercase letters, digits, "." and "-"'),
    ...edgeViolation(name, /[.-]/, s3Subject),
    ...ipViolation(name, s3Subject),
  ];
  if (name.includes('..')) violations.push({ rule: 'adjacent-periods', message: `${s3Subject} must not contain two adjacent periods` });
  const prefix = s3ReservedPrefixes.find((p) => name.startsWith(p));
  if (prefix === 'amzn-s3-demo-') violations.push({ rule: 'reserved-prefix', message: `${s3Subject} starting with "amzn-s3-demo-" are reserved for AWS documentation examples` });
  else if (prefix) violations.push({ rule: 'reserved-prefix', message: `${s3Subject} must not start with "${prefix}"` });
  for (const [suffix, reservedFor] of s3ReservedSuffixes) {
    if (name.endsWith(suffix)) violations.push({ rule: 'reserved-suffix', message: `${s3Subject} ending in "${suffix}" are reserved for ${reservedFor}`, reservedFor });
  }
  return violations;
}

const gcsSubject = 'GCS bucket names';

/** Cloud Storage bucket naming rules (dotted names: up to 222 characters, each part up to 63). */
export function gcsBucketNameViolations(name: string): NameViolation[] {
  const dotted = name.includes('.');
  const violations = [
    ...(dotted ? lengthViolation(name, 3, 222, `${gcsSubject} with dots`) : lengthViolation(name, 3, 63, gcsSubject)),
    ...characterViolations(name, /[a-z0-9._-]/, gcsSubject, 'lowercase letters, digits, "-", "_" and "."'),
    ...edgeViolation(name, /[._-]/, gcsSubject),
    ...ipViolation(name, gcsSubject),
  ];
  if (dotted && name.split('.').some((part) => part.length > 63)) {
    violations.push({ rule: 'length', message: `each dot-separated part of a GCS bucket name must be at most 63 characters long` });
  }
  const lower = name.toLowerCase();
  if (lower.startsWith('goog')) violations.push({ rule: 'reserved-prefix', message: `${gcsSubject} must not start with "goog"` });
  if (/g[o0]{2}gle/.test(lower)) violations.push({ rule: 'google', message: `${gcsSubject} must not contain "google" or look-alikes such as "g00gle"` });
  return violations;
}

const containerSubject = 'Azure container names';
const specialContainers = ['$root', '$logs', '$web'];

/** Azure Blob container naming rules (`$root`, `$logs` and `$web` are the special containers). */
export function azureContainerNameViolations(name: string): NameViolation[] {
  if (specialContainers.includes(name)) return [];
  const violations = [
    ...lengthViolation(name, 3, 63, containerSubject),
    ...characterViolations(name, /[a-z0-9-]/, containerSubject, 'lowercase letters, digits and "-"'),
  ];
  if (/^-|-$|--/.test(name)) violations.push({ rule: 'hyphens', message: `every "-" in ${containerSubject} must sit between letters or digits (no leading, trailing or doubled "-")` });
  return violations;
}

const accountSubject = 'Azure storage account names';

/** Azure storage account naming rules: 3–24 lowercase letters and digits. */
export function azureAccountNameViolations(name: string): NameViolation[] {
  return [...lengthViolation(name, 3, 24, accountSubject), ...characterViolations(name, /[a-z0-9]/, accountSubject, 'lowercase letters and digits')];
}

/** The naming rules `name` breaks as the `kind` of name of `provider` (none for combinations that don't exist). */
export function nameViolations(provider: Provider, kind: NameKind, name: string): NameViolation[] {
  if (provider === 's3' && kind === 'bucket') return s3BucketNameViolations(name);
  if (provider === 'gcs' && kind === 'bucket') return gcsBucketNameViolations(name);
  if (provider === 'azure' && kind === 'container') return azureContainerNameViolations(name);
  if (provider === 'azure' && kind === 'account') return azureAccountNameViolations(name);
  return [];
}

/** A storage location written as a URI, URL, ARN or connection string. */
export interface StorageUrl {
  /** How it was written, with its article, for messages: "an s3:// URI", "an S3 ARN", "a GCS URL", ... */
  form: string;
  provider?: Provider;
  /** Bucket, or Azure container. */
  bucket?: string;
  account?: string;
  /** The key prefix after the bucket, without leading `/` and without a trailing `*` wildcard. */
  prefix: string;
}

/** Path segments of a URL path or URI remainder (`/a/b/` → `a`, `b/`), split at the first one. */
function splitFirst(path: string): [string | undefined, string] {
  const trimmed = path.replace(/^\/+/, '');
  if (trimmed === '') return [undefined, ''];
  const slash = trimmed.indexOf('/');
  return slash === -1 ? [trimmed, ''] : [trimmed.slice(0, slash), trimmed.slice(slash + 1)];
}

const cleanPrefix = (prefix: string) => prefix.replace(/^\/+/, '').replace(/\*$/, '');

function urlLocation(value: string): StorageUrl | undefined {
  const match = /^https?:\/\/([^/?#]*)([^?#]*)/i.exec(value);
  if (!match) return undefined;
  const host = match[1].toLowerCase().replace(/:\d+$/, '');
  const [first, rest] = splitFirst(match[2]);
  // DNS names have at most 253 characters; the host patterns below need no more and stay fast on junk.
  if (host.length > 253) return { form: 'a URL', bucket: first, prefix: cleanPrefix(rest) };
  const azure = /^([^.]+)\.blob\.core\.(?:windows\.net|chinacloudapi\.cn|usgovcloudapi\.net)$/.exec(host);
  if (azure) return { form: 'an Azure blob URL', provider: 'azure', account: azure[1], bucket: first, prefix: cleanPrefix(rest) };
  if (host === 'storage.googleapis.com' || host === 'storage.cloud.google.com') return { form: 'a GCS URL', provider: 'gcs', bucket: first, prefix: cleanPrefix(rest) };
  const gcsHost = /^(.+)\.storage\.googleapis\.com$/.exec(host);
  if (gcsHost) return { form: 'a GCS URL', provider: 'gcs', bucket: gcsHost[1], prefix: cleanPrefix(match[2]) };
  if (/^s3(?:[.-][a-z0-9]+)*\.amazonaws\.com(?:\.cn)?$/.test(host)) return { form: 'an S3 URL', provider: 's3', bucket: first, prefix: cleanPrefix(rest) };
  const s3Host = /^(.+?)\.s3(?:[.-][a-z0-9]+)*\.amazonaws\.com(?:\.cn)?$/.exec(host);
  if (s3Host) return { form: 'an S3 URL', provider: 's3', bucket: s3Host[1], prefix: cleanPrefix(match[2]) };
  // Any other host: an S3-compatible endpoint addressed path-style.
  return { form: 'a URL', bucket: first, prefix: cleanPrefix(rest) };
}

/**
 * The parts of a location written as `s3://b/p`, `gs://b/p`, `arn:aws:s3:::b/p`, an S3/GCS/Azure blob URL, or an
 * Azure connection string; undefined for anything else (a bare name or a plain key prefix).
 */
export function parseStorageUrl(value: string): StorageUrl | undefined {
  const text = value.trim();
  const uri = /^(s3a?|s3n|gs):\/\/([^?#]*)/i.exec(text);
  if (uri) {
    const [bucket, rest] = splitFirst(uri[2]);
    const gcs = uri[1].toLowerCase() === 'gs';
    return { form: `${gcs ? 'a' : 'an'} ${uri[1].toLowerCase()}:// URI`, provider: gcs ? 'gcs' : 's3', bucket, prefix: cleanPrefix(rest) };
  }
  const arn = /^arn:aws[a-z-]*:s3:::([^/]*)(\/.*)?$/i.exec(text);
  if (arn) return { form: 'an S3 ARN', provider: 's3', bucket: arn[1] || undefined, prefix: cleanPrefix(arn[2] ?? '') };
  const url = urlLocation(text);
  if (url) return url;
  if (/(?:^|;)\s*AccountName=/i.test(text) && text.includes(';')) {
    const account = /(?:^|;)\s*AccountName=([^;]*)/i.exec(text)?.[1]?.trim();
    return { form: 'an Azure connection string', provider: 'azure', account: account || undefined, prefix: '' };
  }
  return undefined;
}

/**
 * The location pasted where a bucket, container or account name belongs: a URI/URL/ARN/connection string, or
 * `bucket/prefix` written as one name. Undefined when `value` has none of those shapes.
 */
export function locationInName(value: string): StorageUrl | undefined {
  const url = parseStorageUrl(value);
  if (url) return url;
  // A cloud endpoint host written without its scheme (`acct.blob.core.windows.net`, `b.s3.amazonaws.com/p`).
  if (/^[^/:]+\.(?:amazonaws\.com|blob\.core\.windows\.net|googleapis\.com)(?:\/|$)/i.test(value.trim())) return parseStorageUrl(`https://${value.trim()}`);
  if (!value.includes('/')) return undefined;
  const [bucket, rest] = splitFirst(value.trim());
  return bucket ? { form: 'a "bucket/prefix" path', bucket, prefix: cleanPrefix(rest) } : undefined;
}
