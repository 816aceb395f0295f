// A refusal under the From domain's DMARC policy (Gmail's 5.7.26) means the receiver read a DMARC
// record that parses: one that does not makes receivers apply no policy (RFC 7489 §6.6.3). So a
// broken or missing record in the DNS asked here is no cause of it (only a further step), nor is
// the missing SPF record of an envelope domain not aligned with the From domain, nor a name the DNS
// here says does not exist. The failed alignment stays the cause, whatever the DNS mode.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { diagnoseReport } from '../../src/diagnose/chain.js';
import { memoryResolver, zoneFileResolver } from '../../src/dns/index.js';
import { explain } from '../../src/explain.js';
import type { Diagnosis, Resolver } from '../../src/types.js';
import { RETURNED_HEADERS as HEADERS, wrapDsn } from './helpers.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const example = (f: string) => readFileSync(path.join(root, 'examples', f), 'utf8');
const GMAIL = example('gmail-dmarc-rejected.eml');
const GMAIL_REPLY =
  "550-5.7.26 Unauthenticated email from example.com is not accepted due to domain's\n550 5.7.26 DMARC policy. Please contact the administrator of example.com domain.";

async function diagnosisOf(input: string, resolver?: Resolver): Promise<Diagnosis | undefined> {
  return (await diagnoseReport(await explain(input), { resolver })).results[0].diagnosis;
}

describe("the Gmail DMARC example: one root cause in every DNS mode (README's table)", () => {
  const modes: [string, Resolver | undefined][] = [
    ['offline', undefined],
    ['a DNS that says no name exists', memoryResolver({})],
    ['its zone file (a DMARC record with colons)', zoneFileResolver(example('zones/shop.example.zone'))],
  ];
  for (const [mode, resolver] of modes) {
    it(`${mode}: dmarc-unaligned, confirmed by the returned headers`, async () => {
      const d = await diagnosisOf(GMAIL, resolver);
      assert.equal(d?.code, 'dmarc-unaligned');
      assert.equal(d?.confidence, 'confirmed');
      assert.equal(
        d?.rootCause,
        'The receiver found no SPF or DKIM pass aligned with shop.example, so DMARC failed and the message was refused.',
      );
    });
  }

  it('the broken record read here is a further step that says it is no fix for this refusal', async () => {
    const d = await diagnosisOf(GMAIL, zoneFileResolver(example('zones/shop.example.zone')));
    const step = d?.steps.find((s) => s.startsWith('Also correct the DMARC record at _dmarc.shop.example'));
    assert.match(step ?? '', /The receiver applied a DMARC policy, so it read a working record/);
    assert.match(step ?? '', /correcting it does not make this message pass/);
    assert.match(step ?? '', /Publish: v=DMARC1; p=reject; rua=mailto:dmarc@shop\.example$/);
    // not shown as the record to publish under the cause's fix
    assert.equal(d?.correctedRecord, undefined);
  });

  it('a DNS with no DMARC record at all: the views differ, said as a step; never dmarc-missing', async () => {
    const d = await diagnosisOf(GMAIL, memoryResolver({}));
    assert.ok(
      d?.steps.includes(
        'The DNS asked here shows no DMARC record for shop.example, but the receiver applied its DMARC policy: its view of DNS and this one differ (or the record changed since).',
      ),
    );
  });
});

describe('what a DMARC policy refusal is not', () => {
  const healthy = {
    'example.com': { TXT: [['v=spf1 ip4:198.51.100.0/24 -all']] },
    '_dmarc.example.com': { TXT: [['v=DMARC1; p=reject']] },
  };

  it('a DMARC record read here as broken: dmarc-unaligned, not dmarc-record-broken', async () => {
    const zone = { ...healthy, '_dmarc.example.com': { TXT: [['v=DMARC1: p=reject']] } };
    const headers = HEADERS.replace('<billing@example.com>', '<bounce-1@mailer.esp.example>');
    const d = await diagnosisOf(wrapDsn(GMAIL_REPLY, 'a@gmail.com', headers), memoryResolver(zone));
    assert.equal(d?.code, 'dmarc-unaligned');
  });

  it('an unaligned envelope domain without SPF is not the cause (its SPF could not align)', async () => {
    const zone = { ...healthy, 'mailer.esp.example': { MX: [{ priority: 10, exchange: 'mx.esp.example' }] } };
    const headers = HEADERS.replace('<billing@example.com>', '<bounce-1@mailer.esp.example>');
    const d = await diagnosisOf(wrapDsn(GMAIL_REPLY, 'a@gmail.com', headers), memoryResolver(zone));
    assert.equal(d?.code, 'dmarc-unaligned');
  });

  it('an envelope domain the DNS here says does not exist is not "publishes no SPF record"', async () => {
    const reply = '550 5.7.23 The message failed SPF checks for the sender domain';
    const headers = HEADERS.replace('<billing@example.com>', '<bounce-1@mailer.esp.example>');
    const d = await diagnosisOf(wrapDsn(reply, 'a@receiver.example', headers), memoryResolver(healthy));
    assert.equal(d?.code, 'spf-fail');
    assert.equal(d?.confidence, 'likely');
    assert.doesNotMatch(d?.rootCause ?? '', /publishes no SPF record/);
    assert.match(d?.rootCause ?? '', /the DNS asked here says mailer\.esp\.example does not exist/);
  });

  it('a DMARC permerror with the broken record stays dmarc-record-broken', async () => {
    const zone = { ...healthy, '_dmarc.example.com': { TXT: [['v=DMARC1: p=reject']] } };
    const reply = '554 5.7.5 Permanent error evaluating DMARC policy';
    const d = await diagnosisOf(wrapDsn(reply, 'a@receiver.example', HEADERS), memoryResolver(zone));
    assert.deepEqual([d?.code, d?.confidence], ['dmarc-record-broken', 'confirmed']);
  });
});
