import assert from 'node:assert/strict';
import { test } from 'node:test';
import { main } from '../../src/cli/main';
import { version } from '../../package.json';

function capture(argv: string[]): { code: number; out: string; err: string } {
  let out = '';
  let err = '';
  const code = main(argv, (s) => (out += s), (s) => (err += s));
  return { code, out, err };
}

test('--version and --help', () => {
  assert.deepEqual(capture(['--version']), { code: 0, out: `${version}\n`, err: '' });
  const help = capture(['--help']);
  assert.equal(help.code, 0);
  assert.match(help.out, /bucket-doctor <command>/);
  assert.match(help.out, /--format text\|json\|sarif/);
});

test('commands that are not built yet say so and exit 2 instead of passing', () => {
  for (const command of ['test-access']) {
    const result = capture([command]);
    assert.equal(result.code, 2);
    assert.equal(result.out, '');
    assert.match(result.err, /not implemented yet/);
  }
});

test('no command or an unknown one is a usage error', () => {
  assert.equal(capture([]).code, 2);
  const unknown = capture(['frobnicate']);
  assert.equal(unknown.code, 2);
  assert.match(unknown.err, /unknown command "frobnicate"/);
});
