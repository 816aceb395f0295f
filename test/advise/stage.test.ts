// The advice follows where the delivery stands: a final bounce (RFC 3464 Action: failed) means the
// sending server has given up, a delay notice that it is still trying. Checked on corpus samples.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { advise, deliveryStage, RETRY_BY_TYPE, RETRY_FINAL } from '../../src/advise/index.js';
import { explain, reportFromExtraction } from '../../src/explain.js';
import { formatText } from '../../src/output/text.js';
import type { Classification, ExplainReport } from '../../src/types.js';
import { corpusDir } from '../corpus/sisimai-corpus.js';
import { deliveryStatusOnly } from '../dsn-fixture.js';

const bsd = path.join(corpusDir, 'maildir', 'bsd');

async function sample(name: string): Promise<{ report: ExplainReport; text: string }> {
  const report = await explain(readFileSync(path.join(bsd, name)));
  return { report, text: formatText([report], { color: false }) };
}

const NO_ACTION = /No action needed now|retries by itself/;

describe('a final bounce: the sending server has stopped trying', () => {
  for (const name of ['lhost-postfix-17.eml', 'lhost-kddi-01.eml', 'lhost-postfix-01.eml']) {
    it(`${name}: a soft cause is to be sent again later, not "no action needed"`, async () => {
      const { report, text } = await sample(name);
      assert.equal(report.kind, 'bounce');
      const [r] = report.results;
      assert.equal(r.action, 'failed');
      assert.equal(r.bounceType, 'soft');
      assert.deepEqual(r.advice.retry, RETRY_FINAL.soft);
      assert.match(r.advice.retry.when, /stopped trying/);
      for (const s of [r.advice.retry.when, ...r.advice.steps]) assert.doesNotMatch(s, NO_ACTION);
      assert.match(
        text,
        /type: +soft bounce: the server has stopped trying; send again later, once the cause is gone/,
      );
      assert.doesNotMatch(text, NO_ACTION);
    });
  }

  it('lhost-postfix-17.eml (5.4.4, DNS): steps say the server gave up', async () => {
    const { report } = await sample('lhost-postfix-17.eml');
    assert.equal(
      report.results[0].advice.steps[0],
      'The sending server could not get through (network or DNS trouble) and has stopped trying.',
    );
  });

  it('a rate limit that outlasted the retries: slow down, then send again later', async () => {
    // qmail gave up on Yahoo's TSS04 deferral ("I'm not going to try again")
    const { report } = await sample('lhost-qmail-19.eml');
    const [r] = report.results;
    assert.equal(r.bounceType, 'soft');
    assert.deepEqual(r.advice.retry, RETRY_FINAL.soft);
    assert.match(r.advice.steps[0], /^The sending server has stopped trying: slow down sending to Yahoo/);
  });

  it('a usually lasting cause refused with 4xx until the server gave up: fix it, then send again', async () => {
    const { report } = await sample('lhost-sendmail-10.eml');
    const [r] = report.results;
    assert.equal(r.reason, 'blocked');
    assert.equal(r.bounceType, 'soft');
    assert.deepEqual(r.advice.retry, RETRY_FINAL.lasting);
    assert.ok(r.advice.steps.some((s) => s.includes('retried until it gave up')));
    assert.ok(!r.advice.steps.some((s) => s.includes('while it retries')));
  });
});

describe('the delivery stage', () => {
  const c = { status: '5.2.2', replyCode: '552' } as Classification;
  it('follows the Action, then the kind; a bare 5xx reply is final, a bare 4xx open', () => {
    assert.equal(deliveryStage(c, { kind: 'bounce', action: 'failed' }), 'final');
    assert.equal(deliveryStage(c, { kind: 'bounce' }), 'final');
    assert.equal(deliveryStage(c, { kind: 'bounce', action: 'delayed' }), 'retrying');
    assert.equal(deliveryStage(c, { kind: 'delay' }), 'retrying');
    assert.equal(deliveryStage(c, { kind: 'reply-text' }), 'final');
    assert.equal(
      deliveryStage({ status: '4.2.2', replyCode: '452' } as Classification, { kind: 'reply-text' }),
      'open',
    );
    assert.equal(deliveryStage(c), 'open');
  });

  it('"expired" (no RFC 3464 Action, written by some servers) is final, also in a delay notice', () => {
    assert.equal(deliveryStage(c, { kind: 'delay', action: 'expired' }), 'final');
    assert.equal(deliveryStage(c, { kind: 'delay', action: 'Expired' }), 'final');
    assert.equal(deliveryStage(c, { kind: 'delay', action: 'failed' }), 'final');
  });

  it('the advice carries its stage, for the outputs to read', () => {
    const soft5xx = { ...c, reason: 'mailboxfull', bounceType: 'soft' } as Classification;
    assert.equal(advise(soft5xx, { kind: 'delay', action: 'expired' }).stage, 'final');
    assert.equal(advise(soft5xx, { kind: 'reply-text' }).stage, 'final');
    assert.equal(advise(soft5xx, { kind: 'delay', action: 'delayed' }).stage, 'retrying');
    assert.equal(advise(soft5xx).stage, 'open');
  });

  it('a delay notice whose recipient expired: final advice and type line, one stage', () => {
    const report = reportFromExtraction({
      kind: 'delay',
      format: 'test',
      recipients: [{ recipient: 'a@b.example', action: 'expired', status: '4.4.7', replyCode: '421' }],
    });
    const [r] = report.results;
    assert.equal(r.advice.stage, 'final');
    assert.equal(r.advice.summary, 'Delivery gave up after retrying for too long');
    assert.match(formatText([report], { color: false }), /type: +soft bounce: the server has stopped trying/);
  });

  it('a bare soft 5xx reply: final advice and type line, one stage', async () => {
    const report = await explain('552 5.2.2 The email account that you tried to reach is over quota.');
    const [r] = report.results;
    assert.equal(r.bounceType, 'soft');
    assert.equal(r.advice.stage, 'final');
    assert.deepEqual(r.advice.retry, RETRY_FINAL.soft);
    assert.match(formatText([report], { color: false }), /type: +soft bounce: the server has stopped trying/);
  });

  it('a delay notice keeps "the sending server retries by itself"', () => {
    const mailboxfull: Classification = {
      reason: 'mailboxfull',
      category: 'mailbox-full',
      bounceType: 'soft',
      party: 'recipient',
      hardbounce: false,
      status: '4.2.2',
      replyCode: '452',
      evidence: [],
    };
    assert.deepEqual(advise(mailboxfull, { kind: 'delay', action: 'delayed' }).retry, RETRY_BY_TYPE.soft);
    assert.deepEqual(advise(mailboxfull, { kind: 'bounce', action: 'failed' }).retry, RETRY_FINAL.soft);
  });
});

describe('a delay notice: the sending server is still trying', () => {
  it('lhost-gmail-08.eml ("will be retried for 2 more day(s)"): delay advice, never "gave up"', async () => {
    const { report, text } = await sample('lhost-gmail-08.eml');
    assert.equal(report.kind, 'delay');
    const [r] = report.results;
    assert.equal(r.reason, 'expired'); // (the reason stays Sisimai's)
    assert.equal(
      r.advice.summary,
      'Delivery is delayed: the sending server has not got through yet and is still trying',
    );
    assert.deepEqual(r.advice.retry, RETRY_BY_TYPE.soft);
    assert.equal(
      r.advice.steps[1],
      'Nothing to do yet: do not send the message again, or the recipient may get it twice.',
    );
    assert.match(r.advice.steps[2], /^Watch for a second notice: a final bounce/);
    assert.doesNotMatch(text, /Delivery gave up|retries are over|stopped trying/);
    assert.match(text, /type: +soft: temporary, the server is still trying/);
  });

  it('an expired delivery in a final bounce keeps its words', async () => {
    const { report } = await sample('lhost-amazonses-17.eml');
    const [r] = report.results;
    assert.equal(r.reason, 'expired');
    assert.equal(r.advice.summary, 'Delivery gave up after retrying for too long');
    assert.match(r.advice.retry.when, /the automatic retries are over/);
  });
});

describe('a complaint is no delivery that goes on or ended', () => {
  const fixture = (name: string) =>
    readFileSync(new URL(`../extract/webhooks/fixtures/${name}`, import.meta.url), 'utf8');

  it("an ARF report and an ESP's complaint events have the stage 'open', also among bounces", async () => {
    // in a batch with bounces the report is a bounce; the complaint in it is still no delivery
    const sendgrid = JSON.stringify([
      { email: 'ann@example.org', event: 'spamreport', timestamp: 1793000000, sg_event_id: 'x1' },
      ...JSON.parse(fixture('sendgrid-events.json')),
    ]);
    const reports = [
      await explain(readFileSync(new URL('../../examples/spam-complaint.eml', import.meta.url))),
      await explain(fixture('ses-complaint.json')),
      await explain(sendgrid),
    ];
    for (const report of reports) {
      assert.equal(report.results[0].reason, 'feedback', report.format);
      assert.equal(report.results[0].advice.stage, 'open', report.format);
    }
  });
});

describe('advice by the status where it says more than the reason', () => {
  it('X.1.3 is a malformed address, not one that does not exist (RFC 3463)', async () => {
    const [bad] = (await explain('553 5.1.3 Invalid address')).results;
    assert.equal(bad.reason, 'userunknown');
    assert.match(bad.advice.summary, /not valid: the server says it is malformed/);
    const [gone] = (await explain('550 5.1.1 <a@b.example>: User unknown')).results;
    assert.equal(gone.advice.summary, "The recipient's address does not exist");
  });
});

describe('X.7.0 names no rule', () => {
  it('the advice says the code does not say which rule, and points at the server words', async () => {
    const [r] = (await explain('421 4.7.0 Try again later')).results;
    assert.equal(r.reason, 'policyviolation');
    assert.match(r.advice.summary, /X\.7\.0: the code does not say which/);
    assert.equal(r.bounceType, 'soft');
  });
});

describe('a disabled mailbox in a transient reply (RFC 3463 X.2.1: permanent or temporary by the class)', () => {
  it('4.2.1: keep the address, the sending server retries; 5.2.1: suppress', async () => {
    const [soft] = (await explain('450 4.2.1 Try again later')).results;
    assert.equal(soft.reason, 'suspend');
    assert.equal(soft.bounceType, 'soft');
    assert.match(soft.advice.summary, /not accepting mail for now/);
    assert.equal(soft.advice.retry.advised, true);
    assert.ok(!soft.advice.steps.some((s) => /suppress/i.test(s)));
    assert.match(
      formatText([await explain('450 4.2.1 Try again later')], { color: false }),
      /type: +soft bounce/,
    );
    const [hard] = (await explain('550 5.2.1 The email account that you tried to reach is disabled')).results;
    assert.equal(hard.bounceType, 'hard');
    assert.equal(hard.advice.retry.advised, false);
    assert.match(hard.advice.summary, /disabled or suspended/);
  });
  it('in a final bounce the retry advice is the given-up one', () => {
    const c: Classification = {
      reason: 'suspend',
      category: 'recipient-address',
      bounceType: 'soft',
      party: 'recipient',
      hardbounce: false,
      status: '4.2.1',
      replyCode: '450',
      evidence: [],
    };
    const a = advise(c, { kind: 'bounce', action: 'failed' });
    assert.equal(a.stage, 'final');
    assert.deepEqual(a.retry, RETRY_FINAL.lasting);
  });
});

describe('successful deliveries (RFC 3464 2.3.3)', () => {
  const dsn = (action: string) =>
    deliveryStatusOnly(
      ['Final-Recipient: rfc822; one@example.com', `Action: ${action}`, 'Status: 2.0.0'],
      'Successful Mail Delivery Report',
    );
  it('relayed and expanded say what happened; the heading says it is no bounce', async () => {
    const relayed = await explain(dsn('relayed'));
    assert.match(relayed.results[0].advice.summary, /relayed onward to a system that sends no further/);
    const expanded = await explain(dsn('expanded'));
    assert.match(expanded.results[0].advice.summary, /list or alias/);
    const delivered = await explain(dsn('delivered'));
    assert.equal(delivered.results[0].advice.summary, 'The message was delivered');
    assert.match(formatText([delivered], { color: false }), /^delivery report: delivered, not a bounce/);
  });
});

describe('Will-Retry-Until (RFC 3464 2.3.5)', () => {
  it('a delayed recipient is told until when the server keeps trying', async () => {
    const dsn = deliveryStatusOnly(
      [
        'Final-Recipient: rfc822; carol@example.com',
        'Action: delayed',
        'Status: 4.4.1',
        'Will-Retry-Until: Sat, 7 Mar 2026 07:00:00 +0000',
      ],
      'Delayed Mail (still being retried)',
    );
    const [r] = (await explain(dsn)).results;
    assert.equal(r.advice.stage, 'retrying');
    assert.equal(r.willRetryUntil, 'Sat, 7 Mar 2026 07:00:00 +0000');
    assert.match(r.advice.retry.when, /retries by itself until Sat, 7 Mar 2026 07:00:00 \+0000/);
  });
});
