// The fast reader against the postal-mime adapter on every Sisimai corpus sample: the MailMessage
// fields the extractors read must be the same (white space runs compared as one space). Two kinds
// of difference are allowed, both where the fast reader is the more correct one:
//  - a header value postal-mime decodes with U+FFFD: it decodes each RFC 2047 word on its own,
//    and a character split across two adjacent words is lost; the fast reader joins the bytes
//    of adjacent words in one charset first (RFC 2047 section 6.2 allows the split only between
//    characters, but mailers split anyway).
//  - a Content-Type whose ";" before a parameter was lost in folding ("text/plain\n  charset=x"):
//    postal-mime takes the whole value as the media type ("text/plain   charset=x") and files
//    the part as an attachment; the fast reader takes the first token as the type and the rest
//    as a parameter, so the part is text in its charset.
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { bytesToText } from '../../src/read/bytes.js';
import { readFast } from '../../src/read/fast/index.js';
import { postalReader } from '../../src/read/postal.js';
import type { MailMessage } from '../../src/types.js';

const maildir = fileURLToPath(new URL('../../../shared/corpus/sisimai/maildir/', import.meta.url));
const norm = (s: string | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();
const FIELDS = ['text', 'deliveryStatus', 'feedbackReport', 'originalMessage'] as const;

async function samples(): Promise<string[]> {
  const out: string[] = [];
  for (const sub of (await readdir(maildir, { withFileTypes: true })).filter((d) => d.isDirectory())) {
    for (const name of (await readdir(path.join(maildir, sub.name))).sort()) {
      if (name.endsWith('.eml')) out.push(path.join(maildir, sub.name, name));
    }
  }
  return out;
}

/** The differences between the two readings, each with whether it is one of the allowed kinds. */
function differences(postal: MailMessage, fast: MailMessage): Array<{ what: string; allowed: boolean }> {
  const out: Array<{ what: string; allowed: boolean }> = [];
  // postal-mime kept a folded "type\n  param=x" as the media type (see the top of this file)
  const lostSemicolon = postal.parts.some((p) => /\s/.test(p.contentType));
  for (const f of FIELDS) {
    if (norm(postal[f]) !== norm(fast[f])) out.push({ what: f, allowed: lostSemicolon });
  }
  assert.equal(postal.headers.length, fast.headers.length, 'same number of header fields');
  postal.headers.forEach((h, i) => {
    const g = fast.headers[i];
    if (h.name !== g.name || h.value !== g.value) {
      out.push({
        what: `header ${h.name}`,
        allowed: h.name === g.name && h.value.includes('\uFFFD') && !g.value.includes('\uFFFD'),
      });
    }
  });
  const types = (m: MailMessage) => m.parts.map((p) => p.contentType).join(',');
  if (types(postal) !== types(fast)) out.push({ what: 'part types', allowed: lostSemicolon });
  else {
    postal.parts.forEach((p, i) => {
      // Image and application parts are not decoded by the fast reader (no bounce reads them).
      if (/^(image|application)\//.test(p.contentType) && !p.contentType.endsWith('json')) return;
      if (norm(p.content) !== norm(fast.parts[i].content)) out.push({ what: `part ${i}`, allowed: false });
    });
  }
  return out;
}

test('the fast reader reads every corpus sample as the postal-mime adapter does', async () => {
  const files = await samples();
  assert.ok(files.length >= 450, `corpus found at ${maildir}`);
  const unexplained: string[] = [];
  let explained = 0;
  for (const file of files) {
    const bytes = await readFile(file);
    const raw = bytesToText(bytes);
    const fast = readFast(bytes, raw);
    assert.ok(fast, `${file}: the fast reader takes it`);
    const diffs = differences(await postalReader.read(bytes, raw), fast);
    for (const d of diffs) {
      if (d.allowed) explained++;
      else unexplained.push(`${path.basename(file)}: ${d.what}`);
    }
  }
  assert.deepEqual(unexplained, []);
  // Today: one split character (a Subject) and one lost ";" (text and part list) in the corpus.
  assert.ok(explained <= 5, `${explained} allowed differences`);
});
