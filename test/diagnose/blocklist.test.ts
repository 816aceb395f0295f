// blocklisted-ip: a reply that names a public list sends the sender to that list; one that names
// only the receiver's own list ("our block list") sends it to the receiver's own delisting.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { diagnoseReport } from '../../src/diagnose/chain.js';
import { explain } from '../../src/explain.js';
import type { Diagnosis } from '../../src/types.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

async function diagnosisOf(input: string): Promise<Diagnosis | undefined> {
  return (await diagnoseReport(await explain(input), {})).results[0].diagnosis;
}

describe("blocklisted-ip: a public list or the receiver's own", () => {
  it("Outlook's S3140 ('on our block list'): the receiver's own list, no list to look up", async () => {
    const d = await diagnosisOf(readFileSync(path.join(root, 'examples/outlook-reply.txt'), 'utf8'));
    assert.equal(d?.code, 'blocklisted-ip');
    // S3140 says "part of their network": the range is listed, this IP may have done nothing
    assert.equal(
      d?.rootCause,
      "The receiver refused the sending IP 203.0.113.7 because part of the network range around it is on the receiver's own block list (the reply names no public blocklist); this IP itself may have done nothing.",
    );
    assert.doesNotMatch(d?.fix ?? '', /list named in the reply|compromised account/);
    assert.match(d?.fix ?? '', /hosting provider or ISP that owns the range/);
    assert.match(d?.fix ?? '', /its own delisting or sender-support page/);
    // the IP itself on the receiver's own list: find why it was listed
    const own = await diagnosisOf(
      '550 5.7.1 Service unavailable, client host [203.0.113.7] is on our block list',
    );
    assert.match(own?.rootCause ?? '', /because it is on the receiver's own block list/);
    assert.match(own?.fix ?? '', /Find out why 203\.0\.113\.7 was listed/);
    assert.ok(!d?.steps.some((s) => /list named in the reply/.test(s)));
  });

  it('a reply naming Spamhaus: removal at that list', async () => {
    const d = await diagnosisOf(
      '554 5.7.1 Service unavailable; Client host [203.0.113.7] blocked using zen.spamhaus.org',
    );
    assert.equal(d?.code, 'blocklisted-ip');
    assert.match(d?.fix ?? '', /request removal at the list named in the reply/);
  });

  it("'our block list' beside a public list named: the public list", async () => {
    const d = await diagnosisOf(
      '554 5.7.1 [203.0.113.7] is on our block list because it is listed in bl.spamcop.net',
    );
    assert.match(d?.fix ?? '', /request removal at the list named in the reply/);
  });
});

describe('the blocklist steps are said once', () => {
  it("beside a blocklisted-IP cause, 'what to do' keeps only what its fix does not say", async () => {
    const dsn = [
      'From: Mail Delivery System <Mailer-Daemon@mx.sender.example>',
      'To: dave@sender.example',
      'Subject: Mail delivery failed: returning message to sender',
      '',
      'This message was created automatically by mail delivery software.',
      '',
      'A message that you sent could not be delivered to one or more of its',
      'recipients. This is a permanent error. The following address(es) failed:',
      '',
      '  erin@faraway.example',
      '    host mx1.faraway.example [198.51.100.7]',
      '    SMTP error from remote mail server after RCPT TO:<erin@faraway.example>:',
      '    550 5.7.1 Service unavailable; Client host [192.0.2.44] blocked using zen.spamhaus.org',
      '',
    ].join('\n');
    const [r] = (await diagnoseReport(await explain(dsn), {})).results;
    assert.equal(r.diagnosis?.code, 'blocklisted-ip');
    assert.equal(r.advice.steps[0], r.diagnosis?.fix);
    assert.deepEqual(r.advice.steps.slice(1), ['Do not remove the recipient: the address is fine.']);
  });
});
