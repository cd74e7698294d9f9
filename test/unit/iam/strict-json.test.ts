// The strict-JSON walk the policy reader tries first, held to two oracles over generated and damaged texts (fixed
// seeds): it accepts exactly what JSON.parse accepts, and when it accepts, jsonc-parser's visitor reports no error
// and the very same events.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import fc from 'fast-check';
import { visit } from 'jsonc-parser';
import { walkStrictJson, type JsonEvents } from '../../../src/core/iam/strict-json';

type Event = (string | number | boolean | null)[];

/** Events as a list, whichever side reports them. */
function recorder(): { events: Event[]; sink: JsonEvents } {
  const events: Event[] = [];
  return {
    events,
    sink: {
      open: (type, offset, line) => events.push(['open', type, offset, line]),
      close: (end) => events.push(['close', end]),
      property: (name, offset, length) => events.push(['property', name, offset, length]),
      literal: (value, offset, length) => events.push(['literal', value, offset, length]),
    },
  };
}

/** jsonc-parser's events, mapped the way the policy reader maps them, and whether it reported an error. */
function viaJsonc(text: string): { events: Event[]; errors: number } {
  const { events, sink } = recorder();
  let errors = 0;
  visit(
    text,
    {
      onObjectBegin: (offset, _length, line) => sink.open('object', offset, line),
      onArrayBegin: (offset, _length, line) => sink.open('array', offset, line),
      onObjectEnd: (offset, length) => sink.close(offset + length),
      onArrayEnd: (offset, length) => sink.close(offset + length),
      onObjectProperty: (name, offset, length) => sink.property(name, offset, length),
      onLiteralValue: (value: string | number | boolean | null, offset, length) => sink.literal(value, offset, length),
      onError: () => errors++,
    },
    { allowTrailingComma: false, disallowComments: true },
  );
  return { events, errors };
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** Walks `text` and checks it against both oracles; returns whether the walk accepted it. */
function assertAgrees(text: string): boolean {
  const { events, sink } = recorder();
  const accepted = walkStrictJson(text, sink);
  assert.equal(accepted, isJson(text), `accepted ${accepted}, JSON.parse disagrees: ${JSON.stringify(text)}`);
  if (accepted) {
    const jsonc = viaJsonc(text);
    assert.equal(jsonc.errors, 0, JSON.stringify(text));
    assert.deepEqual(events, jsonc.events, JSON.stringify(text));
  }
  return accepted;
}

const dir = 'test/fixtures/iam/guides/';
const guides = readdirSync(dir)
  .filter((n) => n.endsWith('.json'))
  .map((n) => readFileSync(dir + n, 'utf8'));

// What breaks strict JSON, or is easy to get wrong in it: escapes, numbers, whitespace JSON does not allow, line breaks.
const damage = [
  ',', ':', '"', "'", '{', '}', '[', ']', '\\', '\\"', '\\u00e9', '\\u12', '\\x', '\\/', '\n', '\r', '\r\n', '\t', '\u000b', '\u00a0', '\uFEFF',
  '\u2028', '\uD800', '\u0000', '\u001f', '//', '/*', '*/', '0', '01', '-', '-0', '1.', '.5', '1e', '1e+5', '2E-3', 'tru', 'true', 'nul', 'nullx', 'NaN',
];
const mutation = fc.record({ at: fc.nat(), len: fc.nat({ max: 4 }), insert: fc.oneof(fc.constantFrom(...damage), fc.string({ maxLength: 3 })) });

function mutate(text: string, steps: readonly { at: number; len: number; insert: string }[]): string {
  let out = text;
  for (const { at, len, insert } of steps) {
    const i = out.length === 0 ? 0 : at % (out.length + 1);
    out = out.slice(0, i) + insert + out.slice(i + len);
  }
  return out;
}

test('every guide policy is strict JSON the walk reads as jsonc-parser does', () => {
  assert.ok(guides.length > 0);
  for (const guide of guides) if (isJson(guide)) assert.ok(assertAgrees(guide));
});

test('any JSON value, compact or indented with any line break, is walked as jsonc-parser visits it', () => {
  fc.assert(
    fc.property(fc.jsonValue(), fc.constantFrom(undefined, 1, 2, '\t'), fc.constantFrom('\n', '\r\n', '\r'), (value, indent, eol) => {
      const text = (JSON.stringify(value, null, indent) ?? 'null').replace(/\n/g, eol);
      assert.ok(assertAgrees(text), text);
    }),
    { seed: 21, numRuns: 2000 },
  );
});

test('damaged guide policies: the walk accepts exactly what JSON.parse does, and then agrees with jsonc-parser', () => {
  let accepted = 0;
  fc.assert(
    fc.property(fc.constantFrom(...guides), fc.array(mutation, { minLength: 1, maxLength: 3 }), (guide, steps) => {
      if (assertAgrees(mutate(guide, steps))) accepted++;
    }),
    { seed: 22, numRuns: 3000 },
  );
  // Damage that keeps JSON valid (a digit in a number, a letter in a string) must happen too, or the oracle idles.
  assert.ok(accepted > 100, `only ${accepted} damaged texts were still JSON`);
});

test('documents nested deeper than the walk goes are left to jsonc-parser', () => {
  assert.equal(walkStrictJson(`${'['.repeat(300)}${']'.repeat(300)}`, recorder().sink), false);
  assert.ok(assertAgrees(`${'['.repeat(200)}${']'.repeat(200)}`));
});
