// Request bodies -> the messages they carry. A body may be a raw message or reply text, an mbox,
// JSON ({ "message": "..." }, { "messages": [...] }, or an ESP webhook payload as it is), or a
// multipart form with files.
import { createHash } from 'node:crypto';
import type { Context } from 'hono';
import { looksLikeMbox, splitMbox, splitMboxBytes } from '../read/mbox.js';

export interface InputItem {
  source: string;
  bytes: Uint8Array;
}

export class BadRequest extends Error {}

/** SHA-256 of an input's bytes, hex: how the store knows an input it has stored before. */
export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

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
  return numbered(splitMboxBytes(bytes), source);
}

function splitText(text: string, source: string): InputItem[] {
  const messages = looksLikeMbox(text) ? splitMbox(text) : [text];
  return numbered(
    messages.map((m) => encoder.encode(m)),
    source,
  );
}

/** The messages of one input, named source#1, source#2 ... when there are several. */
function numbered(messages: Uint8Array[], source: string): InputItem[] {
  return messages.map((bytes, i) => ({ source: messages.length > 1 ? `${source}#${i + 1}` : source, bytes }));
}
