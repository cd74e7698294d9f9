// Decides which workspace files Bucket Doctor reads, by name first and by content where the name is not enough.
import { matchesGlob } from './glob';

export type FileKind = 'values' | 'env' | 'compose' | 'policy' | 'config';

/** Extra globs from the `bucketDoctor.files.*` settings. */
export interface FileGlobs {
  values: string[];
  env: string[];
  compose: string[];
}

export const noExtraGlobs: FileGlobs = { values: [], env: [], compose: [] };

/** Built-in name patterns, also used by the editor to search the workspace. */
export const builtInGlobs: Record<Exclude<FileKind, 'policy'>, string[]> = {
  config: ['.bucket-doctor.json'],
  compose: ['docker-compose*.{yaml,yml}', 'compose*.{yaml,yml}'],
  env: ['env.list', '.env', '*.env', '*.env.list'],
  values: ['*values*.{yaml,yml}'],
};

const anyMatch = (path: string, globs: string[]): boolean => globs.some((g) => matchesGlob(path, g));

/** True when the YAML text has `persistence:` directly under a root `global:` block (a linear line scan). */
function hasGlobalPersistence(text: string): boolean {
  let inGlobal = false;
  let childIndent = -1;
  for (const line of text.split('\n')) {
    const content = line.trim();
    if (content === '' || content.startsWith('#')) continue;
    const indent = line.length - line.trimStart().length;
    if (indent === 0) {
      inGlobal = /^global:\s*(?:#.*)?$/.test(content);
      childIndent = -1;
    } else if (inGlobal) {
      if (childIndent < 0) childIndent = indent;
      if (indent === childIndent && /^persistence:(?:\s|$)/.test(content)) return true;
    }
  }
  return false;
}

// A JSON object with a `"Statement"` member, detected even when the JSON around it is broken.
const statementMember = /"Statement"\s*:/;

const yamlOrJson = /\.(?:ya?ml|json)$/i;

/** Classifies by name alone; `'content'` means the text decides (see `fileKind`). */
function kindByName(path: string, extra: FileGlobs): FileKind | 'content' | undefined {
  if (anyMatch(path, builtInGlobs.config)) return 'config';
  if (anyMatch(path, [...builtInGlobs.compose, ...extra.compose])) return 'compose';
  if (anyMatch(path, [...builtInGlobs.env, ...extra.env])) return 'env';
  if (anyMatch(path, [...builtInGlobs.values, ...extra.values])) return 'values';
  return yamlOrJson.test(path) ? 'content' : undefined;
}

/** True when `fileKind` needs the file's text to classify `path`: callers read only those files. */
export function needsContent(path: string, extra: FileGlobs = noExtraGlobs): boolean {
  return kindByName(path, extra) === 'content';
}

/** Classifies `path` (workspace-relative, `/`-separated); `text` matters only when `needsContent(path)`. */
export function fileKind(path: string, text: string, extra: FileGlobs = noExtraGlobs): FileKind | undefined {
  const byName = kindByName(path, extra);
  if (byName !== 'content') return byName;
  if (/\.json$/i.test(path)) return statementMember.test(text) ? 'policy' : undefined;
  return hasGlobalPersistence(text) ? 'values' : undefined;
}
