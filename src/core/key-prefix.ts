// How Label Studio's storage backends (django-storages) turn the folder setting into object keys, and the folder
// values they refuse: S3Storage and GoogleCloudStorage reject a location starting with "/" (check_location), and
// every backend's safe_join refuses a key whose normalized form no longer starts with the location as written.
import type { Provider } from './model';

/** Python's posixpath.normpath: one or three-plus leading slashes become "/", exactly two stay; "", "." and ".." resolved. */
function posixNormpath(path: string): string {
  if (path === '') return '.';
  const leading = path.startsWith('//') && !path.startsWith('///') ? '//' : path.startsWith('/') ? '/' : '';
  const parts: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part !== '..' || (!leading && parts.length === 0) || parts[parts.length - 1] === '..') parts.push(part);
    else if (parts.length > 0) parts.pop();
  }
  const joined = leading + parts.join('/');
  return joined || '.';
}

/** django-storages' safe_join(location, name) succeeds: the normalized key still starts with `location/`. */
function joinsCleanly(location: string): boolean {
  const base = location.replace(/\/+$/, '');
  const key = posixNormpath(`${base}/x`);
  return key.startsWith(base) && key[base.length] === '/';
}

export type PrefixProblem = 'leading-slash' | 'unnormalized';

export interface PrefixCheck {
  problems: PrefixProblem[];
  /** The folder with "//", "." and ".." segments resolved and no leading "/" (a trailing "/" is kept). */
  normalized: string;
}

/** Resolves empty, "." and ".." segments and drops leading slashes; keeps a trailing slash (it changes no key). */
export function normalizePrefix(folder: string): string {
  const parts: string[] = [];
  for (const part of folder.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..' && parts.length > 0 && parts[parts.length - 1] !== '..') parts.pop();
    else parts.push(part);
  }
  const joined = parts.join('/');
  return joined && folder.endsWith('/') ? `${joined}/` : joined;
}

/** What Label Studio's `provider` backend refuses about `folder` (a trailing "/" is harmless: it is stripped). */
export function checkKeyPrefix(folder: string, provider: Provider): PrefixCheck {
  const problems: PrefixProblem[] = [];
  // The Azure backend has no check_location; its safe_join drops the leading "/" itself.
  if (provider !== 'azure' && folder.startsWith('/')) problems.push('leading-slash');
  if (!joinsCleanly(folder)) problems.push('unnormalized');
  return { problems, normalized: normalizePrefix(folder) };
}

/** Which segments of `folder` make it unnormalized, in words: `an empty segment ("//")`, `a ".." segment`. */
export function unnormalizedSegments(folder: string): string[] {
  const inner = folder.replace(/^\/+/, '').replace(/\/+$/, '');
  const segments = inner.split('/');
  const found: string[] = [];
  if (segments.includes('')) found.push('an empty segment ("//")');
  if (segments.includes('.')) found.push('a "." segment');
  if (segments.includes('..')) found.push('a ".." segment');
  // Three or more leading slashes: normpath folds them into one, so the key no longer starts with the folder.
  if (/^\/{3}/.test(folder) && found.length === 0) found.push('three or more leading slashes');
  return found;
}
