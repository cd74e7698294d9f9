// Property-based fuzzing of policy checking (fixed seeds): broken, huge and deeply nested JSON/JSONC never makes a
// rule throw or hang, findings stay inside the file, fixes never overlap and never break a policy that parsed, and
// hover and completion answer anywhere in the text.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import fc from 'fast-check';
import { checkFile } from '../../src/core/check';
import { completionsAt, hoverAt } from '../../src/core/explain';
import { parsePolicy } from '../../src/core/iam/policy';
import { applyEdits } from '../../src/core/text';
import { Workspace } from '../../src/core/workspace';

const dir = 'test/fixtures/iam/guides/';
const guides = readdirSync(dir)
  .filter((n) => n.endsWith('.json'))
  .map((n) => readFileSync(dir + n, 'utf8'));

// Pieces of policies and of the ways they break: names close to real ones, placeholders, comments, quotes.
const fragments = [
  '{', '}', '[', ']', ',', ':', '"', "'", '\n', ' ', '\t', '\r\n', '//', '/*', '*/', '\\', '\\u00', '\uFEFF', '\uD800',
  '"Statement":', '"Action"', '"Actions"', '"NotAction"', '"Resource"', '"Principal"', '"Condition"', '"Effect"', '"Sid"', '"Version"',
  '"s3:GetObject"', '"s3:GetObjects"', '"s3:Get*"', '"*"', '"kms:Decrypt"', '"sts:AssumeRole"', '"arn:aws:s3:::b/*"', '"arn:aws:s3:us-east-1:1:b"',
  '"IPAddress"', '"IpAddress"', '"NullIfExists"', '"ForAnyValue:StringLike"', '"aws:SourceIp"', '"1.2.3.4/33"', '"s3:prefix"', '"aws:SourceVpc"',
  '"<YOUR_BUCKET>"', '"{YOUR_BUCKET}"', '"x.x.x.x/32"', '"${aws:username}"', '"Allow"', '"allow"', '"2008-10-17"', 'true', 'null', '-1e99', '"constructor"', '"__proto__"',
];

const mutation = fc.record({ at: fc.nat(), len: fc.nat({ max: 16 }), insert: fc.oneof(fc.constantFrom(...fragments), fc.string({ maxLength: 6 })) });

function mutate(text: string, steps: readonly { at: number; len: number; insert: string }[]): string {
  let out = text;
  for (const { at, len, insert } of steps) {
    const i = out.length === 0 ? 0 : at % (out.length + 1);
    out = out.slice(0, i) + insert + out.slice(i + len);
  }
  return out;
}

const path = 'iam/policy.json';

/** Checks `text` as a policy and asserts every promise the rules make about their output. */
function assertSane(text: string): void {
  const workspace = new Workspace([{ path, text }]);
  const file = workspace.get(path);
  if (!file) return;
  const parsed = parsePolicy(text).errors.length === 0;
  for (const finding of checkFile(workspace, file)) {
    assert.doesNotMatch(finding.message, /could not finish rule/, `${finding.ruleId} threw: ${finding.message}`);
    const { start, end } = finding.range;
    assert.ok(start.line >= 1 && end.line <= file.lines.lineCount && (end.line > start.line || end.column >= start.column), `${finding.ruleId} range`);
    for (const fix of finding.fixes ?? []) {
      for (const edit of fix.edits) assert.ok(edit.offset >= 0 && edit.offset + edit.length <= text.length, `${finding.ruleId} edit inside the text`);
      const fixed = applyEdits(text, fix.edits);
      if (parsed && finding.ruleId.startsWith('policy/')) {
        assert.deepEqual(parsePolicy(fixed).errors, [], `${finding.ruleId} fix "${fix.title}" must leave strict JSON:\n${fixed}`);
      }
    }
  }
}

test('mutated guide policies: every rule finishes, ranges and fixes stay sound', () => {
  fc.assert(
    fc.property(fc.constantFrom(...guides), fc.array(mutation, { minLength: 1, maxLength: 6 }), (guide, steps) => assertSane(mutate(guide, steps))),
    { seed: 4, numRuns: 600 },
  );
});

/** A JSON value built from policy names, nested a few levels. */
const { value: jsonValue } = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small', withCrossShrink: true }, fc.constantFrom(...fragments.filter((f) => f.length > 1 && f.startsWith('"') && f.endsWith('"')).map((f) => JSON.parse(f) as string)), fc.integer(), fc.boolean(), tie('list'), tie('object')),
  list: fc.array(tie('value'), { maxLength: 4 }),
  object: fc.dictionary(fc.constantFrom('Statement', 'Action', 'NotAction', 'Resource', 'Principal', 'AWS', 'Condition', 'StringLike', 'IPAddress', 'aws:SourceIp', 's3:prefix', 'Effect', 'Sid', 'Version', 'x'), tie('value'), { maxKeys: 5 }),
}));

test('generated policy-shaped JSON, strict and with JSONC damage: every rule finishes, fixes keep strict JSON strict', () => {
  fc.assert(
    fc.property(jsonValue, fc.array(mutation, { maxLength: 3 }), fc.boolean(), (statement, steps, pretty) => {
      const text = JSON.stringify({ Statement: statement }, null, pretty ? 2 : undefined) ?? '';
      assertSane(text);
      assertSane(mutate(text, steps));
    }),
    { seed: 11, numRuns: 600 },
  );
});

test('hover and completion at any offset of broken policies never throw', () => {
  fc.assert(
    fc.property(fc.constantFrom(...guides), fc.array(mutation, { maxLength: 4 }), fc.nat(), (guide, steps, at) => {
      const text = mutate(guide, steps);
      const file = new Workspace([{ path, text }]).get(path);
      if (!file) return;
      const offset = at % (text.length + 1);
      hoverAt(file, offset);
      for (const c of completionsAt(file, offset)) assert.ok(c.label.length > 0);
    }),
    { seed: 5, numRuns: 400 },
  );
});

/** Median wall time of checking `text` (in a new workspace each time, as the editor does), in ms. */
function checkTime(text: string): number {
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const start = performance.now();
    const workspace = new Workspace([{ path, text }]);
    const found = checkFile(workspace, workspace.get(path)!);
    times.push(performance.now() - start);
    assert.ok(!found.some((f) => /could not finish rule/.test(f.message)));
  }
  return times.sort((a, b) => a - b)[2];
}

test('deep nesting, huge strings and thousands of statements are checked in linear time', () => {
  const deep = (n: number) => `{"Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Condition": ${'{"a":['.repeat(n)}1${']}'.repeat(n)}}]}`;
  const unclosed = (n: number) => `{"Statement": ${'[{'.repeat(n)}`;
  const long = (n: number) => `{"Statement": {"Effect": "Allow", "Action": "s3:${'G'.repeat(n)}", "Resource": "arn:aws:s3:::${'b'.repeat(n)}/*", "Condition": {"IpAddress": {"aws:SourceIp": "${'1'.repeat(n)}"}}}}`;
  const many = (n: number) =>
    `{"Version": "2012-10-17", "Statement": [${Array.from({ length: n }, (_, i) => `{"Sid": "S${i % 50}", "Effect": "allow", "Actions": ["s3:GetObjects", "s3:ListBucket"], "Resource": ["arn:aws:s3:::<YOUR_BUCKET>/*", "arn:aws:s3:us-east-1:1:b${i}"], "Condition": {"IPAddress": {"aws:SourceIp": "x.x.x.x/32"}, "StringLike": {"s3:prefx": "a/*"}}},`).join('\n')}]}`;
  for (const [name, make, small] of [
    ['deep', deep, 2_000],
    ['unclosed', unclosed, 5_000],
    ['long strings', long, 50_000],
    ['statements with every mistake', many, 500],
  ] as const) {
    assertSane(make(small));
    const base = checkTime(make(small));
    const big = checkTime(make(small * 4));
    // Four times the input in about four times the time (generous for a shared machine), and never seconds.
    assert.ok(big < Math.max(base, 5) * 10, `${name}: ${base.toFixed(1)} ms → ${big.toFixed(1)} ms for 4× the input`);
    assert.ok(big < 3_000, `${name}: ${big.toFixed(0)} ms`);
  }
});
