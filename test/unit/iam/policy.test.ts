// The policy reader on good policies, on broken JSON (AWS rejects it, the reader still finds the statements),
// and on the policies the platform guides print; plus a property test: never throws, offsets stay in the text.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import fc from 'fast-check';
import { getNodeValue, parseTree } from 'jsonc-parser';
import { parsePolicy, usesPolicyVariables, type Policy } from '../../../src/core/iam/policy';
import { Workspace } from '../../../src/core/workspace';
import { growth } from '../growth';

const guide = (name: string) => readFileSync(`test/fixtures/iam/guides/${name}.json`, 'utf8');

/** The text a located value covers. */
const at = (text: string, v: { offset: number; length: number }) => text.slice(v.offset, v.offset + v.length);

const kinds = (p: Policy) => p.errors.map((e) => e.kind);

test('a good identity policy: elements, values and their offsets', () => {
  const text = guide('lse-persistence');
  const policy = parsePolicy(text);
  assert.equal(policy.kind, 'identity');
  assert.equal(policy.version?.value, '2012-10-17');
  assert.ok(usesPolicyVariables(policy));
  assert.deepEqual(policy.errors, []);
  assert.equal(policy.statements.length, 2);
  const [list, objects] = policy.statements;
  assert.deepEqual(list.action?.map((a) => a.value), ['s3:ListBucket']);
  assert.deepEqual(objects.action?.map((a) => a.value), ['s3:PutObject', 's3:GetObject', 's3:DeleteObject']);
  assert.deepEqual(objects.resource?.map((r) => r.value), ['arn:aws:s3:::<YOUR_S3_BUCKET>/*']);
  for (const v of [...(objects.action ?? []), ...(objects.resource ?? []), list.effect!]) assert.equal(at(text, v), v.value);
  assert.deepEqual(objects.members.map((m) => m.name), ['Effect', 'Action', 'Resource']);
  assert.equal(at(text, objects.members[1]), 'Action');
  const actionValue = objects.members[1].value!;
  assert.equal(actionValue.type, 'array');
  assert.match(text.slice(actionValue.offset, actionValue.offset + actionValue.length), /^\[[^]*"s3:DeleteObject"\s*\]$/);
  assert.deepEqual(objects.path, ['Statement', 1]);
  assert.deepEqual(policy.members.map((m) => [m.name, m.value?.type]), [['Version', 'string'], ['Statement', 'array']]);
  assert.equal(text[objects.offset], '{');
  assert.equal(text[objects.offset + objects.length - 1], '}');
  assert.equal(objects.line, text.slice(0, objects.offset).split('\n').length);
  assert.equal(objects.index, 1);
});

test('the kinds: identity, resource (Principal) and trust (Principal with sts:AssumeRole*)', () => {
  assert.equal(parsePolicy(guide('lightly-delegated')).kind, 'identity');
  assert.equal(parsePolicy(guide('labelbox-ip-allow')).kind, 'resource');
  assert.equal(parsePolicy(guide('ls-source-storage-ip-vpn')).kind, 'resource');
  assert.equal(parsePolicy(guide('arraylake-trust')).kind, 'trust');
  const web = '{"Statement":{"Effect":"Allow","Principal":{"Federated":"arn:aws:iam::1:oidc-provider/x"},"Action":"sts:AssumeRoleWithWebIdentity"}}';
  assert.equal(parsePolicy(web).kind, 'trust');
  // A Principal granting S3 actions is a bucket policy even when it also lets someone assume a role.
  const mixed = '{"Statement":[{"Effect":"Allow","Principal":"*","Action":["sts:AssumeRole","s3:GetObject"]}]}';
  assert.equal(parsePolicy(mixed).kind, 'resource');
});

test('principals, conditions and a single statement object', () => {
  const text = guide('arraylake-trust');
  const policy = parsePolicy(text);
  const [assume, tag] = policy.statements;
  assert.deepEqual(assume.principal?.entries.map((e) => [e.type.value, e.values.map((v) => v.value)]), [['AWS', ['arn:aws:iam::842143331303:root']]]);
  assert.deepEqual(
    assume.condition?.map((c) => [c.operator.value, c.entries.map((e) => [e.key.value, e.values.map((v) => v.value)])]),
    [
      ['StringEquals', [['sts:ExternalId', ['<my-shared-secret>']]]],
      ['ArnLike', [['aws:PrincipalArn', ['arn:aws:iam::842143331303:role/EarthmoverSignerServiceRole-production']]]],
    ],
  );
  assert.equal(at(text, assume.condition![0].entries[0].values[0]), '<my-shared-secret>');
  assert.deepEqual(tag.action?.map((a) => a.value), ['sts:TagSession']);
  const principal = assume.principal!;
  assert.match(text.slice(principal.offset, principal.offset + principal.length), /^\{\s*"AWS": "arn:aws:iam::842143331303:root"\s*\}$/);
  const [clause] = assume.condition!;
  assert.match(text.slice(clause.offset, clause.offset + clause.length), /^"StringEquals": \{[^}]*\}$/);
  const [entry] = clause.entries;
  assert.equal(text.slice(entry.offset, entry.offset + entry.length), '"sts:ExternalId": "<my-shared-secret>"');
  assert.equal(text.slice(assume.offset, assume.offset + assume.length), text.slice(assume.offset, text.indexOf('},\n{', assume.offset) + 1));
  assert.equal(policy.root?.type, 'object');
  assert.equal(policy.root?.children?.length, 2);

  const single = parsePolicy('{"Version":"2008-10-17","Statement":{"Sid":"1","Effect":"Allow","Principal":"*","NotAction":"s3:Delete*","NotResource":["arn:aws:s3:::x"],"Condition":{"Bool":{"aws:SecureTransport":false},"NumericLessThan":{"s3:max-keys":10}}}}');
  assert.equal(single.statements.length, 1);
  const s = single.statements[0];
  assert.deepEqual(s.path, ['Statement']);
  assert.equal(s.principal?.text?.value, '*');
  assert.deepEqual(s.notAction?.map((a) => a.value), ['s3:Delete*']);
  assert.deepEqual(s.notResource?.map((a) => a.value), ['arn:aws:s3:::x']);
  assert.deepEqual(s.condition?.flatMap((c) => c.entries.flatMap((e) => e.values.map((v) => [v.value, v.type]))), [['false', 'boolean'], ['10', 'number']]);
  assert.equal(usesPolicyVariables(single), false);
});

test('unknown and repeated keys stay visible; the last repeated key counts', () => {
  const policy = parsePolicy('{"Statement":[{"Effect":"Allow","Actions":"s3:GetObject","Resource":"a","Resource":"b","effect":"Deny"}]}');
  const s = policy.statements[0];
  assert.deepEqual(s.members.map((m) => m.name), ['Effect', 'Actions', 'Resource', 'Resource', 'effect']);
  assert.equal(s.action, undefined);
  assert.deepEqual(s.resource?.map((r) => r.value), ['b']);
  assert.equal(s.effect?.value, 'Allow');
});

test('broken JSON: trailing commas, comments, single quotes, unbalanced brackets are errors, statements still read', () => {
  const labelbox = guide('labelbox-ip-allow');
  const trailing = parsePolicy(labelbox);
  assert.deepEqual(kinds(trailing), ['trailing-comma']);
  assert.equal(labelbox[trailing.errors[0].offset], ',');
  assert.equal(trailing.statements[0].condition?.[0].entries[0].values[0].value, '54.240.143.0/24');

  const comments = parsePolicy(guide('ls-source-storage-ip-vpn'));
  assert.deepEqual(kinds(comments), ['comment', 'comment']);
  assert.equal(comments.statements.length, 2);
  assert.deepEqual(comments.statements[0].condition?.[0].entries[0].values.map((v) => v.value), ['x.x.x.x/32', 'x.x.x.x/32', 'x.x.x.x/32']);

  const both = parsePolicy('{"Statement":[{"Effect":"Allow", /* c */ "Action":["s3:GetObject", // c\n],},],}');
  assert.deepEqual(kinds(both), ['comment', 'trailing-comma', 'comment', 'trailing-comma', 'trailing-comma', 'trailing-comma']);
  assert.deepEqual(both.statements[0].action?.map((a) => a.value), ['s3:GetObject']);

  const quotes = "{'Version': '2012-10-17', 'Statement': [{'Effect': 'Allow', 'Action': 's3:GetObject', 'Resource': \"arn:aws:s3:::b/*\"}]}";
  const single = parsePolicy(quotes);
  assert.ok(kinds(single).every((k) => k === 'single-quote'));
  assert.equal(single.errors.length, 8);
  assert.equal(single.version?.value, '2012-10-17');
  assert.equal(at(quotes, single.statements[0].action![0]), 's3:GetObject');
  assert.deepEqual(single.statements[0].resource?.map((r) => r.value), ['arn:aws:s3:::b/*']);

  const unbalanced = parsePolicy('{"Statement": [{"Effect": "Allow", "Action": "s3:*", "Resource": "*"}');
  assert.deepEqual(kinds(unbalanced), ['syntax', 'syntax']);
  assert.deepEqual(unbalanced.errors.map((e) => e.code), ['CloseBracketExpected', 'CloseBraceExpected']);
  assert.equal(unbalanced.statements[0].effect?.value, 'Allow');

  const cut = parsePolicy('{"Statement": [{"Effect": "Allow", "Action": ["s3:GetObject", "s3:Put');
  assert.deepEqual(cut.statements[0].action?.map((a) => a.value), ['s3:GetObject', 's3:Put']);
  const extra = parsePolicy('{"Statement": [{"Effect": "Allow"}]]}');
  assert.ok(extra.errors.length > 0 && extra.statements.length === 1);
});

test('the strict parse builds the same tree as a trailing-comma-tolerant one', () => {
  for (const text of [guide('labelbox-ip-allow'), guide('ls-source-storage-ip-vpn'), '{"a":[1,2,],"b":{"c":1,},}', '{"a": 1 // x\n, /* y */ "b": [2,/**/]}']) {
    const tolerant = getNodeValue(parseTree(text, [], { allowTrailingComma: true })!);
    const strict = getNodeValue(parseTree(text, [], { allowTrailingComma: false, disallowComments: true })!);
    assert.deepEqual(strict, tolerant);
  }
});

test('every guide policy reads, and its statements are the ones the guide prints', () => {
  const expected: Record<string, [kind: string, statements: number, errors: string[]]> = {
    'lse-persistence': ['identity', 2, []],
    'ls-source-storage-ip-vpn': ['resource', 2, ['comment', 'comment']],
    'lightly-delegated': ['identity', 1, []],
    'lightly-user-folder': ['identity', 2, []],
    'lightly-restrict-ip': ['identity', 2, []],
    'lightly-restrict-vpc': ['identity', 2, []],
    'arraylake-permissions': ['identity', 2, []],
    'arraylake-trust': ['trust', 2, []],
    'labelbox-ip-allow': ['resource', 1, ['trailing-comma']],
  };
  for (const [name, [kind, count, errors]] of Object.entries(expected)) {
    const text = guide(name);
    const policy = parsePolicy(text);
    assert.deepEqual([policy.kind, policy.statements.length, kinds(policy)], [kind, count, errors], name);
    for (const s of policy.statements) {
      for (const v of [...(s.action ?? []), ...(s.resource ?? []), ...(s.condition ?? []).flatMap((c) => c.entries.flatMap((e) => [e.key, ...e.values]))]) {
        assert.equal(at(text, v), v.value, `${name}: ${v.value}`);
      }
    }
  }
});

test('Workspace.policy reads a policy file once', () => {
  const workspace = new Workspace([{ path: 'iam/policy.json', text: guide('lse-persistence') }]);
  const file = workspace.get('iam/policy.json');
  assert.equal(file?.kind, 'policy');
  assert.equal(workspace.policy(file!), workspace.policy(file!));
  assert.equal(workspace.policy(file!).statements.length, 2);
});

const fragments = ['{', '}', '[', ']', ',', ':', '"', "'", '//', '/*', '*/', '\n', ' ', '\\', '"Statement"', '"Effect"', '"Allow"', '"Action"', '"s3:GetObject"', '"Principal"', '"*"', '"Condition"', '"IpAddress"', '"aws:SourceIp"', '1', 'true', 'null', '\uFFFD'];

test('property: the reader never throws and every located value lies inside the text', () => {
  const seed = guide('arraylake-trust');
  const mutation = fc.array(fc.record({ at: fc.nat(), len: fc.nat({ max: 10 }), insert: fc.oneof(fc.constantFrom(...fragments), fc.string({ maxLength: 6 })) }), { maxLength: 12 });
  fc.assert(
    fc.property(mutation, (steps) => {
      let text = seed;
      for (const { at: i, len, insert } of steps) {
        const p = i % (text.length + 1);
        text = text.slice(0, p) + insert + text.slice(p + len);
      }
      const policy = parsePolicy(text);
      for (const s of policy.statements) {
        for (const v of [...(s.action ?? []), ...(s.resource ?? []), ...s.members]) assert.ok(v.offset >= 0 && v.offset + v.length <= text.length);
      }
      for (const e of policy.errors) assert.ok(e.offset >= 0 && e.offset <= text.length);
    }),
    { seed: 4242, numRuns: 3000 },
  );
});

test('property: random text and deep nesting read in linear time', () => {
  fc.assert(
    fc.property(fc.string({ maxLength: 2000, unit: 'binary' }), (text) => {
      parsePolicy(text);
    }),
    { seed: 17, numRuns: 1000 },
  );
  const nested = (n: number) => `{"Statement":${'['.repeat(n)}${']'.repeat(n)}}`;
  const quotes = (n: number) => `{'Statement': [${"{'Effect': 'Allow', 'Action': 's3:*'},".repeat(n)}]}`;
  for (const make of [nested, quotes, (n: number) => '{'.repeat(n), (n: number) => `{"Statement":[${'{"Effect":"Allow","Action":"s3:*",},'.repeat(n)}]}`]) {
    const { ratio } = growth(make, (text) => parsePolicy(text), 5000, 20000);
    assert.ok(ratio < 12, `4x the input took ${ratio.toFixed(1)}x the time`);
  }
});
