// The `bucket-doctor` command line: same core as the extension, never imports 'vscode'.
import { version } from '../../package.json';
import { checkCommand } from './check-command';
import { explainCommand } from './explain-command';
import { testAccessCommand } from './test-access-command';

const usage = `Usage: bucket-doctor <command> [options]

Commands:
  check [paths...]      Check deployment files (lse-values.yaml, env.list, docker-compose.yml)
                        --fix applies the preferred fix of each finding in place
  test-access [paths...] [--bucket NAME] [--profile NAME] [--timeout S]
                        Prove live access to the configured buckets: exactly the operations
                        the profile needs, with credentials from the environment (AWS default
                        chain, GOOGLE_APPLICATION_CREDENTIALS, AZURE_STORAGE_*); --format text|json
                        (JSON: one object, or an array for several buckets); exit 1 when a
                        required check failed or a probe was left behind
  explain <policy.json...> --bucket B --profile NAME
                        What the policies allow of a platform's needs on a bucket, offline:
                        --prefix P (folder), --context key=value (repeatable, e.g.
                        aws:SourceIp=203.0.113.7), --principal ARN (caller for bucket policies);
                        exit 1 when a required action is not allowed outright

Options:
  --format text|json|sarif  Output format (default: text; explain: text|json)
  -h, --help                Show this help
  -v, --version             Show the version

Exit codes: 0 no problems, 1 problems found, 2 usage error or command unavailable.
`;

/** Runs the CLI and returns its exit code; output goes through the given writers so tests can capture it. */
type Write = (text: string) => void;

export function main(
  argv: string[],
  out: Write = (s) => process.stdout.write(s),
  err: Write = (s) => process.stderr.write(s),
): number | Promise<number> {
  const [command] = argv;
  if (command === undefined || command === '-h' || command === '--help' || command === 'help') {
    out(usage);
    return command === undefined ? 2 : 0;
  }
  if (command === '-v' || command === '--version') {
    out(`${version}\n`);
    return 0;
  }
  if (command === 'check') {
    const color = Boolean(process.stdout.isTTY) && !process.env.NO_COLOR;
    return checkCommand(argv.slice(1), { cwd: process.cwd(), out, err, color });
  }
  if (command === 'explain') return explainCommand(argv.slice(1), { cwd: process.cwd(), out, err });
  if (command === 'test-access') return testAccessCommand(argv.slice(1), { cwd: process.cwd(), env: process.env, out, err });
  err(`bucket-doctor: unknown command "${command}"\n\n${usage}`);
  return 2;
}
