// Edits to `.bucket-doctor.json` that keep its comments and layout: add a bucket, or set a field of a bucket's entry
// (adding the entry when the bucket is defined only by a deployment file).
import { applyEdits, modify, parseTree, findNodeAtLocation, type FormattingOptions } from 'jsonc-parser';
import type { Provider } from './model';
import { parseBucketConfig, type ConfigBucket } from './sources/bucket-config';

export const bucketConfigFile = '.bucket-doctor.json';

/** The fields Bucket Doctor writes into a new entry (policies, roles and keys stay for the user to add). */
export type NewBucket = Pick<ConfigBucket, 'name' | 'provider' | 'profile' | 'prefix' | 'region' | 'endpoint' | 'awsProfile'>;

/** The indentation unit the file uses (two spaces for a new file). */
function indentUnit(text: string): string {
  return /\n([ \t]+)\S/.exec(text)?.[1] ?? '  ';
}

function lineBreak(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}

function formatting(text: string): FormattingOptions {
  const unit = indentUnit(text);
  return { insertSpaces: !unit.startsWith('\t'), tabSize: unit.startsWith('\t') ? 1 : unit.length, eol: lineBreak(text) };
}

/** The leading blanks of the line `offset` is on. */
function indentAt(text: string, offset: number): string {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  return /^[ \t]*/.exec(text.slice(lineStart))![0];
}

/** An entry written like the last one: on one line, or one member per line at its indentation. */
function entryText(entry: object, oneLine: boolean, indent: string, unit: string, eol: string): string {
  if (oneLine) return `{ ${Object.entries(entry).map(([k, v]) => `${JSON.stringify(k)}: ${JSON.stringify(v)}`).join(', ')} }`;
  return JSON.stringify(entry, null, unit).split('\n').join(`${eol}${indent}`);
}

/** The text of a config file with `bucket` added after the last entry (`text` empty or absent: a new file). */
export function addBucket(text: string | undefined, bucket: NewBucket): string {
  const source = text && text.trim() !== '' ? text : '{\n  "buckets": []\n}\n';
  const entry = Object.fromEntries(Object.entries(bucket).filter(([, v]) => v !== undefined && v !== ''));
  const root = parseTree(source);
  const list = root && findNodeAtLocation(root, ['buckets']);
  const eol = lineBreak(source);
  const unit = indentUnit(source);
  if (list?.type !== 'array') return applyEdits(source, modify(source, ['buckets'], [entry], { formattingOptions: formatting(source) }));
  const last = list.children?.at(-1);
  if (!last) {
    const indent = indentAt(source, list.offset);
    const inserted = `[${eol}${indent}${unit}${entryText(entry, true, '', unit, eol)}${eol}${indent}]`;
    return source.slice(0, list.offset) + inserted + source.slice(list.offset + list.length);
  }
  const end = last.offset + last.length;
  const indent = indentAt(source, last.offset);
  const oneLine = !source.slice(last.offset, end).includes('\n');
  return `${source.slice(0, end)},${eol}${indent}${entryText(entry, oneLine, indent, unit, eol)}${source.slice(end)}`;
}

/** The text with `field` of the entry for `provider`/`name` set to `value`; the entry is added when missing. */
export function setBucketField(text: string | undefined, provider: Provider, name: string, field: 'profile' | 'awsProfile' | 'prefix', value: string): string {
  const source = text ?? '';
  const found = parseBucketConfig(source).buckets.find((b) => b.provider === provider && b.name === name);
  if (!found) return addBucket(text, { name, provider, [field]: value });
  // parseBucketConfig skips broken entries: the entry's place in the array is found by where its name is written.
  const root = parseTree(source);
  const entries = (root && findNodeAtLocation(root, ['buckets'])?.children) ?? [];
  const position = entries.findIndex((e) => e.offset < found.offset && found.offset < e.offset + e.length);
  return applyEdits(source, modify(source, ['buckets', position, field], value, { formattingOptions: formatting(source) }));
}
