// Commands and the Buckets view as a user reaches them: the palette's command list, the activity-bar view.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';

suite('commands and view', () => {
  suiteTeardown(async () => {
    // The warning toast of Test Bucket Access (unknown bucket) would cover part of the workbench screenshot taken after the run.
    await vscode.commands.executeCommand('notifications.clearAll');
  });

  test('contributes Test Bucket Access and Refresh Buckets', async () => {
    const commands = await vscode.commands.getCommands(true);
    for (const id of ['bucketDoctor.testBucketAccess', 'bucketDoctor.refreshBuckets']) {
      assert.ok(commands.includes(id), `${id} is not registered`);
    }
  });

  test('the Bucket Doctor container and the Buckets view can be opened', async () => {
    await vscode.commands.executeCommand('workbench.view.extension.bucketDoctor');
    await vscode.commands.executeCommand('bucketDoctor.buckets.focus');
  });

  test('Refresh Buckets runs', async () => {
    await vscode.commands.executeCommand('bucketDoctor.refreshBuckets');
  });

  test('Test Bucket Access on a bucket the workspace does not configure runs nothing and returns no report', async () => {
    const result = await vscode.commands.executeCommand<unknown>('bucketDoctor.testBucketAccess', 's3:no-such-bucket-in-examples');
    assert.equal(result, undefined);
  });
});
