// Which values Label Studio can use, per variable: STORAGE_TYPE's exact comparison and the parsers of
// core/utils/params.py (get_bool_env, int(), json.loads). Shared by the value rules and by the syntax rules that
// say what their stray characters break.
import { didYouMean } from '../../did-you-mean';
import type { Provider } from '../../model';
import { boolValues, knownEnv, type EnvParse } from '../../sources/ls-env';

/** The STORAGE_TYPE values Label Studio acts on; it compares exactly. */
export const storageProviders: readonly Provider[] = ['s3', 'gcs', 'azure'];

/** How messages name each provider. */
export const providerLabel: Readonly<Record<Provider, string>> = { s3: 'S3', gcs: 'Google Cloud Storage', azure: 'Azure Blob Storage' };

export interface ValueCheck {
  accepts(value: string): boolean;
  /** How Label Studio reads the value and what it takes, for messages ("reads it with int(), ..."). */
  expects: string;
  /** What happens at runtime to a value it does not accept. */
  effect: string;
  /** A replacement the author evidently meant, when there is exactly one. */
  suggest(value: string): string | undefined;
}

// Python's str.isspace() characters: int() strips them around the number.
const pythonSpace = '\\t\\n\\v\\f\\r\\x1c-\\x1f \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';
// int(): optional sign, decimal digits of any script, single underscores between digits.
const pythonInt = new RegExp(`^[${pythonSpace}]*[+-]?\\p{Nd}+(?:_\\p{Nd}+)*[${pythonSpace}]*$`, 'u');

const isBool = (value: string) => (boolValues as readonly string[]).includes(value.toLowerCase());
const boolAliases: Readonly<Record<string, string>> = { t: 'true', y: 'true', enable: 'true', enabled: 'true', f: 'false', n: 'false', disable: 'false', disabled: 'false' };

/** What get_bool_env makes of `value`: true, false, or undefined when it refuses it. */
export function boolValue(value: string): boolean | undefined {
  const index = (boolValues as readonly string[]).indexOf(value.toLowerCase());
  // boolValues lists the four true spellings first.
  return index === -1 ? undefined : index < 4;
}

/** json.loads also takes NaN and ±Infinity, which JSON.parse refuses: neutralise them outside strings. */
function parsesAsPythonJson(value: string): boolean {
  for (const text of [value, value.replace(/"(?:[^"\\]|\\.)*"|-?Infinity|NaN/g, (m) => (m.startsWith('"') ? m : '0'))]) {
    try {
      JSON.parse(text);
      return true;
    } catch {
      // Try the next reading.
    }
  }
  return false;
}

const secondsPer: Readonly<Record<string, number>> = { s: 1, m: 60, h: 3600, d: 86400 };

/** `24h` → `86400`, `1,000` → `1000`, `600.0` → `600`: numbers written for people, when they mean one integer. */
function suggestInt(value: string): string | undefined {
  const text = value.trim();
  const duration = /^(\d+)[ \t]*(s|sec|secs|seconds?|m|mins?|minutes?|h|hours?|d|days?)$/i.exec(text);
  if (duration) return String(Number(duration[1]) * secondsPer[duration[2][0].toLowerCase()]);
  if (/^\d{1,3}(?:,\d{3})+$/.test(text)) return text.replace(/,/g, '');
  return /^(\d+)\.0*$/.exec(text)?.[1];
}

const refused = 'Label Studio refuses the value and does not start';

/** The parsers that can refuse a value. */
export type StrictParse = Exclude<EnvParse, 'string' | 'path'>;

const checks: Readonly<Record<StrictParse, ValueCheck>> = {
  bool: {
    accepts: isBool,
    expects: `accepts only ${boolValues.join(', ')} (any case, nothing around it)`,
    effect: refused,
    suggest: (value) => boolAliases[value.trim().toLowerCase()] ?? (isBool(value.trim()) ? value.trim() : undefined),
  },
  'int-bool': {
    accepts: (value) => pythonInt.test(value),
    expects: 'reads it with bool(int(...)), so only a whole number such as 1 or 0 works',
    effect: refused,
    suggest: (value) => {
      const meaning = boolValue(value.trim());
      return meaning === undefined ? undefined : meaning ? '1' : '0';
    },
  },
  int: {
    accepts: (value) => pythonInt.test(value),
    expects: 'reads it with int(), so only a whole number works',
    effect: refused,
    suggest: suggestInt,
  },
  json: {
    accepts: parsesAsPythonJson,
    expects: 'reads it with json.loads, so only valid JSON works',
    effect: refused,
    suggest: () => undefined,
  },
};

const storageTypeAliases: Readonly<Record<string, string>> = { aws: 's3', amazon: 's3', minio: 's3', google: 'gcs', gs: 'gcs', gcp: 'gcs', blob: 'azure', abs: 'azure' };

export const storageTypeCheck: ValueCheck = {
  accepts: (value) => (storageProviders as readonly string[]).includes(value),
  expects: 'compares it exactly with s3, gcs and azure',
  effect: 'Label Studio silently stores media on local disk instead',
  suggest: (value) => {
    const lower = value.trim().toLowerCase();
    return lower ? (storageTypeAliases[lower] ?? didYouMean(lower, storageProviders)) : undefined;
  },
};

/** The parser Label Studio applies to `bare` (a name without LABEL_STUDIO_/HEARTEX_), if it can reject values. */
export function parseOf(bare: string): StrictParse | undefined {
  const parse = Object.hasOwn(knownEnv, bare) ? knownEnv[bare].parse : undefined;
  return parse && Object.hasOwn(checks, parse) ? (parse as StrictParse) : undefined;
}

/** The check for the variable `bare`, if Label Studio rejects or ignores some of its values. */
export function valueCheck(bare: string): ValueCheck | undefined {
  if (bare === 'STORAGE_TYPE') return storageTypeCheck;
  const parse = parseOf(bare);
  return parse ? checks[parse] : undefined;
}

export function parseCheck(parse: StrictParse): ValueCheck {
  return checks[parse];
}
