// The `bucket-doctor` command line: same core as the extension, never imports 'vscode'.
import { version } from '../../package.json';
import { checkCommand } from './check-command';

const usage = `Usage: bucket-doctor <command> [options]

Commands:
  check [paths...]      Check deployment files (lse-values.yaml, env.list, docker-compose.yml)
                        --fix applies the preferred fix of each finding in place
  test-access [bucket]  Prove live access to a configured bucket

Options:
  --format text|json|sarif  Output format (default: text)
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
): number {
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
  if (command === 'test-access') {
    err(`bucket-doctor ${command}: not implemented yet in this version; nothing was checked.\n`);
    return 2;
  }
  err(`bucket-doctor: unknown command "${command}"\n\n${usage}`);
  return 2;
}
