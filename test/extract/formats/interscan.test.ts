import assert from 'node:assert/strict';
import { test } from 'node:test';
import { interscan } from '../../../src/extract/formats/interscan.js';
import { mail } from '../helpers.js';
import { checkCorpus } from './notice-corpus.js';

const headers = [{ name: 'subject', value: 'Mail could not be delivered' }];

test('interscan: the Reason line, or the quoted SMTP exchange', () => {
  const a = interscan.extract(
    mail({
      headers,
      text: '****** Message from InterScan Messaging Security Suite ******\n\nThe following mail could not be delivered.\nReason:  Unable to deliver message to <fay@example.org> (and other recipients in the same domain).\n',
    }),
  );
  assert.equal(a?.recipients[0].recipient, 'fay@example.org');
  const b = interscan.extract(
    mail({
      headers,
      text: 'Sent <<< RCPT TO:<gus@example.org>\nReceived >>> 550 5.1.1 <gus@example.org>... User unknown\n',
    }),
  );
  assert.deepEqual(
    b?.recipients.map((r) => [r.recipient, r.replyCode, r.status, r.smtpCommand]),
    [['gus@example.org', '550', '5.1.1', 'RCPT']],
  );
  assert.equal(interscan.hint(mail({ headers })), true);
});

test('interscan: corpus samples', async () => {
  const c = await checkCorpus(interscan, ['InterScanMSS']);
  assert.ok(c.samples >= 1);
  assert.deepEqual(c.missed, []);
  assert.deepEqual(c.mismatches, []);
});
