// The inline credential values the pods actually receive, for the rules that check their format, and the repair
// shared by those rules: blanks the chart would pass on as part of the value.
import { Scalar, type Node } from 'yaml';
import type { Fix, Provider, TextEdit } from '../../model';
import type { LseValues } from '../../sources/lse-values';
import { isScalar, scalarText, spanOf, type YamlPair } from '../../sources/yaml-file';
import type { SourceFile } from '../../workspace';
import { fix, replace, yamlScalarText } from '../fixes';
import type { Report } from '../rule';
import { completeSecret, credentialSettings, settingPath } from './persistence';
import { isPlaceholder } from './placeholder';

export interface InlineCredential {
  /** `global.persistence.config.<provider>.<key>`, for messages. */
  path: string;
  pair: YamlPair;
  node: Node;
  /** The value when it is a scalar; undefined for a mapping or a sequence. */
  text: string | undefined;
}

/**
 * The inline `key` of `provider`'s block when the pods get it: set, not a placeholder, and not overridden by a
 * complete existing-Secret pair (the templates then ignore the inline value).
 */
export function inlineCredential(values: LseValues, provider: Provider, key: string): InlineCredential | undefined {
  const setting = credentialSettings(values.block(provider), provider).find((s) => s.credential.key === key);
  const node = setting?.inline?.value;
  if (!setting?.inline || !node || completeSecret(setting)) return undefined;
  const text = scalarText(node);
  if (text !== undefined && isPlaceholder(text)) return undefined;
  return { path: settingPath(provider, key), pair: setting.inline, node, text };
}

/** The value's own span, where a format problem is shown. */
export function valueSpan(credential: InlineCredential): { start: number; end: number } {
  const [start, end] = spanOf(credential.node);
  return { start, end };
}

/**
 * Rewrites a credential's value, keeping its quoting; a block scalar (`|`) becomes a quoted one, and the line break
 * its span ends with stays in place.
 */
export function rewriteValue(file: SourceFile, node: Node, value: string): TextEdit {
  const [start, end] = spanOf(node);
  const block = isScalar(node) && (node.type === Scalar.BLOCK_LITERAL || node.type === Scalar.BLOCK_FOLDED);
  let to = end;
  while (block && to > start && /\s/.test(file.text[to - 1])) to--;
  return replace(start, to, yamlScalarText(value, block ? undefined : node));
}

/** What is wrong with a credential's value, and the value the author evidently means when there is one. */
export interface ValueCheck {
  problem?: string;
  /** The value to write, and how the fix that writes it is called. */
  repair?: { title: string; value: string };
}

/** The fix that writes a check's repair into the credential, when it has one. */
export function repairFixes(file: SourceFile, credential: InlineCredential, { repair }: ValueCheck): Fix[] {
  return repair ? [fix(repair.title, [rewriteValue(file, credential.node, repair.value)], true)] : [];
}

/**
 * A report for blanks around a value that is otherwise well-formed: the chart copies the value into its Secret as
 * written, so the blanks become part of the credential. Undefined when there are none.
 */
export function blanksReport(file: SourceFile, credential: InlineCredential, what: string, consequence: string): Report | undefined {
  const { text } = credential;
  if (text === undefined || text === text.trim()) return undefined;
  return {
    ...valueSpan(credential),
    message: `${credential.path} has blanks or line breaks around the ${what}: the chart passes them on as part of it, so ${consequence}. Remove them.`,
    fixes: [fix('Remove the blanks around it', [rewriteValue(file, credential.node, text.trim())], true)],
  };
}
