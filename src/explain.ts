// explain(): one input -> one report. read -> extract -> classify -> advise, one result per recipient.
import { type AdviceContext, advise, adviseLabelOnlyHard } from './advise/index.js';
import { weighLabel } from './classify/esp-label.js';
import { classify } from './classify/index.js';
import { joinReplyLines, MAX_REPLY_SCAN, parseReplyText, positiveReply } from './classify/reply.js';
import { extract } from './extract/index.js';
import { forgetRecentMemos } from './extract/memo.js';
import { ESP_NAMES, type EspRecipient, MAX_WEBHOOK_BYTES, readWebhook } from './extract/webhooks/index.js';
import { sizeOver, textOrBytes } from './read/bytes.js';
import { headerValue, InputError, type MessageReader, readInput } from './read/index.js';
import { notJson, startsLikeJsonArray } from './read/json-body.js';
import { MAX_RECIPIENTS } from './read/limits.js';
import type {
  ClassifyContext,
  ExplainReport,
  Extraction,
  FormatExtractor,
  RawRecipient,
  RecipientResult,
} from './types.js';

export { InputError } from './read/index.js';

export interface ExplainOptions {
  /** the MIME reader (postal-mime by default) */
  reader?: MessageReader;
  /** the bounce formats to try (the registry by default) */
  formats?: readonly FormatExtractor[];
}

/**
 * Explains one bounce: a whole message (bytes or text) or a bare SMTP reply text. Bytes are a
 * Uint8Array (a Buffer is one) or an ArrayBuffer; a webhook payload is given as its JSON text.
 * Rejects with an InputError (one-line message) when the input is empty, binary, too large,
 * unreadable or of another type; an input that is a readable message but no bounce gives kind
 * 'not-bounce'.
 */
export async function explain(
  input: Uint8Array | ArrayBuffer | string,
  options: ExplainOptions = {},
): Promise<ExplainReport> {
  const read = await readInput(textOrBytes(input), { reader: options.reader });
  if (read.type === 'reply-text') {
    // a JSON body has no header block: an ESP webhook payload, other JSON, or else text holding a reply
    const webhook = readWebhook(read.text);
    switch (webhook.type) {
      case 'extraction':
        return reportFromExtraction(webhook.extraction);
      case 'json':
        return notWebhookReport(webhook.esp);
      case 'too-large':
        // Not read as reply text: the words of 200,000 events are no SMTP reply.
        throw new InputError(
          'too-large',
          `input is a JSON body of ${sizeOver(webhook.length, MAX_WEBHOOK_BYTES)}; the limit for a webhook payload is ${MAX_WEBHOOK_BYTES / 1024 / 1024} MB (split the batch)`,
        );
      default: {
        const report = explainReplyText(read.text);
        // '[1,2' holds no reply: it is a JSON array cut short, not a text without a bounce
        if (report.results.length === 0 && startsLikeJsonArray(read.text))
          throw new InputError('unreadable', notJson(read.text));
        return report;
      }
    }
  }
  let report: ExplainReport;
  try {
    report = reportFromExtraction(extract(read.message, options.formats));
  } finally {
    // the extract stage's memos of this message are not kept: a large input is let go with it
    forgetRecentMemos();
  }
  const date = report.kind === 'not-bounce' ? undefined : headerValue(read.message.headers, 'date');
  if (date) report.date = date;
  if (
    report.kind === 'not-bounce' &&
    REPORT_TYPE.test(headerValue(read.message.headers, 'content-type') ?? '')
  )
    report.note =
      "This message says it is a delivery report (multipart/report, RFC 3462), but no recipient's delivery status could be read from it (its body is empty, cut off or malformed): nothing to explain.";
  // a limit of the reader's comes first: what it left unread was never offered to the extractors
  if (read.message.truncated)
    report.truncated = [read.message.truncated, report.truncated].filter(Boolean).join('; ');
  return report;
}

/** A Content-Type that declares a delivery or feedback report (RFC 3462, RFC 6522, RFC 5965). */
const REPORT_TYPE =
  /multipart\/report\b[\s\S]{0,500}?\breport-type\s*=\s*"?(?:delivery-status|feedback-report)/i;

/** Builds the report for an extraction: each recipient classified and advised. */
export function reportFromExtraction(ex: Extraction): ExplainReport {
  const ctx: ClassifyContext = { kind: ex.kind, format: ex.format };
  const report: ExplainReport = {
    kind: ex.kind,
    format: ex.format,
    results: ex.recipients.map((r) => result(r, ctx)),
  };
  if (ex.original) report.original = ex.original;
  if (ex.reportingMta) report.reportingMta = ex.reportingMta;
  if (ex.originalHeaders) report.originalHeaders = ex.originalHeaders;
  if (ex.recipients.length >= MAX_RECIPIENTS) {
    report.truncated = `only the first ${MAX_RECIPIENTS} recipients of this report were read`;
  }
  return report;
}

/**
 * A well-formed JSON document that gives no delivery event: no bounce, and not a reply text
 * either (its "status":["5.1.1"] is no server's reply). The note says what it is.
 */
function notWebhookReport(esp: string | undefined): ExplainReport {
  return {
    kind: 'not-bounce',
    format: esp ?? 'json',
    results: [],
    note: esp
      ? `This is a webhook payload from ${ESP_NAMES[esp] ?? esp}, but it holds no delivery event (bounce, delay, complaint, delivery) to explain.`
      : `This is a JSON document, but no known ESP webhook payload (${Object.values(ESP_NAMES).join(', ')}): there is no delivery event to explain.`,
  };
}

/** A bare reply: one result when the text holds an SMTP reply; otherwise the text is not a bounce. */
function explainReplyText(text: string): ExplainReport {
  const report = replyTextReport(text);
  // a reply is a few hundred characters: a longer text is searched in its first part only
  if (text.length > MAX_REPLY_SCAN)
    report.truncated = `only the first ${MAX_REPLY_SCAN / 1024} KB of the text were searched for an SMTP reply`;
  return report;
}

function replyTextReport(text: string): ExplainReport {
  const positive = positiveReply(text);
  if (positive)
    return {
      kind: 'not-bounce',
      format: 'reply-text',
      results: [],
      note: `This is a positive SMTP reply (${positive.code}: ${positive.meaning}), not a failure: nothing to explain.`,
    };
  const parsed = parseReplyText(text);
  if (!parsed) return { kind: 'not-bounce', format: 'reply-text', results: [] };
  const raw: RawRecipient = {
    recipient: parsed.recipient ?? '',
    status: parsed.status,
    replyCode: parsed.replyCode,
    diagnosticCode: parsed.text,
  };
  if (parsed.smtpCommand) raw.smtpCommand = parsed.smtpCommand;
  if (parsed.remoteMta) raw.remoteMta = parsed.remoteMta;
  if (parsed.action) raw.action = parsed.action;
  return reportFromExtraction({ kind: 'reply-text', format: 'reply-text', recipients: [raw] });
}

function result(raw: RawRecipient, ctx: ClassifyContext): RecipientResult {
  let c = classify(raw, ctx, false); // (a report carries no evidence notes)
  // Optional fields only when known, so JSON output carries no empty keys. (Each field is read
  // once: RawRecipient objects come in many shapes, which makes every read a slow lookup.)
  const { originalRecipient, action, diagnosticCode, smtpCommand, remoteMta, reportingMta } = raw;
  const { lastAttemptDate, willRetryUntil, feedbackType, espLabel } = raw;
  const weighed = espLabel ? weighLabel(raw as EspRecipient, espLabel, c) : undefined;
  if (weighed) c = weighed.c;
  const adviceCtx: AdviceContext = { kind: ctx.kind, action, feedbackType };
  if (raw.returnedBounce) adviceCtx.returnedBounce = true;
  if (raw.heldForConfirmation) adviceCtx.heldForConfirmation = true;
  if (willRetryUntil) adviceCtx.willRetryUntil = willRetryUntil;
  const r: RecipientResult = {
    recipient: raw.recipient,
    status: c.status,
    replyCode: c.replyCode,
    reason: c.reason,
    category: c.category,
    bounceType: c.bounceType,
    party: c.party,
    hardbounce: c.hardbounce,
    advice: weighed?.labelDecidedHard ? adviseLabelOnlyHard(c, adviceCtx) : advise(c, adviceCtx),
  };
  if (originalRecipient) r.originalRecipient = originalRecipient;
  if (action) r.action = action;
  if (diagnosticCode) r.diagnosticCode = unfoldReply(diagnosticCode);
  if (smtpCommand) r.smtpCommand = smtpCommand;
  if (remoteMta) r.remoteMta = remoteMta;
  if (reportingMta) r.reportingMta = reportingMta;
  if (lastAttemptDate) r.lastAttemptDate = lastAttemptDate;
  if (willRetryUntil) r.willRetryUntil = willRetryUntil;
  if (feedbackType) r.feedbackType = feedbackType;
  if (c.provider) r.provider = c.provider;
  if (espLabel) {
    r.espLabel = espLabel;
    // what the payload left out of the recipient first, then how its label was weighed
    const note = [(raw as EspRecipient).espNote, weighed?.note].filter(Boolean).join(' ');
    if (note) r.note = note;
  }
  return r;
}

/**
 * A multi-line SMTP reply that was unfolded into one line keeps each line's "550-5.7.26" prefix
 * (RFC 5321 §4.2.1 continuation lines). For a person the words read better without them:
 * "550-5.7.26 Unauthenticated email ... due 550-5.7.26 to domain's" -> "550 5.7.26 Unauthenticated
 * email ... due to domain's". Only the prefix the reply starts with is removed, word by word.
 */
export function unfoldReply(text: string): string {
  const lead = /^([245]\d\d)[ -]([245]\.\d{1,3}\.\d{1,3})\s/.exec(text);
  if (!lead || text.length > 200_000) return text;
  // the reply parser already knows how to drop continuation marks; keep the leading codes once
  return `${lead[1]} ${lead[2]} ${joinReplyLines(text, lead[1])}`.trim();
}
