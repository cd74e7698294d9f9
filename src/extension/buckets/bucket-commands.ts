// The Buckets view's actions: on buckets (test, reveal, copy URI, console, profile, credentials, refresh), on objects
// (open read-only, copy URI, signed URL) and on folders (import files for Label Studio and Labelbox).
import * as vscode from 'vscode';
import type { StorageClient } from '../../core/access/storage-client';
import { addBucket, bucketConfigFile, setBucketField } from '../../core/bucket-config-edits';
import { storageErrorOf } from '../../core/bucket-listing';
import { consoleUrl, labelStudioUri, storageUri } from '../../core/bucket-uris';
import { folderKeyPrefix } from '../../core/iam/arn';
import { profileIds, profiles } from '../../core/iam/profiles';
import { defaultDataKey, importable, labelboxCsv, labelboxJson, labelStudioTasks } from '../../core/import-formats';
import type { Provider } from '../../core/model';
import { nameViolations } from '../../core/naming';
import { previewRefusal } from '../../core/object-preview';
import { clampExpiry, formatDuration, maxExpirySeconds, parseDuration, type Expiry } from '../../core/signed-url-expiry';
import type { BucketsTreeProvider } from '../buckets-view';
import type { BucketClients, BucketTarget, Signing } from './bucket-clients';
import { bucketOf, placeOf, type BucketNode, type FixNode, type ListedNode, type LoadMoreNode, type Node, type ObjectNode, type PolicyBucketNode } from './nodes';
import type { ObjectFiles } from './object-files';

/** The key a node stands for: "" or a folder ending in `/` for buckets and folders, the object key for objects. */
function keyOf(node: BucketNode | ListedNode | ObjectNode): string {
  if (node.kind === 'object') return node.entry.key;
  return node.kind === 'folder' ? node.prefix : folderKeyPrefix(node.ref.folder);
}


export class BucketCommands {
  constructor(
    private readonly tree: BucketsTreeProvider,
    private readonly clients: BucketClients,
    private readonly objects: ObjectFiles,
  ) {}

  register(): vscode.Disposable[] {
    const command = (id: string, run: (...args: never[]) => unknown) => vscode.commands.registerCommand(id, run);
    return [
      command('bucketDoctor.testBucketFromView', (node: BucketNode) => this.test(node)),
      command('bucketDoctor.revealDefinition', (node: Node) => this.reveal(node)),
      command('bucketDoctor.copyUri', (node: BucketNode | ListedNode | ObjectNode) => this.copy(storageUri(bucketOf(node).ref, keyOf(node)), vscode.l10n.t('Copied {0}', storageUri(bucketOf(node).ref, keyOf(node))))),
      command('bucketDoctor.openInConsole', (node: BucketNode | ListedNode | ObjectNode) => this.openConsole(node)),
      command('bucketDoctor.setProfile', (node: BucketNode) => this.setProfile(node)),
      command('bucketDoctor.pickCredentials', (node: BucketNode) => this.pickCredentials(node)),
      command('bucketDoctor.refreshBucket', (node: ListedNode) => this.tree.relist(node)),
      command('bucketDoctor.loadMore', (node: LoadMoreNode) => this.tree.loadMore(node.parent)),
      command('bucketDoctor.applyListingFix', (node: FixNode) => this.applyFix(node)),
      command('bucketDoctor.openObject', (node: ObjectNode) => this.open(node)),
      command('bucketDoctor.generateSignedUrl', (node: ObjectNode) => this.signOne(node)),
      command('bucketDoctor.copyAsLabelStudioTasks', (node: ListedNode) => this.copyTasks(node)),
      command('bucketDoctor.copyAsLabelboxImport', (node: ListedNode) => this.copyLabelbox(node)),
      command('bucketDoctor.addBucket', (node?: PolicyBucketNode) => this.addBucket(node)),
    ];
  }

  private async test(node: BucketNode): Promise<void> {
    await vscode.commands.executeCommand('bucketDoctor.testBucketAccess', node);
  }

  private async reveal(node: Node): Promise<void> {
    const at = placeOf(node);
    if (!at) return;
    const position = new vscode.Position(at.place.line - 1, at.place.column - 1);
    await vscode.window.showTextDocument(vscode.Uri.joinPath(at.folder.uri, at.place.file), { selection: new vscode.Range(position, position) });
  }

  private async copy(text: string, message: string): Promise<void> {
    await vscode.env.clipboard.writeText(text);
    void vscode.window.setStatusBarMessage(message, 4000);
  }

  private async openConsole(node: BucketNode | ListedNode | ObjectNode): Promise<void> {
    const ref = bucketOf(node).ref;
    const url = consoleUrl(ref, keyOf(node));
    if (!url) {
      void vscode.window.showInformationMessage(ref.endpoint ? vscode.l10n.t('{0} is served by {1}, which has no cloud console.', ref.name, ref.endpoint) : vscode.l10n.t('The storage account of {0} is not configured: add STORAGE_AZURE_ACCOUNT_NAME or storageAccountName.', ref.name));
      return;
    }
    await vscode.env.openExternal(vscode.Uri.parse(url, true));
  }

  /** Writes the requirement profile of the bucket into `.bucket-doctor.json` (created when missing). */
  private async setProfile(node: BucketNode): Promise<void> {
    const items = profileIds.map((id) => ({ label: id, description: profiles[id].title, picked: id === node.ref.profile }));
    const picked = await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Requirement profile of {0}', node.ref.name), placeHolder: vscode.l10n.t('What the platform needs on this bucket (saved in {0})', bucketConfigFile) });
    if (!picked || picked.label === node.ref.profile) return;
    await this.editConfig(node.folder, (text) => setBucketField(text, node.ref.provider, node.ref.name, 'profile', picked.label));
  }

  private async pickCredentials(node: BucketNode): Promise<void> {
    if (await this.clients.pickCredentials(node)) this.tree.relist(node);
  }

  private async applyFix(node: FixNode): Promise<void> {
    const bucket = bucketOf(node);
    switch (node.fix) {
      case 'pick-credentials':
        return this.pickCredentials(bucket);
      case 'open-config':
        return this.reveal(bucket);
      case 'test-access':
        return this.test(bucket);
      case 'retry':
        return this.tree.relist(node.parent.parent);
      case 'trust-workspace':
        await vscode.commands.executeCommand('workbench.trust.manage');
        return;
    }
  }

  private async open(node: ObjectNode): Promise<void> {
    const refusal = previewRefusal(node.entry.key, node.entry.size);
    if (refusal) {
      void vscode.window.showInformationMessage(
        refusal === 'too-large' ? vscode.l10n.t('{0} is too large to preview in the editor; generate a signed URL to open it in a browser.', node.entry.key) : vscode.l10n.t('{0} cannot be previewed in the editor: only text, JSON and images.', node.entry.key),
      );
      return;
    }
    const client = await this.clientOf(node.bucket);
    if (!client) return;
    await vscode.commands.executeCommand('vscode.open', this.objects.uri(client, node.entry.key, node.entry.size, node.entry.modified), { preview: true });
  }

  private async clientOf(target: BucketTarget): Promise<StorageClient | undefined> {
    try {
      return await this.clients.client(target);
    } catch (error) {
      void vscode.window.showErrorMessage(error instanceof Error ? error.message : String(error));
      return undefined;
    }
  }

  /** The signing of the node's bucket, or undefined after telling the user why there is none. */
  private async signingOf(node: BucketNode): Promise<Signing | undefined> {
    try {
      return await this.clients.signing(node);
    } catch (error) {
      void vscode.window.showWarningMessage(error instanceof Error ? error.message : String(error));
      return undefined;
    }
  }

  /** Signs every key, or says why the credentials cannot sign (a GCS user without a service-account key). */
  private async sign(signing: Signing, keys: readonly string[], seconds: number): Promise<string[] | undefined> {
    try {
      return await Promise.all(keys.map((key) => signing.sign(key, seconds)));
    } catch (error) {
      const code = storageErrorOf(error)?.code;
      void vscode.window.showWarningMessage(
        code === 'NoSigningKey' ? vscode.l10n.t('Signing needs a service-account key: application-default credentials of a user cannot sign URLs. Pick a key file with Pick Credentials….') : vscode.l10n.t('Could not sign: {0}', error instanceof Error ? error.message : String(error)),
      );
      return undefined;
    }
  }

  /** Asks how long signed URLs live, validating as the user types; clamped with the reasons shown. */
  private async expiry(provider: Provider, signing: Signing, what: string): Promise<Expiry | undefined> {
    const max = maxExpirySeconds(provider);
    const input = await vscode.window.showInputBox({
      title: vscode.l10n.t('Signed URL for {0}', what),
      prompt: vscode.l10n.t('How long it stays valid: seconds, or 15m, 12h, 7d (at most {0}).', formatDuration(max)),
      value: '1h',
      validateInput: (text) => {
        const seconds = parseDuration(text);
        if (seconds === undefined) return vscode.l10n.t('A duration such as 3600, 15m, 12h or 7d.');
        return seconds > max ? { message: vscode.l10n.t('{0} is the longest the provider signs: the URL will be valid for {0}.', formatDuration(max)), severity: vscode.InputBoxValidationSeverity.Warning } : undefined;
      },
    });
    const seconds = input === undefined ? undefined : parseDuration(input);
    if (seconds === undefined) return undefined;
    const expiry = clampExpiry(seconds, { provider, temporary: signing.temporary });
    if (signing.fixedSas) void vscode.window.showWarningMessage(vscode.l10n.t('The URL carries the SAS you entered for this container: it expires when that SAS does.'));
    const warnings = expiry.warnings.map((w) =>
      w === 'clamped'
        ? vscode.l10n.t('Shortened to {0}, the longest the provider signs.', formatDuration(expiry.seconds))
        : w === 'temporary-credentials'
          ? vscode.l10n.t('Signed with temporary credentials: the URL stops working when they expire, possibly sooner than {0}.', formatDuration(expiry.seconds))
          : vscode.l10n.t('Shortened to {0}: the credentials expire then.', formatDuration(expiry.seconds)),
    );
    if (warnings.length > 0) void vscode.window.showWarningMessage(warnings.join(' '));
    return expiry;
  }

  private async signOne(node: ObjectNode): Promise<void> {
    const signing = await this.signingOf(node.bucket);
    if (!signing) return;
    const expiry = await this.expiry(node.bucket.ref.provider, signing, node.entry.key);
    if (!expiry) return;
    const [url] = (await this.sign(signing, [node.entry.key], expiry.seconds)) ?? [];
    if (!url) return;
    await vscode.env.clipboard.writeText(url);
    const open = vscode.l10n.t('Open in Browser');
    const answer = await vscode.window.showInformationMessage(vscode.l10n.t('Copied a signed URL for {0}, valid for {1}.', node.entry.key, formatDuration(expiry.seconds)), open);
    if (answer === open) await vscode.env.openExternal(vscode.Uri.parse(url, true));
  }

  /** The importable objects of the pages loaded under `node`, or undefined after saying there are none. */
  private async importKeys(node: ListedNode): Promise<string[] | undefined> {
    const { keys, complete } = await this.tree.loadedObjects(node);
    const chosen = importable(keys.map((k) => k.key));
    if (chosen.length === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('No images, audio, video, text or JSON objects listed under {0}.', keyOf(node) || '/'));
      return undefined;
    }
    if (!complete) void vscode.window.showInformationMessage(vscode.l10n.t('Only the pages loaded so far are included ({0} objects): use "Load more…" to include more.', String(chosen.length)));
    return chosen;
  }

  private async copyTasks(node: ListedNode): Promise<void> {
    const keys = await this.importKeys(node);
    if (!keys) return;
    const dataKey = await vscode.window.showInputBox({
      title: vscode.l10n.t('Label Studio tasks'),
      prompt: vscode.l10n.t('The data key your labeling config reads ($image → image)'),
      value: defaultDataKey(keys),
      validateInput: (text) => (/^[A-Za-z_][A-Za-z0-9_]*$/.test(text) ? undefined : vscode.l10n.t('A name such as image, audio or text.')),
    });
    if (!dataKey) return;
    const ref = bucketOf(node).ref;
    await this.copy(labelStudioTasks(keys.map((k) => labelStudioUri(ref, k)), dataKey), vscode.l10n.t('Copied {0} Label Studio tasks', String(keys.length)));
  }

  private async copyLabelbox(node: ListedNode): Promise<void> {
    const keys = await this.importKeys(node);
    if (!keys) return;
    const format = await vscode.window.showQuickPick(['JSON', 'CSV'], { title: vscode.l10n.t('Labelbox import'), placeHolder: vscode.l10n.t('JSON is what the Labelbox guide recommends') });
    if (!format) return;
    const bucket = bucketOf(node);
    const signing = await this.signingOf(bucket);
    if (!signing) return;
    const expiry = await this.expiry(bucket.ref.provider, signing, keyOf(node) || bucket.ref.name);
    if (!expiry) return;
    const urls = await this.sign(signing, keys, expiry.seconds);
    if (!urls) return;
    const signed = keys.map((key, i) => ({ key, url: urls[i] }));
    await this.copy(format === 'JSON' ? labelboxJson(signed) : labelboxCsv(signed), vscode.l10n.t('Copied a Labelbox import of {0} signed URLs', String(keys.length)));
  }

  /** "Add a bucket…": provider, name and profile, written to `.bucket-doctor.json`; a policy's bucket is offered as is. */
  private async addBucket(node?: PolicyBucketNode): Promise<void> {
    const folder = node?.target.folder ?? vscode.workspace.workspaceFolders?.[0];
    if (!folder) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Open a folder first: the bucket is saved in its {0}.', bucketConfigFile));
      return;
    }
    const providers: { label: string; provider: Provider }[] = [
      { label: 'Amazon S3', provider: 's3' },
      { label: 'Google Cloud Storage', provider: 'gcs' },
      { label: 'Azure Blob Storage', provider: 'azure' },
    ];
    const provider = node ? providers[0] : await vscode.window.showQuickPick(providers, { title: vscode.l10n.t('Add a bucket'), placeHolder: vscode.l10n.t('Provider') });
    if (!provider) return;
    const name =
      node?.bucket.name ??
      (await vscode.window.showInputBox({
        title: vscode.l10n.t('Add a bucket'),
        prompt: provider.provider === 'azure' ? vscode.l10n.t('Container name') : vscode.l10n.t('Bucket name'),
        validateInput: (text) => nameViolations(provider.provider, provider.provider === 'azure' ? 'container' : 'bucket', text.trim())[0]?.message,
      }));
    if (!name) return;
    const profile = await vscode.window.showQuickPick(
      profileIds.map((id) => ({ label: id, description: profiles[id].title })),
      { title: vscode.l10n.t('Add a bucket'), placeHolder: vscode.l10n.t('What the platform needs on {0}', name) },
    );
    if (!profile) return;
    await this.editConfig(folder, (text) => addBucket(text, { name: name.trim(), provider: provider.provider, profile: profile.label }));
  }

  /** Applies `edit` to the folder's `.bucket-doctor.json` as a workspace edit (undoable), saves and shows it. */
  private async editConfig(folder: vscode.WorkspaceFolder, edit: (text: string | undefined) => string): Promise<void> {
    const uri = vscode.Uri.joinPath(folder.uri, bucketConfigFile);
    const exists = await vscode.workspace.fs.stat(uri).then(
      () => true,
      () => false,
    );
    const workspaceEdit = new vscode.WorkspaceEdit();
    if (exists) {
      const document = await vscode.workspace.openTextDocument(uri);
      const text = document.getText();
      workspaceEdit.replace(uri, new vscode.Range(document.positionAt(0), document.positionAt(text.length)), edit(text));
    } else {
      workspaceEdit.createFile(uri, { contents: new TextEncoder().encode(edit(undefined)) });
    }
    if (!(await vscode.workspace.applyEdit(workspaceEdit))) return;
    const document = await vscode.workspace.openTextDocument(uri);
    await document.save();
    await vscode.window.showTextDocument(document, { preview: true });
  }
}
