// Edits that add, remove and move block-style entries of a values file, in the file's own indentation and line
// breaks, keeping comments; each gives up (undefined) where the layout is not plain block style.
import { isMap, isScalar, type Node, type YAMLMap } from 'yaml';
import type { TextEdit } from '../../model';
import { pairIn, pairsOf, spanOf, type YamlPair } from '../../sources/yaml-file';
import type { SourceFile } from '../../workspace';
import { indentAt, replace } from '../fixes';

/** A value to write: YAML text as is, or a quoted placeholder that the editor offers as a tab stop. */
export type NewValue = { yaml: string } | { placeholder: string };

/** An entry to add: a scalar value, or a mapping of further entries. */
export interface NewEntry {
  key: string;
  value: NewValue | NewEntry[];
}

const escapeSnippet = (text: string) => text.replace(/[$}\\]/g, '\\$&');

/** `entries` as block-style lines at `indent`, in plain text and in snippet syntax (placeholders as tab stops). */
function render(entries: readonly NewEntry[], indent: string, unit: string, eol: string, stop = { next: 1 }): { text: string; snippet: string } {
  const text: string[] = [];
  const snippet: string[] = [];
  for (const { key, value } of entries) {
    if (Array.isArray(value)) {
      const inner = render(value, indent + unit, unit, eol, stop);
      text.push(`${indent}${key}:${eol}${inner.text}`);
      snippet.push(`${indent}${escapeSnippet(key)}:${eol}${inner.snippet}`);
    } else {
      const written = renderValue(value, stop);
      text.push(`${indent}${key}: ${written.text}`);
      snippet.push(`${indent}${escapeSnippet(key)}: ${written.snippet}`);
    }
  }
  return { text: text.join(eol), snippet: snippet.join(eol) };
}

function renderValue(value: NewValue, stop: { next: number }): { text: string; snippet: string } {
  if ('yaml' in value) return { text: value.yaml, snippet: escapeSnippet(value.yaml) };
  const quoted = JSON.stringify(value.placeholder);
  return { text: quoted, snippet: `"\${${stop.next++}:${escapeSnippet(quoted.slice(1, -1))}}"` };
}

/** The indentation step the file uses (its first indented key line), two spaces when it has none. */
export function indentUnit(file: SourceFile): string {
  const line = /^( +)[^\s#-]/m.exec(file.text);
  return line ? line[1] : '  ';
}

/** Whether the pair is written in block style: its key starts its line, inside a block mapping. */
function isBlockPair(file: SourceFile, pair: YamlPair, parent?: Node | null): boolean {
  if (!isScalar(pair.key) || !pair.key.range || (parent && (parent as YAMLMap).flow)) return false;
  const start = pair.key.range[0];
  const line = file.lines.position(start).line;
  return file.text.slice(file.lines.lineStart(line), start).trim() === '';
}

/** Where a pair's text ends: its value's end, before the blanks and line breaks the parser counts to it. */
function contentEnd(file: SourceFile, pair: YamlPair): number {
  const [keyStart, keyEnd] = spanOf(pair.key as Node);
  let end = pair.value?.range ? pair.value.range[1] : keyEnd;
  while (end > keyStart && /\s/.test(file.text[end - 1])) end--;
  return end;
}

/** 1-based line of the last character of a pair (its key, or the end of its value). */
function lastLine(file: SourceFile, pair: YamlPair): number {
  return file.lines.position(Math.max(spanOf(pair.key as Node)[0], contentEnd(file, pair) - 1)).line;
}

/** The offset just after the `:` that follows a pair's key. */
function colonEnd(file: SourceFile, pair: YamlPair): number | undefined {
  const keyEnd = spanOf(pair.key as Node)[1];
  const colon = file.text.indexOf(':', keyEnd);
  return colon !== -1 && file.text.slice(keyEnd, colon).trim() === '' ? colon + 1 : undefined;
}

const withSnippet = (edit: TextEdit, snippet: string): TextEdit => ({ ...edit, snippet });

/** Inserts `entries` as siblings on the lines right after `pair`. */
export function insertAfter(file: SourceFile, pair: YamlPair, parent: Node | null | undefined, entries: readonly NewEntry[]): TextEdit | undefined {
  if (!isBlockPair(file, pair, parent)) return undefined;
  const at = file.lines.lineEnd(lastLine(file, pair));
  const { eol } = file.lines;
  const { text, snippet } = render(entries, indentAt(file, spanOf(pair.key as Node)[0]), indentUnit(file), eol);
  return withSnippet(replace(at, at, eol + text), eol + snippet);
}

/**
 * Adds `entries` to the mapping `map` (the value of `owner`, or the document root without one): after its last
 * entry, or as its first entries when it is empty (`key:`, `key: ~`, `key: {}`).
 */
function insertInto(file: SourceFile, map: Node | null | undefined, owner: YamlPair | undefined, parent: Node | null | undefined, entries: readonly NewEntry[]): TextEdit | undefined {
  const pairs = pairsOf(map);
  if (pairs.length > 0) return (map as YAMLMap).flow ? undefined : insertAfter(file, pairs[pairs.length - 1], map, entries);
  const { eol } = file.lines;
  const unit = indentUnit(file);
  if (!owner) {
    if (map !== null && map !== undefined) return undefined;
    const text = file.text.length === 0 || file.text.endsWith('\n') ? '' : eol;
    const body = render(entries, '', unit, eol);
    return withSnippet(replace(file.text.length, file.text.length, text + body.text + eol), text + body.snippet + eol);
  }
  if (!isBlockPair(file, owner, parent)) return undefined;
  const body = render(entries, indentAt(file, spanOf(owner.key as Node)[0]) + unit, unit, eol);
  const [start, end] = spanOf(map ?? undefined);
  const written = file.text.slice(start, end);
  const emptyValue = map === null || map === undefined || (isScalar(map) && map.value === null && written.trim() === '');
  if (emptyValue) {
    const at = file.lines.lineEnd(file.lines.position(spanOf(owner.key as Node)[0]).line);
    return withSnippet(replace(at, at, eol + body.text), eol + body.snippet);
  }
  // `~`, `null` and `{}` on the key's line give way to the new block.
  const emptyOnKeyLine = (isScalar(map) && map.value === null) || (isMap(map) && /^\{\s*\}$/.test(written));
  const afterColon = colonEnd(file, owner);
  if (!emptyOnKeyLine || afterColon === undefined || file.text.slice(afterColon, start).trim() !== '') return undefined;
  return withSnippet(replace(afterColon, end, eol + body.text), eol + body.snippet);
}

/**
 * Adds `entries` to the mapping at `path` below the document root, creating the mappings on the way that do not
 * exist yet (`rqworker:` → `serviceAccount:` → `annotations:`).
 */
export function insertAt(file: SourceFile, root: Node | null | undefined, path: readonly string[], entries: readonly NewEntry[]): TextEdit | undefined {
  let node = root;
  let owner: YamlPair | undefined;
  let parent: Node | null | undefined;
  let depth = 0;
  for (; depth < path.length; depth++) {
    const pair = isMap(node) ? pairIn(node, path[depth]) : undefined;
    if (!pair) break;
    parent = node;
    owner = pair;
    node = pair.value;
  }
  const nested = path.slice(depth).reduceRight<readonly NewEntry[]>((inner, key) => [{ key, value: [...inner] }], entries);
  if (depth < path.length && !isMap(node) && !(node === null || node === undefined || (isScalar(node) && node.value === null))) return undefined;
  return insertInto(file, node, owner, parent, nested);
}

/** [start, end) of whole lines from `first` to `last` (1-based), including the last line break. */
export function lineSpan(file: SourceFile, first: number, last: number): [number, number] {
  const end = last < file.lines.lineCount ? file.lines.lineStart(last + 1) : file.text.length;
  return [file.lines.lineStart(first), end];
}

/** The lines a block-style pair occupies, from its key to the end of its value; undefined when not block style. */
export function pairLines(file: SourceFile, pair: YamlPair, parent: Node | null | undefined): { first: number; last: number } | undefined {
  if (!isBlockPair(file, pair, parent)) return undefined;
  const first = file.lines.position(spanOf(pair.key as Node)[0]).line;
  const last = lastLine(file, pair);
  // Something after the value on its last line (`a: 1 } b: 2`) means the lines are not the pair's alone.
  const tail = file.text.slice(contentEnd(file, pair), file.lines.lineEnd(last)).trim();
  if (tail !== '' && !tail.startsWith('#')) return undefined;
  return { first, last };
}

/** Removes a block-style pair's lines (key, value and the comment after it on the same line). */
export function removePair(file: SourceFile, pair: YamlPair, parent: Node | null | undefined): TextEdit | undefined {
  const lines = pairLines(file, pair, parent);
  if (!lines) return undefined;
  const [start, end] = lineSpan(file, lines.first, lines.last);
  // On the last line of a file without a final line break, take the preceding break instead.
  if (end === file.text.length && !/\n$/.test(file.text.slice(start, end)) && start > 0) {
    return replace(start - (file.text[start - 2] === '\r' ? 2 : 1), end, '');
  }
  return replace(start, end, '');
}

/** Shifts every line of `text` from indentation `from` to `to`; lines indented less are left as they are. */
export function reindent(text: string, from: string, to: string): string {
  return text
    .split('\n')
    .map((line) => (line.startsWith(from) && line.trim() !== '' ? to + line.slice(from.length) : line))
    .join('\n');
}

/** Writes `value` into a pair whose value is empty: `key:`, `key: ""`, `key: ~`. */
export function fillValue(file: SourceFile, pair: YamlPair, value: NewValue): TextEdit | undefined {
  const written = renderValue(value, { next: 1 });
  const node = pair.value;
  const [start, end] = spanOf(node ?? undefined);
  if (node && end > start) return withSnippet(replace(start, end, written.text), written.snippet);
  const at = colonEnd(file, pair);
  return at === undefined ? undefined : withSnippet(replace(at, at, ` ${written.text}`), ` ${written.snippet}`);
}
