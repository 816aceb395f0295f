// dmarc-unaligned is named only when the returned headers do not show an aligned identity: an
// envelope sender (Return-Path) in the From domain's organizational domain is aligned SPF
// (RFC 7489 §3.1.2), so a DMARC failure then is not a failure of alignment.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { diagnoseReport } from '../../src/diagnose/chain.js';
import { explain } from '../../src/explain.js';
import type { Diagnosis } from '../../src/types.js';
import { wrapDsn } from './helpers.js';

const headers = (returnPath: string) => `Return-Path: <${returnPath}>
Received: from app1.shop.example (app1.shop.example [198.51.100.10])
\tby out1.shop.example (Postfix) with ESMTPSA id A41C0D7E11
\tfor <someone@gmail.com>; Thu, 3 Dec 2026 09:14:01 +0000
From: Example Shop <news@news.shop.example>
To: someone@gmail.com
Subject: Our offers
Date: Thu, 3 Dec 2026 09:14:00 +0000
Message-ID: <n-1@news.shop.example>`;

const GMAIL =
  "550-5.7.26 Unauthenticated email from news.shop.example is not accepted due to domain's DMARC policy. " +
  '550 5.7.26 Please contact the administrator of news.shop.example domain. gsmtp';

async function offline(returnPath: string): Promise<Diagnosis | undefined> {
  const report = await diagnoseReport(
    await explain(wrapDsn(GMAIL, 'someone@gmail.com', headers(returnPath))),
  );
  return report.results[0]?.diagnosis;
}

describe('dmarc-unaligned and the envelope sender of the returned headers', () => {
  it('a Return-Path in the same organizational domain (mail.shop.example for news.shop.example) is aligned: not dmarc-unaligned', async () => {
    const d = await offline('bounces@mail.shop.example');
    assert.notEqual(d?.code, 'dmarc-unaligned');
    assert.equal(d?.code, 'undetermined');
    assert.match(
      d?.rootCause ?? '',
      /^The envelope sender's domain mail\.shop\.example is aligned with the From domain \(mail\.shop\.example and news\.shop\.example share the organizational domain shop\.example/,
    );
    assert.match(d?.rootCause ?? '', /not checked here \(DNS: offline\)/);
    assert.ok(!d?.steps.some((s) => /envelope sender/.test(s)), d?.steps.join('; '));
  });

  it('a Return-Path on another organization (an ESP) is unaligned: dmarc-unaligned, naming it', async () => {
    const d = await offline('bounce-77@mailer.esp.example');
    assert.equal(d?.code, 'dmarc-unaligned');
    assert.equal(d?.confidence, 'confirmed');
    assert.match(d?.steps[0] ?? '', /envelope sender bounce-77@mailer\.esp\.example/);
  });
});
