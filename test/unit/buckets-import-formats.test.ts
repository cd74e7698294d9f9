import assert from 'node:assert/strict';
import { test } from 'node:test';
import { defaultDataKey, importable, labelboxCsv, labelboxJson, labelStudioTasks, mediaKind } from '../../src/core/import-formats';
import { previewKind, previewRefusal } from '../../src/core/object-preview';

test('media kinds by extension, case-insensitively; a dot in a folder name is no extension', () => {
  assert.deepEqual(['a/1.JPG', 'b.wav', 'c.mp4', 'd.txt', 'e.json', 'f.bin', 'g.v1/readme', 'noext'].map(mediaKind), ['image', 'audio', 'video', 'text', 'json', undefined, undefined, undefined]);
  assert.deepEqual(importable(['a.png', 'b.bin', 'c.json', 'd/']), ['a.png', 'c.json']);
});

test('the data key follows the most common kind; JSON alone counts as text', () => {
  assert.equal(defaultDataKey(['1.png', '2.jpg', 'notes.txt']), 'image');
  assert.equal(defaultDataKey(['1.wav', '2.mp3', 'a.png']), 'audio');
  assert.equal(defaultDataKey(['1.json']), 'text');
  assert.equal(defaultDataKey([]), 'image');
});

test('Label Studio tasks: one task per URI under the data key, valid JSON', () => {
  const text = labelStudioTasks(['s3://acme/lse/1.jpg', 'azure-blob://media/2.jpg'], 'image');
  assert.deepEqual(JSON.parse(text), [{ data: { image: 's3://acme/lse/1.jpg' } }, { data: { image: 'azure-blob://media/2.jpg' } }]);
  assert.ok(text.endsWith('\n'));
});

test('Labelbox imports: JSON data rows and the guide CSV, quoting fields that need it', () => {
  const objects = [
    { key: 'lse/1.jpg', url: 'https://acme.s3.amazonaws.com/lse/1.jpg?X-Amz-Signature=abc&X-Amz-Expires=3600' },
    { key: 'lse/a,"b".png', url: 'https://x/y?sig=1' },
  ];
  assert.deepEqual(JSON.parse(labelboxJson(objects)), [
    { row_data: objects[0].url, global_key: 'lse/1.jpg' },
    { row_data: objects[1].url, global_key: 'lse/a,"b".png' },
  ]);
  assert.equal(labelboxCsv(objects), `Data_URLs,External_ID\r\n${objects[0].url},lse/1.jpg\r\nhttps://x/y?sig=1,"lse/a,""b"".png"\r\n`);
});

test('previews: text and JSON up to 5 MiB, images up to 20 MiB, other kinds never', () => {
  assert.deepEqual(['a.json', 'b.yaml', 'c.png', 'd.mp4', 'README', 'e.bin'].map(previewKind), ['text', 'text', 'image', undefined, 'text', undefined]);
  assert.equal(previewRefusal('a.json', 5 * 1024 * 1024), undefined);
  assert.equal(previewRefusal('a.json', 5 * 1024 * 1024 + 1), 'too-large');
  assert.equal(previewRefusal('a.png', 10 * 1024 * 1024), undefined);
  assert.equal(previewRefusal('a.png', 21 * 1024 * 1024), 'too-large');
  assert.equal(previewRefusal('a.mp4', 10), 'unsupported');
});
