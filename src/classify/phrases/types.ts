// The shape of a phrase table. A phrase is matched case-insensitively as plain substrings (no
// regular expressions, so matching stays linear on any input); a phrase given as a list matches
// when all its parts occur in that order.
import type { Category, Party, Reason } from '../../types.js';

export interface Phrase {
  /** lower-case substring, or substrings that must occur in this order */
  text: string | readonly string[];
  /** where the wording comes from: an RFC, a provider's documentation URL, or "observed in <MTA> notices" */
  source: string;
  /**
   * The words are a directory's own verdict on the address (Exchange's RecipientNotFound,
   * Domino's "not listed in Domino Directory"), true at whatever SMTP stage they are reported.
   */
  directory?: boolean;
}

export interface PhraseTable {
  reason: Reason;
  phrases: readonly Phrase[];
  /** a category other than the reason's usual one, when these words mean something else for a person */
  category?: Category;
  /** who must act, when it differs from the reason's usual party (with `category`) */
  party?: Party;
  /** the advice text to give (a key of ADVICE_BY_PROVIDER_CODE) instead of the reason's */
  code?: string;
}

/** Shorthand for a table entry. */
export function p(text: string | readonly string[], source: string): Phrase {
  return { text, source };
}

/** Shorthand for a directory verdict (see Phrase.directory). */
export function dir(text: string | readonly string[], source: string): Phrase {
  return { text, source, directory: true };
}

/** Index just after the phrase in `lower`, or -1. `lower` must already be lower case. */
export function matchPhrase(lower: string, phrase: Phrase): number {
  if (typeof phrase.text === 'string') {
    const i = lower.indexOf(phrase.text);
    return i < 0 ? -1 : i + phrase.text.length;
  }
  let from = 0;
  for (const part of phrase.text) {
    const i = lower.indexOf(part, from);
    if (i < 0) return -1;
    from = i + part.length;
  }
  return from;
}

/** Renders a phrase for evidence notes. */
export function phraseLabel(phrase: Phrase): string {
  return typeof phrase.text === 'string' ? phrase.text : phrase.text.join(' ... ');
}
