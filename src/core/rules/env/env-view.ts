// How Label Studio sees an env file: the value each line delivers under the file's reader, the value its author
// meant, and which line wins for a name. Shared by the env rules.
import type { Provider, TextEdit } from '../../model';
import { valueOf, type EnvEntry, type EnvReader } from '../../sources/env-file';
import { bareEnvName, envPrefixes, knownEnv } from '../../sources/ls-env';
import type { SourceFile, Workspace } from '../../workspace';
import { replace } from '../fixes';
import { hashChars, NameTable } from './name-table';
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
// Only names starting with these letters can carry a LABEL_STUDIO_ or HEARTEX_ prefix.
const prefixInitials = new Set(envPrefixes.map((prefix) => prefix.charCodeAt(0)));
const isBlank = (code: number) => code === 0x20 || code === 0x09;
const knownNames = new Set(Object.keys(knownEnv));
// Asked once per line with the hash the name table computed: most names are unknown, and hashing their strings
// again for `knownNames` would cost as much as the table. A set bit means "maybe known".
const knownHashBits = new Uint8Array(4096);
for (const name of knownNames) knownHashBits[hashChars(name, 0, name.length) & 4095] = 1;

/**
 * One env file as Label Studio sees it, with the indexes the env rules share, built in one pass: most rules then
 * look only at the few lines that concern them. The pass costs less than parsing the file (`npm run bench`).
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
  /** Lines whose value is quoted, or starts or ends with a blank: docker run keeps those characters. */
  readonly padded: EnvEntry[] = [];
  private readonly lastSetByName: NameTable<EnvEntry>;
  // Bare `NAME` lines are rare: kept apart so the common path sets one map entry per line.
  private readonly lastBareByName = new Map<string, EnvEntry>();

  constructor(
    workspace: Workspace,
    readonly file: SourceFile,
  ) {
    this.reader = workspace.envReader(file);
    const entries = workspace.env(file).entries;
    this.entries = entries;
    this.lastSetByName = new NameTable(entries);
    // Names and values are read from the file text, one block of memory, rather than from the entries' own strings,
    // which lie all over the heap.
    const text = file.text;
    for (let index = 0; index < entries.length; index++) {
      const entry = entries[index];
      const hash = hashChars(text, entry.nameOffset, entry.hasEquals ? entry.rawOffset - 1 : entry.lineEndOffset);
      if (entry.hasEquals) {
        const previous = this.lastSetByName.put(hash, index);
        if (previous) this.overridden.push(previous);
      } else {
        this.lastBareByName.set(entry.name, entry);
      }
      const first = text.charCodeAt(entry.nameOffset);
      const bare = prefixInitials.has(first) ? bareEnvName(entry.name) : entry.name;
      if (bare !== entry.name) {
        this.prefixed.push(entry);
        if (knownNames.has(bare)) this.known.push(entry);
        if (storageLike.test(bare)) this.storageLike.push(entry);
      } else {
        if (knownHashBits[hash & 4095] === 1 && knownNames.has(bare)) this.known.push(entry);
        if ((first | 0x20) === 0x73 /* s or S */ && storageLike.test(bare)) this.storageLike.push(entry);
      }
      const { rawOffset, lineEndOffset } = entry;
      if (entry.quote || (rawOffset < lineEndOffset && (isBlank(text.charCodeAt(rawOffset)) || isBlank(text.charCodeAt(lineEndOffset - 1))))) this.padded.push(entry);
    }
  }

  /**
   * The lines whose value contains one of `needles`. Searching the whole text is much faster than testing every
   * value when, as usual, few lines have them.
   */
  entriesContaining(...needles: string[]): Set<EnvEntry> {
    const found = new Set<EnvEntry>();
    const text = this.file.text;
    for (const needle of needles) {
      for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + 1)) {
        const entry = this.entryAt(at);
        if (entry && at >= entry.rawOffset) found.add(entry);
      }
    }
    return found;
  }

  /** The line whose content spans `offset`. */
  private entryAt(offset: number): EnvEntry | undefined {
    let lo = 0;
    let hi = this.entries.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.entries[mid].lineOffset <= offset) lo = mid;
      else hi = mid - 1;
    }
    const entry = this.entries[lo];
    return entry && entry.lineOffset <= offset && offset < entry.lineEndOffset ? entry : undefined;
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
