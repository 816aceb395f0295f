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

test('office365: a remote host before the "#550 ... ##" line is the remote server, not part of the reply', async () => {
  const relayed = NDR.replace(
    "Remote Server returned '550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup'",
    'mx.example.org #550 5.1.1 <missing@example.org>: Recipient address rejected: User unknown ##',
  );
  const ex = office365.extract(await message(relayed));
  const r = ex?.recipients[0];
  assert.equal(r?.replyCode, '550');
  assert.equal(r?.status, '5.1.1');
  assert.equal(r?.remoteMta, 'mx.example.org');
  assert.equal(
    r?.diagnosticCode,
    '550 5.1.1 <missing@example.org>: Recipient address rejected: User unknown',
  );
});

const MULTI = `From: postmaster@contoso.example
To: sender@contoso.example
Subject: Undeliverable: plan
X-MS-Exchange-Message-Is-Ndr:
Content-Type: text/plain; charset=UTF-8

Delivery has failed to these recipients or groups:

one@example.org
The e-mail address you entered couldn't be found.

two@example.org
The recipient's mailbox is full and can't accept messages now.

three@example.org
Your message wasn't delivered because the recipient's e-mail provider rejected it.

Diagnostic information for administrators:

Generating server: EXCH.contoso.local

one@example.org
mx.example.org #550 5.1.1 <one@example.org>: User unknown ##

two@example.org
#552 5.2.2 <two@example.org>: mailbox full ##

three@example.org

Original message headers:

From: Sender <sender@contoso.example>
Subject: plan
`;

test('office365: several recipients each keep their own reply or explanation', async () => {
  const ex = office365.extract(await message(MULTI));
  assert.ok(ex);
  assert.deepEqual(
    ex.recipients.map((r) => [r.recipient, r.status, r.replyCode, r.remoteMta, r.diagnosticCode]),
    [
      ['one@example.org', '5.1.1', '550', 'mx.example.org', '550 5.1.1 <one@example.org>: User unknown'],
      ['two@example.org', '5.2.2', '552', undefined, '552 5.2.2 <two@example.org>: mailbox full'],
      [
        'three@example.org',
        undefined,
        undefined,
        undefined,
        "Your message wasn't delivered because the recipient's e-mail provider rejected it.",
      ],
    ],
  );
});

test('office365: the corpus samples', async () => {
  assert.equal(await checkCorpusModule('Office365', ['office365', 'rfc3464']), 10);
});
