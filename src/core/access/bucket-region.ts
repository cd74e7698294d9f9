// The region a bucket reports (GetBucketLocation) against the one the deployment is configured with.
import { isKnownRegion } from '../aws-regions';

/** GetBucketLocation's legacy answers: empty for us-east-1, `EU` for eu-west-1. */
export function reportedRegion(location: string): string {
  if (location === '') return 'us-east-1';
  if (location === 'EU') return 'eu-west-1';
  return location;
}

/**
 * `mismatch` when the bucket is in a known AWS region other than the configured one; `unknown` when the service
 * reports a name that is no AWS region (an S3-compatible server's zone group): nothing to compare.
 */
export function regionVerdict(location: string, configured: string | undefined): { region: string; verdict: 'match' | 'mismatch' | 'unknown' | 'unconfigured' } {
  const region = reportedRegion(location);
  if (!isKnownRegion(region)) return { region, verdict: 'unknown' };
  if (!configured) return { region, verdict: 'unconfigured' };
  return { region, verdict: region === configured ? 'match' : 'mismatch' };
}
