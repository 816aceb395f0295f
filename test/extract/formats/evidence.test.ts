// The evidence tests that the extract stage runs before each format (src/extract/formats/evidence.ts):
// the word search must answer exactly as text.toLowerCase().includes(word) for any text, and a
// format's evidence() must never say no to a message its extract() reads.
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { WordList, WordSearch } from '../../../src/extract/formats/evidence.js';
import { formats } from '../../../src/extract/formats/registry.js';
import { extractFormat } from '../../../src/extract/index.js';
import { readInput } from '../../../src/read/index.js';
import type { Extraction, FormatExtractor } from '../../../src/types.js';
import { mail } from '../helpers.js';

const WORDS = [
  'failed',
  'delivered',
  '[status:',
  'error_code',
  'transcript of session follows',
  'the following address',
  'the following addresses had ',
  'could not be reached:',
  'sent <<< rcpt to:',
  'kelvin check',
  'dotted i here',
  'не может быть доставлено',
  '以下のメールアドレス',
  'ab',
  'Upper Case',
  '',
];

/** Texts around the words: letter case changed, cut, and next to characters whose lower case is odd. */
function texts(): string[] {
  const out: string[] = ['', 'nothing to see', 'FAILED', 'Faile', 'fa\u212aled'];
  const decorations = ['', 'x', '\u212a', '\u0130', 'Σ', 'ſ', 'ı', 'ÄÖ', '\u{1f600}', '\r\n'];
  let seed = 7;
  const random = (n: number) => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed % n;
  };
  for (let i = 0; i < 400; i++) {
    const parts: string[] = [];
    for (let k = 0; k < 1 + random(4); k++) {
      let w = WORDS[random(WORDS.length)];
      const letterCase = random(3);
      if (letterCase === 0) w = w.toUpperCase();
      else if (letterCase === 1) w = [...w].map((c, j) => (j % 2 ? c.toUpperCase() : c)).join('');
      if (random(5) === 0) w = w.slice(0, Math.max(0, w.length - 1 - random(3)));
      if (w.includes('k') && random(4) === 0) w = w.replace('k', '\u212a');
      if (w.includes('i') && random(4) === 0) w = w.replace('i', '\u0130');
      parts.push(decorations[random(decorations.length)], w);
    }
    out.push(parts.join(random(2) ? ' ' : ''));
  }
  return out;
}

test('the word search answers as toLowerCase().includes() does, for every kind of word and text', () => {
  const list = new WordList();
  for (const text of texts()) {
    const search = new WordSearch(text, list);
    const lower = text.toLowerCase();
    for (const word of [...WORDS, ...WORDS.map((w) => w.toLowerCase())]) {
      assert.equal(
        search.has(word),
        lower.includes(word),
        `${JSON.stringify(word)} in ${JSON.stringify(text)}`,
      );
    }
  }
});

test('words learned while searching one text are found in the next ones', () => {
  const list = new WordList();
  const first = new WordSearch('nothing here', list);
  assert.equal(first.has('a long word to learn'), false);
  assert.equal(first.has('another long word here'), false);
  const second = new WordSearch('xx Another LONG word here, and A long word to learn.', list);
  assert.equal(second.has('a long word to learn'), true);
  assert.equal(second.has('another long word here'), true);
  assert.equal(second.has('a third long word'), false);
});

test('a text repeating a word and its near misses is searched in bounded time', () => {
  const list = new WordList();
  const near = 'the following addresses had delivery error '.repeat(100_000);
  const repeated = 'transcript of session follows '.repeat(100_000);
  const started = performance.now();
  for (const text of [near, repeated]) {
    const search = new WordSearch(text, list);
    assert.equal(search.has('the following addresses had delivery errors'), false);
    assert.equal(search.has('transcript of session follows'), text === repeated);
  }
  assert.ok(performance.now() - started < 5000);
});

test('the runner skips a format without evidence (its hint unasked) and keeps the hinted-first order', () => {
  const calls: string[] = [];
  const found = (name: string): Extraction => ({
    kind: 'bounce',
    format: name,
    recipients: [{ recipient: 'a@b.example' }],
  });
  const format = (name: string, hint: boolean, evidence: boolean | 'throws', finds: boolean) => ({
    name,
    hint: () => {
      calls.push(`hint ${name}`);
      return hint;
    },
    evidence: () => {
      calls.push(`evidence ${name}`);
      if (evidence === 'throws') throw new Error('bug');
      return evidence;
    },
    extract: () => {
      calls.push(`extract ${name}`);
      return finds ? found(name) : null;
    },
  });
  const list: FormatExtractor[] = [
    format('no-evidence', true, false, true),
    format('plain', false, true, true),
    format('hinted-empty', true, true, false),
    format('broken-evidence', true, 'throws', true),
  ];
  assert.equal(extractFormat(mail({}), list)?.format, 'broken-evidence');
  assert.deepEqual(calls, [
    'evidence no-evidence',
    'evidence plain',
    'hint plain',
    'evidence hinted-empty',
    'hint hinted-empty',
    'extract hinted-empty',
    'evidence broken-evidence',
    'hint broken-evidence',
    'extract broken-evidence',
  ]);
  calls.length = 0;
  assert.equal(extractFormat(mail({}), list.slice(0, 3))?.format, 'plain');
  assert.deepEqual(calls, [
    'evidence no-evidence',
    'evidence plain',
    'hint plain',
    'evidence hinted-empty',
    'hint hinted-empty',
    'extract hinted-empty',
    'extract plain',
  ]);
});

const corpusDir = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '..',
  '..',
  '..',
  '..',
  'shared',
  'corpus',
  'sisimai',
  'maildir',
);

test("no registered format's evidence says no to a corpus message its extract() reads", async () => {
  let checked = 0;
  for (const sub of ['bsd', 'not']) {
    const dir = path.join(corpusDir, sub);
    for (const name of (await readdir(dir)).filter((n) => n.endsWith('.eml'))) {
      const read = await readInput(await readFile(path.join(dir, name)));
      if (read.type !== 'message') continue;
      for (const f of formats) {
        const ex = f.extract(read.message);
        if (ex && ex.recipients.length > 0) {
          assert.equal(f.evidence(read.message), true, `${f.name} on ${sub}/${name}`);
          checked++;
        }
      }
    }
  }
  assert.ok(checked > 200, `only ${checked} extractions checked`);
});
