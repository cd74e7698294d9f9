// The report webview: renders what the extension posts, with @vscode-elements components.
import '@vscode-elements/elements/dist/vscode-table/index.js';
import '@vscode-elements/elements/dist/vscode-table-header/index.js';
import '@vscode-elements/elements/dist/vscode-table-header-cell/index.js';
import '@vscode-elements/elements/dist/vscode-table-body/index.js';
import '@vscode-elements/elements/dist/vscode-table-row/index.js';
import '@vscode-elements/elements/dist/vscode-table-cell/index.js';

/** A table the extension asks the webview to show. */
export interface ReportMessage {
  type: 'report';
  title: string;
  columns: string[];
  rows: string[][];
}

function element(tag: string, text?: string, slot?: string): HTMLElement {
  const el = document.createElement(tag);
  if (text !== undefined) el.textContent = text;
  if (slot) el.slot = slot;
  return el;
}

function render(report: ReportMessage): void {
  const root = document.getElementById('root');
  if (!root) return;
  const table = element('vscode-table');
  const header = element('vscode-table-header', undefined, 'header');
  for (const column of report.columns) header.append(element('vscode-table-header-cell', column));
  const body = element('vscode-table-body', undefined, 'body');
  for (const row of report.rows) {
    const tr = element('vscode-table-row');
    for (const cell of row) tr.append(element('vscode-table-cell', cell));
    body.append(tr);
  }
  table.append(header, body);
  root.replaceChildren(element('h1', report.title), table);
}

window.addEventListener('message', (event: MessageEvent<ReportMessage>) => {
  if (event.data?.type === 'report') render(event.data);
});
