// The "type" line says what is true for the person: a complaint is no dead address, an auto-reply
// is no bounce, a suspended mailbox exists. The JSON values stay as the design chose them.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { explain, reportFromExtraction } from '../../src/explain.js';
import { formatText } from '../../src/output/text.js';
import type { ExplainReport } from '../../src/types.js';
import { corpusDir } from '../corpus/sisimai-corpus.js';

const bsd = path.join(corpusDir, 'maildir', 'bsd');
const text = (r: ExplainReport) => formatText([r], { color: false });
const typeLines = (t: string) => t.split('\n').filter((l) => l.startsWith('  type:'));

describe('the type line', () => {
  it('an ARF complaint: "complaint: stop sending", never "hard bounce"', async () => {
    const report = await explain(readFileSync('examples/spam-complaint.eml'));
    const [r] = report.results;
    assert.equal(r.bounceType, 'hard'); // (suppressed like a hard bounce: the value stays)
    assert.equal(r.hardbounce, false);
    const t = text(report);
    assert.deepEqual(typeLines(t), [
      '  type:           complaint: stop sending to this address (it works; the person complained)',
    ]);
    assert.doesNotMatch(t, /hard bounce|does not work/);
  });

  it('a SendGrid spamreport beside a bounce in one batch (kind bounce)', async () => {
    const batch = JSON.stringify([
      { email: 'a@example.com', event: 'spamreport', sg_event_id: 'e1', sg_message_id: 'm1', timestamp: 1 },
      {
        email: 'b@example.com',
        event: 'bounce',
        status: '5.1.1',
        reason: '550 5.1.1 no such user',
        sg_event_id: 'e2',
        sg_message_id: 'm2',
        timestamp: 1,
      },
    ]);
    const report = await explain(batch);
    assert.equal(report.kind, 'bounce');
    assert.deepEqual(typeLines(text(report)), [
      '  type:           complaint: stop sending to this address (it works; the person complained)',
      '  type:           hard bounce: the address does not work',
    ]);
  });

  it('an auto-reply among bounces is not called a bounce', async () => {
    const report = await explain(readFileSync(path.join(bsd, 'rfc3834-01.eml')));
    assert.equal(report.kind, 'autoreply');
    assert.doesNotMatch(text(report), /type:|soft bounce|hard bounce/);
    // the same result in a report of kind bounce (a mixed webhook batch)
    const mixed: ExplainReport = { ...report, kind: 'bounce' };
    assert.deepEqual(typeLines(text(mixed)), [
      '  type:           automatic reply: not a bounce, the message was delivered',
    ]);
  });

  it('a suspended mailbox (bounceType hard, hardbounce false): suppress for now, the address exists', async () => {
    const report = await explain(readFileSync(path.join(bsd, 'lhost-ezweb-03.eml')));
    const [r] = report.results;
    assert.equal(r.reason, 'suspend');
    assert.equal(r.bounceType, 'hard');
    assert.equal(r.hardbounce, false);
    const t = text(report);
    assert.deepEqual(typeLines(t), [
      '  type:           suppress for now: the mailbox exists but is disabled',
    ]);
    assert.equal(
      r.advice.retry.when,
      'Not while the mailbox is disabled: suppress the address, and send again only once the recipient confirms it works again.',
    );
    assert.doesNotMatch(t, /it will fail again|does not work/);
  });

  // The type line of a soft cause says where the delivery stands as the advice does (advice.stage):
  // the two once decided it apart and disagreed on these two.
  const SOFT_FINAL =
    '  type:           soft bounce: the server has stopped trying; send again later, once the cause is gone';

  it('a delay notice whose recipient says Action: expired: stopped trying, as its advice says', () => {
    const report = reportFromExtraction({
      kind: 'delay',
      format: 'test',
      recipients: [
        {
          recipient: 'a@b.example',
          action: 'expired',
          status: '4.4.7',
          diagnosticCode: '421 4.4.7 Message expired: unable to deliver in 840 minutes',
        },
      ],
    });
    const [r] = report.results;
    assert.equal(r.bounceType, 'soft');
    assert.equal(r.advice.stage, 'final');
    assert.deepEqual(typeLines(text(report)), [SOFT_FINAL]);
    // and the heading does not say "still trying" of it
    assert.match(text(report), /^delay notice \(the server has stopped trying\)/m);
    const both = reportFromExtraction({
      kind: 'delay',
      format: 'test',
      recipients: [
        { recipient: 'a@b.example', action: 'expired', status: '4.4.7' },
        { recipient: 'c@b.example', action: 'delayed', status: '4.4.7' },
      ],
    });
    assert.match(
      text(both),
      /^bounce for some recipients; delay notice for others \(the server is still trying them\)/m,
    );
  });

  it('a bare permanent (5xx) reply classified soft: final, as its advice says', async () => {
    const report = await explain('552 5.2.2 The email account that you tried to reach is over quota.');
    assert.equal(report.kind, 'reply-text');
    const [r] = report.results;
    assert.equal(r.bounceType, 'soft');
    assert.equal(r.advice.stage, 'final');
    assert.match(r.advice.retry.when, /stopped trying/);
    assert.deepEqual(typeLines(text(report)), [SOFT_FINAL]);
  });

  it('reads the stage from the advice, not from the kind or the Action', async () => {
    const report = await explain('452 4.2.2 The email account that you tried to reach is over quota.');
    const [r] = report.results;
    assert.equal(r.advice.stage, 'open');
    assert.deepEqual(typeLines(text(report)), ['  type:           soft bounce: temporary']);
    const retrying = { ...r, advice: { ...r.advice, stage: 'retrying' as const } };
    assert.deepEqual(typeLines(text({ ...report, kind: 'bounce', results: [retrying] })), [
      '  type:           soft: temporary, the server is still trying',
    ]);
  });
});
