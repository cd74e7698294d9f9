// Diagnostics as a user meets them: while typing in a values file, with quick fixes, fix-all and a rule page link.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';

const values = `global:
  persistence:
    enabled: true
    type: s3
    config:
      s3:
        bucket: "acme-labeling-prod"
        region: "us-east-1"
        # the folder uploads go to
        folder: "lse/"
app:
  serviceAccount:
    annotations:
      eks.amazonaws.com/role-arn: arn:aws:iam::123456789012:role/lse-storage
rqworker:
  serviceAccount:
    annotations:
      eks.amazonaws.com/role-arn: arn:aws:iam::123456789012:role/lse-storage
`;

const ours = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'bucket-doctor');
const ruleOf = (d: vscode.Diagnostic) => (typeof d.code === 'object' ? String(d.code.value) : String(d.code));

/** Resolves with the time our diagnostics of `uri` first satisfy `accept`, checked on every diagnostics change. */
function diagnosticsWhen(uri: vscode.Uri, accept: (ds: vscode.Diagnostic[]) => boolean, timeoutMs = 5_000): Promise<number> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      listener.dispose();
      reject(new Error(`diagnostics of ${uri.path} never matched: ${JSON.stringify(ours(uri).map((d) => [ruleOf(d), d.message]))}`));
    }, timeoutMs);
    const check = () => {
      if (!accept(ours(uri))) return;
      clearTimeout(timer);
      listener.dispose();
      resolve(Date.now());
    };
    const listener = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === uri.toString())) check();
    });
    check();
  });
}

async function typeText(editor: vscode.TextEditor, at: vscode.Position, text: string): Promise<number> {
  let last = 0;
  for (const [i, ch] of [...text].entries()) {
    await editor.edit((b) => b.insert(at.translate(0, i), ch));
    last = Date.now();
    // About the pace of fast typing: each keystroke restarts the debounce.
    await new Promise((r) => setTimeout(r, 40));
  }
  return last;
}

suite('diagnostics in the editor', () => {
  let uri: vscode.Uri;
  let editor: vscode.TextEditor;

  suiteSetup(async () => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'examples/ is open');
    uri = vscode.Uri.joinPath(folder.uri, 'typing-test-values.yaml');
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(values));
    editor = await vscode.window.showTextDocument(uri);
    await diagnosticsWhen(uri, (ds) => ds.length === 0);
  });

  suiteTeardown(async () => {
    await vscode.window.showTextDocument(uri);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await vscode.workspace.fs.delete(uri);
    // The workbench restores open tabs after the run, when the screenshots are taken.
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('a misspelt key typed into the file is reported within 500 ms of the last keystroke', async () => {
    // A new line under `region:`, indented like it, then the key typed one character at a time.
    const region = editor.document.lineAt(7);
    await editor.edit((b) => b.insert(region.range.end, `\n${' '.repeat(region.firstNonWhitespaceCharacterIndex)}`));
    const lastKey = await typeText(editor, new vscode.Position(8, region.firstNonWhitespaceCharacterIndex), 'acessKey: x');
    // On a slow machine the debounce may fire mid-word (`aces`): only the finding for the whole key counts.
    const isTyped = (d: vscode.Diagnostic) => ruleOf(d) === 'values/unknown-key' && editor.document.getText(d.range) === 'acessKey';
    const shown = await diagnosticsWhen(uri, (ds) => ds.some(isTyped));
    const latency = shown - lastKey;
    console.log(`      diagnostics ${latency} ms after the last keystroke`);
    assert.ok(latency <= 500, `diagnostics took ${latency} ms`);
    assert.equal(ours(uri).find(isTyped)?.severity, vscode.DiagnosticSeverity.Error);
  });

  test('the rule id links to its page, which ships with the extension', async () => {
    const diagnostic = ours(uri).find((d) => ruleOf(d) === 'values/unknown-key');
    assert.ok(diagnostic && typeof diagnostic.code === 'object');
    assert.match(diagnostic.code.target.path, /\/docs\/rules\/values\/unknown-key\.md$/);
    const page = new TextDecoder().decode(await vscode.workspace.fs.readFile(diagnostic.code.target));
    assert.match(page, /^# values\/unknown-key — /);
  });

  test('the preferred quick fix renames the key and keeps the comment; the problem goes away', async () => {
    const diagnostic = ours(uri).find((d) => ruleOf(d) === 'values/unknown-key');
    assert.ok(diagnostic);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
    // The command returns actions without their diagnostics; the range holds only this problem.
    const fix = actions.find((a) => a.isPreferred);
    assert.ok(fix?.edit, `quick fixes offered: ${actions.map((a) => a.title).join(' | ')}`);
    assert.match(fix.title, /accessKey/);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    const text = editor.document.getText();
    assert.match(text, /^ {8}accessKey: x$/m);
    assert.match(text, /# the folder uploads go to/);
    await diagnosticsWhen(uri, (ds) => !ds.some((d) => ruleOf(d) === 'values/unknown-key'));
  });

  test('source.fixAll.bucketDoctor fixes what it can in one edit', async () => {
    const typeLine = editor.document.getText().split('\n').findIndex((l) => l.trim() === 'type: s3');
    const typeRange = editor.document.lineAt(typeLine).range;
    await editor.edit((b) => b.replace(typeRange, '    type: S3'));
    await diagnosticsWhen(uri, (ds) => ds.some((d) => ruleOf(d) === 'values/unknown-storage-type'));
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      uri,
      new vscode.Range(0, 0, editor.document.lineCount, 0),
      'source.fixAll.bucketDoctor',
    );
    const fixAll = actions.find((a) => a.kind?.value === 'source.fixAll.bucketDoctor');
    assert.ok(fixAll?.edit, `actions: ${actions.map((a) => `${a.kind?.value}: ${a.title}`).join(' | ')}`);
    assert.ok(await vscode.workspace.applyEdit(fixAll.edit));
    assert.match(editor.document.getText(), /^ {4}type: s3$/m);
    await diagnosticsWhen(uri, (ds) => !ds.some((d) => ruleOf(d) === 'values/unknown-storage-type'));
  });

  test('hovering a chart key explains it', async () => {
    const line = editor.document.getText().split('\n').findIndex((l) => l.trim().startsWith('region:'));
    const column = editor.document.lineAt(line).firstNonWhitespaceCharacterIndex + 2;
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, new vscode.Position(line, column));
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))).join('\n');
    assert.match(text, /region/i);
  });
});
