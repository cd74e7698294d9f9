// A fast path for reading policies: most policy files are strict JSON, the only form AWS accepts. For those, one walk
// over the characters reports what jsonc-parser's `visit` would, without its scanner (which builds a string for every
// run of whitespace) and its per-event bookkeeping; on a large pretty-printed policy those cost more than building the
// model. At the first thing strict JSON does not allow the walk gives up, and the caller reads the text with
// jsonc-parser, whose error recovery and messages stay the one tolerant reading.

/** What a JSON walk reports, with the offsets and 0-based lines jsonc-parser's visitor gives. */
export interface JsonEvents {
  open(type: 'object' | 'array', offset: number, line: number): void;
  /** `end` is just past the closing bracket. */
  close(end: number): void;
  /** A key, its token (quotes included) at `offset`. */
  property(name: string, offset: number, length: number): void;
  /** A string (decoded; the token includes its quotes), number, boolean or null. */
  literal(value: string | number | boolean | null, offset: number, length: number): void;
}

// Deeper documents go to jsonc-parser, which handles any depth the policy reader lets through.
const deepest = 256;

const isDigit = (code: number) => code >= 0x30 && code <= 0x39;

class Walk {
  private pos = 0;
  private line = 0;

  constructor(
    private readonly text: string,
    private readonly events: JsonEvents,
  ) {}

  /** The whole text is one JSON value with JSON whitespace around it. */
  document(): boolean {
    return this.value(0) && this.space() === -1;
  }

  /** Skips JSON whitespace, counting lines as jsonc-parser does; the next character's code, or -1 at the end. */
  private space(): number {
    const text = this.text;
    for (let pos = this.pos; pos < text.length; pos++) {
      const code = text.charCodeAt(pos);
      if (code === 0x20 || code === 0x09) continue;
      // `\r\n`, `\n` and a lone `\r` each end one line.
      if (code === 0x0a || (code === 0x0d && text.charCodeAt(pos + 1) !== 0x0a)) this.line++;
      else if (code !== 0x0d) {
        this.pos = pos;
        return code;
      }
    }
    this.pos = text.length;
    return -1;
  }

  private value(depth: number): boolean {
    const code = this.space();
    const start = this.pos;
    if (code === 0x7b /* { */ || code === 0x5b /* [ */) return depth < deepest && this.container(code === 0x7b, depth + 1);
    if (code === 0x22 /* " */) {
      const value = this.string();
      if (value === undefined) return false;
      this.events.literal(value, start, this.pos - start);
      return true;
    }
    for (const [word, value] of keywords) {
      if (this.text.startsWith(word, start)) {
        this.pos = start + word.length;
        this.events.literal(value, start, word.length);
        return true;
      }
    }
    return this.number();
  }

  /** An object or array whose opening bracket is at `pos`. */
  private container(isObject: boolean, depth: number): boolean {
    const close = isObject ? 0x7d /* } */ : 0x5d /* ] */;
    this.events.open(isObject ? 'object' : 'array', this.pos, this.line);
    this.pos++;
    if (this.space() !== close) {
      for (;;) {
        if (isObject && !this.property()) return false;
        if (!this.value(depth)) return false;
        const next = this.space();
        if (next === close) break;
        if (next !== 0x2c /* , */) return false;
        this.pos++;
      }
    }
    this.pos++;
    this.events.close(this.pos);
    return true;
  }

  /** `"key":`, reported, leaving `pos` after the colon. */
  private property(): boolean {
    if (this.space() !== 0x22) return false;
    const start = this.pos;
    const name = this.string();
    if (name === undefined) return false;
    this.events.property(name, start, this.pos - start);
    if (this.space() !== 0x3a /* : */) return false;
    this.pos++;
    return true;
  }

  /** The string whose opening quote is at `pos`, decoded; undefined if it is not valid JSON. */
  private string(): string | undefined {
    const text = this.text;
    const start = this.pos + 1;
    let escaped = false;
    for (let pos = start; pos < text.length; pos++) {
      const code = text.charCodeAt(pos);
      if (code === 0x22) {
        this.pos = pos + 1;
        if (!escaped) return text.slice(start, pos);
        // Escapes are rare in policies: the engine's own JSON decodes them, and rejects invalid ones.
        try {
          return JSON.parse(text.slice(start - 1, pos + 1)) as string;
        } catch {
          return undefined;
        }
      }
      if (code === 0x5c /* \ */) {
        escaped = true;
        pos++;
      } else if (code < 0x20) {
        return undefined;
      }
    }
    return undefined;
  }

  /** A number as JSON writes it (`-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?`), reported as `Number` reads it. */
  private number(): boolean {
    const text = this.text;
    const start = this.pos;
    let pos = start;
    const digits = () => {
      const from = pos;
      while (isDigit(text.charCodeAt(pos))) pos++;
      return pos > from;
    };
    if (text.charCodeAt(pos) === 0x2d /* - */) pos++;
    if (text.charCodeAt(pos) === 0x30 /* 0 */) pos++;
    else if (!digits()) return false;
    if (text.charCodeAt(pos) === 0x2e /* . */ && (pos++, !digits())) return false;
    const exponent = text.charCodeAt(pos);
    if (exponent === 0x65 || exponent === 0x45) {
      pos++;
      const sign = text.charCodeAt(pos);
      if (sign === 0x2b || sign === 0x2d) pos++;
      if (!digits()) return false;
    }
    this.pos = pos;
    this.events.literal(Number(text.slice(start, pos)), start, pos - start);
    return true;
  }
}

const keywords: readonly [string, boolean | null][] = [
  ['true', true],
  ['false', false],
  ['null', null],
];

/**
 * Walks `text` if it is strict JSON, reporting to `events` what jsonc-parser's `visit` would report; false at the
 * first departure (the events so far are then incomplete: read the text again with jsonc-parser).
 */
export function walkStrictJson(text: string, events: JsonEvents): boolean {
  return new Walk(text, events).document();
}
