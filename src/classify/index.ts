// The classifier: one recipient's raw fields -> reason, category, bounce type, party.
//
// It weighs the evidence together, never one field alone:
//   1. a receiving provider's own codes and wordings (providers/), when the provider is recognised;
//   2. a reason the extractor states from its format's fixed notice (RawRecipient.reasonHint);
//   3. an enhanced status code that by itself names the cause (RFC 3463/7372: X.7.26, X.2.2, ...);
//   4. the reply text, against the phrase tables (phrases/);
//   5. a status code that only names the area (X.1.1, X.2.1, X.7.1, ...);
//   6. the SMTP stage (a refusal at the greeting or at MAIL FROM is about the sender);
// and then the SMTP stage corrects the text (an "unknown user" answer after DATA, when RCPT had
// been accepted, is a filter, not a missing address), and the reply's class decides whether the
// failure is transient (4xx / 4.x.x: RFC 5321 section 4.2.1, RFC 3463 section 3.1).
import type {
  BounceType,
  Category,
  Classification,
  ClassifyContext,
  Party,
  RawRecipient,
  Reason,
} from '../types.js';
import { FEEDBACK_PROFILES, feedbackTypeOf } from './feedback-types.js';
import { candidatesInAny, indexOnFirstUse } from './literals.js';
import { findPhraseAmong, matchPhrase, PHRASE_PARTS, phraseLabel } from './phrases/index.js';
import { BLOCKED_GENERIC } from './phrases/sender.js';
import type { Phrase, PhraseTable } from './phrases/types.js';
import {
  MARKERS,
  matchProviderRule,
  type Provider,
  type ProviderRule,
  providersAmong,
} from './providers/index.js';
import { PSEUDO_DETAIL, REASON_PROFILES, type ReasonProfile, TRANSIENT_PSEUDO_DETAIL } from './reasons.js';
import { findCodes, findSmtpCommand, joinReplyLines } from './reply.js';
import { describeStatus, isAddressingCode, isGenericCode, normalStatus, statusKey } from './status.js';

/** Longest diagnostic text that is read; a real reply is a few hundred characters. */
export const MAX_CLASSIFY_TEXT = 64 * 1024;

/** Codes whose meaning is specific enough to outweigh the words around them. */
const STRONG_STATUS: Record<string, Reason> = {
  '1.6': 'hasmoved',
  '1.7': 'rejected', // the sender's address
  '1.8': 'rejected',
  '1.10': 'notaccept', // RFC 7505 null MX (Microsoft reuses 5.1.10 for "recipient not found": provider rule)
  '2.2': 'mailboxfull',
  '2.3': 'exceedlimit',
  '3.4': 'mesgtoobig',
  '7.20': 'authfailure',
  '7.21': 'authfailure',
  '7.22': 'authfailure',
  '7.23': 'authfailure',
  '7.24': 'authfailure',
  '7.25': 'requireptr',
  '7.26': 'authfailure',
  '7.27': 'rejected',
  '7.29': 'authfailure',
  '7.30': 'failedstarttls',
};

/** Codes that say where the trouble is but leave the words to say why. */
const WEAK_STATUS: Record<string, Reason> = {
  '1.1': 'userunknown',
  '1.2': 'hostunknown',
  '1.3': 'userunknown',
  '1.4': 'userunknown',
  '2.1': 'suspend',
  '2.4': 'systemerror',
  '3.0': 'systemerror',
  '3.1': 'systemfull',
  '3.2': 'notaccept',
  '3.3': 'systemerror',
  '3.5': 'systemerror',
  '4.1': 'networkerror',
  '4.2': 'networkerror',
  '4.3': 'systemerror',
  '4.4': 'hostunknown',
  '4.5': 'toomanyconn',
  '4.6': 'networkerror',
  '4.7': 'expired',
  '5.3': 'toomanyconn',
  '6.0': 'contenterror',
  '6.1': 'contenterror',
  '6.2': 'contenterror',
  '6.3': 'contenterror',
  '6.5': 'contenterror',
  '6.6': 'contenterror',
  '6.7': 'notcompliantrfc',
  '6.8': 'notcompliantrfc',
  '6.9': 'notcompliantrfc',
  '7.0': 'policyviolation',
  '7.1': 'blocked',
  '7.2': 'filtered',
  '7.3': 'securityerror',
  '7.4': 'securityerror',
  '7.5': 'securityerror',
  '7.6': 'securityerror',
  '7.7': 'securityerror',
  '7.8': 'securityerror',
  '7.9': 'securityerror',
  '7.10': 'failedstarttls',
  '7.11': 'failedstarttls',
  '7.13': 'suspend',
  '7.17': 'hasmoved',
  '7.18': 'hostunknown',
  '7.28': 'speeding',
};

// The tables above as Maps for the lookups: a plain object read with many different keys makes
// V8 fall back to a shared lookup cache that the rest of the pipeline keeps overwriting.
const STRONG_BY_KEY: ReadonlyMap<string, Reason> = new Map(Object.entries(STRONG_STATUS));
const WEAK_BY_KEY: ReadonlyMap<string, Reason> = new Map(Object.entries(WEAK_STATUS));
const PROFILES: ReadonlyMap<string, ReasonProfile> = new Map(Object.entries(REASON_PROFILES));

/** Reasons that stay permanent recipient failures in Sisimai's "hardbounce" sense. */
const HARD_REASONS: ReadonlySet<Reason> = new Set(['userunknown', 'hostunknown', 'hasmoved']);

interface Decision {
  reason: Reason;
  category?: Category;
  party?: Party;
  providerCode?: string;
  /** the bounce type, when the decision says more than the reason's profile (a feedback report's type) */
  bounceType?: BounceType;
  /** the phrase that decided, when the text did, and its table */
  phrase?: Phrase;
  table?: PhraseTable;
  /** where the decision came from: text evidence can be corrected by the SMTP stage */
  by: 'provider' | 'hint' | 'status' | 'text' | 'stage' | 'kind' | 'none';
}

function clip(text: string): string {
  return text.length > MAX_CLASSIFY_TEXT ? text.slice(0, MAX_CLASSIFY_TEXT) : text;
}

/** Lower case, typographic apostrophes made plain, continuation marks removed, spaces collapsed. */
function normalise(text: string, replyCode: string): string {
  return joinReplyLines(text, replyCode)
    .toLowerCase()
    .replace(/[\u2018\u2019]/g, "'");
}

function matchRuleText(lower: string, text: ProviderRule['text']): boolean {
  return text === undefined || matchPhrase(lower, { text, source: '' } as Phrase) >= 0;
}

function domainOf(address: string): string {
  const at = address.lastIndexOf('@');
  return at >= 0 ? address.slice(at).toLowerCase() : '';
}

/**
 * The phrase tables and the provider markers as one literal index (phrases first, then markers):
 * one pass over a recipient's texts names the candidates of both.
 */
const clueIndex = indexOnFirstUse(() => [...PHRASE_PARTS, ...MARKERS.map((m) => [m])]);

/** The texts that may name the provider, in the order in which they are believed. */
function providerPlaces(raw: RawRecipient, lower: string): string[] {
  // the remote MTA first, then the text, then the recipient's domain, and last the MTA that wrote
  // the notice (a filtering service that bounces in its own name)
  return [
    (raw.remoteMta ?? '').toLowerCase(),
    lower,
    domainOf(raw.recipient ?? ''),
    (raw.reportingMta ?? '').toLowerCase(),
  ];
}

/** What classify() read from a recipient's fields, as decide() weighs it. */
interface Reading {
  /** the enhanced status (normalised) or '' */
  status: string;
  replyCode: string;
  command: string;
  /** the reply text, normalised */
  lower: string;
  providers: Provider[];
  /** candidates for the phrase tables in `lower` (numbers into PHRASE_PARTS, ascending) */
  phrases: readonly number[];
}

/** The providers that the recipient's fields name, and the phrase tables' candidates in the text. */
function findClues(raw: RawRecipient, lower: string): { providers: Provider[]; phrases: number[] } {
  const places = providerPlaces(raw, lower);
  const clues = candidatesInAny(clueIndex(), places);
  // candidates below PHRASE_PARTS.length are phrases, the rest markers
  let split = 0;
  while (split < clues.length && clues[split] < PHRASE_PARTS.length) split++;
  if (split === clues.length) return { providers: [], phrases: clues }; // (most texts name no provider)
  const markers = clues.slice(split).map((k) => k - PHRASE_PARTS.length);
  return { providers: providersAmong(places, markers), phrases: clues.slice(0, split) };
}

/** A domain name: labels of letters, digits and hyphens joined by dots (RFC 1035 section 2.3.1). */
const DOMAIN_NAME_RE = /^[a-z0-9-]{1,63}(?:\.[a-z0-9-]{1,63})+$/;

/**
 * "553 mx.example.org does not exist": the server names a host or domain, not a mailbox, that it
 * cannot find. (An address before the words - with "@" - is a mailbox: the phrase tables.)
 */
function namesMissingDomain(lower: string): boolean {
  const at = lower.indexOf(' does not exist');
  if (at <= 0) return false;
  const start = lower.lastIndexOf(' ', at - 1) + 1;
  if (at - start > 255) return false;
  const name = lower
    .slice(start, at)
    .replace(/^[<("']+/, '')
    .replace(/[>)"':]+$/, '');
  return DOMAIN_NAME_RE.test(name);
}

/** A provider rule's conditions as they held, for the evidence notes. */
function ruleConditions(rule: ProviderRule, status: string, command: string): string {
  return [
    rule.status ? `status ${status}` : '',
    rule.command ? `at ${command}` : '',
    rule.text ? `"${phraseLabel({ text: rule.text, source: '' })}"` : '',
  ]
    .filter(Boolean)
    .join(' + ');
}

/**
 * The notes on what decided, or undefined when the caller does not read them (a report does
 * not): every note is written as `evidence?.push(...)`, which then skips building its words.
 */
type Evidence = string[] | undefined;

function decide(raw: RawRecipient, ctx: ClassifyContext, reading: Reading, evidence: Evidence): Decision {
  const { status, replyCode, command, lower, providers } = reading;
  if (ctx.kind === 'feedback' || raw.feedbackType) {
    const type = feedbackTypeOf(raw.feedbackType);
    evidence?.push(`a feedback report (RFC 5965), type ${type}`);
    return { reason: 'feedback', by: 'kind', ...FEEDBACK_PROFILES[type] };
  }
  if (ctx.kind === 'autoreply') {
    evidence?.push('an automatic reply (RFC 3834)');
    return { reason: 'vacation', by: 'kind' };
  }
  const action = (raw.action ?? '').toLowerCase();
  if (action === 'delivered' || action === 'relayed' || action === 'expanded' || status.startsWith('2.')) {
    evidence?.push(`delivered (action ${action || 'none'}, status ${status || 'none'})`);
    return { reason: 'delivered', by: 'kind' };
  }
  for (const provider of providers) {
    const rule = matchProviderRule(provider, status, lower, matchRuleText, command);
    if (rule) {
      evidence?.push(
        `provider ${provider.name}: ${ruleConditions(rule, status, command)} -> ${rule.reason} (${rule.source})`,
      );
      const d: Decision = { reason: rule.reason, by: 'provider' };
      if (rule.category) d.category = rule.category;
      if (rule.code) d.providerCode = rule.code;
      if (rule.party) d.party = rule.party;
      return d;
    }
  }
  if (raw.reasonHint) {
    evidence?.push(`the bounce format states the reason: ${raw.reasonHint}`);
    return { reason: raw.reasonHint, by: 'hint' };
  }
  // Exim names the stage itself ("SMTP error from remote mail server after EHLO ..."): a refusal
  // of its greeting refuses the sending host, whatever words come with it.
  if (EXIM_FORMATS.has(ctx.format) && (command === 'EHLO' || command === 'HELO')) {
    evidence?.push(`Exim reports the refusal after ${command}: the sending host was refused`);
    return { reason: 'blocked', by: 'stage' };
  }
  // RFC 5248 registers reply code 525 for X.7.13 "User account disabled".
  if (replyCode === '525') {
    evidence?.push('reply code 525 (RFC 5248: user account disabled) -> suspend');
    return { reason: 'suspend', by: 'status' };
  }
  const key = statusKey(status);
  const strong = STRONG_BY_KEY.get(key);
  if (strong) {
    evidence?.push(`status ${status} (${describeStatus(status)}) -> ${strong}`);
    return { reason: strong, by: 'status' };
  }
  const phrase = findPhraseAmong(lower, reading.phrases);
  if (phrase) {
    evidence?.push(
      `text "${phraseLabel(phrase.phrase)}" -> ${phrase.table.reason} (${phrase.phrase.source})`,
    );
    const d: Decision = {
      reason: phrase.table.reason,
      by: 'text',
      phrase: phrase.phrase,
      table: phrase.table,
    };
    if (phrase.table.category) d.category = phrase.table.category;
    if (phrase.table.party) d.party = phrase.table.party;
    if (phrase.table.code) d.providerCode = phrase.table.code;
    return d;
  }
  if (namesMissingDomain(lower)) {
    evidence?.push('the server says a domain name "does not exist" -> hostunknown');
    return { reason: 'hostunknown', by: 'text' };
  }
  const weak = WEAK_BY_KEY.get(key);
  if (weak) {
    evidence?.push(`status ${status} (${describeStatus(status)}) -> ${weak}`);
    return { reason: weak, by: 'status' };
  }
  if (command === 'CONN' || command === 'EHLO' || command === 'HELO') {
    evidence?.push(`refused at ${command}, before any address was given: the sending host was refused`);
    return { reason: 'blocked', by: 'stage' };
  }
  if (command === 'MAIL') {
    evidence?.push('refused at MAIL FROM: the sender address was refused');
    return { reason: 'rejected', by: 'stage' };
  }
  if (action === 'delayed' || ctx.kind === 'delay') {
    evidence?.push('a delay notice without a stated cause');
    return { reason: 'expired', by: 'stage' };
  }
  // Words were given but none names a cause: the reason is held open ("onhold"), while a notice
  // without any words from the server stays "undefined" (Sisimai makes the same distinction).
  if (lower) {
    evidence?.push("the server's words name no cause that is known: on hold");
    return { reason: 'onhold', by: 'none' };
  }
  evidence?.push('no code or wording that names a cause');
  return { reason: 'undefined', by: 'none' };
}

/**
 * What the SMTP stage and the reply's form say about words that name a cause.
 *
 * RFC 5321: a recipient is accepted or refused at RCPT. "User unknown" words prove a missing
 * address when they answer RCPT or come with an addressing status (X.1.x, at any stage: with
 * PIPELINING a transcript shows RCPT's reply after ">>> DATA"). Said after DATA (RCPT had
 * accepted the address), or with no stage and a non-addressing status (X.0.0, X.2.0, X.7.1),
 * they are the recipient side's filter refusing this message (Sisimai reads them the same way).
 * With neither stage nor status, a bounce notice that does not say the address was refused at
 * RCPT gets the same reading, while a bare reply a person pasted keeps its words: there is no
 * notice around it that could have named the stage. A directory's own verdict ("not listed in
 * Domino Directory", Exchange's RecipientNotFound) holds at any stage.
 */
function correctByStage(
  decision: Decision,
  ctx: ClassifyContext,
  lower: string,
  command: string,
  status: string,
  replyCode: string,
  evidence: Evidence,
): Reason {
  // At MAIL FROM no recipient has been named yet: a refusal in words that do not say what was
  // judged ("Access denied") is about the sender's address.
  if (decision.table === BLOCKED_GENERIC && command === 'MAIL') {
    evidence?.push('refused at MAIL FROM in general words: the sender address was refused');
    return 'rejected';
  }
  if (decision.reason !== 'userunknown' || decision.by !== 'text' || decision.phrase?.directory) {
    return decision.reason;
  }
  // A reply whose address slot is empty ("550 : User unknown") answered no recipient: it came
  // after DATA, for the whole message. One that names the address ("550 <a@b>: User unknown")
  // proves nothing by itself: Postfix and Sendmail name the recipient after DATA too.
  const atRcpt = command === 'RCPT';
  const afterData = command === 'DATA' || (!command && lower.startsWith(': '));
  const addressing = isAddressingCode(status);
  // 553 is the reply to a mailbox name that is not allowed (RFC 5321 section 4.2.2, e.g. at RCPT):
  // it confirms that the address itself was refused, as an X.1.x status does
  if (atRcpt || command === 'MAIL' || addressing || replyCode === '553') return decision.reason;
  if (afterData) {
    evidence?.push('refused after DATA although RCPT accepted the address: a filter, not a missing address');
    return 'filtered';
  }
  if (status || ctx.kind !== 'reply-text') {
    evidence?.push(
      'the words say "unknown" but neither the stage (RCPT) nor the status (X.1.x) confirms it: read as a filter',
    );
    return 'filtered';
  }
  return decision.reason;
}

/** The code at the start of a Status field value ("5.1.1 (Remote SMTP server has rejected address)"). */
function leadingStatus(field: string): string {
  const m = /^\s*([245]\.\d{1,3}\.\d{1,3})(?![\d.])/.exec(field.slice(0, 64));
  return m ? m[1] : '';
}

/** The status to weigh, of the one in the text and the Status field's (both normalised or ''). */
function chooseStatus(inText: string, field: string): string {
  if (!inText) return field;
  if (field && isGenericCode(inText) && !isGenericCode(field) && inText[0] === field[0]) return field;
  return inText;
}

/** Notice formats that Sisimai reads with its Exim decoder (mail.ru's servers run Exim). */
const EXIM_FORMATS: ReadonlySet<string> = new Set(['exim', 'mailru']);

/**
 * Sisimai's pseudo status ("X.0.9NN", reasons.ts) for a bounce that names no enhanced status.
 * Its class follows what the server said - a 4xx reply, or words calling the failure temporary
 * or persistent - not the notice's Action: a "delayed" notice about a permanent cause still
 * names a permanent cause. Exim notices are read as Exim reports them: a delivery that expired
 * or met a full mailbox was retried as a temporary failure, and a refusal at MAIL FROM is coded
 * "on hold" (901), as Sisimai's Exim decoder marks it before the reason is known.
 */
function pseudoStatus(
  reason: Reason,
  replyCode: string,
  lower: string,
  command: string,
  ctx: ClassifyContext,
): string {
  let transient = replyCode.startsWith('4');
  let detail: string | undefined;
  if (EXIM_FORMATS.has(ctx.format)) {
    if (reason === 'expired' || reason === 'mailboxfull') transient = true;
    if (command === 'MAIL') detail = PSEUDO_DETAIL.onhold;
  } else if (lower.includes(' temporar') || lower.includes(' persistent')) {
    transient = true;
  }
  detail ??= (transient ? TRANSIENT_PSEUDO_DETAIL[reason] : undefined) ?? PSEUDO_DETAIL[reason] ?? '900';
  return `${transient ? '4' : '5'}.0.${detail}`;
}

/** 4: transient, 5: permanent, '': not said. The enhanced status speaks first, then the reply code. */
function replyClass(
  status: string,
  replyCode: string,
  raw: RawRecipient,
  ctx: ClassifyContext,
): '4' | '5' | '' {
  if (status.startsWith('4')) return '4';
  if (status.startsWith('5')) return '5';
  if (replyCode.startsWith('4')) return '4';
  if (replyCode.startsWith('5')) return '5';
  if ((raw.action ?? '').toLowerCase() === 'delayed' || ctx.kind === 'delay') return '4';
  return '';
}

function bounceTypeFor(reason: Reason, klass: '4' | '5' | '', base: BounceType): BounceType {
  // A transient reply means the sending server will try again by itself (RFC 5321 4.5.4.1),
  // whatever the cause - except a null MX (RFC 7505), which says the domain takes no mail at all.
  if (klass === '4' && reason !== 'notaccept') return 'soft';
  // A permanent refusal without a stated cause: do not retry unchanged, do not suppress.
  if (klass === '5' && (reason === 'undefined' || reason === 'onhold')) return 'block';
  return base;
}

/**
 * Classifies one recipient. With `withEvidence` false the result's evidence is empty and its
 * notes are never written (explain() reports do not carry them); every other field is the same.
 */
export function classify(raw: RawRecipient, ctx: ClassifyContext, withEvidence = true): Classification {
  const evidence: Evidence = withEvidence ? [] : undefined;
  const diag = clip(raw.diagnosticCode ?? '');
  const found = findCodes(diag);
  // An extractor that sets replyCode to '' has checked and found none (a leading number that is no
  // SMTP reply code, or one whose class contradicts the Status field): do not re-read the text.
  let replyCode =
    raw.replyCode === ''
      ? ''
      : /^[245][0-5]\d$/.test(raw.replyCode ?? '')
        ? (raw.replyCode as string)
        : found.replyCode;
  // (the stage is looked for in the text only when the notice did not state it)
  const command = raw.smtpCommand || findSmtpCommand(diag) || '';
  // The status inside the server's own words is more precise than the DSN's Status field,
  // which MTAs often fill with a generic X.0.0 (RFC 3464 lets both be given) - unless the words
  // themselves only say X.0.0 and the field is more precise.
  const given = chooseStatus(normalStatus(found.status), normalStatus(leadingStatus(raw.status ?? '')));
  // the extractor dropped the reply code for contradicting the Status field, but the server's own
  // words decide the status here ("Status: 4.0.0" beside "550 5.1.1 ..."): their code goes with it
  // (only that case: a number the extractor found to be no SMTP reply code stays dropped)
  const field = leadingStatus(raw.status ?? '');
  if (
    raw.replyCode === '' &&
    found.replyCode &&
    given === normalStatus(found.status) &&
    given[0] === found.replyCode[0] &&
    field !== '' &&
    field[0] !== given[0]
  )
    replyCode = found.replyCode;
  const lower = normalise(diag, replyCode);
  const { providers, phrases } = findClues(raw, lower);
  const reading: Reading = { status: given, replyCode, command, lower, providers, phrases };

  const decision = decide(raw, ctx, reading, evidence);
  const reason = correctByStage(decision, ctx, lower, command, given, replyCode, evidence);
  const category = reason === decision.reason ? decision.category : undefined;
  const party = reason === decision.reason ? decision.party : undefined;
  const baseType = reason === decision.reason ? decision.bounceType : undefined;

  const profile = PROFILES.get(reason) as ReasonProfile;
  const klass = replyClass(given, replyCode, raw, ctx);
  const bounceType = bounceTypeFor(reason, klass, baseType ?? profile.bounceType);
  let status = given;
  if (!status && reason !== 'feedback' && reason !== 'vacation' && reason !== 'delivered') {
    status = pseudoStatus(reason, replyCode, lower, command, ctx);
    evidence?.push(`no enhanced status given: pseudo status ${status}`);
  }
  // Sisimai's hardbounce: a dead address or domain; a domain that accepts no mail only when the
  // status says so permanently.
  const hardbounce = HARD_REASONS.has(reason) || (reason === 'notaccept' && status.startsWith('5'));

  const result: Classification = {
    reason,
    category: category ?? profile.category,
    bounceType,
    party: party ?? profile.party,
    hardbounce,
    status,
    replyCode,
    evidence: evidence ?? [],
  };
  if (providers.length > 0) result.provider = providers[0].name;
  if (decision.providerCode) result.providerCode = decision.providerCode;
  // "User unknown" that neither the stage nor the status confirmed (correctByStage's last rule, not
  // its after-DATA one): read as a filter, as Sisimai reads it, but the advice says what the words
  // claim and when to treat the address as dead
  else if (
    decision.reason === 'userunknown' &&
    reason === 'filtered' &&
    command !== 'DATA' &&
    !lower.startsWith(': ')
  )
    result.providerCode = 'unknown-unconfirmed';
  return result;
}
