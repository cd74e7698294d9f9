// The report webview: lays out the view the extension posts (all text already translated) with @vscode-elements
// components, keeps it with setState so a reloaded window shows it again, and sends the user's actions back.
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-progress-ring/index.js';
import '@vscode-elements/elements/dist/vscode-table/index.js';
import '@vscode-elements/elements/dist/vscode-table-body/index.js';
import '@vscode-elements/elements/dist/vscode-table-cell/index.js';
import '@vscode-elements/elements/dist/vscode-table-header/index.js';
import '@vscode-elements/elements/dist/vscode-table-header-cell/index.js';
import '@vscode-elements/elements/dist/vscode-table-row/index.js';
import { isReportPanelState, type FromWebview, type ReportPanelState, type ReportRowView, type ReportView, type ToWebview } from '../src/core/access/report-messages';

interface VsCodeApi {
  postMessage(message: FromWebview): void;
  getState(): unknown;
  setState(state: ReportPanelState): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();

function element<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, className?: string): HTMLElementTagNameMap[K];
function element(tag: string, text?: string, className?: string): HTMLElement;
function element(tag: string, text?: string, className?: string): HTMLElement {
  const el = document.createElement(tag);
  if (text !== undefined) el.textContent = text;
  if (className) el.className = className;
  return el;
}

function button(label: string, message: FromWebview, secondary = false): HTMLElement {
  const b = element('vscode-button', label);
  if (secondary) b.setAttribute('secondary', '');
  b.addEventListener('click', () => vscode.postMessage(message));
  return b;
}

function rowClass(row: ReportRowView): string {
  if (row.failed) return 'failed';
  if (row.warning) return 'warning';
  return row.result === 'passed' ? 'passed' : 'skipped';
}

const marks: Record<string, string> = { failed: '✗', warning: '!', passed: '✓', skipped: '–' };

function checkRow(row: ReportRowView, index: number): HTMLElement {
  const kind = rowClass(row);
  const tr = element('vscode-table-row', undefined, kind);
  tr.dataset.result = row.result;
  const name = element('vscode-table-cell');
  name.append(element('span', row.name, 'name'));
  if (!row.required) name.append(element('span', row.requiredLabel, 'optional'));
  const result = element('vscode-table-cell');
  result.append(element('span', marks[kind], 'mark'), element('span', row.resultLabel, 'result'));
  const hint = element('vscode-table-cell', row.hint);
  if (row.link) {
    const a = element('a', row.link.label, 'link');
    a.href = '#';
    a.title = row.link.title;
    a.addEventListener('click', (event) => {
      event.preventDefault();
      vscode.postMessage({ type: 'open', row: index });
    });
    hint.append(a);
  }
  tr.append(name, result, element('vscode-table-cell', row.code, 'code'), element('vscode-table-cell', row.latency), hint);
  return tr;
}

function render(view: ReportView): void {
  const root = document.getElementById('root');
  if (!root) return;
  const header = element('header');
  header.append(element('h1', view.title));
  if (view.verdict) header.append(element('span', view.verdict.label, `verdict ${view.verdict.passed ? 'passed' : 'failed'}`));
  const actions = element('div', undefined, 'actions');
  if (!view.running) {
    if (view.leftovers.length > 0) actions.append(button(view.labels.retryCleanup, { type: 'retryCleanup' }));
    actions.append(button(view.labels.copyMarkdown, { type: 'copyMarkdown' }), button(view.labels.retest, { type: 'retest' }, true));
  }
  header.append(actions);

  const facts = element('dl', undefined, 'facts');
  for (const fact of view.facts) facts.append(element('dt', fact.name), element('dd', fact.value));

  const parts: HTMLElement[] = [header, facts];
  if (view.running) {
    const running = element('div', undefined, 'running');
    running.append(element('vscode-progress-ring'), element('span', view.labels.running));
    parts.push(running);
  }

  const table = element('vscode-table');
  table.setAttribute('bordered-rows', '');
  // Wide enough for "✓ passed" and "AccessDenied" from about 480 px; a narrower panel (two reports beside the side
  // bar) stacks each row's cells under their column names instead of cutting the results short.
  table.setAttribute('columns', JSON.stringify(['20%', '14%', '19%', '12%', '35%']));
  table.setAttribute('responsive', '');
  table.setAttribute('breakpoint', '480');
  const head = element('vscode-table-header');
  head.slot = 'header';
  const c = view.columns;
  for (const label of [c.check, c.result, c.code, c.latency, c.hint]) head.append(element('vscode-table-header-cell', label));
  const body = element('vscode-table-body');
  body.slot = 'body';
  view.rows.forEach((row, i) => body.append(checkRow(row, i)));
  table.append(head, body);
  parts.push(table);

  const list = (title: string, items: string[], code: boolean) => {
    const section = element('section');
    const ul = element('ul');
    for (const item of items) {
      const li = element('li');
      li.append(code ? element('code', item) : document.createTextNode(item));
      ul.append(li);
    }
    section.append(element('h2', title), ul);
    return section;
  };
  if (view.leftovers.length > 0) parts.push(list(view.labels.leftovers, view.leftovers, true));
  if (view.notes.length > 0) parts.push(list(view.labels.notes, view.notes, false));
  root.replaceChildren(...parts);
}

window.addEventListener('message', (event: MessageEvent<ToWebview>) => {
  if (event.data?.type !== 'show') return;
  render(event.data.view);
  vscode.setState({ view: event.data.view });
});

const saved = vscode.getState();
if (isReportPanelState(saved)) render(saved.view);
vscode.postMessage({ type: 'ready' });
