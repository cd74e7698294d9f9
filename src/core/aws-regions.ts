// AWS region codes of every partition (generated from botocore's partitions data by scripts/gen-regions.mjs),
// and the region a mistyped code most likely meant.
import { didYouMean } from './did-you-mean';
import data from './data/aws-regions.json';

const partitions = Object.entries(data.partitions).map(([name, p]) => ({ name, pattern: new RegExp(p.regionRegex), regions: p.regions }));

/** Every region code AWS has, all partitions (aws, aws-cn, aws-us-gov, ISO, EUSC). */
export const awsRegions: readonly string[] = partitions.flatMap((p) => p.regions);

const known = new Set(awsRegions);

export function isKnownRegion(region: string): boolean {
  return known.has(region);
}

/** The partition whose region pattern `region` matches, for a lowercase code; a new region would match one. */
export function regionPartition(region: string): string | undefined {
  if (region !== region.toLowerCase()) return undefined;
  return partitions.find((p) => p.pattern.test(region))?.name;
}

const squash = (text: string) => text.toLowerCase().replace(/[^a-z0-9]/g, '');

/**
 * Known regions `value` plausibly meant, best evidence first: the same code in other case or separators
 * (`US_EAST_1`, `useast1`), a code missing its number (`eu-west` → eu-west-1/2/3), or the closest codes by edit
 * distance. One result is a clear suggestion; several mean the value is ambiguous.
 */
export function regionCandidates(value: string): string[] {
  const normalized = value.trim().toLowerCase().replace(/[\s_.]+/g, '-');
  if (known.has(normalized)) return [normalized];
  const sameLetters = awsRegions.filter((r) => squash(r) === squash(normalized));
  if (sameLetters.length > 0) return sameLetters;
  const numbered = awsRegions.filter((r) => r.startsWith(`${normalized}-`) && /^\d+$/.test(r.slice(normalized.length + 1)));
  if (numbered.length > 0) return numbered;
  // No region code is this long: a typo search would only cost time.
  if (normalized.length > 32) return [];
  const best = didYouMean(normalized, awsRegions);
  if (best === undefined) return [];
  // didYouMean keeps the first of equally close names, so a region listed before `best` wins only on a tie.
  return awsRegions.filter((r) => r === best || didYouMean(normalized, [r, best]) === r);
}
