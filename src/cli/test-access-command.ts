// `bucket-doctor test-access [files or dir] [--bucket NAME] [--profile NAME] [--format text|json] [--timeout S]`:
// the live access test from CI, with credentials only from each ecosystem's conventions and endpoints from the files.
import { relative, resolve } from 'node:path';
import { labelStudioOrigin } from '../core/access/cors-origin';
import { environmentCredentials, type Environment } from '../core/access/environment-credentials';
import { reportPassed, type AccessReport } from '../core/access/report';
import { reportText } from '../core/access/report-text';
import { runAccessTest, type ClientFactory } from '../core/access/runner';
import { accessTarget } from '../core/access/target';
import { findProfile, profileIds } from '../core/iam/profiles';
import type { BucketRef } from '../core/model';
import { Workspace } from '../core/workspace';
import { collectFiles, UsageError } from './walk';

export interface TestAccessIo {
  cwd: string;
  env: Environment;
  out(text: string): void;
  err(text: string): void;
  /** The SDK-backed factory by default; tests may pass another. */
  factory?: ClientFactory;
  /** Cancels the run (probes are still cleaned up); the command also cancels on SIGINT. */
  signal?: AbortSignal;
}

interface Args {
  paths: string[];
  bucket?: string;
  profile?: string;
  format: 'text' | 'json';
  timeoutSeconds: number;
}

function parseArgs(argv: readonly string[]): Args {
  const args: Args = { paths: [], format: 'text', timeoutSeconds: 10 };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const option = /^(--[a-z]+)(?:=(.*))?$/.exec(arg);
    if (!option) {
      if (arg.startsWith('-')) throw new UsageError(`unknown option ${arg}`);
      args.paths.push(arg);
      continue;
    }
    const [, name, inline] = option;
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined || v === '') throw new UsageError(`${name} needs a value`);
      return v;
    };
    switch (name) {
      case '--bucket':
        args.bucket = value();
        break;
      case '--profile': {
        const profile = value();
        if (!findProfile(profile)) throw new UsageError(`unknown profile ${profile}; one of ${profileIds.join(', ')}`);
        args.profile = profile;
        break;
      }
      case '--format': {
        const format = value();
        if (format !== 'text' && format !== 'json') throw new UsageError(`--format must be text or json (got ${format})`);
        args.format = format;
        break;
      }
      case '--timeout': {
        const seconds = Number(value());
        if (!(seconds > 0 && seconds <= 600)) throw new UsageError('--timeout must be a number of seconds between 0 and 600');
        args.timeoutSeconds = seconds;
        break;
      }
      default:
        throw new UsageError(`unknown option ${arg}`);
    }
  }
  return args;
}

/** The buckets to test: one per provider and name (`.bucket-doctor.json` completes, it does not add). */
function targets(workspace: Workspace, args: Args): BucketRef[] {
  const seen = new Set<string>();
  const refs = workspace.buckets().filter((ref) => {
    const key = `${ref.provider}:${ref.name}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  if (refs.length === 0) throw new UsageError('no bucket is configured in these files (Helm values, env files, .bucket-doctor.json)');
  const chosen = args.bucket === undefined ? refs : refs.filter((r) => r.name === args.bucket || `${r.provider}:${r.name}` === args.bucket);
  if (chosen.length === 0) throw new UsageError(`no bucket ${args.bucket} is configured; configured: ${refs.map((r) => r.name).join(', ')}`);
  return chosen.map((ref) => (args.profile ? { ...ref, profile: args.profile } : ref));
}

/** The JSON shape, exactly: the fields a CI step reads, nothing else. */
function jsonOf(report: AccessReport): unknown {
  return {
    version: report.version,
    bucket: report.bucket,
    provider: report.provider,
    identity: report.identity ?? null,
    profile: report.profile,
    checks: report.checks.map((c) => ({
      operation: c.operation,
      required: c.required,
      result: c.result,
      code: c.code ?? null,
      latencyMs: c.latencyMs ?? null,
      hint: c.simulatedFor ? `Simulated for ${c.simulatedFor}: ${c.hint ?? ''}`.trim() : (c.hint ?? null),
    })),
  };
}

export async function testAccessCommand(argv: readonly string[], io: TestAccessIo): Promise<number> {
  let args: Args;
  let workspace: Workspace;
  let refs: BucketRef[];
  try {
    args = parseArgs(argv);
    // collectFiles joins each path to cwd: an absolute path must come relative.
    workspace = new Workspace(collectFiles(args.paths.map((p) => relative(io.cwd, resolve(io.cwd, p)) || '.'), io.cwd));
    refs = targets(workspace, args);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`bucket-doctor test-access: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
  const plans = refs.map((ref) => ({ ref, credentials: environmentCredentials(ref, io.env) }));
  const missing = plans.flatMap(({ ref, credentials }) => ('missing' in credentials ? [`${ref.name}: ${credentials.missing}`] : []));
  if (missing.length > 0) {
    io.err(`bucket-doctor test-access: ${missing.join('\n')}\n`);
    return 2;
  }
  // Ctrl-C cancels the checks; the probes are still deleted before the command exits.
  const controller = new AbortController();
  const onInterrupt = () => controller.abort();
  process.once('SIGINT', onInterrupt);
  const signal = io.signal ? AbortSignal.any([io.signal, controller.signal]) : controller.signal;
  const factory = io.factory ?? (await import('../providers/access')).createAccessClient;
  const corsOrigin = labelStudioOrigin(workspace);
  const reports: AccessReport[] = [];
  try {
    for (const { ref, credentials } of plans) {
      if ('missing' in credentials) continue;
      // CI runs on files it was given to check: their endpoints are the point.
      const target = accessTarget(workspace, ref, credentials, { fileEndpoints: true });
      try {
        reports.push(await runAccessTest(target, factory, { signal, timeoutMs: args.timeoutSeconds * 1000, ...(corsOrigin ? { corsOrigin } : {}) }));
      } catch (error) {
        io.err(`bucket-doctor test-access: ${ref.name}: ${error instanceof Error ? error.message : String(error)}\n`);
        return 2;
      }
    }
  } finally {
    process.removeListener('SIGINT', onInterrupt);
  }
  if (args.format === 'json') {
    const json = reports.map(jsonOf);
    io.out(`${JSON.stringify(json.length === 1 ? json[0] : json, null, 2)}\n`);
  } else {
    io.out(reports.map((r) => reportText(r)).join('\n'));
  }
  for (const report of reports) {
    if (report.leftovers.length > 0) io.err(`bucket-doctor test-access: ${report.bucket}: probe objects could not be deleted: ${report.leftovers.join(', ')}\n`);
  }
  return reports.every(reportPassed) ? 0 : 1;
}
