// Shared fix builders: removing a line keeps every other byte, including the file's final line break.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { removeLine } from '../../src/core/rules/fixes';
import { applyEdits, LineIndex } from '../../src/core/text';
import type { SourceFile } from '../../src/core/workspace';

const file = (text: string): SourceFile => ({ path: 'env.list', kind: 'env', text, lines: new LineIndex(text) });
const remove = (text: string, line: number) => applyEdits(text, [removeLine(file(text), line)]);

test('removing a line keeps the lines around it and the final newline', () => {
  assert.equal(remove('a\nb\nc\n', 1), 'b\nc\n');
  assert.equal(remove('a\nb\nc\n', 2), 'a\nc\n');
  assert.equal(remove('a\nb\n', 2), 'a\n');
  assert.equal(remove('a\r\nb\r\n', 2), 'a\r\n');
});

test('removing a last line without its own break takes the break before it', () => {
  assert.equal(remove('a\nb', 2), 'a');
  assert.equal(remove('a\r\nb', 2), 'a');
  assert.equal(remove('only', 1), '');
});
