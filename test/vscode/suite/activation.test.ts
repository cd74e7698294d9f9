// Runs first (files load in name order): nothing here may activate the extension, so its own activation events are tested.
import assert from 'node:assert/strict';
import { basename } from 'node:path';
import * as vscode from 'vscode';
import { bucketDoctor, extensionId, until } from './helpers';

suite('activation', () => {
  test(`${extensionId} is loaded from the development folder`, () => {
    const extension = bucketDoctor();
    assert.equal(extension.packageJSON.name, 'bucket-doctor');
    assert.equal(extension.extensionUri.scheme, 'file');
  });

  test('the workspace is the examples/ folder, and the host can search it', async () => {
    const folders = vscode.workspace.workspaceFolders ?? [];
    assert.equal(folders.length, 1, `workspace folders: ${folders.map((f) => f.uri.toString()).join(', ')}`);
    assert.equal(basename(folders[0].uri.fsPath), 'examples');
    // workspaceContains activation searches the same way; a broken search would keep the extension asleep.
    const found = await vscode.workspace.findFiles('**/lse-values.yaml');
    assert.deepEqual(found.map((u) => vscode.workspace.asRelativePath(u, false)).sort(), ['gke/lse-values.yaml', 'lse-values.yaml']);
  });

  test('activates by itself with examples/ open (workspaceContains), and activate() completes', async () => {
    const extension = bucketDoctor();
    // No event reports another extension's activation; wait on the state, never calling activate() ourselves.
    await until(() => extension.isActive, `${extensionId} is active`);
    assert.equal(extension.isActive, true);
    // isActive is also true when activate() threw; only a completed activate() has registered the commands.
    const commands = await vscode.commands.getCommands(true);
    assert.ok(
      commands.includes('bucketDoctor.refreshBuckets'),
      'activate() did not complete: bucketDoctor.refreshBuckets is not registered (the extension host log has the error)',
    );
  });
});
