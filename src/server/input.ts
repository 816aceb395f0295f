// Request bodies -> the messages they carry. A body may be a raw message or reply text, an mbox,
// JSON ({ "message": "..." }, { "messages": [...] }, or an ESP webhook payload as it is), or a
// multipart form with files.
import type { Context } from 'hono';
import { looksLikeMbox, splitMbox } from '../read/mbox.js';

export interface InputItem {
  source: string;
  bytes: Uint8Array;
}

export class BadRequest extends Error {}

const encoder = new TextEncoder();

export async function readItems(c: Context, defaultSource: string): Promise<InputItem[]> {
  const type = (c.req.header('content-type') ?? '').toLowerCase();
  if (type.startsWith('multipart/form-data')) {
    const form = await c.req.formData().catch(() => {
      throw new BadRequest('the form data could not be read');
    });
    const items: InputItem[] = [];
    for (const [name, value] of form.entries()) {
      if (typeof value === 'string') {
        if (value.trim()) items.push(...splitText(value, name === 'text' ? defaultSource : name));
      } else {
        const bytes = new Uint8Array(await value.arrayBuffer());
        items.push(...splitBytes(bytes, value.name || name));
      }
    }
    return items;
  }
  const bytes = new Uint8Array(await c.req.arrayBuffer());
  if (type.startsWith('application/json')) return fromJson(bytes, defaultSource);
  return splitBytes(bytes, defaultSource);
}

function fromJson(bytes: Uint8Array, source: string): InputItem[] {
  const text = new TextDecoder().decode(bytes);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new BadRequest('the body is not valid JSON');
  }
  if (body && typeof body === 'object' && !Array.isArray(body)) {
    const o = body as Record<string, unknown>;
    if (typeof o.message === 'string') return [{ source, bytes: encoder.encode(o.message) }];
    if (typeof o.text === 'string') return [{ source, bytes: encoder.encode(o.text) }];
    if (Array.isArray(o.messages)) {
      if (!o.messages.every((m) => typeof m === 'string')) throw new BadRequest('"messages" must be strings');
      return (o.messages as string[]).map((m, i) => ({
        source: `${source}#${i + 1}`,
        bytes: encoder.encode(m),
      }));
    }
  }
  // anything else is taken as it is: an ESP webhook payload
  return [{ source, bytes }];
}

function splitBytes(bytes: Uint8Array, source: string): InputItem[] {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 64));
  if (!looksLikeMbox(head)) return [{ source, bytes }];
  // mbox is split as latin1 so that no byte is changed; each message keeps its own bytes
  return splitText(new TextDecoder('latin1').decode(bytes), source, true);
}

function splitText(text: string, source: string, latin1 = false): InputItem[] {
  const messages = looksLikeMbox(text) ? splitMbox(text) : [text];
  return messages.map((m, i) => ({
    source: messages.length > 1 ? `${source}#${i + 1}` : source,
    bytes: latin1 ? latin1Bytes(m) : encoder.encode(m),
  }));
}

function latin1Bytes(s: string): Uint8Array {
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i) & 0xff;
  return out;
}
