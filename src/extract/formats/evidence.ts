// The cheap tests a format makes before its parse: does the notice hold the words that the parse
// cannot succeed without? Every registered format asks this of every message, so the answers are
// found together: the long words asked about are remembered, and the next message's text is searched
// for all of them in one pass that skips ahead by several characters at a time (Wu-Manber's
// multi-word search), comparing letters case-folded instead of making a lower-case copy of the text.
// Which words are remembered changes only the speed, never an answer: every answer is what
// text.toLowerCase().includes(word) gives.
//
// Also the optional capability a format may add to FormatExtractor (src/types.ts): evidence(), the
// same test, which the extract stage runs before the format's hint() and extract().

import type { FormatExtractor, MailMessage } from '../../types.js';

/** A FormatExtractor that can tell cheaply that a message is surely not its format. */
export interface FormatWithEvidence extends FormatExtractor {
  /**
   * False when extract() would find nothing in `msg` (a necessary condition, e.g. a word or a sender
   * that the format's parse needs); true when extract() should be tried. Cheap, like hint().
   */
  evidence(msg: MailMessage): boolean;
}

/** Does `f` have an evidence() test? */
export function hasEvidenceTest(f: FormatExtractor): f is FormatWithEvidence {
  return typeof (f as Partial<FormatWithEvidence>).evidence === 'function';
}

/** Most remembered words; words asked about beyond that are searched one by one (still correct). */
const MAX_WORDS = 256;
/** Characters per block of the skip table (3: few blocks of English text occur near the end of a word). */
const BLOCK = 3;
const TABLE_SIZE = 1 << 15;
/**
 * Words at least this long are searched together; shorter ones (a short window skips little) each
 * by a pattern.
 */
const LONG_WORD = 14;
/** The window is at most this long, so that every skip fits the table's bytes. */
const MAX_WINDOW = 200;

/** The ASCII upper-case letters made lower case; every other character unchanged. */
function fold(c: number): number {
  return c >= 65 && c <= 90 ? c | 32 : c;
}

/**
 * The skip table's hash of three characters. Each is taken with bit 5 set (c | 32), which makes an
 * ASCII upper-case letter its lower case and may merge two other characters ('[' and '{'): blocks
 * that are equal case-folded hash alike, and merged characters only make skips shorter.
 */
function blockHash(a: number, b: number, c: number): number {
  return ((a | 32) * 961 + (b | 32) * 31 + (c | 32)) & (TABLE_SIZE - 1);
}

function isAscii(word: string): boolean {
  return !/[^\x00-\x7f]/.test(word);
}

/**
 * Wu-Manber search for words of similar length: a window as long as the shortest word slides over
 * the text; the block at the window's end says how far the window may move without passing a word's
 * start (0: a word may end its window here, and those not yet found are compared). Hash collisions
 * only make skips shorter. The work per text position is bounded by the words' length, so it stays
 * linear in the text's length.
 */
class SkipSearch {
  private readonly window: number;
  private readonly skips = new Uint8Array(TABLE_SIZE);
  /** The words that may end a window whose last block hashes to h (skip 0), at ending[h]. */
  private readonly ending: (string[] | undefined)[] = [];

  constructor(words: readonly string[]) {
    this.window = Math.min(MAX_WINDOW, ...words.map((w) => w.length));
    this.skips.fill(this.window - BLOCK + 1);
    for (const w of words) {
      for (let j = BLOCK - 1; j < this.window; j++) {
        const h = blockHash(w.charCodeAt(j - 2), w.charCodeAt(j - 1), w.charCodeAt(j));
        const skip = this.window - 1 - j;
        if (skip < this.skips[h]) this.skips[h] = skip;
        if (skip === 0) this.ending[h] = [...(this.ending[h] ?? []), w];
      }
    }
  }

  /** Adds the words that occur in `text` (letters compared case-folded) to `found`. */
  findIn(text: string, found: Set<string>): void {
    // locals, not fields, in the loop: it runs a few hundred times per message on every message
    const skips = this.skips;
    const last = this.window - 1;
    const n = text.length;
    for (let i = last; i < n; ) {
      const skip = skips[blockHash(text.charCodeAt(i - 2), text.charCodeAt(i - 1), text.charCodeAt(i))];
      if (skip > 0) {
        i += skip;
        continue;
      }
      const words =
        this.ending[blockHash(text.charCodeAt(i - 2), text.charCodeAt(i - 1), text.charCodeAt(i))];
      if (words !== undefined)
        for (const w of words) if (!found.has(w) && foldedAt(text, i - last, w)) found.add(w);
      i += 1;
    }
  }
}

/** Does `word` (lower case) start at `at` in `text`, ASCII letters compared in any case? */
function foldedAt(text: string, at: number, word: string): boolean {
  if (at + word.length > text.length) return false;
  for (let k = 0; k < word.length; k++)
    if (fold(text.charCodeAt(at + k)) !== word.charCodeAt(k)) return false;
  return true;
}

/** Words and the search that finds them. Replaced, never changed, when a word is added. */
interface Vocabulary {
  known: ReadonlySet<string>;
  search?: SkipSearch;
}

/**
 * The long words asked about so far (of one kind of text): what the next text is searched for at once.
 * Only ASCII words of at least LONG_WORD characters are remembered.
 */
export class WordList {
  current: Vocabulary = { known: new Set() };
  private words: string[] = [];

  /** Remembers `word` for the texts searched from now on. */
  learn(word: string): void {
    if (this.current.known.has(word) || this.words.length >= MAX_WORDS) return;
    this.words = [...this.words, word];
    this.current = { known: new Set(this.words), search: new SkipSearch(this.words) };
  }
}

/**
 * Characters whose lower case is or holds an ASCII letter: U+0130 (to "i" and a combining dot) and
 * the Kelvin sign (to "k"). A text with one of them is searched in its lower-case copy instead.
 */
const LOWERS_TO_ASCII = ['\u0130', '\u212a'];

/** Kana and CJK characters: no letter case, and no other character has one of them as its lower case. */
const CASELESS = /^[\u3000-\u9fff]+$/;

/**
 * How a word is searched: long ASCII words together (WordList), short ones each by a case-insensitive
 * pattern, kana and CJK as they are, other non-ASCII words in the lower-case copy; a word with an
 * upper-case ASCII letter is never in a lower-case copy.
 */
type WordKind = 'long' | 'short' | 'caseless' | 'other' | 'absent';

const kinds = new Map<string, { kind: WordKind; pattern?: RegExp }>();

function kindOf(word: string): { kind: WordKind; pattern?: RegExp } {
  let k = kinds.get(word);
  if (k === undefined) {
    k = classify(word);
    if (kinds.size < 4 * MAX_WORDS) kinds.set(word, k);
  }
  return k;
}

function classify(word: string): { kind: WordKind; pattern?: RegExp } {
  if (!isAscii(word)) return { kind: CASELESS.test(word) ? 'caseless' : 'other' };
  if (/[A-Z]/.test(word)) return { kind: 'absent' };
  if (word.length >= LONG_WORD) return { kind: 'long' };
  return { kind: 'short', pattern: new RegExp(word.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&'), 'i') };
}

/**
 * A text to search for words (lower case) in any letter case: every answer is what
 * text.toLowerCase().includes(word) gives, found without the lower-case copy when possible. Long
 * ASCII words are found together on the first question (see WordList); a short ASCII word by a
 * case-insensitive pattern, which for an ASCII word matches where the lower-case copy would (a
 * pattern's /i never maps a non-ASCII character to an ASCII one, and the text holds none of
 * LOWERS_TO_ASCII).
 */
export class WordSearch {
  private found?: Set<string>;
  private searched?: Vocabulary;
  /** answers to words of the kinds that cost a scan each (long words are answered from `found`) */
  private answers?: Map<string, boolean>;
  private plain?: boolean;
  private lower?: string;
  private nonAscii?: boolean;

  constructor(
    private readonly text: string,
    private readonly list: WordList,
  ) {}

  has(word: string): boolean {
    if (word === '') return true;
    const kind = kindOf(word);
    this.plain ??= !LOWERS_TO_ASCII.some((c) => this.text.includes(c));
    if (kind.kind === 'long' && this.plain) return this.hasLong(word);
    this.answers ??= new Map();
    let answer = this.answers.get(word);
    if (answer === undefined) {
      answer = this.search(word, kind);
      this.answers.set(word, answer);
    }
    return answer;
  }

  private search(word: string, { kind, pattern }: { kind: WordKind; pattern?: RegExp }): boolean {
    if (!this.plain) return this.lowerIncludes(word, kind);
    switch (kind) {
      case 'absent':
        return false;
      case 'short':
        return pattern?.test(this.text) === true;
      case 'caseless':
        return this.text.includes(word);
      case 'other':
        return this.lowerIncludes(word, kind);
      case 'long':
        return this.hasLong(word);
    }
  }

  private hasLong(word: string): boolean {
    if (this.searched === undefined) {
      this.list.learn(word);
      this.searched = this.list.current;
      this.found = new Set();
      this.searched.search?.findIn(this.text, this.found);
    }
    if (this.searched.known.has(word)) return this.found?.has(word) === true;
    this.list.learn(word);
    return this.lowerIncludes(word, 'long');
  }

  private lowerIncludes(word: string, kind: WordKind): boolean {
    // A text without non-ASCII characters has none in lower case either: no need to make the copy.
    if (kind === 'caseless' || kind === 'other') {
      this.nonAscii ??= !isAscii(this.text);
      if (!this.nonAscii) return false;
    }
    this.lower ??= this.text.toLowerCase();
    return this.lower.includes(word);
  }
}
