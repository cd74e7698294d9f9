// The CodeLens above an IAM policy in a real editor: examples/iam/lse-storage-policy.json, judged by the profile of
// the bucket lse-values.yaml configures, and the access matrix it opens.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { bucketDoctor, until } from './helpers';

const policyPath = 'iam/lse-storage-policy.json';

function examplesFolder(): vscode.WorkspaceFolder {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'examples/ is open');
  return folder;
}

suite('policy CodeLens', function () {
  this.timeout(60_000);

  suiteSetup(async () => {
    await bucketDoctor().activate();
    await vscode.commands.executeCommand('bucketDoctor.refreshBuckets');
  });

  test('the identity policy shows what Label Studio Enterprise persistence gets on acme-labeling-prod/lse/', async () => {
    const uri = vscode.Uri.joinPath(examplesFolder().uri, policyPath);
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    let titles: string[] = [];
    await until(() => {
      void vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri).then((lenses) => {
        titles = (lenses ?? []).map((l) => l.command?.title ?? '');
      });
      return titles.some((t) => t.startsWith('Label Studio Enterprise persistence'));
    }, 'the policy CodeLens appears');
    assert.ok(titles.includes('Label Studio Enterprise persistence on acme-labeling-prod/lse/: List ✓ Get ✓ Put ✓ Delete ✓'), titles.join(' | '));
    assert.ok(titles.includes('Open the access matrix'), titles.join(' | '));
  });

  test('Open Policy Access Matrix shows the matrix as a Markdown document beside the policy', async () => {
    const uri = vscode.Uri.joinPath(examplesFolder().uri, policyPath);
    await vscode.commands.executeCommand('bucketDoctor.openPolicyMatrix', uri);
    const matrix = vscode.workspace.textDocuments.find((d) => d.uri.scheme === 'bucket-doctor-matrix');
    assert.ok(matrix, 'the matrix document is open');
    assert.equal(matrix.languageId, 'markdown');
    assert.match(matrix.getText(), /^# Label Studio Enterprise persistence on acme-labeling-prod\/lse\//);
    assert.match(matrix.getText(), /\| `s3:ListBucket` \| `arn:aws:s3:::acme-labeling-prod` \| yes \| ✓ allowed \| Allow iam\/lse-storage-policy\.json:4 \(ListTheFolder\) \|/);
  });
});
