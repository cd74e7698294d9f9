// "Test Bucket Access": picks a configured bucket, chooses credentials, runs the live checks with progress and
// cancellation, and shows the result in the report panel, the output channel, the status bar and the Problems panel.
import * as vscode from 'vscode';
import type { CredentialChoice } from '../../core/access/choice-credentials';
import { labelStudioOrigin, originOf } from '../../core/access/cors-origin';
import { fileCredentials } from '../../core/access/file-credentials';
import { reportMarkdown } from '../../core/access/report-markdown';
import { rowLinks } from '../../core/access/report-links';
import { reportText } from '../../core/access/report-text';
import { bucketKey, reportView } from '../../core/access/report-view';
import type { AccessReport, CheckRow } from '../../core/access/report';
import type { AccessTarget } from '../../core/access/runner';
import type { BucketRef, Provider } from '../../core/model';
import type { AccessCredentials } from '../access-credentials';
import { LiveDiagnostics } from '../access-diagnostics';
import type { AccessEngine } from '../access-engine';
import { localLabels } from '../access-labels';
import { AccessStatusBar, showReportCommand } from '../access-status-bar';
import type { AccessResults } from '../buckets/access-results';
import { ReportPanels } from '../report-panel';
import type { DeploymentFiles } from '../workspace-files';

/** A bucket the workspace configures, with the folder its paths are relative to. */
interface Candidate {
  ref: BucketRef;
  folder: vscode.WorkspaceFolder;
}

interface Tested {
  report: AccessReport;
  /** URI of the workspace folder. */
  folder: string;
}

const lastReportsKey = 'bucketDoctor.lastAccessReports';

/** `s3:acme`, `{ provider, name }`, or a tree node holding either as `bucket` or `ref` (the Buckets view). */
function keyOfArgument(arg: unknown): string | undefined {
  if (typeof arg === 'string') return arg;
  if (typeof arg !== 'object' || arg === null) return undefined;
  const { provider, name, bucket, ref } = arg as { provider?: unknown; name?: unknown; bucket?: unknown; ref?: unknown };
  if ((provider === 's3' || provider === 'gcs' || provider === 'azure') && typeof name === 'string') return bucketKey(provider, name);
  return keyOfArgument(bucket) ?? keyOfArgument(ref);
}

export class AccessTesting implements AccessResults, vscode.Disposable {
  private readonly labels = localLabels();
  private readonly output = vscode.window.createOutputChannel('Bucket Doctor');
  private readonly statusBar = new AccessStatusBar();
  private readonly diagnostics = new LiveDiagnostics(this.labels);
  private readonly panels: ReportPanels;
  private readonly changed = new vscode.EventEmitter<string>();
  /** Fires with the bucket key (`s3:name`) when a report of that bucket is recorded. */
  readonly onDidChange = this.changed.event;
  /** The last report of each bucket (no secrets in reports), kept across reloads for the status bar and the panels. */
  private readonly tested = new Map<string, Tested>();
  /** The target (credentials included) of each bucket's last run, for "Retry cleanup"; in memory only. */
  private readonly lastTarget = new Map<string, AccessTarget>();
  private readonly running = new Set<string>();

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly files: DeploymentFiles,
    private readonly credentials: AccessCredentials,
    private readonly engine: AccessEngine,
  ) {
    this.panels = new ReportPanels(context.extensionUri, {
      copyMarkdown: (key) => this.copyMarkdown(key),
      retryCleanup: (key) => this.retryCleanup(key),
      retest: (key) => this.test(key).then(() => undefined),
    });
    for (const tested of context.workspaceState.get<Tested[]>(lastReportsKey, [])) {
      this.remember(tested.report, vscode.Uri.parse(tested.folder), false);
    }
  }

  /** The last report of a bucket, for the Buckets view's icons. */
  last(provider: Provider, name: string): AccessReport | undefined {
    return this.tested.get(bucketKey(provider, name))?.report;
  }

  register(): vscode.Disposable[] {
    return [
      this,
      vscode.commands.registerCommand('bucketDoctor.testBucketAccess', (arg?: unknown) => this.test(arg)),
      vscode.commands.registerCommand(showReportCommand, (key: string) => this.showReport(key)),
    ];
  }

  /** Runs the live test on the bucket named by `arg` (or picked); resolves with its report, undefined if cancelled. */
  async test(arg?: unknown): Promise<AccessReport | undefined> {
    const candidate = await this.pick(keyOfArgument(arg));
    if (!candidate) return undefined;
    const { ref, folder } = candidate;
    const key = bucketKey(ref.provider, ref.name);
    if (this.running.has(key)) {
      void vscode.window.showInformationMessage(vscode.l10n.t('A test of {0} is already running.', ref.name));
      return undefined;
    }
    if (ref.endpoint && !vscode.workspace.isTrusted) {
      const manage = vscode.l10n.t('Manage Workspace Trust');
      const answer = await vscode.window.showWarningMessage(
        vscode.l10n.t('{0} is reached through the endpoint {1}, which comes from a workspace file. Restricted Mode never uses endpoints from workspace files: trust this workspace to test it.', ref.name, ref.endpoint),
        manage,
      );
      if (answer === manage) await vscode.commands.executeCommand('workbench.trust.manage');
      return undefined;
    }
    let choice: CredentialChoice | undefined;
    try {
      choice = await this.credentials.choose(ref, folder.uri, this.fileHasCredentials(candidate));
    } catch (error) {
      if (error instanceof vscode.CancellationError) return undefined;
      throw error;
    }
    if (!choice) return undefined;
    this.running.add(key);
    try {
      return await this.run(candidate, choice);
    } finally {
      this.running.delete(key);
    }
  }

  private async run({ ref, folder }: Candidate, choice: CredentialChoice): Promise<AccessReport | undefined> {
    const settings = vscode.workspace.getConfiguration('bucketDoctor.access', folder);
    const timeoutMs = this.timeoutMs();
    const workspace = this.files.snapshot(folder);
    let target: AccessTarget;
    try {
      target = this.engine.target(workspace, ref, choice);
    } catch (error) {
      this.couldNotTest(ref, error);
      return undefined;
    }
    const corsOrigin = originOf(settings.get<string>('corsOrigin', '')) ?? labelStudioOrigin(workspace);
    const startedAt = new Date().toISOString();
    const rows: CheckRow[] = [];
    const partial = (): AccessReport => ({
      version: 1,
      bucket: ref.name,
      provider: ref.provider,
      profile: ref.profile,
      prefix: ref.folder,
      ...(target.ref.endpoint ? { endpoint: target.ref.endpoint } : {}),
      source: { file: ref.file, range: ref.range },
      checks: [...rows],
      leftovers: [],
      notes: [],
      startedAt,
      durationMs: 0,
    });
    this.showView(partial(), folder.uri, true);
    const report = await this.withProgressPanel(ref, () => vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Testing access to {0}', ref.name), cancellable: true },
      async (progress, token) => {
        const abort = new AbortController();
        const cancelled = token.onCancellationRequested(() => abort.abort());
        try {
          return await this.engine.run(target, {
            signal: abort.signal,
            timeoutMs,
            ...(corsOrigin ? { corsOrigin } : {}),
            onRow: (row) => {
              rows.push(row);
              progress.report({ message: this.labels.operations[row.operation] ?? row.operation });
              this.showView(partial(), folder.uri, true, false);
            },
          });
        } finally {
          cancelled.dispose();
        }
      },
    ));
    if (!report) return undefined;
    this.lastTarget.set(bucketKey(ref.provider, ref.name), target);
    this.remember(report, folder.uri, true);
    this.output.appendLine(reportText(report, this.labels));
    this.showView(report, folder.uri, false);
    return report;
  }

  /** Says why `ref` could not be tested (credentials that cannot be used, a provider bundle that fails to load). */
  private couldNotTest(ref: BucketRef, error: unknown): void {
    const message = error instanceof Error ? error.message : String(error);
    this.output.appendLine(vscode.l10n.t('Test Bucket Access: {0}: {1}', ref.name, message));
    void vscode.window.showErrorMessage(vscode.l10n.t('Could not test {0}: {1}', ref.name, message));
  }

  /**
   * Runs `work` while the bucket's panel shows it running; when it fails before a report exists (a client that
   * cannot be made), says why and puts back the last report, or closes the panel.
   */
  private async withProgressPanel(ref: BucketRef, work: () => Thenable<AccessReport>): Promise<AccessReport | undefined> {
    try {
      return await work();
    } catch (error) {
      this.couldNotTest(ref, error);
      const key = bucketKey(ref.provider, ref.name);
      const previous = this.tested.get(key);
      if (previous) this.showView(previous.report, vscode.Uri.parse(previous.folder), false, false);
      else this.panels.close(key);
      return undefined;
    }
  }

  /** Records a finished report: status bar, live diagnostics, and the stored last reports. */
  private remember(report: AccessReport, folder: vscode.Uri, persist: boolean): void {
    const key = bucketKey(report.provider, report.bucket);
    this.tested.set(key, { report, folder: folder.toString() });
    this.statusBar.update(folder, report);
    this.diagnostics.update(folder, report);
    if (persist) void this.context.workspaceState.update(lastReportsKey, [...this.tested.values()]);
    this.changed.fire(key);
  }

  private showView(report: AccessReport, folder: vscode.Uri, running: boolean, reveal = true): void {
    const workspaceFolder = vscode.workspace.getWorkspaceFolder(folder);
    const links = workspaceFolder ? rowLinks(report, this.files.snapshot(workspaceFolder), this.refOf(report)?.policies) : [];
    this.panels.show({ ...reportView(report, { running, labels: this.labels, links }), folder: folder.toString() }, reveal);
  }

  private refOf(report: AccessReport): BucketRef | undefined {
    return this.candidates().find((c) => c.ref.provider === report.provider && c.ref.name === report.bucket)?.ref;
  }

  private showReport(key: string): void {
    const tested = this.tested.get(key);
    if (tested) this.showView(tested.report, vscode.Uri.parse(tested.folder), false);
  }

  private async copyMarkdown(key: string): Promise<void> {
    const tested = this.tested.get(key);
    if (!tested) return;
    const folder = vscode.workspace.getWorkspaceFolder(vscode.Uri.parse(tested.folder));
    const links = folder ? rowLinks(tested.report, this.files.snapshot(folder), this.refOf(tested.report)?.policies) : [];
    await vscode.env.clipboard.writeText(reportMarkdown(tested.report, this.labels, links));
    void vscode.window.showInformationMessage(vscode.l10n.t('Copied the report of {0} as Markdown.', tested.report.bucket));
  }

  /** Deletes the probes a run left behind, with that run's credentials, and updates the report. */
  private async retryCleanup(key: string): Promise<void> {
    const tested = this.tested.get(key);
    const last = this.lastTarget.get(key);
    if (!tested || tested.report.leftovers.length === 0) return;
    if (!last) {
      void vscode.window.showWarningMessage(vscode.l10n.t('Run the test of {0} again to clean up: its credentials are not kept across reloads.', tested.report.bucket));
      return;
    }
    const left = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Deleting probe objects from {0}', tested.report.bucket) }, () =>
      this.engine.deleteProbes(last, tested.report.leftovers, this.timeoutMs()),
    );
    const report = { ...tested.report, leftovers: left };
    this.remember(report, vscode.Uri.parse(tested.folder), true);
    this.showView(report, vscode.Uri.parse(tested.folder), false);
    this.output.appendLine(
      left.length === 0
        ? vscode.l10n.t('{0}: every probe object is deleted.', report.bucket)
        : vscode.l10n.t('{0}: these probe objects could still not be deleted: {1}', report.bucket, left.join(', ')),
    );
  }

  private candidates(): Candidate[] {
    const seen = new Set<string>();
    const found: Candidate[] = [];
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      for (const ref of this.files.snapshot(folder).buckets()) {
        const key = `${folder.uri.toString()} ${bucketKey(ref.provider, ref.name)}`;
        // `.bucket-doctor.json` repeats buckets the deployment files define, and completes those definitions.
        if (seen.has(key)) continue;
        seen.add(key);
        found.push({ ref, folder });
      }
    }
    return found;
  }

  private async pick(key: string | undefined): Promise<Candidate | undefined> {
    await this.files.ready();
    const all = this.candidates();
    if (key !== undefined) {
      const match = all.find((c) => bucketKey(c.ref.provider, c.ref.name) === key);
      if (!match) void vscode.window.showWarningMessage(vscode.l10n.t('No bucket {0} is configured in this workspace.', key));
      return match;
    }
    if (all.length === 0) {
      const create = vscode.l10n.t('New Storage Configuration…');
      const answer = await vscode.window.showInformationMessage(vscode.l10n.t('No bucket is configured in this workspace: Bucket Doctor reads Helm values, env files and .bucket-doctor.json.'), create);
      if (answer === create) await vscode.commands.executeCommand('bucketDoctor.newDeploymentFile');
      return undefined;
    }
    if (all.length === 1) return all[0];
    const items = all.map((candidate) => ({
      candidate,
      label: candidate.ref.name,
      description: `${candidate.ref.provider} · ${candidate.ref.profile}${candidate.ref.folder ? ` · ${candidate.ref.folder}` : ''}`,
      detail: `${vscode.workspace.workspaceFolders!.length > 1 ? `${candidate.folder.name}/` : ''}${candidate.ref.file}:${candidate.ref.range.start.line}`,
    }));
    const picked = await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Test Bucket Access'), placeHolder: vscode.l10n.t('Which bucket?'), matchOnDescription: true, matchOnDetail: true });
    return picked?.candidate;
  }

  private fileHasCredentials(candidate: Candidate): boolean {
    return fileCredentials(this.files.snapshot(candidate.folder), candidate.ref) !== undefined;
  }

  private timeoutMs(): number {
    return Math.max(1, vscode.workspace.getConfiguration('bucketDoctor.access').get<number>('timeoutSeconds', 10)) * 1000;
  }

  dispose(): void {
    this.changed.dispose();
    this.output.dispose();
    this.statusBar.dispose();
    this.diagnostics.dispose();
    this.panels.dispose();
  }
}
