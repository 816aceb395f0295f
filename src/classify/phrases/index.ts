// All phrase tables, in the order in which they are tried: the first table with a matching
// phrase names the reason. More specific causes come first (an authentication failure or spam
// verdict is often worded with "blocked" or "rejected" too; an expired delivery mentions the
// connection errors it met on the way).

import { candidates, indexLiterals, type LiteralIndex } from '../literals.js';
import {
  CONTENT_ERROR,
  CONTENT_POLICY,
  EXCEED_LIMIT,
  MESG_TOO_BIG,
  NOT_COMPLIANT_RFC,
  SPAM_DETECTED,
  VIRUS_DETECTED,
} from './content.js';
import {
  FILTERED,
  FORWARDING_REFUSED,
  HAS_MOVED,
  HOST_UNKNOWN,
  HOST_UNKNOWN_WORDED,
  MAILBOX_FULL,
  NOT_ACCEPT,
  REFUSES_SENDER,
  SUSPEND,
  USER_UNKNOWN,
} from './recipient.js';
import {
  AUTH_FAILURE,
  BAD_REPUTATION,
  BLOCKED,
  BLOCKED_GENERIC,
  FAILED_STARTTLS,
  NO_RELAYING,
  NOT_ACCEPTED_FROM,
  POLICY_VIOLATION,
  REJECTED,
  REQUIRE_PTR,
  SECURITY_ERROR,
  TLS_POLICY,
} from './sender.js';
import {
  DNS_ERROR,
  EXPIRED,
  GREYLISTED,
  LOCAL_MAILER,
  MAIL_LOOP,
  MAILER_ERROR,
  NETWORK_ERROR,
  ON_HOLD,
  OS_ERROR,
  SPEEDING,
  SYNTAX_ERROR,
  SYSTEM_ERROR,
  SYSTEM_FULL,
  TOO_MANY_CONN,
} from './transient.js';
import { matchPhrase, type Phrase, type PhraseTable } from './types.js';

export type { Phrase, PhraseTable } from './types.js';
export { matchPhrase, phraseLabel } from './types.js';

export const PHRASE_TABLES: readonly PhraseTable[] = [
  // "Greylisted, try again in 300 seconds": a deliberate first refusal, whatever else is said
  GREYLISTED,
  // The sending server's own TLS policy unmet by the receiver (MTA-STS, DANE, "TLS is required"):
  // words the sending MTA writes about the receiver, whatever the receiver's code says
  TLS_POLICY,
  // "Your organization does not allow external forwarding": the recipient side's own policy
  FORWARDING_REFUSED,
  AUTH_FAILURE,
  REQUIRE_PTR,
  VIRUS_DETECTED,
  SPAM_DETECTED,
  CONTENT_POLICY,
  NOT_COMPLIANT_RFC,
  // A full mailbox is often worded with "size limit" or "exceeded" ("Mailbox size limit
  // exceeded"): its own phrases are tried before the message-size ones.
  MAILBOX_FULL,
  EXCEED_LIMIT,
  CONTENT_ERROR,
  MESG_TOO_BIG,
  // "does not accept mail from <a sender>" refuses the sender, not every message to the domain
  REFUSES_SENDER,
  NOT_ACCEPTED_FROM,
  // A null MX (RFC 7505) is reported inside resolver messages ("DNS Error: ... Null MX").
  NOT_ACCEPT,
  // A resolver's failure ("DNS Error", "DNS query failed") is a lookup that failed, not a
  // verdict on the domain, even when the notice adds that the message expired.
  DNS_ERROR,
  EXPIRED,
  HAS_MOVED,
  LOCAL_MAILER,
  SUSPEND,
  NO_RELAYING,
  REJECTED,
  FILTERED,
  // The languages' "domain does not exist" before their "does not exist" of a mailbox.
  HOST_UNKNOWN_WORDED,
  USER_UNKNOWN,
  HOST_UNKNOWN,
  BAD_REPUTATION,
  TOO_MANY_CONN,
  SPEEDING,
  SECURITY_ERROR,
  FAILED_STARTTLS,
  POLICY_VIOLATION,
  BLOCKED,
  BLOCKED_GENERIC,
  MAIL_LOOP,
  NETWORK_ERROR,
  ON_HOLD,
  OS_ERROR,
  SYSTEM_FULL,
  SYSTEM_ERROR,
  MAILER_ERROR,
  SYNTAX_ERROR,
];

export interface PhraseMatch {
  table: PhraseTable;
  phrase: Phrase;
}

/** The phrases of a list of tables in priority order: phrases[k] belongs to tables[k]. */
interface PhraseList {
  phrases: Phrase[];
  tables: PhraseTable[];
}

function listPhrases(tables: readonly PhraseTable[]): PhraseList {
  return { phrases: tables.flatMap((t) => t.phrases), tables: tables.flatMap((t) => t.phrases.map(() => t)) };
}

function partsOf(phrase: Phrase): readonly string[] {
  return typeof phrase.text === 'string' ? [phrase.text] : phrase.text;
}

const ALL = listPhrases(PHRASE_TABLES);

/** The phrases of PHRASE_TABLES in priority order, as parts: phrase k is item k of a literal index. */
export const PHRASE_PARTS: readonly (readonly string[])[] = ALL.phrases.map(partsOf);

/** A list of tables with its literal index (item k = phrase k), built on first use. */
const indexed = new WeakMap<readonly PhraseTable[], { list: PhraseList; index: LiteralIndex }>();

/**
 * The first table (in priority order) that has a phrase occurring in the lower-case text, and
 * its first such phrase. The literal index names the few phrases that can occur; they are
 * checked in table order, so the answer is the one a search of every phrase in turn gives.
 */
export function findPhrase(
  lower: string,
  tables: readonly PhraseTable[] = PHRASE_TABLES,
): PhraseMatch | null {
  let c = indexed.get(tables);
  if (!c) {
    const list = tables === PHRASE_TABLES ? ALL : listPhrases(tables);
    c = { list, index: indexLiterals(list.phrases.map(partsOf)) };
    indexed.set(tables, c);
  }
  return firstAmong(c.list, lower, candidates(c.index, lower));
}

/**
 * findPhrase() over PHRASE_TABLES when the candidates are known: `ids` (ascending numbers into
 * PHRASE_PARTS) must include every phrase that occurs in the text.
 */
export function findPhraseAmong(lower: string, ids: readonly number[]): PhraseMatch | null {
  return firstAmong(ALL, lower, ids);
}

function firstAmong(c: PhraseList, lower: string, ids: readonly number[]): PhraseMatch | null {
  for (const k of ids) {
    if (matchPhrase(lower, c.phrases[k]) >= 0) return { table: c.tables[k], phrase: c.phrases[k] };
  }
  return null;
}
