// The shared policy edits: each result parses as strict JSON and keeps the layout around it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parsePolicy } from '../../../src/core/iam/policy';
import type { TextEdit } from '../../../src/core/model';
import { appendToList, insertMember, insertStatementAfter, removeFromList, replaceString, sidsOf, statementText, unusedSid } from '../../../src/core/rules/policy/json-edits';
import { applyEdits } from '../../../src/core/text';
import { Workspace } from '../../../src/core/workspace';

function open(text: string) {
  const workspace = new Workspace([{ path: 'policy.json', text }]);
  const file = workspace.get('policy.json')!;
  return { file, policy: workspace.policy(file) };
}

/** Applies the edits and insists the result is strict JSON (what AWS accepts). */
function applied(text: string, edits: readonly TextEdit[]): string {
  const out = applyEdits(text, edits);
  assert.deepEqual(parsePolicy(out).errors, [], out);
  JSON.parse(out);
  return out;
}

const multiLine = `{
    "Version": "2012-10-17",
    "Statement": [
        {
            "Sid": "List",
            "Effect": "Allow",
            "Action": [
                "s3:GetObject"
            ],
            "Resource": "arn:aws:s3:::acme/*"
        }
    ]
}
`;

test('appendToList: one per line in a multi-line list, a string becomes a list', () => {
  const { file, policy } = open(multiLine);
  const [s] = policy.statements;
  const action = s.members.find((m) => m.name === 'Action')!;
  const out = applied(multiLine, appendToList(file, action, s.action!, '"s3:PutObject"'));
  assert.ok(out.includes('                "s3:GetObject",\n                "s3:PutObject"\n            ],'), out);
  const resource = s.members.find((m) => m.name === 'Resource')!;
  const out2 = applied(multiLine, appendToList(file, resource, s.resource!, '"arn:aws:s3:::acme"'));
  assert.ok(out2.includes('"Resource": ["arn:aws:s3:::acme/*", "arn:aws:s3:::acme"]'), out2);
});

test('appendToList on a one-line list and on an empty list', () => {
  const text = '{"Statement": [{"Effect": "Allow", "Action": ["s3:GetObject"], "Resource": []}]}';
  const { file, policy } = open(text);
  const [s] = policy.statements;
  const action = s.members.find((m) => m.name === 'Action')!;
  assert.equal(applied(text, appendToList(file, action, s.action!, '"s3:PutObject"')), text.replace('["s3:GetObject"]', '["s3:GetObject", "s3:PutObject"]'));
  const resource = s.members.find((m) => m.name === 'Resource')!;
  assert.equal(applied(text, appendToList(file, resource, s.resource!, '"*"')), text.replace('[]}', '["*"]}'));
});

test('removeFromList removes an entry with its comma, never the only one', () => {
  const text = '{"Statement": {"Effect": "Allow", "Action": ["s3:A", "s3:B", "s3:C"], "Resource": "*"}}';
  const { policy } = open(text);
  const items = policy.statements[0].action!;
  assert.equal(applied(text, [removeFromList(items, 0)!]), text.replace('"s3:A", ', ''));
  assert.equal(applied(text, [removeFromList(items, 1)!]), text.replace('"s3:B", ', ''));
  assert.equal(applied(text, [removeFromList(items, 2)!]), text.replace(', "s3:C"', ''));
  assert.equal(removeFromList(items.slice(0, 1), 0), undefined);
});

test('insertMember first and last, following the object layout', () => {
  const text = '{\n  "Statement": [\n    {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}\n  ]\n}\n';
  const { file, policy } = open(text);
  const root = { offset: 0, length: text.trimEnd().length };
  assert.equal(applied(text, [insertMember(file, root, policy.members, 'Version', '"2012-10-17"', 'first')!]), text.replace('{\n  "Statement"', '{\n  "Version": "2012-10-17",\n  "Statement"'));
  const s = policy.statements[0];
  assert.equal(applied(text, [insertMember(file, s, s.members, 'Sid', '"Read"', 'last')!]), text.replace('"Resource": "*"}', '"Resource": "*", "Sid": "Read"}'));
});

test('insertStatementAfter: a sibling with the same layout; a single statement object becomes a list', () => {
  const { file, policy } = open(multiLine);
  const [s] = policy.statements;
  const text = statementText(file, s, [
    ['Sid', '"List2"'],
    ['Effect', '"Allow"'],
    ['Action', '["s3:ListBucket"]'],
  ]);
  const out = applied(multiLine, insertStatementAfter(file, s, text));
  assert.ok(out.includes('        },\n        {\n            "Sid": "List2",\n            "Effect": "Allow",\n            "Action": ["s3:ListBucket"]\n        }\n    ]'), out);

  const single = '{"Statement": {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}}';
  const one = open(single);
  const added = statementText(one.file, one.policy.statements[0], [['Effect', '"Deny"']]);
  const out2 = applied(single, insertStatementAfter(one.file, one.policy.statements[0], added));
  assert.equal(JSON.parse(out2).Statement.length, 2);
  assert.deepEqual(JSON.parse(out2).Statement[1], { Effect: 'Deny' });
});

test('replaceString keeps the quotes and escapes; unusedSid avoids taken ids and those it gave', () => {
  const text = '{"Statement": [{"Sid": "A", "Effect": "allow", "Action": "*", "Resource": "*"}, {"Sid": "A2", "Effect": "Allow", "Action": "*", "Resource": "*"}]}';
  const { policy } = open(text);
  assert.equal(applied(text, [replaceString(policy.statements[0].effect!, 'Allow')]), text.replace('"allow"', '"Allow"'));
  assert.equal(JSON.parse(applied(text, [replaceString(policy.statements[0].sid!, 'a"b')])).Statement[0].Sid, 'a"b');
  const taken = sidsOf(policy.statements);
  assert.deepEqual([...taken], ['A', 'A2']);
  assert.equal(unusedSid(taken, 'A'), 'A3');
  assert.equal(unusedSid(taken, 'A'), 'A4');
  assert.equal(unusedSid(taken, 's3:ListBucket'), 's3ListBucket');
});
