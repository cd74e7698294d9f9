// Lints open deployment files: debounced per change, a generation counter so a stale result is never shown.
import { posix } from 'node:path';
import * as vscode from 'vscode';
import { checkFile } from '../core/check';
import type { Finding, Severity } from '../core/model';
import { ruleDocPath } from '../core/rules/rule';
import { Workspace } from '../core/workspace';
import type { DeploymentFiles } from './workspace-files';

const lintDelayMs = 200;

const severities: Record<Severity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
};

export function toRange(finding: Finding): vscode.Range {
  const { start, end } = finding.range;
  return new vscode.Range(start.line - 1, start.column - 1, end.line - 1, end.column - 1);
}

/** The snapshot a document is checked in: its workspace folder, or just itself when it has none. */
export function snapshotFor(files: DeploymentFiles, document: vscode.TextDocument): { workspace: Workspace; path: string } {
  const folder = vscode.workspace.getWorkspaceFolder(document.uri);
  if (folder) return { workspace: files.snapshot(folder, document), path: vscode.workspace.asRelativePath(document.uri, false) };
  const path = posix.basename(document.uri.path);
  return { workspace: new Workspace([{ path, text: document.getText() }]), path };
}

export class Diagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('bucket-doctor');
  /** Findings behind the diagnostics of each document, for code actions. */
  private readonly findings = new Map<string, Finding[]>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  /** Per document, the latest lint started: an older one finishing later is dropped. */
  private readonly generations = new Map<string, number>();

  constructor(
    private readonly files: DeploymentFiles,
    private readonly extensionUri: vscode.Uri,
  ) {}

  findingsOf(document: vscode.TextDocument): Finding[] {
    return this.findings.get(document.uri.toString()) ?? [];
  }

  /** Lints `document` after a short pause; each newer request supersedes older ones. */
  schedule(document: vscode.TextDocument, delay = lintDelayMs): void {
    const key = document.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.set(key, setTimeout(() => void this.lint(document), delay));
  }

  /** Re-lints every open document (after a scan, a settings change, or a file another one depends on changed). */
  scheduleAll(): void {
    for (const document of vscode.workspace.textDocuments) this.schedule(document);
  }

  async lint(document: vscode.TextDocument): Promise<void> {
    const key = document.uri.toString();
    this.timers.delete(key);
    if (document.isClosed || !['file', 'untitled', 'vscode-remote'].includes(document.uri.scheme)) return;
    const generation = (this.generations.get(key) ?? 0) + 1;
    this.generations.set(key, generation);
    await this.files.ready();
    if (document.isClosed || this.generations.get(key) !== generation) return;
    const { workspace, path } = snapshotFor(this.files, document);
    const file = workspace.get(path);
    const found = file ? checkFile(workspace, file) : [];
    this.findings.set(key, found);
    this.collection.set(document.uri, found.map((f) => this.toDiagnostic(f)));
  }

  forget(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    this.findings.delete(key);
    this.generations.delete(key);
    this.collection.delete(document.uri);
  }

  private toDiagnostic(finding: Finding): vscode.Diagnostic {
    const diagnostic = new vscode.Diagnostic(toRange(finding), finding.message, severities[finding.severity]);
    diagnostic.source = 'bucket-doctor';
    diagnostic.code = { value: finding.ruleId, target: vscode.Uri.joinPath(this.extensionUri, ruleDocPath(finding.ruleId)) };
    return diagnostic;
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.collection.dispose();
  }
}
