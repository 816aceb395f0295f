// The postal-mime adapter: the one place that knows postal-mime's output shape.
import PostalMime, { type Attachment, type Email } from 'postal-mime';
import type { HeaderField, MailMessage, MessagePart } from '../types.js';
import { bytesToText } from './bytes.js';
import { decodeHeaderValue, splitHeaderBlock } from './headers.js';
import { htmlToText } from './html.js';
import { MAX_MIME_DEPTH } from './limits.js';
import type { MessageReader } from './reader.js';

/** Media types that carry the returned original message (RFC 3462/6522, RFC 6532). */
const ORIGINAL_TYPES = new Set([
  'message/rfc822',
  'message/global',
  'text/rfc822-headers',
  'message/global-headers',
]);
/** RFC 3464 and RFC 6533 delivery-status types. */
const STATUS_TYPES = new Set(['message/delivery-status', 'message/global-delivery-status']);

export const postalReader: MessageReader = {
  name: 'postal-mime',
  async read(bytes, raw) {
    // forceRfc822Attachments: the returned message must stay one attachment, never be merged into the body.
    const parser = new PostalMime({
      forceRfc822Attachments: true,
      attachmentEncoding: 'arraybuffer',
      maxNestingDepth: MAX_MIME_DEPTH,
    });
    const email = await parser.parse(bytes);
    return toMailMessage(email, raw);
  },
};

function toMailMessage(email: Email, raw: string): MailMessage {
  const headers: HeaderField[] = email.headers.map((h) => ({
    name: h.key,
    value: decodeHeaderValue(h.value),
  }));
  const parts: MessagePart[] = [];
  const plain = email.text?.trim() ? email.text : '';
  if (plain) parts.push({ contentType: 'text/plain', headers: [], content: plain });
  if (email.html) parts.push({ contentType: 'text/html', headers: [], content: email.html });

  let deliveryStatus: string | undefined;
  let feedbackReport: string | undefined;
  let originalMessage: string | undefined;
  const extraText: string[] = [];
  for (const a of email.attachments) {
    const part = attachmentPart(a);
    parts.push(part);
    if (STATUS_TYPES.has(part.contentType)) deliveryStatus = join(deliveryStatus, part.content);
    else if (part.contentType === 'message/feedback-report')
      feedbackReport = join(feedbackReport, part.content);
    else if (ORIGINAL_TYPES.has(part.contentType)) originalMessage ??= part.content;
    // A text/plain part marked as attachment is still readable text of the notice (some MTAs do this).
    else if (part.contentType === 'text/plain' && !plain) extraText.push(part.content);
  }

  let text = plain;
  if (!text && email.html) text = htmlToText(email.html);
  if (!text && extraText.length > 0) text = extraText.join('\n');
  if (!text && parts.length === 0) {
    // A multipart message whose boundary lines were lost (seen in forwarded and hand-edited
    // bounces) parses to nothing; its body is still readable text, so keep it rather than lose it.
    text = splitHeaderBlock(raw).body;
    if (text.trim()) parts.push({ contentType: 'text/plain', headers: [], content: text });
  }
  return { headers, text, parts, deliveryStatus, feedbackReport, originalMessage, raw };
}

function attachmentPart(a: Attachment): MessagePart {
  const content = typeof a.content === 'string' ? a.content : bytesToText(new Uint8Array(a.content));
  const headers: HeaderField[] = [{ name: 'content-type', value: a.mimeType }];
  if (a.disposition) headers.push({ name: 'content-disposition', value: a.disposition });
  if (a.description) headers.push({ name: 'content-description', value: a.description });
  const part: MessagePart = { contentType: a.mimeType.toLowerCase(), headers, content };
  if (a.filename) part.filename = a.filename;
  return part;
}

function join(a: string | undefined, b: string): string {
  return a === undefined ? b : `${a}\n\n${b}`;
}
