// The words a notice mentions: the one search of a message's notice text (and, when asked, its raw
// body) for the words of every format at once (evidence.ts), shared by the format readers and by
// the reader of a returned message's inline copy (../original.ts), so that a message's text is
// scanned once for all of them.
import { splitHeaderBlock } from '../../read/headers.js';
import type { MailMessage } from '../../types.js';
import { recentMemo } from '../memo.js';
import { WordList, WordSearch } from './evidence.js';

/**
 * Longest notice text that is read. A real notice is a few kilobytes; this leaves room for a list of
 * MAX_RECIPIENTS addresses with a reply each, and the rest of a longer input is ignored.
 */
export const MAX_NOTICE_CHARS = 4 * 1024 * 1024;
/** A text that trim() would not make empty (\s is exactly what trim() removes), tested without the copy. */
export const NOT_BLANK = /\S/;

/** The raw input after its header block, cut at MAX_NOTICE_CHARS. */
export function rawBody(msg: MailMessage): string {
  const raw = msg.raw.length > MAX_NOTICE_CHARS ? msg.raw.slice(0, MAX_NOTICE_CHARS) : msg.raw;
  // the text after the first empty line (the first /\r?\n\r?\n/), found without a pattern scan;
  // a head as long as the text means there is no empty line
  const { head, body } = splitHeaderBlock(raw);
  return head.length === raw.length ? raw : body;
}

interface SearchTexts {
  text: WordSearch;
  /** what `text` searches */
  searched: string;
  raw?: WordSearch;
}
const searchTexts = recentMemo<MailMessage, SearchTexts>();
/** The words asked of notice texts, and those asked of raw bodies (mentionsWithRaw()). */
const textWords = new WordList();
const rawWords = new WordList();

/**
 * The notice text (as noticeText() reads it, line ends left as they are) and, once asked for, the
 * raw body: what mentions() and mentionsWithRaw() search. Line ends do not matter to a search for
 * words without line breaks. A message without text searches its raw body once for both.
 */
function searchTextsOf(msg: MailMessage, withRaw: boolean): SearchTexts {
  let texts = searchTexts.get(msg);
  if (texts === undefined) {
    const text = msg.text.length > MAX_NOTICE_CHARS ? msg.text.slice(0, MAX_NOTICE_CHARS) : msg.text;
    if (NOT_BLANK.test(text)) texts = { text: new WordSearch(text, textWords), searched: text };
    else {
      const body = rawBody(msg);
      const raw = new WordSearch(body, textWords);
      texts = { text: raw, searched: body, raw };
    }
    searchTexts.set(msg, texts);
  }
  if (withRaw && texts.raw === undefined) {
    // A single-part message without a transfer encoding has the raw body as its text: searching
    // it again would answer the same
    const body = rawBody(msg);
    texts.raw = body === texts.searched ? texts.text : new WordSearch(body, rawWords);
  }
  return texts;
}

/**
 * Does the notice text - what noticeText() gives - contain `word` (or `other`), in any letter case?
 * Words are lower case and hold no line break. A format calls it before its parse with words that
 * its parse cannot succeed without (a literal part of its marker pattern), so that the formats
 * tried on every message each give up on a foreign one without a pattern scan (and line split) of
 * the whole text. The words of all formats are searched for together (see evidence.ts).
 */
export function mentions(msg: MailMessage, word: string, other?: string): boolean {
  // two words at most, and no rest parameter: every format asks on every message (no array per call)
  const { text } = searchTextsOf(msg, false);
  return text.has(word) || (other !== undefined && text.has(other));
}

/** mentions() for the formats that read noticeTextWith(): the notice text or else the raw body. */
export function mentionsWithRaw(msg: MailMessage, word: string, other?: string): boolean {
  if (mentions(msg, word, other)) return true;
  const { raw } = searchTextsOf(msg, true);
  return raw !== undefined && (raw.has(word) || (other !== undefined && raw.has(other)));
}
