// Runs the live checks through the provider bundles (dist/providers/*.js), required only here and only when a test
// runs, so activation never loads a cloud SDK. Probes are written under the folder, only if absent, and deleted in
// every outcome; a probe that could not be deleted is reported by its full key.
import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import * as vscode from 'vscode';
import { StorageError } from '../core/access/errors';
import { fileCredentials } from '../core/access/file-credentials';
import type { AccessReport, CheckResult, CheckRow } from '../core/access/report';
import type { StorageClient } from '../core/access/storage-client';
import { folderKeyPrefix } from '../core/iam/arn';
import { findProfile } from '../core/iam/profiles';
import type { BucketRef } from '../core/model';
import type { Workspace } from '../core/workspace';
import type { StaticKeys } from '../core/access/aws-profiles';
import { awsProfileKeys, type CredentialChoice } from './access-credentials';

export interface RunOptions {
  signal: AbortSignal;
  timeoutMs: number;
  corsOrigin?: string;
  onRow(row: CheckRow): void;
}

type ProviderName = 's3' | 'gcs' | 'azure';
interface ProviderModule {
  createClient(options: unknown): StorageClient;
}
interface IdentityModule {
  getCallerIdentity(options: unknown): Promise<{ arn: string }>;
}

// A runtime require of a file next to the bundle: esbuild leaves it alone, so no SDK is bundled into the extension.
function loadBundle<T>(extensionUri: vscode.Uri, name: ProviderName | 'iam'): T {
  return createRequire(__filename)(vscode.Uri.joinPath(extensionUri, 'dist', 'providers', `${name}.js`).fsPath) as T;
}

function loadProvider(extensionUri: vscode.Uri, name: ProviderName): ProviderModule {
  return loadBundle<ProviderModule>(extensionUri, name);
}

/** Who the checks run as, in words, when the service cannot say (no STS): never a secret. */
function credentialSource(ref: BucketRef, choice: CredentialChoice): string {
  switch (choice.kind) {
    case 'config-file':
      return vscode.l10n.t('credentials written in {0}', ref.file);
    case 'aws':
      return choice.profile ? vscode.l10n.t('AWS profile {0}', choice.profile) : vscode.l10n.t('the AWS default credential chain');
    case 'gcp':
      return choice.keyFile ? vscode.l10n.t('the service-account key file you picked') : vscode.l10n.t('Google application-default credentials');
    case 'azure':
      return choice.secret.kind === 'sas' ? vscode.l10n.t('the SAS you entered') : vscode.l10n.t('the connection string you entered');
  }
}

/** The deployment authenticates in a way the editor cannot: the checks run as whoever the editor's credentials are. */
const deploymentIdentities = new Set(['irsa-role', 'existing-secret', 'node-role', 'workload-identity']);

/** Explicit AWS keys for the choice (file or named profile); undefined for the SDK's default chain. */
function awsKeys(workspace: Workspace, ref: BucketRef, choice: CredentialChoice): StaticKeys | undefined {
  if (choice.kind === 'config-file') {
    const file = fileCredentials(workspace, ref);
    return file?.kind === 'aws-keys' ? { accessKeyId: file.accessKeyId, secretAccessKey: file.secretAccessKey } : undefined;
  }
  if (choice.kind !== 'aws' || !choice.profile) return undefined;
  const keys = awsProfileKeys(choice.profile);
  if (!keys) throw new Error(vscode.l10n.t('AWS profile {0} holds no access keys in the shared files; SSO and role profiles are not supported by this build yet.', choice.profile));
  return keys;
}

/** Endpoints written in workspace files are never used in Restricted Mode. */
function endpointOf(ref: BucketRef): string | undefined {
  return vscode.workspace.isTrusted ? ref.endpoint : undefined;
}

function clientFor(extensionUri: vscode.Uri, workspace: Workspace, ref: BucketRef, choice: CredentialChoice, timeoutMs: number): StorageClient {
  const endpoint = endpointOf(ref);
  const file = choice.kind === 'config-file' ? fileCredentials(workspace, ref) : undefined;
  if (choice.kind === 'config-file' && !file) throw new Error(vscode.l10n.t('{0} no longer holds usable credentials.', ref.file));
  switch (ref.provider) {
    case 's3': {
      const credentials = awsKeys(workspace, ref, choice);
      return loadProvider(extensionUri, 's3').createClient({ bucket: ref.name, region: ref.region || 'us-east-1', endpoint, credentials, timeoutMs });
    }
    case 'gcs':
      if (file) throw new Error(vscode.l10n.t('Testing with the key JSON written in {0} is not supported yet: pick the key file instead.', ref.file));
      return loadProvider(extensionUri, 'gcs').createClient({ bucket: ref.name, keyFilename: choice.kind === 'gcp' ? choice.keyFile : undefined, apiEndpoint: endpoint, timeoutMs });
    case 'azure': {
      const auth =
        file?.kind === 'azure-key'
          ? { kind: 'account-key', accountName: file.accountName, accountKey: file.accountKey, ...(endpoint ? { serviceUrl: endpoint } : {}) }
          : choice.kind === 'azure'
            ? choice.secret.kind === 'connection-string'
              ? { kind: 'connection-string', connectionString: choice.secret.connectionString }
              : { kind: 'sas', serviceUrl: choice.secret.serviceUrl, sas: choice.secret.sas }
            : undefined;
      if (!auth) throw new Error(vscode.l10n.t('No Azure credentials for {0}.', ref.name));
      return loadProvider(extensionUri, 'azure').createClient({ container: ref.name, auth });
    }
  }
}

const resultOf: Record<StorageError['kind'], CheckResult> = {
  denied: 'denied',
  'not-found': 'not-found',
  'bad-credentials': 'bad-credentials',
  'wrong-region': 'wrong-region',
  unreachable: 'unreachable',
  timeout: 'timed-out',
  unsupported: 'error',
  error: 'error',
};

const actions: Record<ProviderName, Record<'list' | 'put' | 'get' | 'delete', string>> = {
  s3: { list: 's3:ListBucket', put: 's3:PutObject', get: 's3:GetObject', delete: 's3:DeleteObject' },
  gcs: { list: 'storage.objects.list', put: 'storage.objects.create', get: 'storage.objects.get', delete: 'storage.objects.delete' },
  azure: { list: 'blobs/read (list)', put: 'blobs/write', get: 'blobs/read', delete: 'blobs/delete' },
};

/** Failed writes the service answered (nothing was created); after any other failure the probe may exist. */
const answered: ReadonlySet<CheckResult> = new Set(['denied', 'not-found', 'bad-credentials', 'wrong-region']);

/** The key is taken (S3/GCS 412, Azure 409): someone else's object, which must never be deleted. */
const occupied = /PreconditionFailed|ConditionNotMet|AlreadyExists|HTTP 412|HTTP 409/;

const hints: Partial<Record<CheckResult, string>> = {
  denied: 'Grant {0} to the identity tested.',
  'not-found': 'Check the bucket name and that it exists in this account or endpoint.',
  'bad-credentials': 'The credentials were rejected: check the key, secret or token.',
  'wrong-region': 'The bucket is in another region than the one configured.',
  unreachable: 'The endpoint could not be reached: check the URL, network and proxy.',
  'timed-out': 'No answer within the timeout (bucketDoctor.access.timeoutSeconds).',
};

/** The provider bundles carry their own copy of StorageError, so `instanceof` cannot tell: the shape does. */
function asStorageError(error: unknown): Pick<StorageError, 'kind' | 'code'> | undefined {
  const e = error as Partial<StorageError> | null;
  return typeof e === 'object' && e !== null && e.name === 'StorageError' && typeof e.kind === 'string' && typeof e.code === 'string' && e.kind in resultOf ? { kind: e.kind, code: e.code } : undefined;
}

/** Runs one request as a check row: result, the provider's code and latency. */
async function check<T>(operation: string, action: string, options: RunOptions, rows: CheckRow[], run: (signal: AbortSignal) => Promise<T>, required = true): Promise<T | undefined> {
  if (options.signal.aborted) {
    skip(operation, action, vscode.l10n.t('Cancelled.'), options, rows, required);
    return undefined;
  }
  const started = performance.now();
  const signal = AbortSignal.any([options.signal, AbortSignal.timeout(options.timeoutMs)]);
  let row: CheckRow;
  let value: T | undefined;
  try {
    value = await run(signal);
    row = { operation, required, result: 'passed', action };
  } catch (error) {
    if (options.signal.aborted) {
      skip(operation, action, vscode.l10n.t('Cancelled.'), options, rows, required);
      return undefined;
    }
    const failure = asStorageError(error) ?? new StorageError(operation, { code: signal.aborted ? 'TimeoutError' : undefined });
    // A service without the operation (no STS on an S3-compatible server) skips the check rather than failing it.
    const result = failure.kind === 'unsupported' ? 'skipped' : resultOf[failure.kind];
    const hint = failure.kind === 'unsupported' ? vscode.l10n.t('The service does not offer this operation.') : hints[result]?.replace('{0}', action);
    row = { operation, required, result, code: failure.code, action, ...(hint ? { hint } : {}) };
  }
  row.latencyMs = Math.round(performance.now() - started);
  rows.push(row);
  options.onRow(row);
  return value;
}

function skip(operation: string, action: string, hint: string, options: RunOptions, rows: CheckRow[], required = true): void {
  const row: CheckRow = { operation, required, result: 'skipped', action, hint };
  rows.push(row);
  options.onRow(row);
}

export async function runLiveTest(extensionUri: vscode.Uri, workspace: Workspace, ref: BucketRef, choice: CredentialChoice, options: RunOptions): Promise<AccessReport> {
  const startedAt = new Date();
  const client = clientFor(extensionUri, workspace, ref, choice, options.timeoutMs);
  const rows: CheckRow[] = [];
  const leftovers: string[] = [];
  const notes: string[] = [];
  const act = actions[ref.provider];
  const prefix = folderKeyPrefix(ref.folder);
  let identity = credentialSource(ref, choice);
  if (ref.provider === 's3') {
    const { getCallerIdentity } = loadBundle<IdentityModule>(extensionUri, 'iam');
    const stsOptions = { region: ref.region || 'us-east-1', endpoint: endpointOf(ref), credentials: awsKeys(workspace, ref, choice) };
    const caller = await check('identity', 'sts:GetCallerIdentity', options, rows, () => getCallerIdentity(stsOptions), false);
    if (caller?.arn) identity = caller.arn;
  }
  await check('list', act.list, options, rows, (signal) => client.list({ prefix, maxKeys: 1 }, { signal }));
  const writes = findProfile(ref.profile)?.s3.some((n) => n.action === 's3:PutObject') ?? true;
  if (!writes) {
    notes.push(vscode.l10n.t('Profile {0} only reads: no probe object was written.', ref.profile));
  } else {
    const key = `${prefix}.bucket-doctor-probe-${randomBytes(8).toString('hex')}`;
    const body = new TextEncoder().encode(`Bucket Doctor access probe ${startedAt.toISOString()}\n`);
    const written = (await check('put', act.put, options, rows, (signal) => client.putIfAbsent(key, body, { signal }).then(() => true))) ?? false;
    const putRow = rows[rows.length - 1];
    if (written) {
      const read = await check('get', act.get, options, rows, (signal) => client.get(key, { signal }));
      if (read && Buffer.compare(Buffer.from(read), Buffer.from(body)) !== 0) {
        rows[rows.length - 1] = { ...rows[rows.length - 1], result: 'error', code: 'ContentMismatch', hint: vscode.l10n.t('The probe read back differs from what was written.') };
      }
    } else {
      skip('get', act.get, vscode.l10n.t('No probe object was written.'), options, rows);
    }
    // Deleted whatever happened before, also after a cancel: a fresh signal, bounded by the timeout only.
    const cleanup = { ...options, signal: new AbortController().signal };
    if (written) {
      const deleted = await check('delete', act.delete, cleanup, rows, (signal) => client.delete(key, { signal }).then(() => true));
      if (!deleted) leftovers.push(key);
    } else {
      skip('delete', act.delete, vscode.l10n.t('No probe object was written.'), options, rows);
      // A write cut off (timeout, reset, cancel) may still have created the probe: remove it quietly if so.
      if (!answered.has(putRow.result) && !occupied.test(putRow.code ?? '')) {
        const gone = await client.delete(key, { signal: AbortSignal.timeout(options.timeoutMs) }).then(
          () => true,
          (error: unknown) => asStorageError(error)?.kind === 'not-found',
        );
        if (!gone) leftovers.push(key);
      }
    }
  }
  if (choice.kind !== 'config-file' && deploymentIdentities.has(ref.auth)) {
    notes.push(vscode.l10n.t('The checks ran with your credentials, not as the deployment ({0}): its own permissions may differ.', ref.roleArn ?? ref.auth));
  }
  return {
    version: 1,
    bucket: ref.name,
    provider: ref.provider,
    profile: ref.profile,
    prefix: ref.folder,
    identity,
    ...(endpointOf(ref) ? { endpoint: endpointOf(ref) } : {}),
    source: { file: ref.file, range: ref.range },
    checks: rows,
    leftovers,
    notes,
    startedAt: startedAt.toISOString(),
    durationMs: Date.now() - startedAt.getTime(),
  };
}

/** Deletes `keys` (probes an earlier run left); resolves with the keys still there. */
export async function cleanUpProbes(extensionUri: vscode.Uri, workspace: Workspace, ref: BucketRef, choice: CredentialChoice, keys: readonly string[], timeoutMs: number): Promise<string[]> {
  const client = clientFor(extensionUri, workspace, ref, choice, timeoutMs);
  const left: string[] = [];
  for (const key of keys) {
    // Only probe objects: never delete anything else, whatever the stored report says.
    if (!/(?:^|\/)\.bucket-doctor-probe-[0-9a-f]+$/.test(key)) continue;
    await client.delete(key, { signal: AbortSignal.timeout(timeoutMs) }).catch(() => left.push(key));
  }
  return left;
}
