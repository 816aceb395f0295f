// A feedback report's type decides what it asks of the sender (RFC 5965 7.3, RFC 6430, RFC 6591):
// only abuse and opt-out are complaints that suppress the address; not-spam, virus, fraud,
// auth-failure and other report on the message and leave the address alone.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { explain } from '../../src/index.js';
import { formatText } from '../../src/output/text.js';

/** An ARF report (RFC 5965 section 2) of the given Feedback-Type about quinn@mail.example. */
function arf(type: string): string {
  return [
    'From: <staff@feedback.example>',
    'To: <abuse@sender.example>',
    'Subject: Feedback report',
    'MIME-Version: 1.0',
    'Content-Type: multipart/report; report-type=feedback-report; boundary="b"',
    '',
    '--b',
    'Content-Type: text/plain',
    '',
    'This is a feedback report.',
    '',
    '--b',
    'Content-Type: message/feedback-report',
    '',
    `Feedback-Type: ${type}`,
    'User-Agent: Generator/1.0',
    'Version: 1',
    'Original-Rcpt-To: <quinn@mail.example>',
    '',
    '--b',
    'Content-Type: text/rfc822-headers',
    '',
    'From: <news@sender.example>',
    'To: <quinn@mail.example>',
    'Subject: Sale',
    '',
    '--b--',
    '',
  ].join('\r\n');
}

const cases = [
  // type, bounce type, category, party, words of the advice's summary
  ['abuse', 'hard', 'recipient-restricted', 'sender', 'complained'],
  ['opt-out', 'hard', 'recipient-restricted', 'sender', 'unsubscribed'],
  ['not-spam', 'soft', 'unknown', 'none', 'NOT spam'],
  ['virus', 'block', 'content-blocked', 'content', 'virus'],
  ['fraud', 'block', 'authentication', 'sender', 'fraud or phishing'],
  ['auth-failure', 'block', 'authentication', 'sender', 'SPF, DKIM or DMARC'],
  ['other', 'soft', 'unknown', 'none', 'not a complaint'],
  // a type not registered (RFC 5965 7.3 leaves the list open) is read as "other"
  ['dmarc-whatever', 'soft', 'unknown', 'none', 'not a complaint'],
] as const;

describe('feedback report types', () => {
  for (const [type, bounceType, category, party, words] of cases) {
    it(`${type}: ${bounceType}, ${category}, to act: ${party}`, async () => {
      const report = await explain(arf(type));
      assert.equal(report.kind, 'feedback');
      const [r] = report.results;
      assert.equal(r.recipient, 'quinn@mail.example');
      assert.equal(r.reason, 'feedback');
      assert.equal(r.feedbackType, type);
      assert.equal(r.bounceType, bounceType);
      assert.equal(r.category, category);
      assert.equal(r.party, party);
      assert.ok(r.advice.summary.includes(words), r.advice.summary);
      // Sisimai's hardbounce (a dead address) is false for every report: the address works
      assert.equal(r.hardbounce, false);
    });
  }

  it('the text output calls only a complaint a complaint', async () => {
    const complaint = formatText([await explain(arf('abuse'))], { color: false });
    assert.match(complaint, /^complaint \(feedback report\)/);
    assert.match(complaint, /type: +complaint: stop sending to this address/);
    const notSpam = formatText([await explain(arf('not-spam'))], { color: false });
    assert.match(notSpam, /^feedback report \(no complaint\)/);
    assert.match(notSpam, /type: +not-spam report: not a bounce; keep the address/);
    assert.doesNotMatch(notSpam, /stop sending/i);
  });
});
