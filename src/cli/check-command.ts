// `bucket-doctor check [paths…] [--format text|json|sarif] [--fix]`.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkWorkspace } from '../core/check';
import { compatibleFixes, editFile } from '../core/fix-all';
import type { Finding, TextEdit } from '../core/model';
import { applyEdits } from '../core/text';
import { Workspace } from '../core/workspace';
import { format, type Format } from './format';
import { collectFiles, UsageError, type InputFile } from './walk';

export interface CheckIo {
  cwd: string;
  out(text: string): void;
  err(text: string): void;
  color: boolean;
}

interface CheckArgs {
  paths: string[];
  format: Format;
  fix: boolean;
}

function parseArgs(argv: readonly string[]): CheckArgs {
  const args: CheckArgs = { paths: [], format: 'text', fix: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--fix') args.fix = true;
    else if (arg === '--format' || arg.startsWith('--format=')) {
      const value = arg === '--format' ? argv[++i] : arg.slice('--format='.length);
      if (value !== 'text' && value !== 'json' && value !== 'sarif') throw new UsageError(`--format must be text, json or sarif (got ${value ?? 'nothing'})`);
      args.format = value;
    } else if (arg.startsWith('-')) throw new UsageError(`unknown option ${arg}`);
    else args.paths.push(arg);
  }
  return args;
}

/** Files git tracks under `cwd` (empty outside a repository or without git). */
function trackedFiles(cwd: string): Set<string> {
  const result = spawnSync('git', ['ls-files', '-z', '--full-name', '.'], { cwd, encoding: 'utf8' });
  const prefix = spawnSync('git', ['rev-parse', '--show-prefix'], { cwd, encoding: 'utf8' }).stdout?.trim() ?? '';
  if (result.status !== 0) return new Set();
  return new Set(result.stdout.split('\0').filter(Boolean).map((p) => (p.startsWith(prefix) ? p.slice(prefix.length) : p)));
}

/** Applies the preferred fixes that fit together; returns the new texts of the files they change. */
function applyPreferredFixes(findings: readonly Finding[], texts: Map<string, string>, io: CheckIo): Map<string, string> {
  const edits = new Map<string, TextEdit[]>();
  for (const { finding, fix } of compatibleFixes(findings)) {
    for (const edit of fix.edits) edits.set(editFile(edit, finding), [...(edits.get(editFile(edit, finding)) ?? []), edit]);
    if (fix.clipboard) io.err(`${finding.file}: ${fix.title} — then run:\n  ${fix.clipboard}\n`);
  }
  const changed = new Map<string, string>();
  for (const [file, list] of edits) {
    const text = texts.get(file);
    if (text !== undefined) changed.set(file, applyEdits(text, list));
  }
  return changed;
}

export function checkCommand(argv: readonly string[], io: CheckIo): number {
  let args: CheckArgs;
  let inputs: InputFile[];
  try {
    args = parseArgs(argv);
    inputs = collectFiles(args.paths, io.cwd);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`bucket-doctor check: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
  const tracked = trackedFiles(io.cwd);
  const options = { isTracked: (path: string) => tracked.has(path) };
  let workspace = new Workspace(inputs, options);
  let findings = checkWorkspace(workspace);
  // Each pass applies non-overlapping fixes; a few passes settle fixes that touch the same place.
  for (let pass = 0; args.fix && pass < 5; pass++) {
    const texts = new Map(workspace.files.map((f) => [f.path, f.text]));
    const changed = applyPreferredFixes(findings, texts, io);
    if (changed.size === 0) break;
    for (const [path, text] of changed) writeFileSync(join(io.cwd, path), text);
    workspace = new Workspace(inputs.map((f) => ({ path: f.path, text: changed.get(f.path) ?? texts.get(f.path) ?? f.text })), options);
    inputs = workspace.files.map((f) => ({ path: f.path, text: f.text }));
    findings = checkWorkspace(workspace);
  }
  io.out(format(findings, args.format, io.color));
  return findings.some((f) => f.severity === 'error') ? 1 : 0;
}
