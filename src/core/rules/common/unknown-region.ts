import { isKnownRegion, regionCandidates, regionPartition } from '../../aws-regions';
import { fix } from '../fixes';
import type { Rule } from '../rule';
import { hasS3CompatibleEndpoint, shown, storageNames } from './storage-names';

/** "Did you mean …?" for several candidates; a single one becomes the fix instead. */
function alternatives(candidates: string[]): string {
  if (candidates.length < 2 || candidates.length > 4) return '';
  const quoted = candidates.map((c) => `"${c}"`);
  return ` Did you mean ${quoted.slice(0, -1).join(', ')} or ${quoted[quoted.length - 1]}?`;
}

export const unknownRegion: Rule = {
  id: 'region/unknown',
  title: 'S3 region that is not an AWS region',
  severity: 'error',
  kinds: ['values', 'env'],
  check({ file, workspace, report }) {
    const names = storageNames(workspace, file);
    // MinIO, Ceph and other S3-compatible servers accept any region string.
    if (hasS3CompatibleEndpoint(names)) return;
    for (const name of names) {
      if (name.kind !== 'region' || name.placeholder || isKnownRegion(name.value)) continue;
      const candidates = regionCandidates(name.value);
      const suggestion = candidates.length === 1 ? candidates[0] : undefined;
      const advice = suggestion ? ` Use "${suggestion}".` : alternatives(candidates);
      const partition = regionPartition(name.value);
      // A code shaped like a region may be one AWS opened after the list was made: fix-all must not rewrite it.
      const fixes = suggestion ? [fix(`Use "${suggestion}"`, [name.replaceWith(suggestion)], !partition)] : [];
      if (partition) {
        report({
          start: name.start,
          end: name.end,
          severity: 'warning',
          message:
            `${name.setting} is ${shown(name.value)}, shaped like a region of the ${partition} partition but not one Bucket Doctor knows ` +
            `(its list comes from botocore's partitions data). If AWS opened this region recently, ignore this; otherwise S3 ` +
            `requests signed for it fail.${advice}`,
          fixes,
        });
        continue;
      }
      const why = name.value !== name.value.toLowerCase() && suggestion === name.value.toLowerCase() ? ' (region codes are lowercase)' : '';
      report({
        start: name.start,
        end: name.end,
        message:
          `${name.setting} is ${shown(name.value)}, which is not an AWS region code${why}. boto3 builds the S3 endpoint and signs ` +
          `every request with it, so Label Studio's uploads and presigned URLs fail.${advice || ' Use the bucket\'s region, e.g. "us-east-1".'}`,
        fixes,
      });
    }
  },
};
