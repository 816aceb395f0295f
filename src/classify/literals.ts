// A prefilter for searching one text for many literal strings (phrase tables, provider markers,
// stage phrases) without one indexOf() per literal.
//
// Every item (one literal, or several that must all occur) is filed under one four-character
// piece of its text: the piece that the fewest other items share. (Pieces of three characters
// were tried first: the common ones - "ser", "ail", "not" - named four times as many candidates
// that were not there, each then searched for in vain.) One pass over the text then
// lists the items whose piece occurs in it; only those are searched for in full. An item that
// occurs in the text has all its pieces there, so the prefilter never loses a match - it only
// skips searches that could not succeed. Pieces are hashed into a small table; two pieces that
// share a slot only add candidates, never hide one. The pass is linear in the text.

export interface LiteralIndex {
  /**
   * bit s set = slot s holds an item. Most pieces of a text hit an empty slot: this small table
   * answers for them without reading `first` (which is 32 times larger and seldom in the CPU cache
   * when a recipient is classified between other work).
   */
  readonly occupied: Uint32Array;
  /** hash slot -> the first item filed there, or -1 */
  readonly first: Int32Array;
  /** item -> the next item filed in the same slot, or -1 */
  readonly next: Int32Array;
  /** items with no piece of four characters: candidates for every text */
  readonly always: readonly number[];
  readonly shift: number;
  /** scratch space of one search: bit k set = item k is a candidate */
  readonly listed: Uint32Array;
}

/** The hash slot of the four characters a, b, c, d (Fibonacci hashing into 2^(32 - shift) slots). */
function slotOf(a: number, b: number, c: number, d: number, shift: number): number {
  return Math.imul((a << 24) ^ (b << 16) ^ (c << 8) ^ d, 0x9e3779b1) >>> shift;
}

/** Indexes items given as lists of parts; an item's number is its position in `items`. */
export function indexLiterals(items: readonly (readonly string[])[]): LiteralIndex {
  // about sixteen slots per item keeps unrelated pieces from sharing a slot
  const bits = Math.min(16, Math.max(8, Math.ceil(Math.log2(items.length * 16))));
  const shift = 32 - bits;
  const { slots, from, sharing } = pieceSlots(items, shift, 1 << bits);
  const occupied = new Uint32Array((1 << bits) / 32);
  const first = new Int32Array(1 << bits).fill(-1);
  const next = new Int32Array(items.length).fill(-1);
  const always: number[] = [];
  // filed last to first, so that each slot lists its items in ascending order
  for (let item = items.length - 1; item >= 0; item--) {
    let anchor = -1;
    for (let k = from[item]; k < from[item + 1]; k++) {
      if (anchor < 0 || sharing[slots[k]] < sharing[anchor]) anchor = slots[k];
    }
    if (anchor < 0) {
      always.unshift(item);
    } else {
      next[item] = first[anchor];
      first[anchor] = item;
      occupied[anchor >>> 5] |= 1 << (anchor & 31);
    }
  }
  const listed = new Uint32Array(Math.ceil(items.length / 32));
  return { occupied, first, next, always, shift, listed };
}

/**
 * An index built on first use: building one of several hundred items costs a few milliseconds
 * of unoptimised code, which a program that loads but never classifies should not pay.
 */
export function indexOnFirstUse(items: () => readonly (readonly string[])[]): () => LiteralIndex {
  let index: LiteralIndex | undefined;
  return () => {
    index ??= indexLiterals(items());
    return index;
  };
}

/**
 * The distinct slots of each item's four-character pieces (a piece never spans two parts): item
 * k's are slots[from[k]] .. slots[from[k + 1] - 1]. And per slot, how many items have a piece
 * there. (Flat arrays and indexed loops: this runs once, before the code is optimised.)
 */
function pieceSlots(
  items: readonly (readonly string[])[],
  shift: number,
  size: number,
): { slots: Int32Array; from: Int32Array; sharing: Int32Array } {
  let chars = 0;
  for (let item = 0; item < items.length; item++) {
    for (let p = 0; p < items[item].length; p++) chars += items[item][p].length;
  }
  const slots = new Int32Array(chars);
  const from = new Int32Array(items.length + 1);
  const sharing = new Int32Array(size);
  const lastItem = new Int32Array(size).fill(-1);
  let n = 0;
  for (let item = 0; item < items.length; item++) {
    const parts = items[item];
    for (let p = 0; p < parts.length; p++) {
      const part = parts[p];
      for (let i = 3; i < part.length; i++) {
        const slot = slotOf(
          part.charCodeAt(i - 3),
          part.charCodeAt(i - 2),
          part.charCodeAt(i - 1),
          part.charCodeAt(i),
          shift,
        );
        if (lastItem[slot] === item) continue;
        lastItem[slot] = item;
        slots[n++] = slot;
        sharing[slot]++;
      }
    }
    from[item + 1] = n;
  }
  return { slots, from, sharing };
}

/**
 * The items that may occur in the text, in ascending order: every item that does occur is among
 * them. The caller checks each (for the first match in priority order, stop at the first hit).
 */
export function candidates(index: LiteralIndex, text: string): number[] {
  return candidatesInAny(index, [text]);
}

/** The items that may occur in one of the texts (pieces never span two texts), ascending. */
export function candidatesInAny(index: LiteralIndex, texts: readonly string[]): number[] {
  const { listed } = index;
  listed.fill(0);
  for (const item of index.always) listed[item >>> 5] |= 1 << (item & 31);
  for (const text of texts) listPieces(index, text);
  return listedItems(listed);
}

/** Marks the items filed under the text's four-character pieces. */
function listPieces(index: LiteralIndex, text: string): void {
  const { occupied, first, next, listed, shift } = index;
  const n = text.length;
  // (charCodeAt past the end would give NaN and make the optimised loop fall back to slow code)
  let a = n > 0 ? text.charCodeAt(0) : 0;
  let b = n > 1 ? text.charCodeAt(1) : 0;
  let c = n > 2 ? text.charCodeAt(2) : 0;
  for (let i = 3; i < n; i++) {
    const d = text.charCodeAt(i);
    const slot = slotOf(a, b, c, d, shift);
    a = b;
    b = c;
    c = d;
    if ((occupied[slot >>> 5] & (1 << (slot & 31))) === 0) continue;
    for (let item = first[slot]; item >= 0; item = next[item]) listed[item >>> 5] |= 1 << (item & 31);
  }
}

/** The numbers of the set bits, ascending. */
function listedItems(listed: Uint32Array): number[] {
  const found: number[] = [];
  for (let w = 0; w < listed.length; w++) {
    let bits = listed[w];
    while (bits !== 0) {
      const low = bits & -bits;
      found.push(w * 32 + 31 - Math.clz32(low));
      bits ^= low;
    }
  }
  return found;
}
