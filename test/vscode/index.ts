// Runs inside the extension host (VS Code's or code-server's): loads the compiled suites and reports with mocha.
// The workbench calls run() because the launch names this module as extensionTestsPath; a rejection fails the run.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';

export async function run(): Promise<void> {
  // mocha 12 is an ES module; import() also works on Node versions that cannot require() one.
  const { default: Mocha } = await import('mocha');
  const mocha = new Mocha({ ui: 'tdd', reporter: 'spec', color: false, timeout: 30_000 });
  const dir = join(__dirname, 'suite');
  // Sorted: the activation suite must run before any command or view activates the extension by other means.
  const files = readdirSync(dir).filter((f) => f.endsWith('.test.js')).sort();
  if (files.length === 0) throw new Error(`no compiled suites in ${dir}: run \`node scripts/build.mjs --tests\``);
  for (const file of files) mocha.addFile(join(dir, file));
  // The code-server runner relays the page console between these two lines (the workbench logs around them).
  console.log(`[vscode-tests] start: ${files.join(', ')} in VS Code ${vscode.version}, Node ${process.version}`);
  const { failures, total } = await new Promise<{ failures: number; total: number }>((resolve) => {
    const runner = mocha.run((failures) => resolve({ failures, total: runner.total }));
  });
  console.log(`[vscode-tests] end: ${total - failures} of ${total} passed`);
  if (total === 0) throw new Error(`the suites in ${dir} hold no tests`);
  if (failures > 0) throw new Error(`${failures} of ${total} VS Code tests failed`);
}
