import type { Provider, TextEdit } from '../../model';
import type { EnvEntry } from '../../sources/env-file';
import { bareEnvName, requiredEnv } from '../../sources/ls-env';
import { fix, replace } from '../fixes';
import type { Rule, RuleContext } from '../rule';
import { envView, intendedValue, type EnvView } from './env-view';
import { providerLabel } from './value-checks';
import { listed } from './wording';

interface Missing {
  /** The name to set (the prefixed one when that line is the empty one). */
  name: string;
  /** The line that sets it to nothing, when there is one. */
  empty?: EnvEntry;
}

// Why a recommended (warning) variable matters; required ones all mean "no bucket".
const recommendedBecause: Readonly<Record<string, string>> = {
  STORAGE_AWS_REGION_NAME: 'boto3 then guesses the region, and requests and signed URLs for a bucket in another region can fail (the Helm chart requires it too)',
};

/** `<YOUR_BUCKET_NAME>` for STORAGE_AWS_BUCKET_NAME: what to write until the real value is known. */
const placeholder = (name: string) => `<YOUR_${bareEnvName(name).replace(/^STORAGE_(?:AWS|GCS|AZURE)_/, '')}>`;

function describe(missing: Missing[]): string {
  const names = missing.map((m) => m.name);
  const empty = missing.filter((m) => m.empty).length;
  const state = empty === 0 ? 'not set' : empty === missing.length ? 'empty' : 'not set or empty';
  return `${listed(names)} ${names.length === 1 ? 'is' : 'are'} ${state}`;
}

/** Fills empty lines in place and inserts the others at `at`, as new lines after (`newLineFirst`) or before it. */
function fillEdits(view: EnvView, missing: Missing[], indent: string, at: number, newLineFirst: boolean): TextEdit[] {
  const eol = view.file.lines.eol;
  const edits: TextEdit[] = [];
  let text = '';
  let snippet = '';
  let stop = 0;
  for (const { name, empty } of missing) {
    const value = placeholder(name);
    const tabStop = `\${${++stop}:${value}}`;
    if (empty) {
      // A value of blanks alone goes whole; otherwise quotes Compose strips and a comment stay.
      const edit = empty.raw.trim() === '' ? replace(empty.rawOffset, empty.rawOffset + empty.raw.length, value) : view.replaceValue(empty, value);
      edits.push({ ...edit, snippet: tabStop });
    } else {
      text += newLineFirst ? `${eol}${indent}${name}=${value}` : `${indent}${name}=${value}${eol}`;
      snippet += newLineFirst ? `${eol}${indent}${name}=${tabStop}` : `${indent}${name}=${tabStop}${eol}`;
    }
  }
  if (text) edits.push({ ...replace(at, at, text), snippet });
  return edits;
}

function reportMissing(context: RuleContext, view: EnvView, entry: EnvEntry, provider: Provider, missing: Missing[], recommended: boolean): void {
  if (missing.length === 0) return;
  const lines = view.file.lines;
  const label = providerLabel[provider];
  const why = recommended
    ? (recommendedBecause[bareEnvName(missing[0].name)] ?? 'Label Studio may not reach the storage without it')
    : `Label Studio cannot use ${label} without ${missing.length === 1 ? 'it' : 'them'}, so uploads, exports and media fail`;
  // Required lines go right after STORAGE_TYPE, recommended ones before the next line: fix-all can apply both at once.
  const next = entry.line < lines.lineCount;
  const at = recommended && next ? lines.lineStart(entry.line + 1) : lines.lineEnd(entry.line);
  context.report({
    start: entry.nameOffset,
    end: entry.lineEndOffset,
    ...(recommended ? { severity: 'warning' as const } : {}),
    message: `${entry.name} is ${provider}, but ${describe(missing)}: ${why}. Set ${missing.length === 1 ? 'it' : 'them'}.`,
    fixes: [fix(`Set ${missing.map((m) => m.name).join(', ')}`, fillEdits(view, missing, view.indentOf(entry), at, !(recommended && next)), true)],
  });
}

export const missingRequired: Rule = {
  id: 'env/missing-required',
  title: 'Variable the storage type requires is missing',
  severity: 'error',
  kinds: ['env'],
  check(context) {
    const view = envView(context.workspace, context.file);
    const type = view.storageType();
    if (!type?.provider) return;
    const missing: (Missing & { warn: boolean })[] = [];
    for (const { name, warn } of requiredEnv[type.provider]) {
      const entry = view.resolve(name);
      // A bare `NAME` line takes the value from the host, which Bucket Doctor cannot see.
      if (!entry) missing.push({ name, warn: warn === true });
      else if (entry.hasEquals && intendedValue(entry).value.trim() === '') missing.push({ name: entry.name, warn: warn === true, empty: entry });
    }
    reportMissing(context, view, type.entry, type.provider, missing.filter((m) => !m.warn), false);
    reportMissing(context, view, type.entry, type.provider, missing.filter((m) => m.warn), true);
  },
};
