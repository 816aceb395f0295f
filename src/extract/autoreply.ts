// Auto-replies: RFC 3834 (Auto-Submitted: auto-replied) and the common non-standard vacation notices.
import { headerValue } from '../read/index.js';
import type { Extraction, MailMessage } from '../types.js';
import { findAddress } from './fields.js';

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
 * reached for messages with no delivery-status fields. The recipient is whoever sent the auto-reply.
 */
export function extractAutoreply(msg: MailMessage): Extraction | null {
  const subject = headerValue(msg.headers, 'subject') ?? '';
  if (!autoReplyHeaders(msg) && !vacationSubject(subject)) return null;
  const from = findAddress(headerValue(msg.headers, 'from') ?? '');
  if (!from || SYSTEM_SENDER.test(from) || BOUNCE_SUBJECT.test(subject)) return null;
  return {
    kind: 'autoreply',
    format: 'rfc3834',
    recipients: [{ recipient: from, reasonHint: 'vacation' }],
  };
}
