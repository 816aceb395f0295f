// Charset names -> TextDecoder (RFC 2045 charset parameter, RFC 2047 encoded words). Node 20 ships
// full ICU, so every WHATWG Encoding Standard label decodes; this file adds the spellings mail
// software writes that the WHATWG list lacks, and a clear fallback for names nobody knows.
import { isAscii } from 'node:buffer';
import { detached } from '../detach.js';

/**
 * Mail spellings outside the WHATWG label list, after normalisation (lower case, no "x-"/"cs"
 * prefix, no separators). Source: IANA character-sets registry aliases and Microsoft code page
 * names (cp/windows/ms + number) as seen in mail headers.
 */
const ALIASES: Record<string, string> = {
  shiftjis: 'shift_jis',
  sjis: 'shift_jis',
  windows31j: 'shift_jis',
  mskanji: 'shift_jis',
  cp932: 'shift_jis',
  ms932: 'shift_jis',
  eucjp: 'euc-jp',
  cp51932: 'euc-jp',
  iso2022jp: 'iso-2022-jp',
  iso2022jp1: 'iso-2022-jp',
  iso2022jp2: 'iso-2022-jp',
  cp50220: 'iso-2022-jp',
  cp50221: 'iso-2022-jp',
  cp50222: 'iso-2022-jp',
  euckr: 'euc-kr',
  cp949: 'euc-kr',
  uhc: 'euc-kr',
  cp936: 'gbk',
  gb2312: 'gbk',
  cp950: 'big5',
  big5hkscs: 'big5',
  tis620: 'windows-874',
  cp874: 'windows-874',
  iso88598i: 'iso-8859-8-i',
  utf8: 'utf-8',
  latin1: 'windows-1252',
  ascii: 'windows-1252',
  usascii: 'windows-1252',
  ansix341968: 'windows-1252',
  koi8r: 'koi8-r',
  koi8u: 'koi8-u',
};

/** A charset label is short and plain; anything else is junk from the message, not a name to try. */
const LABEL = /^[a-z0-9._:+-]{1,40}$/;
/** Decoders by label (null: no such encoding). Bounded: a message can invent any number of names. */
const cache = new Map<string, TextDecoder | null>();
const MAX_CACHE = 256;

const utf8Fatal = new TextDecoder('utf-8', { fatal: true });
const latin1 = new TextDecoder('latin1');

function construct(label: string): TextDecoder | null {
  try {
    return new TextDecoder(label);
  } catch {
    return null;
  }
}

/** The decoder for a charset name, or null when the name is unknown (caller falls back). */
export function decoderFor(charset: string | undefined): TextDecoder | null {
  if (!charset) return null;
  const label = charset.trim().toLowerCase();
  const hit = cache.get(label);
  if (hit !== undefined) return hit;
  let decoder: TextDecoder | null = null;
  if (LABEL.test(label)) {
    decoder = construct(label);
    if (!decoder) {
      const normal = label.replace(/^(?:x-ms-|x-|cs)/, '').replace(/[._:+-]/g, '');
      const alias = ALIASES[normal] ?? ALIASES[normal.replace(/^(?:windows|ms|ibm)(?=\d)/, 'cp')];
      decoder = construct(alias ?? normal);
    }
  }
  if (cache.size >= MAX_CACHE) cache.clear();
  cache.set(detached(label), decoder);
  return decoder;
}

/** Bytes as UTF-8 when valid, else latin1 (every byte one character: nothing lost). */
export function utf8OrLatin1(bytes: Uint8Array): string {
  try {
    return utf8Fatal.decode(bytes);
  } catch {
    return latin1.decode(bytes);
  }
}

const NON_ASCII = /[^\x00-\x7f]/;

/**
 * Decodes a "binary string" (one char per byte, as read with latin1) in a charset. A name that
 * is missing or unknown gives UTF-8 when the bytes are valid UTF-8, else latin1. Pure ASCII is
 * returned as it is for every ASCII-compatible charset (the common case, and free); a caller that
 * checked the bytes natively (buffer.isAscii) says so with `knownAscii`.
 */
export function decodeBinary(bin: string, charset: string | undefined, knownAscii = false): string {
  const decoder = decoderFor(charset);
  const asciiSafe = decoder === null || ASCII_COMPATIBLE.has(decoder.encoding);
  if (asciiSafe && (knownAscii || !NON_ASCII.test(bin))) return bin;
  const bytes = Buffer.from(bin, 'latin1');
  return decoder ? decoder.decode(bytes) : utf8OrLatin1(bytes);
}

/** Below this length a pattern test tells ASCII faster than copying the text to bytes. */
const NATIVE_ASCII_CHECK = 1024;

/**
 * decodeBinary for a body: `bin` is a binary string (every character below 256: a slice of the
 * message's binary string, transfer-decoded). A long one is copied to bytes first and told ASCII
 * natively (buffer.isAscii) rather than by a pattern test; the copy is what a decoder reads anyway.
 * For a binary string the two tests agree (test/read/fast-property.test.ts).
 */
export function decodeBody(bin: string, charset: string | undefined, knownAscii: boolean): string {
  if (knownAscii || bin.length < NATIVE_ASCII_CHECK) return decodeBinary(bin, charset, knownAscii);
  const decoder = decoderFor(charset);
  const bytes = Buffer.from(bin, 'latin1');
  if ((decoder === null || ASCII_COMPATIBLE.has(decoder.encoding)) && isAscii(bytes)) return bin;
  return decoder ? decoder.decode(bytes) : utf8OrLatin1(bytes);
}

/**
 * Encodings whose ASCII bytes mean ASCII. iso-2022-jp is left out: its escape sequences are
 * ASCII bytes that switch the meaning of the following ones. UTF-16 is not ASCII-compatible.
 */
const ASCII_COMPATIBLE = new Set([
  'utf-8',
  'windows-1252',
  'windows-1250',
  'windows-1251',
  'windows-1253',
  'windows-1254',
  'windows-1255',
  'windows-1256',
  'windows-1257',
  'windows-1258',
  'windows-874',
  'iso-8859-2',
  'iso-8859-3',
  'iso-8859-4',
  'iso-8859-5',
  'iso-8859-6',
  'iso-8859-7',
  'iso-8859-8',
  'iso-8859-8-i',
  'iso-8859-10',
  'iso-8859-13',
  'iso-8859-14',
  'iso-8859-15',
  'iso-8859-16',
  'koi8-r',
  'koi8-u',
  'ibm866',
  'macintosh',
  'x-mac-cyrillic',
  'gbk',
  'gb18030',
  'big5',
  'euc-jp',
  'euc-kr',
  'shift_jis',
]);
