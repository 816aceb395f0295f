// Content and policy refusals that name no block list are not IP blocks: Gmail's "content
// presents a potential security issue" (an attachment type or malware), a reply that calls the
// message spam, Microsoft 365's refusal to forward outside the recipient's organization. And the
// generic "blocked" advice claims no list that the bounce does not name.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { diagnoseReport } from '../../src/diagnose/chain.js';
import { explain } from '../../src/index.js';

async function first(text: string) {
  const [r] = (await explain(text)).results;
  return r;
}

const GMAIL_ATTACHMENT =
  '552 5.7.0 This message was blocked because its content presents a potential security issue. Please visit https://support.google.com/mail/?p=BlockedMessage to review our message content and attachment content guidelines.';
const MS_520 =
  '550 5.7.520 Access denied, Your organization does not allow external forwarding. Please contact your administrator for further assistance. AS(7555)';

describe('content refusals are about the message', () => {
  it("Gmail's potential security issue (with its p=BlockedMessage link): the content, Gmail's attachment advice", async () => {
    const r = await first(GMAIL_ATTACHMENT);
    assert.deepEqual(
      [r.reason, r.category, r.party, r.bounceType, r.provider],
      ['virusdetected', 'content-blocked', 'content', 'block', 'google'],
    );
    assert.equal(
      r.advice.summary,
      'Gmail refused the message for its content: an attachment of a type it blocks, or content that may carry malware',
    );
    assert.ok(!r.advice.steps.some((s) => /block list/.test(s)));
  });

  it('the same words without a Gmail mark: a content policy (Sisimai: policyviolation), not the sender', async () => {
    const r = await first('552 5.7.0 This message was blocked because its content presents a potential');
    assert.deepEqual([r.reason, r.category, r.party], ['policyviolation', 'content-blocked', 'content']);
  });

  it('"rejected under suspicion of SPAM" (Yandex, no Yandex host named): spamdetected', async () => {
    const r = await first(
      '554 5.7.1 [2] Message rejected under suspicion of SPAM; https://ya.cc/1IrBc 1741082400-abcDEF12',
    );
    assert.deepEqual([r.reason, r.category, r.party], ['spamdetected', 'content-blocked', 'content']);
    assert.equal(r.advice.summary, 'The message was judged to be spam');
  });

  it('"Policy rejection on the target address" (Yandex): the recipient\'s account is blocked', async () => {
    const r = await first('550 5.7.1 Policy rejection on the target address');
    assert.deepEqual([r.reason, r.category, r.party], ['suspend', 'recipient-address', 'recipient']);
  });
});

describe("Microsoft 365 5.7.520: the recipient's organization forwards nothing outside", () => {
  it("the recipient side's policy; no IP block, no forwarding-broke-DMARC cause", async () => {
    const report = await explain(MS_520);
    const [r] = report.results;
    assert.deepEqual(
      [r.reason, r.category, r.party, r.bounceType],
      ['policyviolation', 'recipient-restricted', 'recipient', 'block'],
    );
    assert.equal(
      r.advice.summary,
      "The recipient's organization does not allow forwarding to outside addresses, and this message was to be forwarded",
    );
    assert.ok(!r.advice.steps.some((s) => /delisting|Look up the sending IP/.test(s)));
    const [d] = (await diagnoseReport(report, {})).results;
    assert.equal(d.diagnosis, undefined);
  });
});

describe('the generic "blocked" advice', () => {
  it('names a list only if the bounce does: "550 5.7.1 Message rejected" (a SparkPost out-of-band bounce)', async () => {
    const payload = JSON.stringify([
      {
        msys: {
          message_event: {
            type: 'out_of_band',
            bounce_class: '25',
            raw_reason: '550 5.7.1 Message rejected',
            rcpt_to: 'oob@partner.example',
            timestamp: '1741161602',
          },
        },
      },
    ]);
    const r = await first(payload);
    assert.equal(r.reason, 'blocked');
    assert.equal(
      r.advice.steps[0],
      "If the bounce names a block list (such as Spamhaus, Barracuda or SpamCop), look the sending IP address up on that list and follow its delisting steps; if it names none, the receiver's own filter refused the mail: ask its postmaster why, quoting the server's words.",
    );
    assert.ok(!r.advice.steps.some((s) => /the block list named in the bounce/.test(s)));
  });
});
