// Clients and URL signers for browsing a bucket, with the credentials Test Bucket Access uses (the same choice, asked
// once per bucket and session). The provider bundles (dist/providers/*.js) are required only on first use, so
// activation loads no cloud SDK; endpoints from workspace files are never used in Restricted Mode.
import { createRequire } from 'node:module';
import { readFile } from 'node:fs/promises';
import * as vscode from 'vscode';
import { awsProfileNames } from '../../core/access/aws-profiles';
import { fileCredentials } from '../../core/access/file-credentials';
import type { StorageClient } from '../../core/access/storage-client';
import type { BucketRef } from '../../core/model';
import type { Workspace } from '../../core/workspace';
import { awsProfileKeys, type AccessCredentials, type CredentialChoice } from '../access-credentials';

/** A bucket as one workspace folder configures it. */
export interface BucketTarget {
  ref: BucketRef;
  folder: vscode.WorkspaceFolder;
}

/** Thrown when Restricted Mode forbids the endpoint a workspace file names. */
export class RestrictedEndpointError extends Error {
  override readonly name = 'RestrictedEndpointError';
}

export interface Signing {
  sign(key: string, seconds: number): Promise<string>;
  /** Session credentials: the URL stops working when they expire. */
  temporary: boolean;
  /** The URL carries the SAS the user entered: its own expiry applies, not the one asked for. */
  fixedSas: boolean;
}

interface ProviderModule {
  createClient(options: unknown): StorageClient;
}

const targetKey = ({ ref, folder }: BucketTarget) => `${folder.uri.toString()} ${ref.provider}:${ref.name}:${ref.endpoint ?? ''}:${ref.region ?? ''}`;

export class BucketClients {
  private readonly choices = new Map<string, CredentialChoice>();
  private readonly clients = new Map<string, StorageClient>();

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly credentials: AccessCredentials,
    private readonly snapshot: (folder: vscode.WorkspaceFolder) => Workspace,
  ) {}

  /** The client to list and read `target` with; asks for credentials the first time. Undefined when the user cancels. */
  async client(target: BucketTarget): Promise<StorageClient | undefined> {
    const key = targetKey(target);
    const known = this.clients.get(key);
    if (known) return known;
    const choice = await this.choice(target);
    if (!choice) return undefined;
    const client = this.create(target, choice);
    this.clients.set(key, client);
    return client;
  }

  /** Forgets the client and credentials of `target`: the next use asks again. */
  forget(target: BucketTarget): void {
    this.clients.delete(targetKey(target));
    this.choices.delete(targetKey(target));
  }

  /** Lets the user choose other credentials for `target` (after a denial or bad credentials). True when chosen. */
  async pickCredentials(target: BucketTarget): Promise<boolean> {
    const { ref } = target;
    let choice: CredentialChoice | undefined;
    if (ref.provider === 's3') choice = await pickAwsProfile(ref);
    else if (ref.provider === 'gcs') choice = await pickGcpCredentials(ref);
    else {
      await this.credentials.forgetAzure(ref);
      choice = await this.credentials.choose(ref, target.folder.uri, false);
    }
    if (!choice) return false;
    this.clients.delete(targetKey(target));
    this.choices.set(targetKey(target), choice);
    return true;
  }

  /**
   * How `target`'s client signs URLs (StorageClient.signedUrl), and whether the URLs may die before their expiry:
   * session credentials (a session token, or the default chain without static keys: a role, SSO, an instance
   * profile) end them, and an Azure SAS the user entered is handed out as it is, expiring when it does.
   */
  async signing(target: BucketTarget): Promise<Signing | undefined> {
    const client = await this.client(target);
    const choice = this.choices.get(targetKey(target));
    if (!client || !choice) return undefined;
    const staticKeys = choice.kind === 'config-file' ? { sessionToken: undefined } : choice.kind === 'aws' ? awsKeysOf(choice.profile) : undefined;
    const temporary = target.ref.provider === 's3' && (!staticKeys || Boolean(staticKeys.sessionToken));
    const fixedSas = choice.kind === 'azure' && choice.secret.kind === 'sas';
    return { sign: (key, seconds) => client.signedUrl(key, seconds), temporary, fixedSas };
  }

  private async choice(target: BucketTarget): Promise<CredentialChoice | undefined> {
    const key = targetKey(target);
    const known = this.choices.get(key);
    if (known) return known;
    // Restricted Mode refuses before any question about credentials is asked.
    this.endpoint(target.ref);
    const hasFileCredentials = fileCredentials(this.snapshot(target.folder), target.ref) !== undefined;
    const choice = await this.credentials.choose(target.ref, target.folder.uri, hasFileCredentials);
    if (choice) this.choices.set(key, choice);
    return choice;
  }

  /** The endpoint a workspace file names; refused in Restricted Mode. */
  private endpoint(ref: BucketRef): string | undefined {
    if (ref.endpoint && !vscode.workspace.isTrusted) throw new RestrictedEndpointError(vscode.l10n.t('{0} is reached through {1}, an endpoint from a workspace file: trust the workspace to browse it.', ref.name, ref.endpoint));
    return ref.endpoint;
  }

  private create({ ref, folder }: BucketTarget, choice: CredentialChoice): StorageClient {
    const endpoint = this.endpoint(ref);
    const file = choice.kind === 'config-file' ? fileCredentials(this.snapshot(folder), ref) : undefined;
    const timeoutMs = Math.max(1, vscode.workspace.getConfiguration('bucketDoctor.access').get<number>('timeoutSeconds', 10)) * 1000;
    const load = (name: string) => createRequire(__filename)(vscode.Uri.joinPath(this.extensionUri, 'dist', 'providers', `${name}.js`).fsPath) as ProviderModule;
    switch (ref.provider) {
      case 's3': {
        // A named profile goes to the SDK, which also resolves SSO, role and process profiles.
        const credentials = file?.kind === 'aws-keys' ? { accessKeyId: file.accessKeyId, secretAccessKey: file.secretAccessKey } : undefined;
        const awsProfile = choice.kind === 'aws' ? choice.profile : undefined;
        return load('s3').createClient({ bucket: ref.name, region: ref.region || 'us-east-1', endpoint, credentials, awsProfile, timeoutMs });
      }
      case 'gcs':
        return load('gcs').createClient({ bucket: ref.name, keyFilename: choice.kind === 'gcp' ? choice.keyFile : undefined, apiEndpoint: endpoint, timeoutMs });
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
        return load('azure').createClient({ container: ref.name, auth });
      }
    }
  }
}

/** Keys of a named profile, or of the environment for the default chain; undefined when neither holds static keys. */
function awsKeysOf(profile: string | undefined): { accessKeyId: string; secretAccessKey: string; sessionToken?: string } | undefined {
  if (profile) return awsProfileKeys(profile);
  const { AWS_ACCESS_KEY_ID: accessKeyId, AWS_SECRET_ACCESS_KEY: secretAccessKey, AWS_SESSION_TOKEN: sessionToken, AWS_PROFILE: named } = process.env;
  if (accessKeyId && secretAccessKey) return sessionToken ? { accessKeyId, secretAccessKey, sessionToken } : { accessKeyId, secretAccessKey };
  return awsProfileKeys(named || 'default');
}

async function pickAwsProfile(ref: BucketRef): Promise<CredentialChoice | undefined> {
  const home = process.env.HOME ?? '';
  const read = (path: string) => readFile(path, 'utf8').catch(() => '');
  const names = awsProfileNames(await read(process.env.AWS_CONFIG_FILE || `${home}/.aws/config`), await read(process.env.AWS_SHARED_CREDENTIALS_FILE || `${home}/.aws/credentials`));
  const chain = { label: vscode.l10n.t('Default credential chain'), profile: undefined as string | undefined };
  const picked = await vscode.window.showQuickPick([chain, ...names.map((name) => ({ label: name, description: vscode.l10n.t('AWS profile'), profile: name as string | undefined }))], {
    title: vscode.l10n.t('AWS credentials for {0}', ref.name),
    placeHolder: vscode.l10n.t('Profiles from ~/.aws/config and ~/.aws/credentials'),
  });
  if (!picked) return undefined;
  return picked.profile ? { kind: 'aws', profile: picked.profile } : { kind: 'aws' };
}

async function pickGcpCredentials(ref: BucketRef): Promise<CredentialChoice | undefined> {
  const adc = vscode.l10n.t('Application-Default Credentials');
  const keyFile = vscode.l10n.t('Service-Account Key File…');
  const picked = await vscode.window.showQuickPick([adc, keyFile], { title: vscode.l10n.t('Google credentials for {0}', ref.name) });
  if (picked === adc) return { kind: 'gcp' };
  if (picked !== keyFile) return undefined;
  const [file] = (await vscode.window.showOpenDialog({ canSelectMany: false, openLabel: vscode.l10n.t('Use Key File'), filters: { [vscode.l10n.t('Service-account key')]: ['json'] } })) ?? [];
  return file ? { kind: 'gcp', keyFile: file.fsPath } : undefined;
}
