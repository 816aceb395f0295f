// Rewrites that keep a bounce's meaning must keep its answers: every corpus sample is explained as
// it is and after each rewrite (line ends changed, a harmless header field added, white space
// padded at line ends as relays do). A rule that depends on such details would not hold on the
// bounces the corpus does not have.
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { test } from 'node:test';
import { explain } from '../../src/explain.js';
import type { ExplainReport } from '../../src/types.js';
import { corpusDir } from './sisimai-corpus.js';

const dir = path.join(corpusDir, 'maildir', 'bsd');
const names = (await readdir(dir)).filter((f) => f.endsWith('.eml')).sort();
const samples = await Promise.all(
  names.map(async (name) => ({ name, text: (await readFile(path.join(dir, name))).toString('latin1') })),
);

/** What must not change: the kind, and per recipient the address, codes, reason and bounce type. */
const answers = (r: ExplainReport) =>
  JSON.stringify([
    r.kind,
    r.results.map((x) => [x.recipient, x.status, x.replyCode, x.reason, x.bounceType]),
  ]);

const headerEnd = (s: string) => {
  const m = /\r?\n\r?\n/.exec(s);
  return m ? m.index + m[0].length : s.length;
};

const rewrites: Record<string, (s: string) => string | null> = {
  'CRLF line ends': (s) => s.replace(/\r?\n/g, '\r\n'),
  'LF line ends': (s) => s.replace(/\r\n/g, '\n'),
  'a harmless header field first (after an mbox From line)': (s) => {
    const at = /^From [^\n]*\n/.exec(s)?.[0].length ?? 0;
    const nl = s.includes('\r\n') ? '\r\n' : '\n';
    return `${s.slice(0, at)}X-Relayed-By: relay.example${nl}${s.slice(at)}`;
  },
  // not for format=flowed text, where a space at a line end means the line goes on (RFC 3676)
  'spaces padded at the ends of body lines': (s) =>
    /format\s*=\s*"?flowed/i.test(s)
      ? null
      : s.slice(0, headerEnd(s)) + s.slice(headerEnd(s)).replace(/(\S)(\r?\n)/g, '$1 $2'),
};

for (const [name, rewrite] of Object.entries(rewrites)) {
  test(`corpus answers survive: ${name}`, async () => {
    const changed: string[] = [];
    for (const s of samples) {
      const rewritten = rewrite(s.text);
      if (rewritten === null) continue;
      const before = answers(await explain(Buffer.from(s.text, 'latin1')));
      const after = answers(await explain(Buffer.from(rewritten, 'latin1')));
      if (before !== after) changed.push(`${s.name}: ${before} -> ${after}`);
    }
    assert.deepEqual(changed, []);
  });
}
