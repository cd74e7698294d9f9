import assert from 'node:assert/strict';
import { test } from 'node:test';
import { main } from '../../src/cli/main';
import { version } from '../../package.json';

function capture(argv: string[]): { code: number; out: string; err: string } {
  let out = '';
  let err = '';
  const code = main(argv, (s) => (out += s), (s) => (err += s));
  assert.equal(typeof code, 'number', 'capture() is for the synchronous commands');
  return { code: code as number, out, err };
}

test('--version and --help', () => {
  assert.deepEqual(capture(['--version']), { code: 0, out: `${version}\n`, err: '' });
  const help = capture(['--help']);
  assert.equal(help.code, 0);
  assert.match(help.out, /bucket-doctor <command>/);
  assert.match(help.out, /--format text\|json\|sarif/);
});

test('test-access with nothing configured is a usage error (exit 2), not a pass', async () => {
  let err = '';
  const code = await main(['test-access', 'no-such-dir'], () => undefined, (s) => (err += s));
  assert.equal(code, 2);
  assert.match(err, /no such file or directory: no-such-dir/);
});

test('no command or an unknown one is a usage error', () => {
  assert.equal(capture([]).code, 2);
  const unknown = capture(['frobnicate']);
  assert.equal(unknown.code, 2);
  assert.match(unknown.err, /unknown command "frobnicate"/);
});
