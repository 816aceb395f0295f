// The literal index is only a prefilter: whatever it answers, the phrase tables, provider markers
// and stage phrases must give the same results as searching every literal in turn.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { candidates, candidatesInAny, indexLiterals } from '../../src/classify/literals.js';
import { findPhrase, matchPhrase, PHRASE_TABLES } from '../../src/classify/phrases/index.js';
import type { PhraseTable } from '../../src/classify/phrases/types.js';
import { detectProvider, PROVIDERS } from '../../src/classify/providers/index.js';
import { findSmtpCommand, joinReplyLines } from '../../src/classify/reply.js';

/** Every item all of whose parts occur in the text (order aside): they must all be candidates. */
function occurring(items: readonly (readonly string[])[], text: string): number[] {
  return items.flatMap((parts, k) => (parts.every((p) => text.includes(p)) ? [k] : []));
}

function naiveFindPhrase(lower: string, tables: readonly PhraseTable[] = PHRASE_TABLES) {
  for (const table of tables) {
    for (const phrase of table.phrases) if (matchPhrase(lower, phrase) >= 0) return { table, phrase };
  }
  return null;
}

const ALL_PHRASES = PHRASE_TABLES.flatMap((t) => t.phrases).map((p) =>
  typeof p.text === 'string' ? p.text : p.text.join(' '),
);
const ALL_MARKERS = PROVIDERS.flatMap((p) => p.markers);

/** Texts made of table phrases, markers and stage words with noise around them. */
const clueText = fc
  .array(
    fc.oneof(
      fc.constantFrom(...ALL_PHRASES),
      fc.constantFrom(...ALL_MARKERS),
      fc.constantFrom('In reply to RCPT TO command', '>>> DATA', '(state 14)', 'after ehlo '),
      fc.string({ maxLength: 8 }),
      fc.string({ unit: 'grapheme', maxLength: 4 }),
    ),
    { maxLength: 6 },
  )
  .map((words) => words.join(' '));

describe('literal index', () => {
  const items = [['user unknown'], ['ab'], [''], ['mailbox', 'full'], ['спам'], ['ünknown'], ['x']];
  const index = indexLiterals(items);

  it('lists every item that occurs, in ascending order', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), clueText, (noise, text) => {
        for (const t of [noise, text, `${noise}user unknown`, `mailbox ${noise} full ab${text}`]) {
          const found = candidates(index, t);
          for (const k of occurring(items, t)) assert.ok(found.includes(k), `${k} in ${JSON.stringify(t)}`);
          assert.deepEqual(
            found,
            [...found].sort((a, b) => a - b),
          );
        }
      }),
      { numRuns: 300 },
    );
  });

  it('lists items without a four-character piece for every text', () => {
    assert.deepEqual(candidates(index, ''), [1, 2, 6]);
    assert.ok(candidates(index, 'спам!').includes(4));
  });

  it('finds pieces in each text but never across two', () => {
    assert.ok(candidatesInAny(index, ['no', 'user unknown']).includes(0));
    // "abcd" split between two texts: neither has a piece of four characters
    assert.deepEqual(candidatesInAny(indexLiterals([['abcd']]), ['ab', 'cd']), []);
    assert.deepEqual(candidatesInAny(indexLiterals([['abcd']]), ['ab', 'xabcdx']), [0]);
  });
});

describe('searches through the literal index', () => {
  it('findPhrase gives the first phrase of the first table, as a search of every phrase does', () => {
    for (const text of [...ALL_PHRASES, ...ALL_MARKERS]) {
      assert.deepEqual(findPhrase(text), naiveFindPhrase(text), text);
      assert.deepEqual(findPhrase(`${text}.`), naiveFindPhrase(`${text}.`), text);
    }
    const subset = PHRASE_TABLES.slice(3, 9);
    fc.assert(
      fc.property(clueText, (text) => {
        const lower = text.toLowerCase();
        assert.deepEqual(findPhrase(lower), naiveFindPhrase(lower));
        assert.deepEqual(findPhrase(lower, subset), naiveFindPhrase(lower, subset));
      }),
      { numRuns: 1000 },
    );
  });

  it('detectProvider gives the first provider whose marker occurs', () => {
    fc.assert(
      fc.property(clueText, (text) => {
        const lower = text.toLowerCase();
        const naive = PROVIDERS.find((pr) => pr.markers.some((m) => lower.includes(m)));
        assert.equal(detectProvider(lower), naive);
      }),
      { numRuns: 500 },
    );
  });

  it('findSmtpCommand gives the first stage phrase that occurs', () => {
    assert.equal(findSmtpCommand('... (in reply to RCPT TO command) >>> DATA'), 'RCPT');
    assert.equal(findSmtpCommand('SMTP error from remote mail server after end of data: 550'), 'DATA');
    assert.equal(findSmtpCommand('550 user unknown'), undefined);
  });
});

describe('joinReplyLines', () => {
  it('answers for the reply code it is given, also right after another call on the same text', () => {
    const text = '550-5.1.1 The email account\n550-5.1.1 does not exist. 421 4.7.0 x';
    const for550 = 'The email account does not exist. 421 4.7.0 x';
    const for421 = '550-5.1.1 The email account 550-5.1.1 does not exist. x';
    assert.equal(joinReplyLines(text, '550'), for550);
    assert.equal(joinReplyLines(text, '421'), for421);
    assert.equal(joinReplyLines(text, '550'), for550);
    assert.equal(joinReplyLines(`${text} `, '550'), for550);
  });
});
