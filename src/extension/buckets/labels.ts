// The Buckets view's words in the user's language: every string is a literal vscode.l10n.t call, so l10n tooling finds it.
import * as vscode from 'vscode';
import type { ListingFix, ListingProblem } from '../../core/bucket-listing';
import type { BucketLabels } from '../../core/bucket-tree';

export function localBucketLabels(): BucketLabels {
  const t = vscode.l10n.t;
  return {
    providers: { s3: t('Amazon S3'), gcs: t('Google Cloud Storage'), azure: t('Azure Blob Storage') },
    auth: {
      'irsa-role': t('IRSA role'),
      'access-keys': t('access keys'),
      'existing-secret': t('existing secret'),
      'node-role': t('node role'),
      'workload-identity': t('workload identity'),
      'key-json': t('key JSON'),
      'account-key': t('account key'),
      sas: t('SAS'),
      'connection-string': t('connection string'),
      hmac: t('HMAC keys'),
      unknown: t('auth not set'),
    },
    roles: { defines: t('defines'), completes: t('completes'), policy: t('policy names it') },
    awsProfile: t('AWS profile {0}', '{0}'),
    conflict: t('The deployment in {0} configures different buckets: {1}', '{0}', '{1}'),
  };
}

/** What a failed listing means, one sentence for the node. */
export function problemText(problem: ListingProblem): string {
  const t = vscode.l10n.t;
  switch (problem.kind) {
    case 'denied':
      return t('Listing denied: the credentials used may not list this bucket or folder.');
    case 'bad-credentials':
      return t('The credentials were rejected: expired, mistyped or for another account.');
    case 'not-found':
      return t('The bucket does not exist, or not at this endpoint or in this account.');
    case 'wrong-region':
      return t('The bucket is in another region than the one configured.');
    case 'unreachable':
      return t('The endpoint could not be reached: check the URL, network and proxy.');
    case 'timeout':
      return t('No answer within the timeout (bucketDoctor.access.timeoutSeconds).');
    case 'unsupported':
      return t('The service does not support listing this way.');
    case 'restricted':
      return t('Restricted Mode: the endpoint comes from a workspace file and is not used until you trust the workspace.');
    case 'error':
      return t('Listing failed.');
  }
}

export function fixTitle(fix: ListingFix): string {
  const t = vscode.l10n.t;
  switch (fix) {
    case 'pick-credentials':
      return t('Pick Other Credentials…');
    case 'open-config':
      return t('Open the Config Line');
    case 'test-access':
      return t('Run Test Bucket Access');
    case 'retry':
      return t('Retry');
    case 'trust-workspace':
      return t('Manage Workspace Trust');
  }
}
