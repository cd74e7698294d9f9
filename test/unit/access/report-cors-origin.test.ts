import assert from 'node:assert/strict';
import { test } from 'node:test';
import { labelStudioOrigin, originOf } from '../../../src/core/access/cors-origin';
import { Workspace } from '../../../src/core/workspace';

const ws = (files: Record<string, string>) => new Workspace(Object.entries(files).map(([path, text]) => ({ path, text })));

test('origins of host settings: scheme, host and port only', () => {
  assert.equal(originOf('https://label.example.com/projects/1?x=y'), 'https://label.example.com');
  assert.equal(originOf(' http://localhost:8080 '), 'http://localhost:8080');
  assert.equal(originOf('https://LABEL.example.com:443/'), 'https://label.example.com');
  for (const bad of ['label.example.com', 'ftp://x', '', 'javascript:alert(1)']) assert.equal(originOf(bad), undefined, bad);
});

test('LABEL_STUDIO_HOST from env files (last line wins, Compose strips quotes) and values files', () => {
  assert.equal(labelStudioOrigin(ws({ 'env.list': 'LABEL_STUDIO_HOST=https://old.example.com\nLABEL_STUDIO_HOST=https://ls.example.com/\n' })), 'https://ls.example.com');
  const compose = 'services:\n  app:\n    env_file: env.list\n';
  assert.equal(labelStudioOrigin(ws({ 'env.list': 'LABEL_STUDIO_HOST="https://q.example.com"\n', 'compose.yaml': compose })), 'https://q.example.com');
  assert.equal(labelStudioOrigin(ws({ 'env.list': 'LABEL_STUDIO_HOST="https://q.example.com"\n' })), undefined, 'docker run keeps the quotes: no URL');
  const values = 'global:\n  persistence:\n    type: s3\n  extraEnvironmentVars:\n    LABEL_STUDIO_HOST: https://lse.example.com\n';
  assert.equal(labelStudioOrigin(ws({ 'lse-values.yaml': values })), 'https://lse.example.com');
  assert.equal(labelStudioOrigin(ws({ 'lse-values.yaml': 'global:\n  persistence:\n    type: s3\n' })), undefined);
});
