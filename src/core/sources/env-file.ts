// Reads env files the two ways Label Studio deployments load them: `docker run --env-file` and Compose `env_file:`.

/** How the file reaches the container; decides what quotes and `#` mean. */
export type EnvReader = 'docker-run' | 'compose';

export interface EnvEntry {
  /** 1-based line. */
  line: number;
  name: string;
  nameOffset: number;
  /** Text after the first `=`, exactly as written (what `docker run --env-file` passes on). */
  raw: string;
  rawOffset: number;
  /** False for a bare `NAME` line (the value comes from the host environment). */
  hasEquals: boolean;
  /** Offsets of the whole line content (after leading whitespace) — for "remove this line" fixes. */
  lineOffset: number;
  lineEndOffset: number;
  /** The surrounding quote character when the raw value is wrapped in matching quotes. */
  quote?: '"' | "'";
}

export interface EnvSyntaxProblem {
  line: number;
  offset: number;
  length: number;
  message: string;
}

export interface EnvFile {
  entries: EnvEntry[];
  problems: EnvSyntaxProblem[];
}

const whitespace = /[ \t]/;

/** Parses env-file text line by line (docker's rules; Compose differences are applied by `valueOf`). */
export function parseEnvFile(text: string): EnvFile {
  const entries: EnvEntry[] = [];
  const problems: EnvSyntaxProblem[] = [];
  let lineStart = 0;
  let lineNumber = 0;
  // docker removes a UTF-8 BOM on the first line.
  if (text.startsWith('\uFEFF')) lineStart = 1;
  while (lineStart <= text.length) {
    lineNumber++;
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd === -1) lineEnd = text.length;
    const contentEnd = lineEnd > lineStart && text[lineEnd - 1] === '\r' ? lineEnd - 1 : lineEnd;
    let start = lineStart;
    while (start < contentEnd && (text[start] === ' ' || text[start] === '\t')) start++;
    const content = text.slice(start, contentEnd);
    const replacement = content.indexOf('\uFFFD');
    if (replacement !== -1) {
      problems.push({ line: lineNumber, offset: start + replacement, length: 1, message: `invalid UTF-8 bytes at line ${lineNumber}` });
    } else if (content !== '' && !content.startsWith('#')) {
      const eq = content.indexOf('=');
      const name = eq === -1 ? content : content.slice(0, eq);
      const raw = eq === -1 ? '' : content.slice(eq + 1);
      if (name === '') {
        problems.push({ line: lineNumber, offset: start, length: Math.max(1, content.length), message: `no variable name on line '${content}'` });
      } else if (whitespace.test(name)) {
        problems.push({ line: lineNumber, offset: start, length: name.length, message: `variable '${name}' contains whitespaces` });
      }
      const entry: EnvEntry = {
        line: lineNumber,
        name,
        nameOffset: start,
        raw,
        rawOffset: eq === -1 ? contentEnd : start + eq + 1,
        hasEquals: eq !== -1,
        lineOffset: start,
        lineEndOffset: contentEnd,
      };
      const quote = raw[0];
      if ((quote === '"' || quote === "'") && raw.length >= 2 && raw.endsWith(quote)) entry.quote = quote;
      entries.push(entry);
    }
    lineStart = lineEnd + 1;
  }
  return { entries, problems };
}

/**
 * The value the container sees. `docker run` keeps everything as written; Compose removes matching quotes,
 * handles escapes in double quotes, and drops an inline ` #` comment after an unquoted value.
 */
export function valueOf(entry: EnvEntry, reader: EnvReader): string {
  if (reader === 'docker-run') return entry.raw;
  const raw = entry.raw.trim();
  const quote = raw[0];
  if (quote === '"' || quote === "'") {
    const close = closingQuote(raw, quote);
    if (close !== -1) {
      const inner = raw.slice(1, close);
      return quote === '"' ? inner.replace(/\\([nrt\\"])/g, (_, c: string) => ({ n: '\n', r: '\r', t: '\t' })[c] ?? c) : inner;
    }
  }
  const comment = raw.search(/[ \t]#/);
  return (comment === -1 ? raw : raw.slice(0, comment)).trimEnd();
}

function closingQuote(raw: string, quote: string): number {
  for (let i = 1; i < raw.length; i++) {
    if (raw[i] === '\\' && quote === '"') i++;
    else if (raw[i] === quote) return i;
  }
  return -1;
}
