// The last line that sets each name, for files of tens of thousands of lines. A Map<string> would hash a freshly
// sliced string per line, which costs V8 more than parsing the line; this table hashes the name's characters where
// they stand in the file text and keeps item indexes and hashes in Int32Arrays.

/** FNV-1a over the UTF-16 code units `text[start, end)`, two at a time (half the multiplications), then mixed. */
export function hashChars(text: string, start: number, end: number): number {
  let hash = 0x811c9dc5;
  let i = start;
  for (; i + 1 < end; i += 2) hash = Math.imul(hash ^ (text.charCodeAt(i) | (text.charCodeAt(i + 1) << 16)), 0x01000193);
  if (i < end) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  // A multiplication only carries upwards: fold the high bits down so that the table's mask sees every unit.
  hash = Math.imul(hash ^ (hash >>> 16), 0x85ebca6b);
  return hash ^ (hash >>> 13);
}

/** Items found by their `name`, the last one put under a name replacing earlier ones. */
export class NameTable<T extends { name: string }> {
  // 1 + index into `items`, 0 marking a free slot; kept under two-thirds full, so probes stay short.
  private readonly slots: Int32Array;
  private readonly mask: number;
  // The hash of each filed item: names are compared only when their hashes are equal.
  private readonly hashes: Int32Array;

  constructor(private readonly items: readonly T[]) {
    const size = 2 ** Math.ceil(Math.log2(Math.max(2, items.length * 1.5)));
    this.slots = new Int32Array(size);
    this.mask = size - 1;
    this.hashes = new Int32Array(items.length);
  }

  /** Files `items[index]` under its name, whose `hashChars` is `hash`; returns the item it replaces. */
  put(hash: number, index: number): T | undefined {
    this.hashes[index] = hash;
    const slot = this.find(hash, this.items[index].name);
    const taken = this.slots[slot];
    this.slots[slot] = index + 1;
    return taken === 0 ? undefined : this.items[taken - 1];
  }

  get(name: string): T | undefined {
    const taken = this.slots[this.find(hashChars(name, 0, name.length), name)];
    return taken === 0 ? undefined : this.items[taken - 1];
  }

  /** The slot holding `name`, or the free one where it belongs. */
  private find(hash: number, name: string): number {
    for (let slot = hash & this.mask; ; slot = (slot + 1) & this.mask) {
      const taken = this.slots[slot];
      if (taken === 0 || (this.hashes[taken - 1] === hash && this.items[taken - 1].name === name)) return slot;
    }
  }
}
