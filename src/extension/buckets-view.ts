// The Buckets view: the buckets the workspace's deployment files configure, grouped by provider, with conflicts and
// the buckets only policies name. A bucket is listed only when the user expands it, one page at a time, starting at
// its configured folder; nodes keep their ids across rescans so nothing the user opened collapses.
import * as vscode from 'vscode';
import { bucketKey } from '../core/access/report-view';
import { folderKeyPrefix } from '../core/iam/arn';
import { FolderListing, formatSize, listingProblem, restrictedProblem, type ListingProblem } from '../core/bucket-listing';
import { bucketDescription, bucketTree, conflictText, placeText, type BucketLabels } from '../core/bucket-tree';
import { previewRefusal } from '../core/object-preview';
import { resultIcon, resultText, type AccessResults } from './buckets/access-results';
import { RestrictedEndpointError, type BucketClients } from './buckets/bucket-clients';
import { fixTitle, localBucketLabels, problemText } from './buckets/labels';
import { bucketOf, contextValues, type BucketNode, type ListedNode, type Node, type PolicyBucketNode } from './buckets/nodes';
import type { DeploymentFiles } from './workspace-files';

interface ListingState {
  listing?: FolderListing;
  problem?: ListingProblem;
  /** The user closed the credentials question. */
  noCredentials?: boolean;
  loading?: Promise<void>;
}

/** What makes a bucket's listings stale when it changes in the files. */
const connectionOf = (node: BucketNode) => JSON.stringify([node.ref.provider, node.ref.name, node.ref.folder, node.ref.endpoint, node.ref.region, node.ref.account, node.ref.awsProfile]);

// Typing in a deployment file updates the tree once the user pauses.
const editDelayMs = 300;

export class BucketsTreeProvider implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly labels: BucketLabels = localBucketLabels();
  /** Every node handed to VS Code, by id: the same object comes back for the same id. */
  private readonly nodes = new Map<string, Node>();
  private readonly listings = new Map<string, ListingState>();
  private readonly connections = new Map<string, string>();
  private roots: Node[] | undefined;
  private readonly subscriptions: vscode.Disposable[];
  private pending: NodeJS.Timeout | undefined;

  constructor(
    private readonly files: DeploymentFiles,
    private readonly clients: BucketClients,
    private readonly results: AccessResults,
  ) {
    this.subscriptions = [
      files.onDidChange(() => this.rebuild()),
      // A finished test redraws the nodes of its bucket only (one per workspace folder that configures it).
      results.onDidChange((key) => {
        for (const node of this.buckets()) if (bucketKey(node.ref.provider, node.ref.name) === key) this.changed.fire(node);
      }),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length === 0 || !this.files.files().some((f) => f.uri.toString() === e.document.uri.toString())) return;
        clearTimeout(this.pending);
        this.pending = setTimeout(() => this.rebuild(), editDelayMs);
      }),
    ];
  }

  /** The bucket nodes shown, for commands that look one up. */
  buckets(): BucketNode[] {
    return [...this.nodes.values()].filter((n): n is BucketNode => n.kind === 'bucket');
  }

  /** Reads the workspace again into the same node objects and lets VS Code re-ask for them. */
  rebuild(): void {
    this.roots = undefined;
    this.changed.fire(undefined);
  }

  /** Lists `node` again from its first page (Refresh on a bucket or folder, Retry on a problem). */
  relist(node: ListedNode): void {
    this.forgetListings(node);
    this.changed.fire(node);
  }

  /** Drops the pages loaded under `node` and their nodes: memory follows what is shown. */
  private forgetListings(node: ListedNode): void {
    // Folder ids end in "/", so sub-folders share their string prefix; a bucket's listing nodes follow its id and "/".
    const scope = node.kind === 'bucket' ? `${node.id}/` : node.id;
    for (const id of [...this.listings.keys()]) if (id === node.id || id.startsWith(scope)) this.listings.delete(id);
    for (const id of [...this.nodes.keys()]) if (id !== node.id && id.startsWith(scope)) this.nodes.delete(id);
  }

  /** Loads the next page of `node` ("Load more…"). */
  async loadMore(node: ListedNode): Promise<void> {
    const state = this.listings.get(node.id);
    if (!state?.listing) return;
    await vscode.window.withProgress({ location: { viewId: 'bucketDoctor.buckets' } }, () => this.load(state));
    this.changed.fire(node);
  }

  /** The objects listed so far under `node` (its loaded pages), loading the first page if needed. */
  async loadedObjects(node: ListedNode): Promise<{ keys: { key: string; size: number }[]; complete: boolean }> {
    await this.getChildren(node);
    const listing = this.listings.get(node.id)?.listing;
    const keys = (listing?.entries ?? []).flatMap((e) => (e.kind === 'object' ? [{ key: e.key, size: e.size }] : []));
    return { keys, complete: listing !== undefined && !listing.hasMore };
  }

  getTreeItem(node: Node): vscode.TreeItem {
    const None = vscode.TreeItemCollapsibleState.None;
    const Collapsed = vscode.TreeItemCollapsibleState.Collapsed;
    const Expanded = vscode.TreeItemCollapsibleState.Expanded;
    let item: vscode.TreeItem;
    switch (node.kind) {
      case 'group':
        item = new vscode.TreeItem(this.labels.providers[node.provider], Expanded);
        item.description = String(node.buckets.length);
        item.iconPath = new vscode.ThemeIcon('cloud');
        break;
      case 'bucket': {
        item = new vscode.TreeItem(node.ref.name, Collapsed);
        item.description = [bucketDescription(node.ref, this.labels), node.folderLabel].filter(Boolean).join(' · ');
        const report = this.results.last(node.ref.provider, node.ref.name);
        item.iconPath = resultIcon(report);
        item.tooltip = this.bucketTooltip(node, report && resultText(report));
        break;
      }
      case 'folder':
        item = new vscode.TreeItem(node.label, Collapsed);
        item.iconPath = vscode.ThemeIcon.Folder;
        item.tooltip = node.prefix;
        break;
      case 'object': {
        item = new vscode.TreeItem(node.entry.label, None);
        const modified = node.entry.modified?.toLocaleString();
        item.description = [formatSize(node.entry.size), modified].filter(Boolean).join(' · ');
        item.tooltip = [node.entry.key, formatSize(node.entry.size), modified].filter(Boolean).join('\n');
        item.iconPath = vscode.ThemeIcon.File;
        if (!previewRefusal(node.entry.key, node.entry.size)) item.command = { command: 'bucketDoctor.openObject', title: vscode.l10n.t('Open'), arguments: [node] };
        break;
      }
      case 'loadMore':
        item = new vscode.TreeItem(vscode.l10n.t('Load more…'), None);
        item.iconPath = new vscode.ThemeIcon('ellipsis');
        item.command = { command: 'bucketDoctor.loadMore', title: vscode.l10n.t('Load more…'), arguments: [node] };
        break;
      case 'problem':
        item = new vscode.TreeItem(problemText(node.problem), Expanded);
        item.description = node.problem.code;
        item.tooltip = `${problemText(node.problem)} (${node.problem.code})`;
        item.iconPath = new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground'));
        break;
      case 'fix':
        item = new vscode.TreeItem(fixTitle(node.fix), None);
        item.iconPath = new vscode.ThemeIcon('lightbulb');
        item.command = { command: 'bucketDoctor.applyListingFix', title: fixTitle(node.fix), arguments: [node] };
        break;
      case 'message':
        item = new vscode.TreeItem(node.text, None);
        item.iconPath = new vscode.ThemeIcon('info');
        if (node.retry) item.command = { command: 'bucketDoctor.refreshBucket', title: vscode.l10n.t('Retry'), arguments: [node.parent] };
        break;
      case 'conflict':
        item = new vscode.TreeItem(vscode.l10n.t('Conflicting buckets'), Expanded);
        item.description = node.conflict.folder || vscode.l10n.t('workspace root');
        item.tooltip = conflictText(node.conflict, this.labels);
        item.iconPath = new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground'));
        break;
      case 'conflictEntry':
        item = new vscode.TreeItem(node.entry.name, None);
        item.description = `${node.entry.file}:${node.entry.line}`;
        item.iconPath = new vscode.ThemeIcon('go-to-file');
        item.command = { command: 'bucketDoctor.revealDefinition', title: vscode.l10n.t('Reveal Definition'), arguments: [node] };
        break;
      case 'policies':
        item = new vscode.TreeItem(vscode.l10n.t('Referenced by policies'), Expanded);
        item.description = String(node.buckets.length);
        item.iconPath = new vscode.ThemeIcon('shield');
        break;
      case 'policyBucket':
        item = new vscode.TreeItem(node.bucket.name, None);
        item.description = node.bucket.places.map((p) => p.file).filter((f, i, all) => all.indexOf(f) === i).join(', ');
        item.tooltip = this.placesTooltip(node.target.folder, node.bucket.places.map((p) => ({ ...p })), node.bucket.name);
        item.iconPath = new vscode.ThemeIcon('database');
        item.command = { command: 'bucketDoctor.revealDefinition', title: vscode.l10n.t('Reveal Definition'), arguments: [node] };
        break;
    }
    item.id = node.id;
    item.contextValue = contextValues[node.kind];
    return item;
  }

  async getChildren(node?: Node): Promise<Node[]> {
    if (!node) return this.rootNodes();
    switch (node.kind) {
      case 'group':
        return node.buckets;
      case 'conflict':
        return node.conflict.buckets.map((entry) => this.keep({ kind: 'conflictEntry', id: `${node.id}/${entry.file}:${entry.line}`, entry, target: node.target }));
      case 'policies':
        return node.buckets;
      case 'problem':
        return node.problem.fixes.map((fix) => this.keep({ kind: 'fix', id: `${node.id}/${fix}`, parent: node, fix }));
      case 'bucket':
      case 'folder':
        return this.listingChildren(node);
      default:
        return [];
    }
  }

  /** The same object for the same id, updated with the new data. */
  private keep<T extends Node>(node: T): T {
    const known = this.nodes.get(node.id);
    if (known && known.kind === node.kind) {
      Object.assign(known, node);
      return known as T;
    }
    this.nodes.set(node.id, node);
    return node;
  }

  private async rootNodes(): Promise<Node[]> {
    if (this.roots) return this.roots;
    await this.files.ready();
    const folders = vscode.workspace.workspaceFolders ?? [];
    const groups = new Map<string, BucketNode[]>();
    const conflicts: Node[] = [];
    const policyBuckets: PolicyBucketNode[] = [];
    for (const folder of folders) {
      const tree = bucketTree(this.files.snapshot(folder));
      // Ids carry the folder only when there are several, so single-folder ids stay short and readable.
      const scope = folders.length > 1 ? `${folder.index}/` : '';
      const folderLabel = folders.length > 1 ? folder.name : undefined;
      for (const group of tree.groups) {
        for (const bucket of group.buckets) {
          const node = this.keep<BucketNode>({ kind: 'bucket', id: `${scope}${bucket.id}`, ref: bucket.ref, folder, tree: bucket, ...(folderLabel ? { folderLabel } : {}) });
          if (this.connections.get(node.id) !== connectionOf(node)) {
            if (this.connections.has(node.id)) this.forgetListings(node);
            this.connections.set(node.id, connectionOf(node));
          }
          groups.set(group.provider, [...(groups.get(group.provider) ?? []), node]);
        }
      }
      for (const conflict of tree.conflicts) conflicts.push(this.keep({ kind: 'conflict', id: `${scope}${conflict.id}`, conflict, target: { folder } }));
      for (const bucket of tree.policyOnly) policyBuckets.push(this.keep({ kind: 'policyBucket', id: `${scope}${bucket.id}`, bucket, target: { folder } }));
    }
    const roots: Node[] = [...groups].map(([provider, buckets]) => this.keep({ kind: 'group', id: `group:${provider}`, provider: provider as BucketNode['ref']['provider'], buckets }));
    roots.push(...conflicts);
    if (policyBuckets.length > 0) roots.push(this.keep({ kind: 'policies', id: 'policies', buckets: policyBuckets }));
    this.roots = roots;
    return roots;
  }

  private async listingChildren(node: ListedNode): Promise<Node[]> {
    const bucket = bucketOf(node);
    let state = this.listings.get(node.id);
    if (!state) {
      state = {};
      this.listings.set(node.id, state);
    }
    if (!state.listing && !state.problem && !state.noCredentials) {
      try {
        const client = await this.clients.client(bucket);
        if (client) state.listing = new FolderListing(client, node.kind === 'bucket' ? folderKeyPrefix(node.ref.folder) : node.prefix);
        else state.noCredentials = true;
      } catch (error) {
        state.problem = error instanceof RestrictedEndpointError ? restrictedProblem : listingProblem(error);
      }
    }
    if (state.listing && state.listing.entries.length === 0 && state.listing.hasMore && !state.problem) await this.load(state);
    return this.listingNodes(node, bucket, state);
  }

  /** Loads one page; a failure becomes the listing's problem (the pages loaded before stay). */
  private load(state: ListingState): Promise<void> {
    state.loading ??= state
      .listing!.loadMore({ signal: AbortSignal.timeout(60_000) })
      .then(
        () => undefined,
        (error: unknown) => {
          state.problem = listingProblem(error);
        },
      )
      .finally(() => {
        state.loading = undefined;
      });
    return state.loading;
  }

  private listingNodes(node: ListedNode, bucket: BucketNode, state: ListingState): Node[] {
    if (state.noCredentials) return [this.keep({ kind: 'message', id: `${node.id}/message`, parent: node, text: vscode.l10n.t('No credentials chosen: click to choose and list again.'), retry: true })];
    const children: Node[] = (state.listing?.entries ?? []).map((entry) =>
      entry.kind === 'folder'
        ? this.keep({ kind: 'folder', id: `${bucket.id}/f:${entry.prefix}`, bucket, prefix: entry.prefix, label: entry.label })
        : this.keep({ kind: 'object', id: `${bucket.id}/o:${entry.key}`, bucket, entry }),
    );
    if (state.problem) children.push(this.keep({ kind: 'problem', id: `${node.id}/problem`, parent: node, problem: state.problem }));
    else if (state.listing?.hasMore) children.push(this.keep({ kind: 'loadMore', id: `${node.id}/more`, parent: node }));
    else if (children.length === 0) children.push(this.keep({ kind: 'message', id: `${node.id}/empty`, parent: node, text: vscode.l10n.t('Empty: no objects under {0}', node.kind === 'bucket' ? folderKeyPrefix(node.ref.folder) || '/' : node.prefix), retry: false }));
    return children;
  }

  private bucketTooltip(node: BucketNode, result: string | undefined): vscode.MarkdownString {
    const { ref } = node;
    const tooltip = this.placesTooltip(node.folder, node.tree.places, ref.name);
    const facts = [
      [vscode.l10n.t('Provider'), this.labels.providers[ref.provider]],
      [vscode.l10n.t('Folder'), ref.folder || vscode.l10n.t('(whole bucket)')],
      [ref.endpoint ? vscode.l10n.t('Endpoint') : vscode.l10n.t('Region'), ref.endpoint ?? ref.region ?? ref.account ?? '—'],
      [vscode.l10n.t('Auth'), this.labels.auth[ref.auth]],
      [vscode.l10n.t('Profile'), ref.profile],
      ...(ref.awsProfile ? [[vscode.l10n.t('AWS profile'), ref.awsProfile]] : []),
      ...(ref.roleArn ? [[vscode.l10n.t('Role'), ref.roleArn]] : []),
    ];
    for (const [name, value] of facts) {
      tooltip.appendMarkdown(`\n\n${name}: `);
      tooltip.appendText(value);
    }
    if (result) tooltip.appendText(`\n\n${result}`);
    return tooltip;
  }

  /** The bucket's name, then every place that defines or references it as a link to the line. */
  private placesTooltip(folder: vscode.WorkspaceFolder, places: Parameters<typeof placeText>[0][], name: string): vscode.MarkdownString {
    const tooltip = new vscode.MarkdownString();
    tooltip.appendMarkdown('**');
    tooltip.appendText(name);
    tooltip.appendMarkdown('**');
    for (const place of places) {
      const uri = vscode.Uri.joinPath(folder.uri, place.file).with({ fragment: `L${place.line},${place.column}` });
      tooltip.appendMarkdown(`\n\n- [${placeText(place, this.labels).replace(/[[\]]/g, '\\$&')}](${uri.toString()})`);
    }
    return tooltip;
  }

  dispose(): void {
    clearTimeout(this.pending);
    for (const s of this.subscriptions) s.dispose();
    this.changed.dispose();
  }
}
