// did-you-mean for policy names, bounded: a name far longer than every candidate cannot be within its edit budget,
// and comparing it would cost its length times theirs (a pasted 100 kB string must not stall the editor).
import { didYouMean } from '../../did-you-mean';

export function suggest(name: string, candidates: readonly string[], aliases: Readonly<Record<string, string>> = {}): string | undefined {
  const longest = candidates.reduce((max, c) => Math.max(max, c.length), 0);
  // didYouMean allows at most a third of the name's length in edits, so a longer name differs by more than that.
  if (name.length > longest * 1.5 + 2 && !Object.hasOwn(aliases, name)) return undefined;
  return didYouMean(name, candidates, aliases);
}
