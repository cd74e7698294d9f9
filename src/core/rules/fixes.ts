// Builders for the minimal text edits fixes are made of; they keep comments, quoting and line endings.
import { isScalar, Scalar, type Node, type YAMLMap } from 'yaml';
import type { Fix, TextEdit } from '../model';
import type { SourceFile } from '../workspace';
import { pairsOf, spanOf } from '../sources/yaml-file';

export function fix(title: string, edits: TextEdit[], preferred = false): Fix {
  return preferred ? { title, edits, preferred } : { title, edits };
}

export function replace(start: number, end: number, text: string): TextEdit {
  return { offset: start, length: end - start, text };
}

/** Removes a whole line including its line break. */
export function removeLine(file: SourceFile, line: number): TextEdit {
  const start = file.lines.lineStart(line);
  const hasBreak = line < file.lines.lineCount;
  const end = hasBreak ? file.lines.lineStart(line + 1) : file.text.length;
  // A last line without its own break takes the preceding one, so no blank line is left behind.
  const from = !hasBreak && start > 0 ? start - (file.text[start - 2] === '\r' ? 2 : 1) : start;
  return replace(from, end, '');
}

const plainSafe = /^[A-Za-z0-9_./@:-]*[A-Za-z0-9_./@-]$/;

/** `value` written the way `node` is quoted now (plain stays plain when YAML keeps it a string). */
export function yamlScalarText(value: string, node?: Node | null): string {
  const style = isScalar(node) ? node.type : undefined;
  if (style === Scalar.QUOTE_SINGLE) return `'${value.replace(/'/g, "''")}'`;
  if (style === Scalar.PLAIN && plainSafe.test(value) && !/^(?:true|false|null|yes|no|on|off|~|[-+.\d][\d._eE+-]*)$/i.test(value)) return value;
  return JSON.stringify(value);
}

/** Replaces a scalar's value, keeping its quoting style. */
export function replaceScalar(node: Node, value: string): TextEdit {
  const [start, end] = spanOf(node);
  return replace(start, end, yamlScalarText(value, node));
}

/** Indentation (spaces) of the line holding `offset`. */
export function indentAt(file: SourceFile, offset: number): string {
  const line = file.lines.position(offset).line;
  const text = file.lines.lineText(line);
  return text.slice(0, text.length - text.trimStart().length);
}

/**
 * Inserts `key: value` as the last entry of the block mapping `map`, aligned with its other keys.
 * Undefined for flow mappings (`{}`), which have no block layout to follow.
 */
export function insertEntry(file: SourceFile, map: Node, key: string, value: string): TextEdit | undefined {
  const pairs = pairsOf(map);
  const last = pairs[pairs.length - 1];
  if (!last || (map as YAMLMap).flow) return undefined;
  const indent = indentAt(file, spanOf(last.key as Node)[0]);
  const lastEnd = last.value?.range ? last.value.range[1] : spanOf(last.key as Node)[1];
  const line = file.lines.position(Math.max(spanOf(last.key as Node)[0], lastEnd - 1)).line;
  const at = file.lines.lineEnd(line);
  return replace(at, at, `${file.lines.eol}${indent}${key}: ${value}`);
}
