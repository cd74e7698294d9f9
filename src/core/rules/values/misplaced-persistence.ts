import type { Node, YAMLMap } from 'yaml';
import type { TextEdit } from '../../model';
import { storagePods, storageTypes } from '../../sources/lse-chart';
import { readLseValues } from '../../sources/lse-values';
import { isScalar, keyOf, nodeAt, pairIn, pairsOf, scalarText, spanOf, type YamlPair } from '../../sources/yaml-file';
import type { SourceFile } from '../../workspace';
import { fix, indentAt, replace } from '../fixes';
import type { Rule } from '../rule';
import { indentUnit, lineSpan, pairLines, reindent } from './yaml-edits';

/** Only a block that reads like Label Studio's (a storage type, or a config block per type) is meant for it. */
function looksLikeLsPersistence(node: Node | null): boolean {
  const type = scalarText(nodeAt(node, ['type']))?.trim().toLowerCase();
  const config = nodeAt(node, ['config']);
  return (storageTypes as readonly (string | undefined)[]).includes(type) || pairsOf(config).some((p) => (storageTypes as readonly (string | undefined)[]).includes(keyOf(p)));
}

/** The lines of `pair` together with the comment lines right above it and the deeper-indented ones after it. */
function blockLines(file: SourceFile, pair: YamlPair, parent: Node | null): [number, number] | undefined {
  const lines = pairLines(file, pair, parent);
  if (!lines) return undefined;
  const indent = indentAt(file, spanOf(pair.key as Node)[0]);
  let { first, last } = lines;
  const comment = (line: number) => file.lines.lineText(line).trimStart().startsWith('#');
  while (first > 1 && comment(first - 1) && indentAt(file, file.lines.lineStart(first - 1)) === indent) first--;
  while (last < file.lines.lineCount && comment(last + 1) && indentAt(file, file.lines.lineStart(last + 1)).length > indent.length) last++;
  return [first, last];
}

/** The block's text re-indented to `indent`, without its final line break. */
function movedText(file: SourceFile, span: [number, number], from: string, to: string): string {
  return reindent(file.text.slice(...span), from, to).replace(/\r?\n$/, '');
}

/**
 * Moves `pair` (a child of `parent`, which is the value of `holder`, or the root without one) under `global:`,
 * re-indented. Undefined where the layout is not plain block style.
 */
function moveUnderGlobal(file: SourceFile, root: Node | null, holder: YamlPair | undefined, parent: Node | null, pair: YamlPair): TextEdit[] | undefined {
  const { eol } = file.lines;
  const lines = blockLines(file, pair, parent);
  if (!lines) return undefined;
  const block = lineSpan(file, ...lines);
  const from = indentAt(file, spanOf(pair.key as Node)[0]);
  // A pod block holding nothing else goes too: an empty `app:` is null, and helm would drop the chart's defaults.
  const podLines = holder && pairsOf(parent).length === 1 ? pairLines(file, holder, root) : undefined;
  if (holder && pairsOf(parent).length === 1 && !podLines) return undefined;
  const removed = podLines ? lineSpan(file, podLines.first, Math.max(podLines.last, lines[1])) : block;
  const global = pairIn(root, 'global');
  if (!global) {
    const text = `global:${eol}${movedText(file, block, from, indentUnit(file))}${eol}`;
    if (!holder || podLines) return [replace(removed[0], removed[1], text)];
    // Above the first root key, where `global:` usually stands.
    const at = file.lines.lineStart(file.lines.position(spanOf(pairsOf(root)[0].key as Node)[0]).line);
    return [replace(at, at, text), replace(removed[0], removed[1], '')];
  }
  const globalPairs = pairsOf(global.value);
  const last = globalPairs[globalPairs.length - 1];
  if (last ? (global.value as YAMLMap).flow : !isEmpty(global.value)) return undefined;
  const target = last ? pairLines(file, last, global.value) : pairLines(file, global, root);
  if (!target) return undefined;
  const indent = last ? indentAt(file, spanOf(last.key as Node)[0]) : indentAt(file, spanOf(global.key as Node)[0]) + indentUnit(file);
  const at = file.lines.lineEnd(target.last);
  return [replace(at, at, eol + movedText(file, block, from, indent)), replace(removed[0], removed[1], '')];
}

/** `global:` with nothing after it can take entries; `~` or a scalar there is left to the author. */
const isEmpty = (node: Node | null) => node === null || (isScalar(node) && node.value === null && !node.source);

export const misplacedPersistence: Rule = {
  id: 'values/misplaced-persistence',
  title: 'persistence outside global',
  severity: 'error',
  kinds: ['values'],
  check({ file, workspace, report }) {
    const values = readLseValues(workspace.yaml(file));
    const { root } = values;
    const places: { holder?: YamlPair; parent: Node | null; where: string }[] = [
      { parent: root, where: 'at the top level' },
      ...storagePods.flatMap((pod) => {
        const holder = pairIn(root, pod);
        return holder ? [{ holder, parent: holder.value, where: `under ${pod}` }] : [];
      }),
    ];
    for (const { holder, parent, where } of places) {
      const pair = pairIn(parent, 'persistence');
      if (!pair || !looksLikeLsPersistence(pair.value)) continue;
      const [start, end] = spanOf(pair.key as Node);
      const path = holder ? `${keyOf(holder)}.persistence` : 'persistence';
      const effect = holder
        ? `${keyOf(holder)} has no persistence key and its schema forbids unknown keys, so helm install fails (and the chart would not read it there anyway)`
        : 'the chart reads storage settings only from global.persistence and ignores this block, so none of these settings take effect and Label Studio keeps the chart\'s default volume storage';
      if (values.persistence) {
        report({
          start,
          end,
          message: `${path} is ${where}: ${effect}. global.persistence exists too, so merge these keys into it by hand and remove this block.`,
        });
        continue;
      }
      const edits = moveUnderGlobal(file, root, holder, parent, pair);
      report({
        start,
        end,
        message: `${path} is ${where}: ${effect}. Move it under global:.`,
        fixes: edits ? [fix('Move persistence under global:', edits, true)] : [],
      });
    }
  },
};
