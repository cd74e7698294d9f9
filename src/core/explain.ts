// Hover text and completions for values keys, env variables and IAM policies, from the same data the rules use.
import { policyCompletions, policyHover } from './explain-policy';
import { configKeys, persistenceKeys, serviceAccountKeys, storageTypes, type KeySpec } from './sources/lse-chart';
import { knownEnv, bareEnvName, type EnvSpec } from './sources/ls-env';
import type { SourceFile } from './workspace';

export interface Completion {
  label: string;
  detail: string;
  documentation: string;
  insertText: string;
  kind: 'key' | 'value' | 'variable';
}

/** The chart keys allowed in the mapping at `path`, when the chart constrains it. */
function keysAt(path: readonly string[]): Readonly<Record<string, KeySpec>> | undefined {
  const p = path.join('.');
  if (p === 'global.persistence') return persistenceKeys;
  if (p === 'global.persistence.config') return Object.fromEntries(storageTypes.map((t) => [t, { type: 'object', description: `Settings used when \`type: ${t}\`.` } as KeySpec]));
  const block = /^global\.persistence\.config\.(s3|gcs|azure|volume)$/.exec(p)?.[1] as keyof typeof configKeys | undefined;
  if (block) return configKeys[block];
  if (p === 'app.serviceAccount' || p === 'rqworker.serviceAccount') return serviceAccountKeys;
  return undefined;
}

const indentOf = (line: string) => line.length - line.trimStart().length;
const keyOfLine = (line: string) => /^\s*(?:- )?["']?([^"':#\s][^"':#]*?)["']?\s*:(?:\s|$)/.exec(line)?.[1];

/** Keys of the block mappings enclosing `line` (1-based), found by indentation; works on half-typed files. */
export function enclosingKeys(file: SourceFile, line: number, indent: number): string[] {
  const path: string[] = [];
  let limit = indent;
  for (let l = line - 1; l >= 1 && limit > 0; l--) {
    const text = file.lines.lineText(l);
    if (text.trim() === '' || text.trimStart().startsWith('#')) continue;
    const ind = indentOf(text);
    const key = keyOfLine(text);
    if (ind < limit && key !== undefined) {
      path.unshift(key);
      limit = ind;
    }
  }
  return path;
}

function keyDoc(key: string, spec: KeySpec): string {
  return `**${key}** (${spec.type})\n\n${spec.description}${spec.env ? `\n\nRendered as \`${spec.env}\`.` : ''}`;
}

function envDoc(name: string, spec: EnvSpec): string {
  const parse: Record<EnvSpec['parse'], string> = {
    string: 'text',
    bool: 'boolean: true/yes/on/1 or false/no/off/0 (any case); anything else stops Label Studio at startup',
    'int-bool': '`1` or `0` (parsed with bool(int(...)); `true` stops Label Studio at startup)',
    int: 'integer seconds/number; anything else stops Label Studio at startup',
    json: 'JSON; invalid JSON stops Label Studio at startup',
    path: 'a file path inside the container: mount the file there',
  };
  const bare = bareEnvName(name);
  const shadow = bare !== name ? `\n\nLabel Studio reads this before \`${bare}\` (first one set wins).` : '';
  return `**${name}**${spec.provider ? ` (${spec.provider})` : ''}\n\n${spec.description}\n\nValue: ${parse[spec.parse]}.${shadow}`;
}

/** Markdown for the key or variable at `offset`, if Bucket Doctor knows it. */
export function hoverAt(file: SourceFile, offset: number): string | undefined {
  if (file.kind === 'policy') return policyHover(file, offset);
  const { line } = file.lines.position(offset);
  const text = file.lines.lineText(line);
  if (file.kind === 'env') {
    const name = /^\s*([^=#\s]+)=?/.exec(text)?.[1];
    const spec = name ? knownEnv[bareEnvName(name)] : undefined;
    return name && spec ? envDoc(name, spec) : undefined;
  }
  if (file.kind !== 'values') return undefined;
  const key = keyOfLine(text);
  if (key === undefined) return undefined;
  const spec = keysAt(enclosingKeys(file, line, indentOf(text)))?.[key];
  return spec ? keyDoc(key, spec) : undefined;
}

/**
 * Completions at `offset`: chart keys and `type` values in values files, variable names and STORAGE_TYPE values in
 * env files, action names and condition keys in policies.
 */
export function completionsAt(file: SourceFile, offset: number): Completion[] {
  if (file.kind === 'policy') return policyCompletions(file, offset);
  const { line, column } = file.lines.position(offset);
  const before = file.lines.lineText(line).slice(0, column - 1);
  if (file.kind === 'env') {
    if (/^\s*(?:LABEL_STUDIO_|HEARTEX_)?STORAGE_TYPE=\S*$/.test(before)) return typeValues(['s3', 'gcs', 'azure']);
    if (!/^\s*[A-Z0-9_]*$/i.test(before)) return [];
    return Object.entries(knownEnv).map(([name, spec]) => ({ label: name, detail: spec.provider ?? 'Label Studio', documentation: envDoc(name, spec), insertText: `${name}=`, kind: 'variable' }));
  }
  if (file.kind !== 'values') return [];
  const typeValue = /^(\s*)type:\s*["']?\w*$/.exec(before);
  if (typeValue && enclosingKeys(file, line, typeValue[1].length).join('.') === 'global.persistence') return typeValues(storageTypes);
  const keyStart = /^(\s*)[\w]*$/.exec(before);
  if (!keyStart) return [];
  const keys = keysAt(enclosingKeys(file, line, keyStart[1].length));
  return Object.entries(keys ?? {}).map(([key, spec]) => ({
    label: key,
    detail: spec.type,
    documentation: keyDoc(key, spec),
    insertText: spec.type === 'object' || spec.type === 'array' ? `${key}:` : `${key}: `,
    kind: 'key',
  }));
}

function typeValues(values: readonly string[]): Completion[] {
  return values.map((v) => ({ label: v, detail: 'storage type', documentation: `Use \`${v}\` exactly: Label Studio compares it case-sensitively.`, insertText: v, kind: 'value' }));
}
