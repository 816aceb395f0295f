// A MIME tree -> the MailMessage the extractors read (src/types.ts). Mirrors what the postal-mime
// adapter (../postal.ts) builds, so the two readers are interchangeable: inline text/plain parts
// joined as the text (one representation per multipart/alternative), every other leaf part an
// attachment part, the report parts (RFC 3464, RFC 5965, RFC 6522) in their own fields.
import type { HeaderField, MailMessage, MessagePart } from '../../types.js';
import { htmlToText } from '../html.js';
import { bodyBytes, bodyIsAscii, bodyText } from './body.js';
import { decodeBody } from './charset.js';
import type { Field } from './fields.js';
import { decodeEncodedWords } from './rfc2047.js';
import type { MimeNode, Source } from './tree.js';

/** Media types that carry the returned original message (RFC 6522 section 3, RFC 6532). */
const ORIGINAL_TYPES = new Set([
  'message/rfc822',
  'message/global',
  'text/rfc822-headers',
  'message/global-headers',
]);
/** RFC 3464 and RFC 6533 delivery-status types. */
const STATUS_TYPES = new Set(['message/delivery-status', 'message/global-delivery-status']);

/**
 * Parts whose content no bounce reader looks at: images, sound, video, fonts, application data
 * other than JSON (and a multipart left unsplit). They are listed with empty content instead of
 * being decoded, which also keeps large binary attachments out of memory.
 */
function skipContent(type: string): boolean {
  const slash = type.indexOf('/');
  const top = slash < 0 ? type : type.slice(0, slash);
  if (top === 'application') return !type.endsWith('json');
  return (
    top === 'image' ||
    top === 'audio' ||
    top === 'video' ||
    top === 'font' ||
    top === 'model' ||
    top === 'multipart'
  );
}

/**
 * White space that collapsing runs to one space changes: a run of two or more, or one that is not
 * a space. Rewriting only these (rather than every /\s+/ run) gives the same text, and a value
 * without any (most) is returned as it is after one native pass.
 */
const SPACE_TO_COLLAPSE = /\s{2,}|[^\S ]/g;

/** A header value with RFC 2047 words decoded and white space runs collapsed. */
export function decodeValue(value: string): string {
  return decodeEncodedWords(value).replace(SPACE_TO_COLLAPSE, ' ').trim();
}

/**
 * What decodeValue would change: white space to collapse (a run of two or more holds two spaces
 * or a white space other than a space) or an encoded word. This form tests faster than /\s{2,}/.
 * The class is /[^\S ]/ (every \s but the space) spelled out, which V8 tests twice as fast;
 * test/read/fast.test.ts checks that the two agree on every character.
 */
export const NEEDS_DECODING = /[\t-\r\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]| {2}|=\?/;

/**
 * decodeValue(field.value). Most values need nothing done once their folds are single spaces
 * (field.spaced): one pattern test then says so, and the value is used as it is.
 */
export function decodeField(field: Field): string {
  const plain = field.spaced ?? field.value;
  return NEEDS_DECODING.test(plain) ? decodeValue(field.value) : plain;
}

interface TextEntry {
  plain: string[];
  html: string[];
}

export function toMailMessage(root: MimeNode, src: Source, raw: string): MailMessage {
  const headers: HeaderField[] = root.fields.map((f) => ({ name: f.name, value: decodeField(f) }));
  // Inline text by the part that selects it: a multipart/alternative, else the text part itself.
  const texts = new Map<MimeNode, TextEntry>();
  let hasHtml = false;
  const attachments: MimeNode[] = [];
  const walk = (node: MimeNode, alternative: MimeNode | undefined) => {
    if (node.multipart === undefined) {
      const inline =
        node.disposition !== 'attachment' && (node.type === 'text/plain' || node.type === 'text/html');
      if (!inline) {
        attachments.push(node);
        return;
      }
      const key = alternative ?? node;
      let entry = texts.get(key);
      if (!entry) {
        entry = { plain: [], html: [] };
        texts.set(key, entry);
      }
      const content = bodyText(src, node, node.params.charset);
      if (node.type === 'text/html') {
        entry.html.push(content);
        hasHtml = true;
      } else entry.plain.push(content);
      return;
    }
    const alt = node.multipart === 'alternative' ? node : alternative;
    for (const child of node.children) walk(child, alt);
  };
  walk(root, undefined);

  // postal-mime's rule: the plain body exists once any inline text/plain part does, and then an
  // HTML-only part adds its text rendering; HTML-only messages get their text from the HTML below.
  let hasPlain = false;
  for (const entry of texts.values()) if (entry.plain.length > 0) hasPlain = true;
  const plainOut: string[] = [];
  const htmlOut: string[] = [];
  for (const entry of texts.values()) {
    if (entry.plain.length > 0) plainOut.push(...entry.plain);
    else if (hasPlain) plainOut.push(...entry.html.map(htmlToText));
    htmlOut.push(...entry.html);
  }
  const joinedPlain = plainOut.join('\n');
  const html = hasHtml ? htmlOut.join('\n') : '';

  const parts: MessagePart[] = [];
  const plain = hasText(joinedPlain) ? joinedPlain : '';
  if (plain) parts.push({ contentType: 'text/plain', headers: [], content: plain });
  if (html) parts.push({ contentType: 'text/html', headers: [], content: html });

  let deliveryStatus: string | undefined;
  let feedbackReport: string | undefined;
  let originalMessage: string | undefined;
  const extraText: string[] = [];
  for (const node of attachments) {
    const part = attachmentPart(node, src);
    parts.push(part);
    if (STATUS_TYPES.has(part.contentType)) deliveryStatus = join(deliveryStatus, part.content);
    else if (part.contentType === 'message/feedback-report')
      feedbackReport = join(feedbackReport, part.content);
    else if (ORIGINAL_TYPES.has(part.contentType)) originalMessage ??= part.content;
    // A text/plain part marked as attachment is still readable text of the notice (some MTAs do this).
    else if (part.contentType === 'text/plain' && !plain) extraText.push(part.content);
  }

  let text = plain;
  if (!text && html) text = htmlToText(html);
  if (!text && extraText.length > 0) text = extraText.join('\n');
  if (!text && parts.length === 0) {
    // A multipart message whose boundary lines were lost still has a readable body.
    text = bodyAfterHeaders(raw);
    if (hasText(text)) parts.push({ contentType: 'text/plain', headers: [], content: text });
  }
  return { headers, text, parts, deliveryStatus, feedbackReport, originalMessage, raw };
}

/** The body of the message as text: everything after the top-level header block. */
function bodyAfterHeaders(raw: string): string {
  const m = /\r?\n\r?\n/.exec(raw);
  return m ? raw.slice(m.index + m[0].length) : '';
}

function attachmentPart(node: MimeNode, src: Source): MessagePart {
  const type = node.type;
  let content = '';
  if (!skipContent(type)) {
    // Text honours its charset; message/* and the rest are read as UTF-8 (RFC 6532) or latin1.
    content = type.startsWith('text/')
      ? bodyText(src, node, node.params.charset)
      : decodeBody(bodyBytes(src.s, node), undefined, bodyIsAscii(src, node));
  }
  const headers: HeaderField[] = [{ name: 'content-type', value: type }];
  if (node.disposition) headers.push({ name: 'content-disposition', value: node.disposition });
  if (node.description) headers.push({ name: 'content-description', value: decodeValue(node.description) });
  const part: MessagePart = { contentType: type, headers, content };
  const filename = node.dispositionParams.filename || node.params.name;
  if (filename) part.filename = decodeEncodedWords(filename);
  return part;
}

const NOT_SPACE = /\S/;

/** Is there more than white space (is text.trim() non-empty), without copying the text? */
function hasText(text: string): boolean {
  return NOT_SPACE.test(text);
}

function join(a: string | undefined, b: string): string {
  return a === undefined ? b : `${a}\n\n${b}`;
}
