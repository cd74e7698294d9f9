// Chooses the credentials of a live test, in the order: credentials written in the config file (only after
// the user agrees, once per file, and never in Restricted Mode), else the AWS profile / GCP application-default
// credentials or key file / Azure connection string or SAS the user gives (kept in SecretStorage). Never logs them.
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { awsProfileNames, staticProfileKeys, type StaticKeys } from '../core/access/aws-profiles';
import { parseAzureSecret } from '../core/access/azure-secret';
import type { CredentialChoice } from '../core/access/choice-credentials';
import { bucketKey } from '../core/access/report-view';
import type { BucketRef } from '../core/model';

const consentKey = 'bucketDoctor.fileCredentialsConsent';

/** AWS shared files, where the AWS SDK and CLI look for them. */
function awsSharedFiles(): { config: string; credentials: string } {
  const aws = join(homedir(), '.aws');
  return {
    config: process.env.AWS_CONFIG_FILE || join(aws, 'config'),
    credentials: process.env.AWS_SHARED_CREDENTIALS_FILE || join(aws, 'credentials'),
  };
}

function readIfPresent(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}

/** The profiles the AWS shared files name, `default` first. */
export function awsProfiles(): string[] {
  const files = awsSharedFiles();
  return awsProfileNames(readIfPresent(files.config), readIfPresent(files.credentials));
}

/** The access keys the named profile holds in the AWS shared files; read at run time, never kept. */
export function awsProfileKeys(profile: string): StaticKeys | undefined {
  const files = awsSharedFiles();
  return staticProfileKeys(readIfPresent(files.config), readIfPresent(files.credentials), profile);
}

function hasApplicationDefaultCredentials(): boolean {
  if (process.env.GOOGLE_APPLICATION_CREDENTIALS) return true;
  const configDir = process.env.CLOUDSDK_CONFIG || join(process.env.APPDATA || join(homedir(), '.config'), 'gcloud');
  return existsSync(join(configDir, 'application_default_credentials.json'));
}

export class AccessCredentials {
  /** Files whose credentials the user declined this session: asked again only after a reload. */
  private readonly declined = new Set<string>();

  constructor(
    private readonly state: vscode.Memento,
    private readonly secrets: vscode.SecretStorage,
  ) {}

  /**
   * The credentials to test `ref` with; undefined when the user cancelled. `fileHasCredentials` says whether the
   * bucket's config file holds usable credentials (placeholders do not count).
   */
  async choose(ref: BucketRef, folder: vscode.Uri, fileHasCredentials: boolean): Promise<CredentialChoice | undefined> {
    if (fileHasCredentials && vscode.workspace.isTrusted && (await this.fileConsent(ref, folder))) return { kind: 'config-file', file: ref.file };
    switch (ref.provider) {
      case 's3':
        return this.aws(ref);
      case 'gcs':
        return this.gcp(ref);
      case 'azure':
        return this.azure(ref);
    }
  }

  /** Asks again, whatever was configured or remembered (the Buckets view's Pick Credentials…); remembers the answer. */
  async repick(ref: BucketRef, folder: vscode.Uri): Promise<CredentialChoice | undefined> {
    switch (ref.provider) {
      case 's3':
        return this.pickAws(ref);
      case 'gcs': {
        const adc = vscode.l10n.t('Application-Default Credentials');
        const keyFile = vscode.l10n.t('Service-Account Key File…');
        const picked = await vscode.window.showQuickPick([adc, keyFile], { title: vscode.l10n.t('Google credentials for {0}', ref.name) });
        if (picked === adc) return { kind: 'gcp' };
        return picked === keyFile ? this.pickKeyFile(ref) : undefined;
      }
      case 'azure':
        await this.secrets.delete(azureSecretKey(ref));
        return this.choose(ref, folder, false);
    }
  }

  private async fileConsent(ref: BucketRef, folder: vscode.Uri): Promise<boolean> {
    const uri = vscode.Uri.joinPath(folder, ref.file).toString();
    const granted = this.state.get<string[]>(consentKey, []);
    if (granted.includes(uri)) return true;
    if (this.declined.has(uri)) return false;
    const use = vscode.l10n.t('Use Them');
    const answer = await vscode.window.showInformationMessage(
      vscode.l10n.t('{0} contains credentials for {1}. Use them for live tests of the buckets it configures?', ref.file, ref.name),
      { modal: true, detail: vscode.l10n.t('They are sent only to the storage service, never shown or logged. Bucket Doctor remembers your answer for this file in this workspace.') },
      use,
      vscode.l10n.t('Use Other Credentials'),
    );
    if (answer === use) {
      await this.state.update(consentKey, [...granted, uri]);
      return true;
    }
    if (answer === undefined) throw new vscode.CancellationError();
    this.declined.add(uri);
    return false;
  }

  private async aws(ref: BucketRef): Promise<CredentialChoice | undefined> {
    // A profile named in a workspace file is a workspace setting too: not in Restricted Mode.
    const fromWorkspace = vscode.workspace.isTrusted ? ref.awsProfile : undefined;
    const configured = fromWorkspace || vscode.workspace.getConfiguration('bucketDoctor.aws').get<string>('profile', '');
    if (configured) return { kind: 'aws', profile: configured };
    const names = awsProfiles();
    const previous = this.state.get<string>(awsProfileKey(ref));
    if (previous !== undefined && (previous === '' || names.includes(previous))) return previous === '' ? { kind: 'aws' } : { kind: 'aws', profile: previous };
    // Nothing to choose between: the default chain (environment variables, the default profile, an instance role).
    if (names.length === 0 || (names.length === 1 && names[0] === 'default')) return { kind: 'aws' };
    return this.pickAws(ref);
  }

  private async pickAws(ref: BucketRef): Promise<CredentialChoice | undefined> {
    const chain: vscode.QuickPickItem = { label: vscode.l10n.t('Default credential chain'), description: vscode.l10n.t('environment variables, AWS_PROFILE, the default profile, instance role') };
    const picked = await vscode.window.showQuickPick(
      [chain, { label: '', kind: vscode.QuickPickItemKind.Separator }, ...awsProfiles().map((name) => ({ label: name, description: vscode.l10n.t('AWS profile') }))],
      { title: vscode.l10n.t('AWS credentials for {0}', ref.name), placeHolder: vscode.l10n.t('Profiles from ~/.aws/config and ~/.aws/credentials; set bucketDoctor.aws.profile to skip this question'), ignoreFocusOut: true },
    );
    if (!picked) return undefined;
    const profile = picked === chain ? '' : picked.label;
    await this.state.update(awsProfileKey(ref), profile);
    return profile === '' ? { kind: 'aws' } : { kind: 'aws', profile };
  }

  private async gcp(ref: BucketRef): Promise<CredentialChoice | undefined> {
    const keyFile = this.state.get<string>(gcpKeyFileKey(ref));
    if (keyFile && existsSync(keyFile)) return { kind: 'gcp', keyFile };
    if (hasApplicationDefaultCredentials()) return { kind: 'gcp' };
    const pick = vscode.l10n.t('Pick a Service-Account Key File…');
    const adc = vscode.l10n.t('Use Application-Default Credentials');
    const answer = await vscode.window.showInformationMessage(
      vscode.l10n.t('No Google application-default credentials were found (run `gcloud auth application-default login`). Test {0} with a key file?', ref.name),
      pick,
      adc,
    );
    if (answer === adc) return { kind: 'gcp' };
    if (answer !== pick) return undefined;
    return this.pickKeyFile(ref);
  }

  private async pickKeyFile(ref: BucketRef): Promise<CredentialChoice | undefined> {
    const [file] =
      (await vscode.window.showOpenDialog({ canSelectMany: false, openLabel: vscode.l10n.t('Use Key File'), filters: { [vscode.l10n.t('Service-account key')]: ['json'] } })) ?? [];
    if (!file) return undefined;
    await this.state.update(gcpKeyFileKey(ref), file.fsPath);
    return { kind: 'gcp', keyFile: file.fsPath };
  }

  private async azure(ref: BucketRef): Promise<CredentialChoice | undefined> {
    const key = azureSecretKey(ref);
    const serviceUrl = ref.account ? `https://${ref.account}.blob.core.windows.net` : undefined;
    const stored = await this.secrets.get(key);
    const parsedStored = stored === undefined ? undefined : parseAzureSecret(stored, serviceUrl);
    if (parsedStored) return { kind: 'azure', secret: parsedStored };
    const input = await vscode.window.showInputBox({
      title: vscode.l10n.t('Azure credentials for container {0}', ref.name),
      prompt: vscode.l10n.t('A connection string or a SAS URL. Kept in VS Code secret storage, never in settings or logs.'),
      password: true,
      ignoreFocusOut: true,
      validateInput: (text) => (text.trim() === '' || parseAzureSecret(text, serviceUrl) ? undefined : vscode.l10n.t('Not a connection string or SAS URL (a SAS has sv= and sig=).')),
    });
    const secret = input === undefined ? undefined : parseAzureSecret(input, serviceUrl);
    if (!input || !secret) return undefined;
    await this.secrets.store(key, input.trim());
    return { kind: 'azure', secret };
  }
}

/** Where the answers to the AWS and GCP questions are remembered, per bucket (workspace state; no secrets). */
const awsProfileKey = (ref: BucketRef) => `bucketDoctor.awsProfile.${bucketKey(ref.provider, ref.name)}`;
const gcpKeyFileKey = (ref: BucketRef) => `bucketDoctor.gcpKeyFile.${bucketKey(ref.provider, ref.name)}`;

function azureSecretKey(ref: BucketRef): string {
  return `bucketDoctor.azure.${ref.account ?? ''}/${ref.name}`;
}
