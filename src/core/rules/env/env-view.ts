// How Label Studio sees an env file: the value each line delivers under the file's reader, the value its author
// meant, and which line wins for a name. Shared by the env rules.
import type { Provider, TextEdit } from '../../model';
import { valueOf, type EnvEntry, type EnvReader } from '../../sources/env-file';
import { bareEnvName, envPrefixes, knownEnv } from '../../sources/ls-env';
import type { SourceFile, Workspace } from '../../workspace';
import { replace } from '../fixes';
import { storageProviders, valueCheck } from './value-checks';

/** A value and the offsets of its text in the file. */
export interface LocatedValue {
  value: string;
  start: number;
  end: number;
}

/** Index of the quote closing the one at `text[0]` (a backslash escapes inside double quotes), or -1. */
function closingQuote(text: string): number {
  const quote = text[0];
  for (let i = 1; i < text.length; i++) {
    if (text[i] === '\\' && quote === '"') i++;
    else if (text[i] === quote) return i;
  }
  return -1;
}

/**
 * The value the author meant — Compose's reading: matching quotes, an inline ` #` comment and surrounding blanks
 * removed — with the offsets of its text (inside the quotes when quoted).
 */
export function intendedValue(entry: EnvEntry): LocatedValue {
  const value = valueOf(entry, 'compose');
  const lead = entry.raw.length - entry.raw.trimStart().length;
  const text = entry.raw.slice(lead);
  const start = entry.rawOffset + lead;
  const close = text[0] === '"' || text[0] === "'" ? closingQuote(text) : -1;
  if (close !== -1) return { value, start: start + 1, end: start + close };
  const comment = text.search(/[ \t]#/);
  const body = (comment === -1 ? text : text.slice(0, comment)).trimEnd();
  return { value, start, end: start + body.length };
}

/** Offsets to underline for a finding about an entry's value: the value as written, or the name when it is empty. */
export function valueSpan(entry: EnvEntry): [number, number] {
  return entry.raw ? [entry.rawOffset, entry.rawOffset + entry.raw.length] : [entry.nameOffset, entry.nameOffset + entry.name.length];
}

/** The STORAGE_TYPE line Label Studio uses, and the provider it selects when the author's value is one. */
export interface StorageTypeSetting {
  entry: EnvEntry;
  /** What the container receives. */
  delivered: string;
  intended: LocatedValue;
  provider?: Provider;
}

const storageLike = /^storage_/i;
// Asked once per line: a Set answers faster than Object.hasOwn on the knownEnv record.
const knownNames = new Set(Object.keys(knownEnv));

/**
 * One env file as Label Studio sees it, with the indexes the env rules share, built in one pass: most rules then
 * look only at the few lines that concern them.
 */
export class EnvView {
  readonly reader: EnvReader;
  readonly entries: readonly EnvEntry[];
  /** Lines whose name, without a LABEL_STUDIO_/HEARTEX_ prefix, is a variable Bucket Doctor knows. */
  readonly known: EnvEntry[] = [];
  /** Lines with a LABEL_STUDIO_ or HEARTEX_ prefix. */
  readonly prefixed: EnvEntry[] = [];
  /** Lines whose name, without a prefix, starts with STORAGE_ in any case. */
  readonly storageLike: EnvEntry[] = [];
  /** `NAME=value` lines that a later `NAME=value` line overrides. */
  readonly overridden: EnvEntry[] = [];
  private readonly lastSetByName = new Map<string, EnvEntry>();
  // Bare `NAME` lines are rare: kept apart so the common path sets one map entry per line.
  private readonly lastBareByName = new Map<string, EnvEntry>();

  constructor(
    workspace: Workspace,
    readonly file: SourceFile,
  ) {
    this.reader = workspace.envReader(file);
    this.entries = workspace.env(file).entries;
    for (const entry of this.entries) {
      if (entry.hasEquals) {
        const previous = this.lastSetByName.get(entry.name);
        if (previous) this.overridden.push(previous);
        this.lastSetByName.set(entry.name, entry);
      } else {
        this.lastBareByName.set(entry.name, entry);
      }
      const bare = bareEnvName(entry.name);
      if (bare !== entry.name) this.prefixed.push(entry);
      if (knownNames.has(bare)) this.known.push(entry);
      if (storageLike.test(bare)) this.storageLike.push(entry);
    }
  }

  /** What the container receives: docker run passes the text as written, Compose unquotes and drops comments. */
  delivered(entry: EnvEntry): string {
    return valueOf(entry, this.reader);
  }

  /** The line that sets `name` last: both readers let it win over earlier ones. */
  last(name: string): EnvEntry | undefined {
    const set = this.lastSetByName.get(name);
    const bare = this.lastBareByName.get(name);
    return set && bare ? (set.line > bare.line ? set : bare) : (set ?? bare);
  }

  /** The last `NAME=value` line for `name`. A bare `NAME` line takes the host's value, or none if the host has none. */
  lastSet(name: string): EnvEntry | undefined {
    return this.lastSetByName.get(name);
  }

  /** The lines Label Studio's get_env considers for `bare`, in its lookup order: LABEL_STUDIO_X, HEARTEX_X, X. */
  lookup(bare: string): EnvEntry[] {
    return [...envPrefixes.map((prefix) => prefix + bare), bare].flatMap((name) => this.last(name) ?? []);
  }

  /** The line whose value Label Studio uses for `bare` (the first set in lookup order). */
  resolve(bare: string): EnvEntry | undefined {
    return this.lookup(bare)[0];
  }

  /**
   * Replaces the value of `entry` with plain `text`. Quotes Compose strips stay; quotes docker run would keep go,
   * while an inline comment or blanks around the value stay for their own rules.
   */
  replaceValue(entry: EnvEntry, text: string): TextEdit {
    if (this.reader === 'docker-run' && entry.quote) return replace(entry.rawOffset, entry.rawOffset + entry.raw.length, text);
    const { start, end } = intendedValue(entry);
    return replace(start, end, text);
  }

  /**
   * What goes wrong at runtime when only the reader's extra characters (quotes, a comment, blanks) make the value
   * unusable — the value the author meant would be fine. Undefined otherwise.
   */
  breakage(entry: EnvEntry): string | undefined {
    const check = valueCheck(bareEnvName(entry.name));
    if (!check || !entry.hasEquals) return undefined;
    return !check.accepts(this.delivered(entry)) && check.accepts(intendedValue(entry).value) ? check.effect : undefined;
  }

  /** Indentation of the line holding `entry` (env lines may be indented; docker ignores it). */
  indentOf(entry: EnvEntry): string {
    return this.file.text.slice(this.file.lines.lineStart(entry.line), entry.lineOffset);
  }

  storageType(): StorageTypeSetting | undefined {
    const entry = this.resolve('STORAGE_TYPE');
    if (!entry?.hasEquals) return undefined;
    const intended = intendedValue(entry);
    const provider = storageProviders.find((p) => p === intended.value);
    return { entry, delivered: this.delivered(entry), intended, ...(provider ? { provider } : {}) };
  }
}

/** The view of `file` in the `workspace` snapshot, built once and shared by the env rules. */
export function envView(workspace: Workspace, file: SourceFile): EnvView {
  return workspace.memo(`env-view:${file.path}`, () => new EnvView(workspace, file));
}
