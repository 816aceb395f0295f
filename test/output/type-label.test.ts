// The "type" line says what is true for the person: a complaint is no dead address, an auto-reply
// is no bounce, a suspended mailbox exists. The JSON values stay as the design chose them.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { explain } from '../../src/explain.js';
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
});
