// ESP webhook payloads through explain(): the ESP's label is kept, and where it contradicts the
// server's evidence the classification follows the evidence and says so in `note`.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { explain } from '../../src/explain.js';

const fixture = (name: string) =>
  readFileSync(new URL(`../extract/webhooks/fixtures/${name}`, import.meta.url), 'utf8');

describe('webhooks through explain()', () => {
  it('an SES "Transient" bounce for a domain that does not exist is hard, with a note', async () => {
    const report = await explain(fixture('ses-sns-transient-dead-domain.json'));
    assert.equal(report.format, 'ses-webhook');
    const r = report.results[0];
    assert.equal(r.bounceType, 'hard');
    assert.equal(r.category, 'recipient-domain');
    assert.match(r.espLabel ?? '', /Transient/);
    assert.match(r.note ?? '', /follows the server's evidence/);
  });

  it('a Postmark "HardBounce" that is a policy block stays a block: the address is not suppressed', async () => {
    const r = (await explain(fixture('postmark-bounce.json'))).results[0];
    assert.equal(r.bounceType, 'block');
    assert.equal(r.hardbounce, false);
    assert.ok(r.note);
  });

  it('a label that agrees with the evidence adds no note', async () => {
    const report = await explain(fixture('mailgun-failed.json'));
    for (const r of report.results) {
      if (r.note) assert.notEqual(r.espLabel, undefined);
    }
    assert.ok(report.results.length > 0);
  });
});
