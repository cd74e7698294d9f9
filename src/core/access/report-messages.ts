// The messages between the report panel (extension host) and its webview, and the view they carry: every string is
// already in the user's language, so the webview only lays it out.
import type { CheckResult } from './report';
import type { RowLink } from './report-links';

export interface ReportRowView {
  name: string;
  required: boolean;
  requiredLabel: string;
  result: CheckResult;
  resultLabel: string;
  /** A failed required check; a failed optional one is `warning`. */
  failed: boolean;
  warning: boolean;
  code: string;
  latency: string;
  hint: string;
  link?: RowLink & { label: string; title: string };
}

export interface ReportView {
  /** The bucket the panel belongs to (`s3:acme`): one panel per bucket. */
  key: string;
  /** URI of the workspace folder the links' paths are relative to (set by the extension). */
  folder?: string;
  title: string;
  running: boolean;
  /** Set once the run is over. */
  verdict?: { passed: boolean; label: string };
  /** Label and value pairs: profile, folder, identity, endpoint, duration. */
  facts: { name: string; value: string }[];
  columns: { check: string; required: string; result: string; code: string; latency: string; hint: string };
  rows: ReportRowView[];
  leftovers: string[];
  notes: string[];
  labels: { leftovers: string; notes: string; running: string; copyMarkdown: string; retryCleanup: string; retest: string };
}

export interface ShowReport {
  type: 'show';
  view: ReportView;
}

export type ToWebview = ShowReport;

export type FromWebview =
  | { type: 'ready' }
  /** Open the workspace place linked from row `row` of the view shown. */
  | { type: 'open'; row: number }
  | { type: 'copyMarkdown' }
  | { type: 'retryCleanup' }
  | { type: 'retest' };

/** What the webview keeps with setState: a reloaded window restores the panel from it. */
export interface ReportPanelState {
  view: ReportView;
}

/** Checks a message from the webview before the extension acts on it (the webview is a separate, untrusted page). */
export function isFromWebview(message: unknown): message is FromWebview {
  if (typeof message !== 'object' || message === null) return false;
  const m = message as { type?: unknown; row?: unknown };
  switch (m.type) {
    case 'ready':
    case 'copyMarkdown':
    case 'retryCleanup':
    case 'retest':
      return true;
    case 'open':
      return typeof m.row === 'number' && Number.isInteger(m.row) && m.row >= 0;
    default:
      return false;
  }
}

/** Checks restored panel state: it comes back from storage the webview wrote. */
export function isReportPanelState(state: unknown): state is ReportPanelState {
  const view = (state as { view?: Partial<ReportView> } | null)?.view;
  return typeof view === 'object' && view !== null && typeof view.key === 'string' && typeof view.title === 'string' && Array.isArray(view.rows);
}
