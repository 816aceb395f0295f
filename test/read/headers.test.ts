import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import {
  firstHeaderValues,
  parseHeaderBlock,
  pickHeaderFields,
  splitHeaderBlock,
} from '../../src/read/headers.js';

test('splitHeaderBlock: the first empty line with any mix of CRLF and LF', () => {
  assert.deepEqual(splitHeaderBlock('A: 1\r\n\r\nbody'), { head: 'A: 1', body: 'body' });
  assert.deepEqual(splitHeaderBlock('A: 1\n\r\nbody\n\nmore'), { head: 'A: 1', body: 'body\n\nmore' });
  assert.deepEqual(splitHeaderBlock('A: 1\r\n\nbody'), { head: 'A: 1', body: 'body' });
  assert.deepEqual(splitHeaderBlock('A: 1\r\rB: 2\r\n'), { head: 'A: 1\r\rB: 2\r\n', body: '' });
  assert.deepEqual(splitHeaderBlock('\n\nbody'), { head: '', body: 'body' });
});

test('parseHeaderBlock: folded values joined, CR before LF dropped, non-field lines skipped', () => {
  const head = 'Subject: =?utf-8?q?caf=C3=A9?=\r\n  au lait\r\nnot a field\r\nX-A:\tone  two\r\n\tthree';
  assert.deepEqual(parseHeaderBlock(head), [
    { name: 'subject', value: 'café au lait' },
    { name: 'x-a', value: 'one two three' },
  ]);
  assert.deepEqual(parseHeaderBlock('A: 1\nB: 2\nC: 3', 2), [
    { name: 'a', value: '1' },
    { name: 'b', value: '2' },
  ]);
});

test('pickHeaderFields: the count and first values parseHeaderBlock gives', () => {
  const head =
    'Received: from a\n  by b\nTo: first@example.org\nSubject: hi\n there\nTo: second@example.org\n';
  const all = parseHeaderBlock(head);
  const picked = pickHeaderFields(head, ['to', 'subject', 'date']);
  assert.equal(picked.count, all.length);
  assert.equal(picked.values.get('to'), 'first@example.org');
  assert.equal(picked.values.get('subject'), 'hi there');
  assert.equal(picked.values.has('date'), false);
  assert.equal(picked.values.has('received'), false);
  assert.equal(pickHeaderFields(head, ['to'], 1).count, 1);
  assert.equal(pickHeaderFields(head, ['to'], 1).values.has('to'), false);
});

test('firstHeaderValues: the values pickHeaderFields gives, and whether it counted a field', () => {
  const names = ['to', 'subject', 'date', 'from', 'message-id'];
  const piece = fc.constantFrom(
    'To: a@example.org',
    'TO:b@example.org',
    'Subject: =?utf-8?q?caf=C3=A9?=',
    'subject : spaced',
    'Date: Fri, 4 Dec 2026',
    'From: x@example.org',
    'Message-ID: <1@x>',
    'Received: from a',
    'X-Other: z',
    ' folded on',
    '\tfolded tab',
    'not a field',
    ': empty name',
    'T: short',
    'Tox: near',
    '',
  );
  fc.assert(
    fc.property(
      fc.array(piece, { maxLength: 30 }),
      fc.constantFrom('\n', '\r\n'),
      fc.integer({ min: 1, max: 40 }),
      (lines, eol, limit) => {
        const head = lines.join(eol);
        const picked = pickHeaderFields(head, names, limit);
        const first = firstHeaderValues(head, names, limit);
        assert.deepEqual([...first.values].sort(), [...picked.values].sort());
        assert.equal(first.hasFields, picked.count > 0);
      },
    ),
    { numRuns: 2000 },
  );
});
