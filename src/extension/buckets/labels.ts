// The Buckets view's words in the user's language: every string is a literal vscode.l10n.t call, so l10n tooling finds it.
import * as vscode from 'vscode';
import type { ListingFix, ListingProblem } from '../../core/bucket-listing';
import type { BucketLabels } from '../../core/bucket-tree';

export function localBucketLabels(): BucketLabels {
  return {
    providers: { s3: vscode.l10n.t('Amazon S3'), gcs: vscode.l10n.t('Google Cloud Storage'), azure: vscode.l10n.t('Azure Blob Storage') },
    auth: {
      'irsa-role': vscode.l10n.t('IRSA role'),
      'access-keys': vscode.l10n.t('access keys'),
      'existing-secret': vscode.l10n.t('existing secret'),
      'node-role': vscode.l10n.t('node role'),
      'workload-identity': vscode.l10n.t('workload identity'),
      'key-json': vscode.l10n.t('key JSON'),
      'account-key': vscode.l10n.t('account key'),
      sas: vscode.l10n.t('SAS'),
      'connection-string': vscode.l10n.t('connection string'),
      hmac: vscode.l10n.t('HMAC keys'),
      unknown: vscode.l10n.t('auth not set'),
    },
    roles: { defines: vscode.l10n.t('defines'), completes: vscode.l10n.t('completes'), policy: vscode.l10n.t('policy names it') },
    awsProfile: vscode.l10n.t('AWS profile {0}', '{0}'),
    conflict: vscode.l10n.t('The deployment in {0} configures different buckets: {1}', '{0}', '{1}'),
  };
}

/** What a failed listing means, one sentence for the node. */
export function problemText(problem: ListingProblem): string {
  switch (problem.kind) {
    case 'denied':
      return vscode.l10n.t('Listing denied: the credentials used may not list this bucket or folder.');
    case 'bad-credentials':
      return vscode.l10n.t('The credentials were rejected: expired, mistyped or for another account.');
    case 'not-found':
      return vscode.l10n.t('The bucket does not exist, or not at this endpoint or in this account.');
    case 'wrong-region':
      return vscode.l10n.t('The bucket is in another region than the one configured.');
    case 'unreachable':
      return vscode.l10n.t('The endpoint could not be reached: check the URL, network and proxy.');
    case 'timeout':
      return vscode.l10n.t('No answer within the timeout (bucketDoctor.access.timeoutSeconds).');
    case 'unsupported':
      return vscode.l10n.t('The service does not support listing this way.');
    case 'restricted':
      return vscode.l10n.t('Restricted Mode: the endpoint comes from a workspace file and is not used until you trust the workspace.');
    case 'error':
      return vscode.l10n.t('Listing failed.');
  }
}

export function fixTitle(fix: ListingFix): string {
  switch (fix) {
    case 'pick-credentials':
      return vscode.l10n.t('Pick Other Credentials…');
    case 'open-config':
      return vscode.l10n.t('Open the Config Line');
    case 'test-access':
      return vscode.l10n.t('Run Test Bucket Access');
    case 'retry':
      return vscode.l10n.t('Retry');
    case 'trust-workspace':
      return vscode.l10n.t('Manage Workspace Trust');
  }
}
