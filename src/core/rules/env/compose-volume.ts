// The edit that mounts a file into a Compose service, in the file's own style: a new item of the service's
// `volumes:` list (short or long syntax, block or flow), or a new `volumes:` key when the service has none.
import { Scalar, type Node, type YAMLMap, type YAMLSeq } from 'yaml';
import type { TextEdit } from '../../model';
import type { ComposeService } from '../../sources/compose-file';
import { isMap, isScalar, isSeq, nodeAt, pairIn, pairsOf, spanOf } from '../../sources/yaml-file';
import type { SourceFile } from '../../workspace';
import { indentAt, replace, yamlScalarText } from '../fixes';

export interface Mount {
  /** Host path, relative to the compose file's folder. */
  source: string;
  /** Path inside the container. */
  target: string;
}

// Style reference for new scalars: plain when YAML keeps the text a string, quoted otherwise.
const plainStyle = Object.assign(new Scalar(''), { type: Scalar.PLAIN });

/** Offset of the end of the line on which `node` ends (block collections end after their last line break). */
function endOfLastLine(file: SourceFile, node: Node): number {
  const [start, end] = spanOf(node);
  return file.lines.lineEnd(file.lines.position(Math.max(start, end - 1)).line);
}

/** `key:` with nothing after it (the parser gives it a null scalar placed at the next line). */
function isEmpty(node: Node | null): boolean {
  return node === null || (isScalar(node) && node.value === null);
}

/** How much deeper than their key the service's block lists put their `-` (2 unless the file shows otherwise). */
function listStep(file: SourceFile, service: Node): string {
  for (const pair of pairsOf(service)) {
    const first = isSeq(pair.value) && !pair.value.flow ? (pair.value.items[0] as Node | undefined) : undefined;
    if (first) return ' '.repeat(Math.max(0, indentAt(file, spanOf(first)[0]).length - indentAt(file, spanOf(pair.key)[0]).length));
  }
  return '  ';
}

/** A long-syntax bind mount item, its keys aligned at `pad` and scalars styled like `like`. */
function longItem(mount: Mount, head: string, pad: string, eol: string, like: Node | null | undefined): string {
  return (
    `${head}type: bind${eol}${pad}source: ${yamlScalarText(mount.source, like ?? plainStyle)}${eol}` +
    `${pad}target: ${yamlScalarText(mount.target, like ?? plainStyle)}${eol}${pad}read_only: true`
  );
}

function appendToBlockList(file: SourceFile, list: YAMLSeq, mount: Mount, short: string): TextEdit | undefined {
  const last = list.items[list.items.length - 1] as Node | undefined;
  if (!last) return undefined;
  const eol = file.lines.eol;
  const [start] = spanOf(last);
  const dash = indentAt(file, start);
  const at = endOfLastLine(file, last);
  if (isMap(last)) {
    const pad = ' '.repeat(file.lines.position(start).column - 1);
    return replace(at, at, eol + longItem(mount, `${dash}- `, pad, eol, nodeAt(last, ['source'])));
  }
  return replace(at, at, `${eol}${dash}- ${yamlScalarText(short, last)}`);
}

function appendToFlowList(file: SourceFile, list: YAMLSeq, short: string): TextEdit | undefined {
  const last = list.items[list.items.length - 1] as Node | undefined;
  if (last) {
    const [, end] = spanOf(last);
    return replace(end, end, `, ${yamlScalarText(short, isScalar(last) ? last : undefined)}`);
  }
  const close = file.text.lastIndexOf(']', spanOf(list)[1] - 1);
  return close === -1 ? undefined : replace(close, close, yamlScalarText(short, plainStyle));
}

/** The edit adding `mount` (read-only) to `service` of the compose file `file`; undefined when its layout is unusual. */
export function mountEdit(file: SourceFile, service: ComposeService, mount: Mount): TextEdit | undefined {
  const short = `${mount.source}:${mount.target}:ro`;
  const eol = file.lines.eol;
  const list = service.volumesNode;
  if (isSeq(list)) return list.flow ? appendToFlowList(file, list, short) : appendToBlockList(file, list, mount, short);
  const step = listStep(file, service.serviceNode);
  const existing = pairIn(service.serviceNode, 'volumes');
  if (existing) {
    // `volumes:` with nothing after it: the list goes under the key.
    if (!isEmpty(existing.value)) return undefined;
    const [keyStart] = spanOf(existing.key);
    const at = file.lines.lineEnd(file.lines.position(keyStart).line);
    return replace(at, at, `${eol}${indentAt(file, keyStart)}${step}- ${yamlScalarText(short, plainStyle)}`);
  }
  const pairs = pairsOf(service.serviceNode);
  const lastPair = pairs[pairs.length - 1];
  if (!lastPair || (service.serviceNode as YAMLMap).flow) return undefined;
  const indent = indentAt(file, spanOf(lastPair.key)[0]);
  const at = endOfLastLine(file, lastPair.value === null || isEmpty(lastPair.value) ? lastPair.key : lastPair.value);
  return replace(at, at, `${eol}${indent}volumes:${eol}${indent}${step}- ${yamlScalarText(short, plainStyle)}`);
}
