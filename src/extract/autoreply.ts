// Auto-replies: RFC 3834 (Auto-Submitted: auto-replied) and the common non-standard vacation notices.
import { headerValue } from '../read/index.js';
import type { Extraction, MailMessage, RawRecipient } from '../types.js';
import { findAddress } from './fields.js';
import { readOriginal } from './original.js';

/**
 * Subject prefixes of vacation notices that carry no RFC 3834 header, as written by Exchange/Outlook
 * ("Automatic reply:", "Auto:"), Gmail/Zimbra/Sieve vacation ("Out of Office", "Away"), and their
 * German, French, Spanish, Italian, Portuguese, Dutch, Japanese, Chinese and Russian versions.
 * Checked case-insensitively.
 */
const VACATION_SUBJECTS: readonly string[] = [
  'automatic reply',
  'auto-reply',
  'autoreply',
  'auto reply',
  'auto:',
  'out of office',
  'out of the office',
  'away until',
  'away from',
  'on vacation',
  'vacation',
  'abwesenheitsnotiz',
  'automatische antwort',
  'réponse automatique',
  'reponse automatique',
  'absence',
  "message d'absence",
  'absent du bureau',
  'respuesta automática',
  'respuesta automatica',
  'fuera de la oficina',
  'risposta automatica',
  'fuori sede',
  'fuori ufficio',
  'resposta automática',
  'resposta automatica',
  'fora do escritório',
  'fora do escritorio',
  'automatisch antwoord',
  'afwezig',
  '自動応答',
  '自動返信',
  '不在',
  '自动回复',
  '自動回覆',
  'автоответ',
  'автоматический ответ',
];

/**
 * Header evidence of an automatic reply. Auto-Submitted: auto-replied is RFC 3834 section 5; the
 * X-Autoreply / X-Autorespond / Precedence: auto_reply headers are common older conventions.
 * X-Auto-Response-Suppress alone is not evidence (Exchange sets it on ordinary mail too).
 */
function autoReplyHeaders(msg: MailMessage): boolean {
  const auto = (headerValue(msg.headers, 'auto-submitted') ?? '').toLowerCase();
  if (auto.startsWith('auto-replied')) return true;
  if (headerValue(msg.headers, 'x-autoreply') || headerValue(msg.headers, 'x-autorespond')) return true;
  const precedence = (headerValue(msg.headers, 'precedence') ?? '').toLowerCase();
  return precedence === 'auto_reply';
}

/**
 * Bounces from mailer daemons often carry Auto-Submitted: auto-replied too (RFC 3834 allows it), so
 * a notice from a system sender, or one whose subject says delivery failed, is never a vacation reply.
 */
const SYSTEM_SENDER = /^(?:mailer-daemon|postmaster|mail-daemon|mailerdaemon|mdaemon)@/i;
const BOUNCE_SUBJECT =
  /undeliver|undelivered|delivery (?:status|failure|notification|report)|returned mail|failure notice|non-?delivery|could not be delivered|mail delivery failed/i;

/**
 * Opening brackets that Japanese and Chinese mail clients put around the tag ("【自動返信】",
 * "[自动回复]", "「不在」"): the tag is read after them.
 */
const OPENING_BRACKETS = /^[[【「『(（〔<＜]+\s*/u;

function vacationSubject(subject: string): boolean {
  const s = subject.toLowerCase().trimStart().replace(OPENING_BRACKETS, '');
  return VACATION_SUBJECTS.some((p) => s.startsWith(p) || (p.length > 8 && s.includes(p)));
}

/**
 * Runs after the DSN extractors: a DSN may itself say Auto-Submitted: auto-replied, so this is only
 * reached for messages with no delivery-status fields. The recipient is whoever sent the auto-reply;
 * for a challenge (see challengeOf) the recipient the message was held for, when the notice names it.
 */
export function extractAutoreply(msg: MailMessage): Extraction | null {
  const subject = headerValue(msg.headers, 'subject') ?? '';
  const text = msg.text.length > MAX_CHALLENGE_SCAN ? msg.text.slice(0, MAX_CHALLENGE_SCAN) : msg.text;
  const challenge = challengeOf(subject, text);
  if (!autoReplyHeaders(msg) && !vacationSubject(subject) && !challenge?.named) return null;
  const from = findAddress(headerValue(msg.headers, 'from') ?? '');
  if (!from || SYSTEM_SENDER.test(from) || BOUNCE_SUBJECT.test(subject)) return null;
  if (!challenge) {
    return {
      kind: 'autoreply',
      format: 'rfc3834',
      recipients: [{ recipient: from, reasonHint: 'vacation' }],
    };
  }
  const heldFor = heldRecipient(subject, text) || findAddress(readOriginal(msg)?.summary.to ?? '');
  const r: RawRecipient = { recipient: heldFor || from, reasonHint: 'vacation', heldForConfirmation: true };
  if (challenge.words) r.diagnosticCode = challenge.words;
  return { kind: 'autoreply', format: 'challenge-response', recipients: [r] };
}

// ------------------------------------------------------------- challenge-response

/** Where a challenge's words are looked for: they come first, before any copy of the message. */
const MAX_CHALLENGE_SCAN = 8 * 1024;

/**
 * Words only challenge-response systems use: the name of the method or of common services (Spam
 * Arrest, Boxbe), "verify/confirm/prove you are human", "verification required".
 */
const CHALLENGE_NAMED =
  /\b(?:challenge[- ]?response|spam ?arrest|boxbe|(?:verify|confirm|prove)(?: that)? you(?:'re| are) (?:a )?(?:human|real person|not a (?:ro)?bot)|verification (?:request(?:ed)?|required))\b/i;
/** A request to confirm ... */
const CONFIRM = /\b(?:confirm|verify|verification|validate)\b/i;
/** ... with the message held until then, or the sender to be put on a list of allowed senders. */
const HELD =
  /\b(?:held|on hold|pending|quarantined|until you|(?:will|would) (?:then )?be (?:delivered|released|deleted|discarded)|whitelist(?:ed)?|approved senders?|allowed senders?|safe senders? list)\b/i;
/** Sentences that tell the sender what happens: confirm, held, deleted... */
const TELLS =
  /\b(?:confirm|verify|held|on hold|pending|deleted|discarded|expire[sd]?|whitelist\w*|approved senders?|challenge)\b/i;

/**
 * A challenge-response notice: the recipient's system holds the message until the sender confirms
 * (a link, a reply). `named` when its words are only a challenge's (it is read as one even without
 * RFC 3834 header fields); `words` the sentences that say what was asked and what happens.
 */
function challengeOf(subject: string, text: string): { named: boolean; words: string } | undefined {
  const named = CHALLENGE_NAMED.test(subject) || CHALLENGE_NAMED.test(text);
  if (!named && !CONFIRM.test(subject) && !CONFIRM.test(text)) return undefined;
  // (paragraphs first: a link on a line of its own ends no sentence; links themselves are left out)
  const sentences = [subject, ...text.replace(/\bhttps?:\/\/\S+/gi, ' ').split(/\n[ \t]*\n/)].flatMap((p) =>
    p
      .replace(/\s+/g, ' ')
      .trim()
      .split(/(?<=[.!?:])\s+/),
  );
  // without a challenge's own words, one sentence asks to confirm and says the message waits
  if (!named && !sentences.some((x) => CONFIRM.test(x) && HELD.test(x))) return undefined;
  const tells = sentences.slice(1).filter((x) => TELLS.test(x));
  return { named, words: tells.slice(0, 3).join(' ').slice(0, 500) };
}

/**
 * "your message to <addr>", 'Your message to "Name" <addr>', "You sent a message to addr", "mail
 * addressed to addr": whom the message was held for.
 */
const ADDRESSED =
  /\b(?:(?:your|the) (?:message|e-?mail|mail)(?: (?:sent|addressed))? (?:to|for)|you (?:have )?(?:sent|wrote)(?: (?:a|an) (?:message|e-?mail|mail))? to)\s*:?\s*(?:"[^"\n]{0,80}"\s*)?<?([^\s<>@]{1,64}@[^\s<>]{1,255})/i;

function heldRecipient(subject: string, text: string): string {
  const m = ADDRESSED.exec(subject) ?? ADDRESSED.exec(text);
  return m ? findAddress(m[1]) : '';
}
