// "Test Bucket Access": says plainly that the live check is not built yet rather than showing a made-up result.
import * as vscode from 'vscode';

export async function testBucketAccess(): Promise<string> {
  const message = vscode.l10n.t(
    'Test Bucket Access is not implemented yet: no bucket was contacted and nothing was checked.',
  );
  void vscode.window.showWarningMessage(message);
  return message;
}
