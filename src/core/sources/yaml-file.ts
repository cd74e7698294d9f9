// YAML through the `yaml` Document API: located nodes for rules, syntax problems with offsets, path lookups.
import { isMap, isScalar, isSeq, parseDocument, visit, type Document, type Node, type Pair, type YAMLMap } from 'yaml';

export interface YamlProblem {
  offset: number;
  length: number;
  message: string;
}

export interface YamlFile {
  doc: Document.Parsed;
  problems: YamlProblem[];
}

/** Repeated keys in any mapping, found in linear time (the library's own check is quadratic in the map size). */
function duplicateKeys(doc: Document.Parsed): YamlProblem[] {
  const problems: YamlProblem[] = [];
  visit(doc, {
    Map(_, map) {
      const seen = new Set<string>();
      for (const pair of map.items) {
        if (!isScalar(pair.key)) continue;
        const key = String(pair.key.value);
        if (seen.has(key) && pair.key.range) {
          problems.push({ offset: pair.key.range[0], length: pair.key.range[1] - pair.key.range[0], message: `Map keys must be unique; "${key}" is repeated` });
        }
        seen.add(key);
      }
    },
  });
  return problems;
}

export function parseYaml(text: string): YamlFile {
  const doc = parseDocument(text, { prettyErrors: false, keepSourceTokens: false, uniqueKeys: false });
  const problems = doc.errors.map((e) => ({
    offset: e.pos[0],
    length: Math.max(1, e.pos[1] - e.pos[0]),
    // The library appends a source excerpt after the first line; the editor shows the place itself.
    message: e.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, ''),
  }));
  return { doc, problems: [...problems, ...duplicateKeys(doc)] };
}

export type YamlPair = Pair<Node, Node | null>;

/** The pairs of a mapping node, or none when `node` is not a mapping. */
export function pairsOf(node: unknown): YamlPair[] {
  return isMap(node) ? (node as YAMLMap<Node, Node | null>).items : [];
}

/** A pair's key as text, when it is a plain scalar key. */
export function keyOf(pair: YamlPair): string | undefined {
  return isScalar(pair.key) ? String(pair.key.value) : undefined;
}

export function pairIn(node: unknown, key: string): YamlPair | undefined {
  return pairsOf(node).find((p) => keyOf(p) === key);
}

/** Follows mapping keys from `node`; undefined as soon as a step is missing or not a mapping. */
export function nodeAt(node: unknown, path: readonly string[]): Node | null | undefined {
  let at: unknown = node;
  for (const key of path) {
    const pair = pairIn(at, key);
    if (!pair) return undefined;
    at = pair.value;
  }
  return at as Node | null | undefined;
}

/** A scalar's value as a string (numbers and booleans too); undefined for collections and null. */
export function scalarText(node: unknown): string | undefined {
  if (!isScalar(node) || node.value === null || node.value === undefined) return undefined;
  return String(node.value);
}

export function isStringScalar(node: unknown): boolean {
  return isScalar(node) && typeof node.value === 'string';
}

/** [start, end) of a node's own text (excluding a trailing comment). */
export function spanOf(node: Node | null | undefined, fallback: readonly [number, number] = [0, 0]): [number, number] {
  const range = node?.range;
  return range ? [range[0], range[1]] : [fallback[0], fallback[1]];
}

/** [start, end) covering a pair from its key to the end of its value. */
export function pairSpan(pair: YamlPair): [number, number] {
  const [start] = spanOf(pair.key as Node);
  const end = pair.value?.range ? pair.value.range[1] : spanOf(pair.key as Node)[1];
  return [start, end];
}

export { isMap, isScalar, isSeq };
