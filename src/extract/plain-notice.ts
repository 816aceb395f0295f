// The last resort for a bounce in free text that no format reader knows: a notice from a system
// sender (mailer-daemon, postmaster) whose Subject says the mail was returned, and whose text names
// the failed address in a sentence ("User's mailbox is full: <addr>", "Did not reach the following
// recipient: addr"). RFC 3462/3464 ask for a machine-readable report; old and home-grown MTAs send
// only such prose (RFC 1123 5.3.3 merely requires that a notification be sent). Both the sender and
// the subject must look like a bounce, so ordinary mail that quotes an address is left alone.
import { headerValue } from '../read/index.js';
import { MAX_RECIPIENTS } from '../read/limits.js';
import type { Extraction, MailMessage, RawRecipient } from '../types.js';
import { findAddress, findSmtpCommand } from './fields.js';
import { readOriginal } from './original.js';

/** Local parts that system senders of delivery notices use (RFC 5321 4.5.1 postmaster, MTA daemons). */
const SYSTEM_SENDER =
  /^(?:mailer-daemon|postmaster|mail-daemon|mailerdaemon|mdaemon|mail\.daemon|microsoftexchange[0-9a-f]{0,40})@/i;

/**
 * Subjects of delivery-failure notices, as MTAs write them: the common fixed English wordings, at
 * the subject's start (an English word such as "undelivered" may appear in any subject later on).
 * A subject may start with the notice's name ("Mail Delivery System - Undelivered").
 */
const BOUNCE_SUBJECT = new RegExp(
  '^\\s*(?:mail delivery system\\s*[-:]\\s*)?(?:' +
    [
      'returned mail|undeliver(?:able|ed)|delivery (?:status notification|failure|failed|problem)',
      'failure notice|mail delivery (?:failed|failure|system)|non[- ]?delivery|mail system error',
      'message not delivered|could not send message',
      // hMailServer, MDaemon, GroupWise
      'message undeliverable|permanent delivery failure|message status - undeliverable',
    ].join('|') +
    ')',
  'i',
);

/**
 * The same in the languages of localized servers (Exchange, Outlook, web.de/GMX, Orange, Libero,
 * Japanese and Chinese providers), anywhere in the subject: these wordings say what the notice is
 * wherever they stand ("Correo no entregado: Pedido 55", "Messaggio non recapitato: ...", "系统退信").
 */
const BOUNCE_SUBJECT_LOCALIZED = new RegExp(
  [
    // German, French, Spanish, Italian, Portuguese
    'unzustellbar|nicht zustellbar|zustellung fehlgeschlagen',
    'non remis|non distribuable|(?:é|e)chec de (?:la )?(?:remise|distribution)|message non d(?:é|e)livr(?:é|e)',
    // delay warnings (Postfix's translated "Delayed Mail (still being retried)")
    'message retard(?:é|e)|zustellung verz(?:ö|o)gert|verz(?:ö|o)gerte (?:nachricht|zustellung)|mensaje retrasado|messaggio in ritardo',
    'no se puede entregar|no entregado|error de entrega',
    'non recapitat|mancato recapito|impossibile recapitare',
    'n(?:ã|a)o (?:foi )?entregue|n(?:ã|a)o (?:é|e) poss(?:í|i)vel entregar|falha na entrega',
    // Russian, Japanese, Chinese
    'недоставлен|не доставлен|ошибка доставки',
    '配信不能|配信エラー|配信できません|送信エラー|エラーメール|不達',
    '退信|无法投递|邮件投递失败|投遞失敗|無法投遞',
  ].join('|'),
  'i',
);

/** Does the subject name a delivery-failure notice? */
function isBounceSubject(subject: string): boolean {
  return BOUNCE_SUBJECT.test(subject) || BOUNCE_SUBJECT_LOCALIZED.test(subject);
}

/** Words that say a sentence is about a failure, not just an address in passing. */
const FAILURE_WORDS =
  /\b(?:fail(?:ed|ure)?|unable|could ?not|couldn't|cannot|not reach|undeliver\w*|reject\w*|unknown|full|not found|no such|denied|refused|invalid|disabled|discontinued|suspended|inactive|quota|blocked|expired|error|doesn't have|does not (?:exist|have)|no longer|timed out|connection refused)\b/i;

/**
 * The same in the languages of localized servers (lower case; no word boundaries, which JavaScript
 * patterns know only for ASCII), and an SMTP failure reply or enhanced status (RFC 5321 4.2,
 * RFC 3463) anywhere on the line: a server's own words in any language.
 */
const FAILURE_WORDS_LOCALIZED = new RegExp(
  [
    'unbekannt|existiert nicht|nicht zugestellt|unzustellbar|abgelehnt|fehlgeschlagen|nicht gefunden|nicht erreichbar|postfach (?:ist )?voll',
    'inconnu|introuvable|refus(?:é|e)|rejet(?:é|e)|n.existe pas|plein|(?:é|e)chec|non remis',
    'desconocid|no existe|rechazad|lleno|fallid|no se pudo',
    'sconosciut|inesistente|rifiutat|pieno|non (?:è|e) stato possibile',
    'desconhecid|n(?:ã|a)o existe|rejeitad|cheio|falhou',
    'неизвестн|не существует|отклонен|переполнен|не доставлен|ошибка',
    '存在しません|配信できません|エラー|失敗|拒否|不明',
    '不存在|失败|拒绝|已满|无法',
    '(?:^|[^\\d.])[45][0-5]\\d[ -](?:[45]\\.\\d{1,3}\\.\\d{1,3}\\b|\\D)',
    '(?:^|[^\\d.])[45]\\.\\d{1,3}\\.\\d{1,3}(?![\\d.])',
  ].join('|'),
);

/** Does the line say that something failed, in any of the languages above? */
function saysFailure(line: string): boolean {
  return FAILURE_WORDS.test(line) || FAILURE_WORDS_LOCALIZED.test(line.toLowerCase());
}

/**
 * A line that is an address and nothing else ("  petra@example.de", "<petra@example.de>"), or an
 * address after a label in the notice's language ("Empfänger: <uwe@example.de>").
 */
const ADDRESS_ONLY = /^[ \t]*(?:[^\s:<>@]{1,40}:[ \t]*)?<?[^\s<>@]{1,256}@[^\s<>@]{1,256}>?[ \t]*$/;
/** Labels of header fields: "To: <addr>" is a quoted header block's line, not the notice's. */
const HEADER_LABEL =
  /^[ \t]*(?:to|cc|bcc|from|sender|reply-to|return-path|delivered-to|envelope-to|resent-[a-z]+|x-[a-z0-9-]+):/i;
/** An SMTP reply code or enhanced status in a text: the server's own words, which decide best. */
const HAS_CODE = /(?:^|[^\d.])(?:[45][0-5]\d[ -]|[45]\.\d{1,3}\.\d{1,3}(?![\d.]))/;
/** How many lines after an address alone on its line may hold the failure that concerns it. */
const FOLLOWING_LINES = 3;
/** How many lines after such an address are looked through for a quoted SMTP reply. */
const BLOCK_LINES = 8;

/** Exchange marks its non-delivery reports with this header field, in every language. */
const EXCHANGE_NDR = 'x-ms-exchange-message-is-ndr';

const MAX_LINES = 2000;

/**
 * Words of a notice whose server keeps the message and tries again ("will be retried", "A mensagem
 * será reenviada automaticamente"), in the languages above. A notice that says nothing of it is
 * read as a final bounce, as the notices of old MTAs are.
 */
const STILL_TRYING = new RegExp(
  [
    'will (?:be )?(?:retried|resent|re-sent|try again|keep trying|continue (?:trying|to try))',
    'still (?:be )?trying|not yet been delivered|delivery (?:is|has been) delayed',
    'wird (?:weiterhin |automatisch |erneut )*(?:versucht|zugestellt)|noch nicht zugestellt',
    'sera (?:ré|re)essay|nouvelle tentative|pas encore (?:été )?(?:remis|distribu)|sera conserv(?:é|e) dans la file',
    'se (?:reintentar|volver(?:á|a) a intentar)|ser(?:á|a) reenviad|nova tentativa|nuevo intento',
    '(?:verr(?:à|a)|sar(?:à|a)) ritentat|nuovo tentativo',
  ].join('|'),
  'i',
);
/** How much of the notice STILL_TRYING reads. */
const MAX_SCAN = 64 * 1024;
/**
 * Longest part of a line that is read: a reply is a few hundred characters, and what names the
 * address and the failure comes first. A longer line is read cut to this (skipping it turned a
 * bounce with one long reply line into "not a bounce").
 */
const MAX_LINE = 1000;
const cut = (line: string) => (line.length > MAX_LINE ? line.slice(0, MAX_LINE) : line);

export function extractPlainNotice(msg: MailMessage): Extraction | null {
  const from = findAddress(headerValue(msg.headers, 'from') ?? '');
  const subject = headerValue(msg.headers, 'subject') ?? '';
  const ndrMarked = msg.headers.some((h) => h.name === EXCHANGE_NDR);
  if (!ndrMarked && (!SYSTEM_SENDER.test(from) || !isBounceSubject(subject))) return null;

  // The notice's own addresses (sender, receiver of the notice) are not failed recipients.
  const own = new Set(
    ['from', 'to', 'return-path'].map((n) => findAddress(headerValue(msg.headers, n) ?? '').toLowerCase()),
  );
  const recipients: RawRecipient[] = [];
  const seen = new Map<string, RawRecipient>();
  const lines = msg.text.split(/\r?\n/, MAX_LINES);
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i].includes('@')) continue;
    // a sentence folded onto indented lines below it ("<a@b>: connect to ...: Connection\n    timed
    // out", as Postfix writes) is read whole; an address alone on its line has its block below it
    const first = cut(lines[i]);
    const line = ADDRESS_ONLY.test(first) ? first : cut(withContinuation(lines, i));
    // "To: <addr>" and the like belong to a quoted header block, not to the notice's sentence.
    if (HEADER_LABEL.test(line)) continue;
    // the failure is said on the address's line, or (an address alone on its line) just below it
    const said = saysFailure(line) ? line.trim() : ADDRESS_ONLY.test(line) ? failureBelow(lines, i) : '';
    if (!said) continue;
    const address = findAddress(line);
    const key = address.toLowerCase();
    if (!address || own.has(key)) continue;
    const known = seen.get(key);
    if (known) {
      // a notice in two parts (for the user, then for administrators, as Exchange writes it): the
      // part that quotes the server's reply decides
      if (!HAS_CODE.test(known.diagnosticCode ?? '') && HAS_CODE.test(said)) setDiagnostic(known, said);
      continue;
    }
    const r: RawRecipient = { recipient: address };
    setDiagnostic(r, said);
    seen.set(key, r);
    recipients.push(r);
    if (recipients.length >= MAX_RECIPIENTS) break;
  }
  if (recipients.length === 0) {
    // No sentence names an address, but the notice quotes the server's reply ("550 5.1.1 user
    // unknown"): one result for the unnamed recipient, so the reply is still explained.
    const reply = quotedReply(msg.text);
    if (!reply) return null;
    recipients.push(reply);
  } else if (recipients.length === 1 && !HAS_CODE.test(recipients[0].diagnosticCode ?? '')) {
    // One address named in a sentence without a code ("Your message wasn't delivered to <addr>
    // because the address couldn't be found"), and the server's reply quoted on a line of its own
    // below: the reply is about that address (unless it names another), and its words decide.
    const reply = quotedReply(msg.text);
    const r = recipients[0];
    if (reply && (!reply.recipient || reply.recipient.toLowerCase() === r.recipient.toLowerCase())) {
      setDiagnostic(r, reply.diagnosticCode ?? '');
      if (reply.replyCode) r.replyCode = reply.replyCode;
      if (reply.status) r.status = reply.status;
    }
  }
  // a notice that says the server goes on trying is a delay notice (RFC 3464's Action: delayed)
  const delayed = STILL_TRYING.test(msg.text.length > MAX_SCAN ? msg.text.slice(0, MAX_SCAN) : msg.text);
  if (delayed) for (const r of recipients) r.action = 'delayed';
  const ex: Extraction = { kind: delayed ? 'delay' : 'bounce', format: 'plain-notice', recipients };
  const original = readOriginal(msg);
  if (original) {
    ex.original = original.summary;
    ex.originalHeaders = original.headers;
  }
  return ex;
}

/** The line at `at` with the indented lines that continue it (at most FOLLOWING_LINES), joined. */
function withContinuation(lines: readonly string[], at: number): string {
  let line = lines[at];
  for (let j = at + 1; j < lines.length && j <= at + FOLLOWING_LINES; j++) {
    const next = lines[j];
    if (!/^[ \t]+\S/.test(next) || next.includes('@')) break;
    line = `${line} ${next.trim()}`;
  }
  return line;
}

/** Sets the recipient's diagnostic text and the SMTP stage it names. */
function setDiagnostic(r: RawRecipient, text: string): void {
  r.diagnosticCode = text;
  const stage = findSmtpCommand(text);
  if (stage) r.smtpCommand = stage;
  else delete r.smtpCommand;
}

/**
 * The lines below an address alone on its line that say what failed, among the non-empty lines
 * before the next empty line or address (at most BLOCK_LINES): from the first that quotes an SMTP
 * reply on (the server's words, with their continuation lines: "Remote server replied: 550-5.1.1
 * ..."), else the first FOLLOWING_LINES when one of them says a failure; '' otherwise.
 */
function failureBelow(lines: readonly string[], at: number): string {
  const below: string[] = [];
  for (let j = at + 1; j < lines.length && below.length < BLOCK_LINES; j++) {
    const line = cut(lines[j]).trim();
    if (line === '' || ADDRESS_ONLY.test(line)) break;
    below.push(line);
  }
  const reply = below.findIndex((l) => HAS_CODE.test(l));
  if (reply >= 0) return below.slice(reply).join(' ');
  const first = below.slice(0, FOLLOWING_LINES);
  return first.some(saysFailure) ? first.join(' ') : '';
}

const REPLY_LINE = /^[ \t]{0,8}([45][0-5]\d)[ -](?:([45]\.\d{1,3}\.\d{1,3})(?=\s))?/;

/** The first line that is an SMTP failure reply (RFC 5321 §4.2), as a recipient whose address is not named. */
function quotedReply(text: string): RawRecipient | undefined {
  for (const whole of text.split(/\r?\n/, MAX_LINES)) {
    const line = cut(whole);
    const m = REPLY_LINE.exec(line);
    if (!m) continue;
    const r: RawRecipient = { recipient: findAddress(line), diagnosticCode: line.trim(), replyCode: m[1] };
    if (m[2]) r.status = m[2];
    return r;
  }
  return undefined;
}
