import assert from 'node:assert/strict';
import { test } from 'node:test';
import { office365 } from '../../../src/extract/formats/office365.js';
import { checkCorpusModule, message } from './provider-corpus.js';

const NDR = `From: postmaster@contoso.example
To: sender@contoso.example
Subject: Undeliverable: plan
X-MS-Exchange-Message-Is-Ndr:
Content-Type: text/plain; charset=UTF-8

Delivery has failed to these recipients or groups:

missing@example.org<mailto:missing@example.org>
The email address you entered couldn't be found. Please check the recipient's email address and try to resend the message.

Diagnostic information for administrators:

Generating server: AB1PR01MB0001.eurprd01.prod.outlook.com

missing@example.org
Remote Server returned '550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup'

Original message headers:

From: Sender <sender@contoso.example>
To: missing@example.org
Subject: plan
`;

test('office365: the admin section gives recipient, generating server and the returned reply', async () => {
  const ex = office365.extract(await message(NDR));
  assert.ok(ex);
  const r = ex.recipients[0];
  assert.equal(r.recipient, 'missing@example.org');
  assert.equal(r.reportingMta, 'AB1PR01MB0001.eurprd01.prod.outlook.com');
  assert.equal(r.replyCode, '550');
  assert.equal(r.status, '5.1.10');
  assert.equal(
    r.diagnosticCode,
    '550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup',
  );
  assert.equal(ex.original?.subject, 'plan');
});

test('office365: older Exchange "#550 ... ##" lines', async () => {
  const old = NDR.replace(
    "Remote Server returned '550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup'",
    '#550 5.1.1 RESOLVER.ADR.RecipNotFound; not found ##',
  );
  const ex = office365.extract(await message(old));
  assert.equal(ex?.recipients[0].status, '5.1.1');
  assert.equal(ex?.recipients[0].diagnosticCode, '550 5.1.1 RESOLVER.ADR.RecipNotFound; not found');
});

test('office365: the corpus samples', async () => {
  assert.equal(await checkCorpusModule('Office365', ['office365', 'rfc3464']), 10);
});
