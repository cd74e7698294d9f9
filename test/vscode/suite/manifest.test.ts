// The manifest as the running VS Code read it: Restricted Mode support and no eager activation.
import assert from 'node:assert/strict';
import { bucketDoctor } from './helpers';

interface Manifest {
  activationEvents?: string[];
  capabilities?: { untrustedWorkspaces?: { supported?: boolean | 'limited' } };
  contributes?: { views?: Record<string, { id: string }[]>; commands?: { command: string }[] };
}

suite('manifest', () => {
  const manifest = () => bucketDoctor().packageJSON as Manifest;

  test('supports untrusted workspaces in a limited way', () => {
    assert.equal(manifest().capabilities?.untrustedWorkspaces?.supported, 'limited');
  });

  test('has no "*" activation event', () => {
    const events = manifest().activationEvents ?? [];
    assert.ok(events.length > 0, 'no activation events at all');
    assert.ok(!events.includes('*'), `activation events: ${events.join(', ')}`);
  });

  test('contributes the Buckets view in the Bucket Doctor container', () => {
    const views = manifest().contributes?.views?.bucketDoctor ?? [];
    assert.ok(views.some((v) => v.id === 'bucketDoctor.buckets'), `views: ${JSON.stringify(views)}`);
  });
});
