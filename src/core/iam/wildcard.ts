// IAM wildcard patterns (`*` any run of characters, `?` exactly one) without regular expressions: matching places each
// `*`-separated segment at its leftmost fit, so `*a*a*a*…` never backtracks; pattern-vs-pattern questions
// (does A cover B, can A and B name the same thing) are one pass over a table of |A|×|B| cells.

/**
 * One piece of a pattern: a string in which `*` and `?` are wildcards; `{ literal }` text in which they are plain
 * characters (values of policy variables, `${*}`); or `{ anyExcept }`, one or more characters none of which is in
 * the given set (the `${BucketName}` of an ARN template).
 */
export type PatternPiece = string | { literal: string } | { anyExcept: string };

type Token =
  | { kind: 'char'; ch: string }
  | { kind: 'one'; except: string }
  | { kind: 'star'; except: string };

interface Segment {
  text: string;
  /** Positions of `?` in `text` (their character there is a placeholder); undefined when there are none. */
  any?: boolean[];
}

/** Above this many table cells the pattern-vs-pattern answers give up and say "no" (policy strings are short). */
const maxCells = 4_000_000;

/** Moves through the table of token positions: past a token of A, of B, or of both. */
const nextA = 1;
const nextB = 2;
const nextBoth = 4;

export function hasWildcard(text: string): boolean {
  return text.includes('*') || text.includes('?');
}

export interface WildcardOptions {
  /** Actions and condition keys compare case-insensitively; resources and most values do not. */
  ignoreCase?: boolean;
}

export class Wildcard {
  readonly ignoreCase: boolean;
  /** True when the pattern names more than one string. */
  readonly hasWildcards: boolean;
  /** A plain string pattern (folded), kept as text: most patterns are only ever matched, never tokenized. */
  private readonly source?: string;
  private readonly pieces?: readonly PatternPiece[];
  private tokenList?: Token[];
  /** The segments between stars for the linear matcher; null when a token has a character class. */
  private segmentList?: Segment[] | null;
  /** The literal characters before the first wildcard (folded; the whole pattern when it has none). */
  readonly prefix: string;
  /** The literal characters after the last wildcard: with the prefix, a cheap first test between patterns. */
  private readonly suffix: string;

  constructor(pattern: string | readonly PatternPiece[], options: WildcardOptions = {}) {
    this.ignoreCase = options.ignoreCase ?? false;
    if (typeof pattern === 'string') {
      const source = this.ignoreCase ? pattern.toLowerCase() : pattern;
      this.source = source;
      const first = firstWildcard(source);
      this.hasWildcards = first !== -1;
      this.prefix = first === -1 ? source : source.slice(0, first);
      this.suffix = first === -1 ? source : source.slice(Math.max(source.lastIndexOf('*'), source.lastIndexOf('?')) + 1);
    } else {
      this.pieces = pattern;
      const tokens = this.tokens;
      const firstWild = tokens.findIndex((t) => t.kind !== 'char');
      let lastWild = tokens.length - 1;
      while (lastWild >= 0 && tokens[lastWild].kind === 'char') lastWild--;
      const literal = (t: Token) => (t.kind === 'char' ? t.ch : '');
      this.hasWildcards = firstWild !== -1;
      this.prefix = (firstWild === -1 ? tokens : tokens.slice(0, firstWild)).map(literal).join('');
      this.suffix = firstWild === -1 ? this.prefix : tokens.slice(lastWild + 1).map(literal).join('');
    }
  }

  private get tokens(): Token[] {
    this.tokenList ??= tokenize(this.pieces ?? [this.source ?? ''], this.ignoreCase);
    return this.tokenList;
  }

  private get segments(): Segment[] | null {
    if (this.segmentList === undefined) {
      const plain = this.source !== undefined && !this.source.includes('?');
      if (plain) this.segmentList = this.source!.split('*').map((text) => ({ text }));
      else this.segmentList = this.tokens.every((t) => t.kind === 'char' || t.except === '') ? toSegments(this.tokens) : null;
    }
    return this.segmentList;
  }

  /** Whether `text` is one of the strings the pattern names. */
  matches(text: string): boolean {
    const folded = this.ignoreCase ? text.toLowerCase() : text;
    if (!this.hasWildcards) return folded === this.prefix;
    const segments = this.segments;
    if (!segments) return this.intersects(new Wildcard([{ literal: folded }], { ignoreCase: this.ignoreCase }));
    return matchSegments(segments, folded);
  }

  /** Whether every string `other` names is also named by this pattern (sound: a "yes" is always right). */
  covers(other: Wildcard): boolean {
    // Every string of `other` starts with its prefix: it must start with ours too (likewise the suffix).
    if (!other.prefix.startsWith(this.prefix) || !other.suffix.endsWith(this.suffix)) return false;
    return reachesEnd(this.tokens, other.tokens, 'covers');
  }

  /** Whether some string is named by both patterns. */
  intersects(other: Wildcard): boolean {
    const compatible = (x: string, y: string, at: 'start' | 'end') => (at === 'start' ? x.startsWith(y) || y.startsWith(x) : x.endsWith(y) || y.endsWith(x));
    if (!compatible(this.prefix, other.prefix, 'start') || !compatible(this.suffix, other.suffix, 'end')) return false;
    return reachesEnd(this.tokens, other.tokens, 'intersects');
  }
}

/**
 * Whether the table of positions (i in `a`, j in `b`) reaches its last cell from the first, each reached cell moving
 * on as the question asks of its tokens (undefined past the end); false above maxCells.
 */
function reachesEnd(a: readonly Token[], b: readonly Token[], question: 'covers' | 'intersects'): boolean {
  if ((a.length + 1) * (b.length + 1) > maxCells) return false;
  const width = b.length + 1;
  const reach = new Uint8Array((a.length + 1) * width);
  reach[0] = 1;
  for (let i = 0; i <= a.length; i++) {
    for (let j = 0; j <= b.length; j++) {
      if (!reach[i * width + j]) continue;
      // A call per question, not a function passed in: the call stays monomorphic and inlined in this hot loop.
      const moves = question === 'covers' ? coverMoves(a[i], b[j]) : intersectMoves(a[i], b[j]);
      if (moves & nextA) reach[(i + 1) * width + j] = 1;
      if (moves & nextB) reach[i * width + j + 1] = 1;
      if (moves & nextBoth) reach[(i + 1) * width + j + 1] = 1;
    }
  }
  return reach[reach.length - 1] === 1;
}

/** The moves of `covers` from a cell: a star of A ends, or takes B's token if it absorbs it; other tokens absorb one character. */
function coverMoves(ta: Token | undefined, tb: Token | undefined): number {
  if (ta?.kind === 'star') return nextA | (tb && absorbs(ta, tb) ? nextB : 0);
  return ta && tb && tb.kind !== 'star' && absorbs(ta, tb) ? nextBoth : 0;
}

/** The moves of `intersects` from a cell: either star may end, and two tokens that can name one common character consume it. */
function intersectMoves(ta: Token | undefined, tb: Token | undefined): number {
  const moves = (ta?.kind === 'star' ? nextA : 0) | (tb?.kind === 'star' ? nextB : 0);
  if (!ta || !tb || (ta.kind === 'star' && tb.kind === 'star') || !overlap(ta, tb)) return moves;
  // Both consume one common character: a star stays where it is, a single-character token moves on.
  return moves | (ta.kind === 'star' ? nextB : tb.kind === 'star' ? nextA : nextBoth);
}

function firstWildcard(text: string): number {
  const star = text.indexOf('*');
  const one = text.indexOf('?');
  return star === -1 ? one : one === -1 ? star : Math.min(star, one);
}

function tokenize(pieces: readonly PatternPiece[], ignoreCase: boolean): Token[] {
  const fold = (s: string) => (ignoreCase ? s.toLowerCase() : s);
  const tokens: Token[] = [];
  for (const piece of pieces) {
    if (typeof piece === 'string') {
      for (const ch of units(fold(piece))) tokens.push(ch === '*' ? { kind: 'star', except: '' } : ch === '?' ? { kind: 'one', except: '' } : { kind: 'char', ch });
    } else if ('literal' in piece) {
      for (const ch of units(fold(piece.literal))) tokens.push({ kind: 'char', ch });
    } else {
      tokens.push({ kind: 'one', except: piece.anyExcept }, { kind: 'star', except: piece.anyExcept });
    }
  }
  return tokens;
}

/** Whether `text` matches `pattern` (`*`, `?`); `ignoreCase` for actions and condition keys. */
export function wildcardMatch(pattern: string, text: string, ignoreCase = false): boolean {
  return new Wildcard(pattern, { ignoreCase }).matches(text);
}

/** UTF-16 code units, the characters offsets and `?` count in (as editors and JavaScript strings do). */
const units = (text: string): string[] => text.split('');

function toSegments(tokens: readonly Token[]): Segment[] {
  const segments: Segment[] = [];
  let text = '';
  let any: boolean[] | undefined;
  for (const token of tokens) {
    if (token.kind === 'star') {
      segments.push(any ? { text, any } : { text });
      text = '';
      any = undefined;
    } else if (token.kind === 'one') {
      any ??= Array.from(text, () => false);
      any.push(true);
      text += '?';
    } else {
      any?.push(false);
      text += token.ch;
    }
  }
  segments.push(any ? { text, any } : { text });
  return segments;
}

function segmentAt(segment: Segment, text: string, at: number): boolean {
  const { any } = segment;
  if (!any) return text.startsWith(segment.text, at);
  for (let k = 0; k < segment.text.length; k++) {
    if (!any[k] && text[at + k] !== segment.text[k]) return false;
  }
  return true;
}

/** Leftmost position ≥ `from` where `segment` fits and ends by `limit`, or -1. */
function findSegment(segment: Segment, text: string, from: number, limit: number): number {
  if (!segment.any) {
    const at = text.indexOf(segment.text, from);
    return at !== -1 && at + segment.text.length <= limit ? at : -1;
  }
  for (let at = from; at + segment.text.length <= limit; at++) if (segmentAt(segment, text, at)) return at;
  return -1;
}

/** Segments split at stars: one segment means no star. */
function matchSegments(segments: readonly Segment[], text: string): boolean {
  const first = segments[0];
  if (segments.length === 1) return text.length === first.text.length && segmentAt(first, text, 0);
  const last = segments[segments.length - 1];
  const end = text.length - last.text.length;
  if (end < first.text.length || !segmentAt(first, text, 0) || !segmentAt(last, text, end)) return false;
  let at = first.text.length;
  for (let s = 1; s < segments.length - 1; s++) {
    const found = findSegment(segments[s], text, at, end);
    if (found === -1) return false;
    at = found + segments[s].text.length;
  }
  return true;
}

/** Whether one character can be named by both single-character tokens (a star counts as its character class). */
function overlap(a: Token, b: Token): boolean {
  if (a.kind === 'char' && b.kind === 'char') return a.ch === b.ch;
  if (a.kind === 'char') return !(b as Exclude<Token, { kind: 'char' }>).except.includes(a.ch);
  if (b.kind === 'char') return !a.except.includes(b.ch);
  return true;
}

/** Whether every character `b` names is one `a` names (`a` a star or single-character token). */
function absorbs(a: Token, b: Token): boolean {
  if (a.kind === 'char') return b.kind === 'char' && b.ch === a.ch;
  if (b.kind === 'char') return !a.except.includes(b.ch);
  return [...a.except].every((ch) => b.except.includes(ch));
}
