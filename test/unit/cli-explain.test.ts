import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { explainCommand } from '../../src/cli/explain-command';
import { main } from '../../src/cli/main';

/** Runs `bucket-doctor explain …` in `cwd` (the repository by default) and captures its output. */
function explain(args: string[], cwd = process.cwd()): { code: number; out: string; err: string } {
  let out = '';
  let err = '';
  const code = explainCommand(args, { cwd, out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}

const lse = ['--bucket', 'acme-labeling-prod', '--prefix', 'lse/', '--profile', 'lse-persistence'];
const good = 'examples/iam/lse-storage-policy.json';
const broken = 'examples/iam/lse-storage-policy-broken.json';

test('text: the summary line, one row per need with its deciding statement, exit 0 when all is allowed', () => {
  const { code, out, err } = explain([good, ...lse]);
  assert.equal(code, 0);
  assert.equal(err, '');
  const lines = out.split('\n');
  assert.equal(lines[0], 'Label Studio Enterprise persistence on acme-labeling-prod/lse/: List ✓ Get ✓ Put ✓ Delete ✓');
  assert.match(lines[2], /^s3:ListBucket +arn:aws:s3:::acme-labeling-prod +required +✓ allowed +Allow examples\/iam\/lse-storage-policy\.json:4 \(ListTheFolder\)$/);
  assert.match(lines[5], /^s3:DeleteObject +arn:aws:s3:::acme-labeling-prod\/lse\/\* +required +✓ allowed +Allow examples\/iam\/lse-storage-policy\.json:11 \(ReadWriteObjects\)$/);
  assert.equal(lines[7], 'Every required action is allowed.');
});

test('json: the documented shape; conditional without context, decided by --context; exit 1 when a need is not allowed', () => {
  const unknownIp = explain([broken, ...lse, '--format', 'json']);
  assert.equal(unknownIp.code, 1);
  assert.match(unknownIp.err, /lse-storage-policy-broken\.json is not strict JSON \(trailing comma before "}"\); AWS rejects it as written/);
  const doc = JSON.parse(unknownIp.out);
  assert.deepEqual(Object.keys(doc), ['version', 'bucket', 'prefix', 'profile', 'results']);
  assert.deepEqual([doc.version, doc.bucket, doc.prefix, doc.profile], [1, 'acme-labeling-prod', 'lse/', 'lse-persistence']);
  assert.deepEqual(doc.results[0], { action: 's3:ListBucket', resource: 'arn:aws:s3:::acme-labeling-prod', required: true, decision: 'denied', conditionKeys: [], decidedBy: null });
  assert.deepEqual(doc.results[1], {
    action: 's3:GetObject',
    resource: 'arn:aws:s3:::acme-labeling-prod/lse/*',
    required: true,
    decision: 'conditional',
    conditionKeys: ['aws:SourceIp'],
    decidedBy: { file: broken, line: 14, sid: null },
  });
  const inside = JSON.parse(explain([broken, ...lse, '--format=json', '--context', 'aws:SourceIp=10.1.2.3']).out);
  assert.deepEqual([inside.results[1].decision, inside.results[1].decidedBy.line], ['allowed', 4]);
  const outside = JSON.parse(explain([broken, ...lse, '--format', 'json', '--context', 'aws:SourceIp=203.0.113.7']).out);
  assert.deepEqual([outside.results[1].decision, outside.results[1].decidedBy.line], ['denied', 14], 'the explicit Deny decides');
  assert.match(explain([broken, ...lse]).out, /Not allowed: s3:ListBucket \(denied\), s3:GetObject \(conditional on aws:SourceIp\), s3:PutObject \(denied\), s3:DeleteObject \(denied\)\./);
});

test('bucket policies need the caller (--principal); trust policies add the vendor rows, decided by sts:ExternalId', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bd-explain-'));
  const role = 'arn:aws:iam::123456789012:role/lse-storage';
  const statement = (Action: string[], Resource: string) => ({ Effect: 'Allow', Principal: { AWS: role }, Action, Resource });
  writeFileSync(join(dir, 'bucket.json'), JSON.stringify({ Version: '2012-10-17', Statement: [statement(['s3:ListBucket'], 'arn:aws:s3:::acme'), statement(['s3:GetObject', 's3:PutObject', 's3:DeleteObject'], 'arn:aws:s3:::acme/*')] }));
  const args = ['bucket.json', '--bucket', 'acme', '--profile', 'lse-persistence', '--format', 'json'];
  const anyone = JSON.parse(explain(args, dir).out);
  assert.deepEqual(anyone.results[0].conditionKeys, ['aws:PrincipalArn']);
  const caller = explain([...args, '--principal', `arn:aws:sts::123456789012:assumed-role/lse-storage/pod`], dir);
  assert.equal(caller.code, 0, 'a session of the role is the role');
  assert.ok(JSON.parse(caller.out).results.every((r: { decision: string }) => r.decision === 'allowed'));

  const trust = 'test/fixtures/iam/guides/arraylake-trust.json';
  const permissions = 'test/fixtures/iam/guides/arraylake-permissions.json';
  const arraylake = ['--bucket', 'acme-chunks', '--profile', 'arraylake', '--format', 'json'];
  const rows = (extra: string[]) => JSON.parse(explain([permissions, trust, ...arraylake, ...extra]).out).results.filter((r: { action: string }) => r.action.startsWith('sts:'));
  assert.deepEqual(rows([]).map((r: { action: string; decision: string }) => [r.action, r.decision]), [['sts:AssumeRole', 'conditional'], ['sts:TagSession', 'allowed']]);
  assert.deepEqual(rows(['--context', 'sts:ExternalId=<my-shared-secret>'])[0].decision, 'allowed');
  assert.deepEqual(rows(['--context', 'sts:ExternalId=someone-else'])[0].decision, 'denied');
});

test('bad usage exits 2 with a message saying what to do', () => {
  const usage = (args: string[]) => {
    const { code, err, out } = explain(args);
    assert.equal(code, 2, args.join(' '));
    assert.equal(out, '');
    return err;
  };
  assert.match(usage(lse), /name at least one policy file/);
  assert.match(usage([good, '--profile', 'lse-persistence']), /--bucket is required/);
  assert.match(usage([good, '--bucket', 'b']), /--profile is required \(one of lse-persistence, ls-source-storage, lightly-input, lightly-output, arraylake, labelbox-signed-urls\)/);
  assert.match(usage([good, '--bucket', 'b', '--profile', 'lse']), /unknown profile "lse"/);
  assert.match(usage([good, ...lse, '--context', 'aws:SourceIp']), /--context takes key=value/);
  assert.match(usage([good, ...lse, '--format', 'sarif']), /--format must be text or json/);
  assert.match(usage([good, ...lse, '--bucket']), /--bucket needs a value/);
  assert.match(usage([good, ...lse, '--fast']), /unknown option --fast/);
  assert.match(usage(['examples/nope.json', ...lse]), /cannot read examples\/nope\.json/);
  assert.match(usage(['examples/lse-values.yaml', ...lse]), /examples\/lse-values\.yaml is not an IAM policy \(no Statement\)/);
});

test('the command line: main routes explain and its help lists it; the built CLI exits with the same codes', () => {
  let help = '';
  assert.equal(main(['--help'], (s) => (help += s)), 0);
  assert.match(help, /explain <policy\.json\.\.\.> --bucket B --profile NAME/);
  const built = (args: string[]) => spawnSync(process.execPath, ['dist/cli.js', 'explain', ...args], { encoding: 'utf8' });
  assert.equal(built([good, ...lse]).status, 0);
  assert.equal(built([broken, ...lse]).status, 1);
  const bad = built([good]);
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /bucket-doctor explain: --bucket is required/);
});
