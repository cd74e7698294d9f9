// The report page: a strict CSP that runs only the bundled script and the one style block carrying this load's nonce.
// No 'vscode' import, so tests can load the same page in a plain browser.

export interface ReportPage {
  /** `webview.cspSource`: where the page may load its script from. */
  cspSource: string;
  /** URI of dist/webview/report.js as the webview sees it. */
  scriptUri: string;
  /** Fresh for every page load. */
  nonce: string;
  /** `vscode.env.language`. */
  lang: string;
  title: string;
}

const styles = `
  body { padding: 0 20px 20px; color: var(--vscode-foreground); font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); }
  header { display: flex; align-items: center; gap: 12px; flex-wrap: wrap; margin: 16px 0 8px; }
  h1 { font-size: 1.4em; font-weight: 600; margin: 0; }
  .verdict { padding: 2px 10px; border-radius: 10px; font-weight: 600; color: var(--vscode-badge-foreground); }
  .verdict.passed { background: var(--vscode-testing-iconPassed, #388a34); color: #fff; }
  .verdict.failed { background: var(--vscode-testing-iconFailed, #c72e0f); color: #fff; }
  .actions { display: flex; gap: 8px; margin-left: auto; }
  .facts { display: grid; grid-template-columns: max-content 1fr; gap: 2px 12px; margin: 0 0 12px; }
  .facts dt { color: var(--vscode-descriptionForeground); }
  .facts dd { margin: 0; font-family: var(--vscode-editor-font-family); word-break: break-all; }
  .running { display: flex; align-items: center; gap: 8px; margin: 8px 0; color: var(--vscode-descriptionForeground); }
  vscode-table-cell { white-space: normal; vertical-align: top; padding-top: 4px; padding-bottom: 4px; height: auto; }
  vscode-table-cell[compact]:empty { display: none; }
  .mark { display: inline-block; width: 1.2em; font-weight: 700; }
  .passed .mark { color: var(--vscode-testing-iconPassed, #388a34); }
  .failed .mark, .failed .result { color: var(--vscode-testing-iconFailed, #c72e0f); }
  .warning .mark, .warning .result { color: var(--vscode-editorWarning-foreground, #cca700); }
  .skipped .mark, .skipped .result { color: var(--vscode-disabledForeground, #888); }
  .optional { margin-left: 6px; font-size: 0.85em; color: var(--vscode-descriptionForeground); }
  .code { font-family: var(--vscode-editor-font-family); overflow-wrap: anywhere; }
  .link { display: block; margin-top: 2px; }
  a { color: var(--vscode-textLink-foreground); }
  a:hover { color: var(--vscode-textLink-activeForeground); }
  section { margin-top: 16px; }
  h2 { font-size: 1.1em; margin: 0 0 6px; }
  ul { margin: 0; padding-left: 20px; }
  code { font-family: var(--vscode-editor-font-family); }
`;

const escapeAttribute = (text: string) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

export function reportHtml(page: ReportPage): string {
  const csp = [
    "default-src 'none'",
    `script-src 'nonce-${page.nonce}'`,
    `style-src ${page.cspSource} 'nonce-${page.nonce}'`,
    `font-src ${page.cspSource}`,
    `img-src ${page.cspSource} data:`,
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="${escapeAttribute(page.lang)}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${escapeAttribute(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>${escapeAttribute(page.title)}</title>
<style nonce="${page.nonce}">${styles}</style>
</head>
<body>
<div id="root"></div>
<script nonce="${page.nonce}" src="${escapeAttribute(page.scriptUri)}"></script>
</body>
</html>
`;
}
