// `bucket-doctor explain <policy.json…> --bucket B [--prefix P] --profile NAME [--format text|json]
// [--context key=value]… [--principal ARN]`: what the policies allow of a platform's needs, offline.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { PolicyInput, RequestContext } from '../core/iam/evaluate';
import { parsePolicy } from '../core/iam/policy';
import { matrixText, summaryLine } from '../core/iam/profile-summary';
import { checkProfile, findProfile, profileIds, type Profile, type ProfileRow } from '../core/iam/profiles';
import { UsageError } from './walk';

export interface ExplainIo {
  cwd: string;
  out(text: string): void;
  err(text: string): void;
}

interface ExplainArgs {
  files: string[];
  bucket: string;
  prefix: string;
  profile: Profile;
  format: 'text' | 'json';
  context: Record<string, string[]>;
  principal?: string;
}

function parseArgs(argv: readonly string[]): ExplainArgs {
  const files: string[] = [];
  const context: Record<string, string[]> = {};
  let bucket: string | undefined;
  let prefix = '';
  let profileId: string | undefined;
  let format: ExplainArgs['format'] = 'text';
  let principal: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const name = eq === -1 ? arg : arg.slice(0, eq);
    const value = () => {
      const v = eq === -1 ? argv[++i] : arg.slice(eq + 1);
      if (v === undefined || (eq === -1 && v.startsWith('--'))) throw new UsageError(`${name} needs a value`);
      return v;
    };
    if (name === '--bucket') bucket = value();
    else if (name === '--prefix') prefix = value();
    else if (name === '--profile') profileId = value();
    else if (name === '--principal') principal = value();
    else if (name === '--format') {
      const v = value();
      if (v !== 'text' && v !== 'json') throw new UsageError(`--format must be text or json (got ${v})`);
      format = v;
    } else if (name === '--context') {
      const pair = value();
      const at = pair.indexOf('=');
      if (at <= 0) throw new UsageError(`--context takes key=value, e.g. aws:SourceIp=203.0.113.7 (got ${pair})`);
      (context[pair.slice(0, at)] ??= []).push(pair.slice(at + 1));
    } else if (arg.startsWith('-')) throw new UsageError(`unknown option ${arg}`);
    else files.push(arg);
  }
  if (files.length === 0) throw new UsageError('name at least one policy file');
  if (!bucket) throw new UsageError('--bucket is required');
  if (!profileId) throw new UsageError(`--profile is required (one of ${profileIds.join(', ')})`);
  const profile = findProfile(profileId);
  if (!profile) throw new UsageError(`unknown profile "${profileId}" (one of ${profileIds.join(', ')})`);
  return { files, bucket, prefix, profile, format, context, ...(principal ? { principal } : {}) };
}

function readPolicies(files: readonly string[], io: ExplainIo): PolicyInput[] {
  return files.map((file) => {
    let text: string;
    try {
      text = readFileSync(resolve(io.cwd, file), 'utf8');
    } catch {
      throw new UsageError(`cannot read ${file}`);
    }
    const policy = parsePolicy(text);
    if (policy.statements.length === 0) throw new UsageError(`${file} is not an IAM policy (no Statement)`);
    // AWS rejects such a document; the matrix still says what it would grant once it parses.
    if (policy.errors.length > 0) io.err(`bucket-doctor explain: ${file} is not strict JSON (${policy.errors[0].message}); AWS rejects it as written. Run bucket-doctor check on it.\n`);
    return { file, policy };
  });
}

/** The `--format json` document. */
export function explainJson(bucket: string, prefix: string, profile: Profile, rows: readonly ProfileRow[]): string {
  const results = rows.map((r) => ({
    action: r.action,
    resource: r.resource,
    required: r.required,
    decision: r.decision,
    conditionKeys: r.conditionKeys,
    decidedBy: r.decidedBy ? { file: r.decidedBy.file, line: r.decidedBy.line, sid: r.decidedBy.sid ?? null } : null,
  }));
  return `${JSON.stringify({ version: 1, bucket, prefix, profile: profile.id, results }, null, 2)}\n`;
}

/** Required rows the policies do not allow outright (denied, or depending on context not given). */
export function unmet(rows: readonly ProfileRow[]): ProfileRow[] {
  return rows.filter((r) => r.required && r.decision !== 'allowed');
}

export function explainCommand(argv: readonly string[], io: ExplainIo): number {
  let args: ExplainArgs;
  let inputs: PolicyInput[];
  try {
    args = parseArgs(argv);
    inputs = readPolicies(args.files, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`bucket-doctor explain: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
  const context: RequestContext = Object.fromEntries(Object.entries(args.context).map(([k, v]) => [k, v.length === 1 ? v[0] : v]));
  const rows = checkProfile(args.profile, args.bucket, args.prefix, inputs, context, args.principal ? { principal: args.principal } : {});
  const missing = unmet(rows);
  if (args.format === 'json') io.out(explainJson(args.bucket, args.prefix, args.profile, rows));
  else {
    const verdict = missing.length === 0 ? 'Every required action is allowed.' : `Not allowed: ${missing.map((r) => `${r.action} (${r.decision}${r.conditionKeys.length ? ` on ${r.conditionKeys.join(', ')}` : ''})`).join(', ')}.`;
    io.out(`${summaryLine(args.profile, args.bucket, args.prefix, rows)}\n\n${matrixText(rows)}\n${verdict}\n`);
  }
  return missing.length === 0 ? 0 : 1;
}
