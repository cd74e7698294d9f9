// How a profile check reads to people: the one-line CodeLens summary ("… on my-bucket/media/: List ✓ Get ✓ Put ✗"),
// and the full matrix (action × resource → decision and deciding statement) as Markdown and as plain text.
import { folderKeyPrefix } from './arn';
import type { DecisionValue } from './evaluate';
import type { Profile, ProfileRow } from './profiles';

export const decisionMarks: Readonly<Record<DecisionValue, string>> = { allowed: '✓', denied: '✗', conditional: '?' };

// The everyday verbs of the four object-store operations every profile starts with.
const verbs: Readonly<Record<string, string>> = { 's3:ListBucket': 'List', 's3:GetObject': 'Get', 's3:PutObject': 'Put', 's3:DeleteObject': 'Delete' };

/** A short name for an action in the summary: `List`, `Get`, `GetBucketLocation`, `kms:Decrypt`, `sts:TagSession`. */
export function actionLabel(action: string): string {
  return verbs[action] ?? (action.startsWith('s3:') ? action.slice(3) : action);
}

/** `bucket/folder/` as the summary names the place (just `bucket` for the whole bucket). */
export function placeLabel(bucket: string, prefix: string): string {
  const folder = folderKeyPrefix(prefix);
  return folder ? `${bucket}/${folder}` : bucket;
}

/** `Label Studio Enterprise persistence on my-bucket/media/: List ✓ Get ✓ Put ✗ Delete ✗`; optional needs in parentheses. */
export function summaryLine(profile: Profile, bucket: string, prefix: string, rows: readonly ProfileRow[]): string {
  const cells = rows.map((r) => {
    const cell = `${actionLabel(r.action)} ${decisionMarks[r.decision]}`;
    return r.required ? cell : `(${cell})`;
  });
  return `${profile.title} on ${placeLabel(bucket, prefix)}: ${cells.join(' ')}`;
}

/** Where a row's decision comes from: `iam/p.json:12 (Sid)`, or the implicit deny. */
export function decidedByLabel(row: ProfileRow): string {
  const ref = row.decidedBy;
  if (!ref) return 'no statement allows it (implicit deny)';
  return `${ref.effect} ${ref.file}:${ref.line}${ref.sid ? ` (${ref.sid})` : ''}`;
}

function decisionText(row: ProfileRow): string {
  const keys = row.conditionKeys.length > 0 ? ` on ${row.conditionKeys.join(', ')}` : '';
  return `${decisionMarks[row.decision]} ${row.decision}${keys}`;
}

const escapeCell = (text: string) => text.replace(/\|/g, '\\|');

/** The whole matrix as a Markdown document (the editor's "open the full matrix"). */
export function matrixMarkdown(profile: Profile, bucket: string, prefix: string, files: readonly string[], rows: readonly ProfileRow[]): string {
  const lines = [
    `# ${profile.title} on ${placeLabel(bucket, prefix)}`,
    '',
    `Policies: ${files.map((f) => `\`${f}\``).join(', ') || 'none'}. Requirements from the guide “${profile.guide.title}”.`,
    '',
    '| Action | Resource | Required | Decision | Decided by |',
    '| --- | --- | --- | --- | --- |',
    ...rows.map((r) => `| \`${r.action}\` | \`${escapeCell(r.resource)}\` | ${r.required ? 'yes' : 'no'} | ${escapeCell(decisionText(r))} | ${escapeCell(decidedByLabel(r))} |`),
    '',
    '✓ allowed · ✗ denied (explicitly or because nothing allows it) · ? depends on request context the policies test (the keys listed).',
    '',
  ];
  return lines.join('\n');
}

/** The matrix as aligned plain text, one row per line (`bucket-doctor explain`). */
export function matrixText(rows: readonly ProfileRow[]): string {
  const table = rows.map((r) => [r.action, r.resource, r.required ? 'required' : 'optional', decisionText(r), decidedByLabel(r)]);
  const widths = [0, 1, 2, 3].map((i) => Math.max(...table.map((cells) => cells[i].length)));
  const body = table.map((cells) => cells.map((c, i) => (i < 4 ? c.padEnd(widths[i]) : c)).join('  '));
  return `${body.join('\n')}\n`;
}
