// mbox (RFC 4155 "default" format) -> the messages it holds. Messages start at a "From " line at
// the start of the file or after an empty line; ">From " quoting (mboxrd) is undone. A file that
// does not start with "From " is one message. Never drops a message: every separator starts one.

/** Splits mbox text into message texts (without their "From " separator lines). */
export function splitMbox(text: string): string[] {
  if (!text.startsWith('From ')) return text.trim() === '' ? [] : [text];
  const messages: string[] = [];
  const lines = text.split(/\r?\n/);
  let current: string[] | null = null;
  let previousEmpty = true;
  for (const line of lines) {
    if (previousEmpty && line.startsWith('From ')) {
      if (current) messages.push(finish(current));
      current = [];
      previousEmpty = false;
      continue;
    }
    current?.push(unquote(line));
    previousEmpty = line === '';
  }
  if (current) messages.push(finish(current));
  return messages;
}

/**
 * The messages of an mbox given as bytes, each with its own bytes unchanged (the file is split as
 * latin1, one char per byte); bytes that are no mbox are one message.
 */
export function splitMboxBytes(bytes: Uint8Array): Uint8Array[] {
  const latin1 = new TextDecoder('latin1');
  if (!looksLikeMbox(latin1.decode(bytes.subarray(0, 64)))) return [bytes];
  return splitMbox(latin1.decode(bytes)).map(latin1Bytes);
}

function latin1Bytes(s: string): Uint8Array {
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i) & 0xff;
  return out;
}

/** Does this text look like an mbox file (rather than one message)? */
export function looksLikeMbox(text: string): boolean {
  return /^From \S+/.test(text);
}

// mboxrd: ">From ", ">>From " ... lose one ">".
function unquote(line: string): string {
  if (line.charCodeAt(0) !== 62 /* > */) return line;
  let i = 0;
  while (line.charCodeAt(i) === 62) i++;
  return line.startsWith('From ', i) ? line.slice(1) : line;
}

// The empty line before the next separator belongs to the mbox, not to the message.
function finish(lines: string[]): string {
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return `${lines.join('\n')}\n`;
}
