import assert from 'node:assert/strict';
import { test } from 'node:test';
import { explain } from '../../src/explain.js';

const notice = (headers: string[], body: string[]) => [...headers, '', ...body, ''].join('\n');

test('a challenge-response notice: held until the sender confirms, for the recipient it names', async () => {
  const report = await explain(
    notice(
      [
        'From: "Spam Arrest" <verify@spamarrest.example>',
        'To: orders@shop.example',
        'Subject: Please confirm your message to bob@partner.example',
        'Auto-Submitted: auto-replied',
      ],
      [
        'You sent a message to bob@partner.example. To protect against spam, bob uses',
        'a challenge-response system. Please confirm you are human by clicking the link',
        'below, and your message will be delivered:',
        '',
        'https://verify.spamarrest.example/c?id=abc123',
        '',
        'If you do not confirm within 7 days, your message will be deleted.',
      ],
    ),
  );
  assert.equal(report.kind, 'autoreply');
  assert.equal(report.format, 'challenge-response');
  const r = report.results[0];
  assert.equal(r.recipient, 'bob@partner.example');
  assert.equal(r.reason, 'vacation');
  assert.equal(
    r.advice.summary,
    "The message is held by the recipient's challenge-response filter until the sender confirms",
  );
  assert.match(r.advice.steps[0], /^The message was not delivered yet/);
  assert.ok(!r.advice.steps.some((s) => /No action needed/.test(s)));
  assert.equal(
    r.diagnosticCode,
    'To protect against spam, bob uses a challenge-response system. Please confirm you are human by clicking the link below, and your message will be delivered: If you do not confirm within 7 days, your message will be deleted.',
  );
});

test('a challenge without RFC 3834 header fields is read when its words are only a challenge', async () => {
  const report = await explain(
    notice(
      [
        'From: Boxbe <notifications@boxbe.example>',
        'To: orders@shop.example',
        'Subject: Request to join my Guest List',
      ],
      [
        'Your message to "Ann" <ann@partner.example> was waitlisted by Boxbe.',
        'Please verify that you are human and your message will be delivered.',
      ],
    ),
  );
  assert.equal(report.format, 'challenge-response');
  assert.equal(report.results[0].recipient, 'ann@partner.example');
});

test('a challenge that names no recipient in a sentence: the returned copy says whom; a vacation notice is none', async () => {
  const held = await explain(
    notice(
      [
        'From: Mail Filter <filter@partner.example>',
        'To: orders@shop.example',
        'Subject: Verification required',
        'Auto-Submitted: auto-replied',
      ],
      [
        'Your message is held until you confirm it. Reply to this mail to be added to the approved senders.',
        '',
        'Below is a copy of the original message:',
        '',
        'From: orders@shop.example',
        'To: carl@partner.example',
        'Subject: Your order',
      ],
    ),
  );
  assert.equal(held.results[0].recipient, 'carl@partner.example');
  assert.match(held.results[0].advice.summary, /held by the recipient's challenge-response filter/);
  const vacation = await explain(
    notice(
      [
        'From: Lucia <lucia@partner.example>',
        'To: orders@shop.example',
        'Subject: Out of office',
        'Auto-Submitted: auto-replied',
      ],
      [
        'I am away until March 10 and will answer your message when I return.',
        'To confirm a booking, call the front desk. Pending orders will be handled by Max.',
      ],
    ),
  );
  assert.equal(vacation.format, 'rfc3834');
  assert.equal(vacation.results[0].recipient, 'lucia@partner.example');
  assert.equal(
    vacation.results[0].advice.summary,
    'An automatic reply (out of office), not a delivery failure',
  );
});
