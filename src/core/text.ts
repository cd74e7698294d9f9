// Offsets ↔ 1-based line/column, and applying text edits: shared by every reader, rule and fix.
import type { Position, Range, TextEdit } from './model';

export class LineIndex {
  private lineStarts?: number[];

  constructor(readonly text: string) {}

  // Built on first use: a snapshot holds every deployment file, and a file without findings never needs positions.
  private get starts(): number[] {
    if (!this.lineStarts) {
      // Counted first, so the array is allocated once: growing it line by line copies it over and over.
      let count = 1;
      for (let i = this.text.indexOf('\n'); i !== -1; i = this.text.indexOf('\n', i + 1)) count++;
      const starts = new Array<number>(count).fill(0);
      for (let i = this.text.indexOf('\n'), line = 1; i !== -1; i = this.text.indexOf('\n', i + 1)) starts[line++] = i + 1;
      this.lineStarts = starts;
    }
    return this.lineStarts;
  }

  get lineCount(): number {
    return this.starts.length;
  }

  /** 1-based line and column (UTF-16 code units, as editors count) of `offset`. */
  position(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= clamped) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: clamped - this.starts[lo] + 1 };
  }

  range(start: number, end: number): Range {
    return { start: this.position(start), end: this.position(end) };
  }

  /** Offset of the first character of a 1-based line. */
  lineStart(line: number): number {
    return this.starts[Math.max(0, Math.min(line - 1, this.starts.length - 1))];
  }

  /** Offset just past the line's content (before its `\r\n` or `\n`). */
  lineEnd(line: number): number {
    let end = line < this.starts.length ? this.starts[line] - 1 : this.text.length;
    if (end > this.lineStart(line) && this.text[end - 1] === '\r') end--;
    return end;
  }

  /** The line's text without its line break. */
  lineText(line: number): string {
    return this.text.slice(this.lineStart(line), this.lineEnd(line));
  }

  /** The line break the file uses (`\r\n` when its first line ends so). */
  get eol(): string {
    return this.starts.length > 1 && this.text[this.starts[1] - 2] === '\r' ? '\r\n' : '\n';
  }
}

/** Applies non-overlapping edits; throws if two edits overlap (a fix bug, never silently merged). */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.offset - b.offset || a.length - b.length);
  let out = '';
  let at = 0;
  for (const edit of sorted) {
    if (edit.offset < at) throw new Error(`overlapping edits at offset ${edit.offset}`);
    out += text.slice(at, edit.offset) + edit.text;
    at = edit.offset + edit.length;
  }
  return out + text.slice(at);
}
