// Collects the candidate deployment files under the paths given on the command line.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { builtInGlobs, needsContent } from '../core/sources/file-kinds';
import { matchesGlob } from '../core/sources/glob';

const skippedDirs = new Set(['node_modules', '.git', '.vscode-test', 'dist', 'out']);
const nameGlobs = Object.values(builtInGlobs).flat();

export interface InputFile {
  /** Relative to `cwd`, `/`-separated. */
  path: string;
  text: string;
}

export class UsageError extends Error {}

/** Reads every file under `paths` that Bucket Doctor may recognise (by name, or YAML/JSON by content). */
export function collectFiles(paths: readonly string[], cwd: string): InputFile[] {
  const out = new Map<string, InputFile>();
  const visit = (abs: string, explicit: boolean) => {
    let stat;
    try {
      stat = statSync(abs);
    } catch {
      if (explicit) throw new UsageError(`no such file or directory: ${relative(cwd, abs) || abs}`);
      return;
    }
    const path = relative(cwd, abs).split(sep).join('/');
    if (stat.isDirectory()) {
      for (const name of readdirSync(abs).sort()) {
        if (!skippedDirs.has(name)) visit(join(abs, name), false);
      }
    } else if (explicit || nameGlobs.some((g) => matchesGlob(path, g)) || needsContent(path)) {
      out.set(path, { path, text: readFileSync(abs, 'utf8') });
    }
  };
  for (const p of paths.length > 0 ? paths : ['.']) visit(join(cwd, p), true);
  return [...out.values()];
}
