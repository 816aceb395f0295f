// The diagnosis chain over bounces built from seed texts and corpus cases, with DNS from an
// in-memory zone (the integration tier does the same against a real DNS server).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { diagnoseReport } from '../../src/diagnose/chain.js';
import { memoryResolver, zoneFileResolver } from '../../src/dns/index.js';
import { explain } from '../../src/explain.js';
import type { Diagnosis } from '../../src/types.js';
import { RETURNED_HEADERS as HEADERS, wrapDsn } from './helpers.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const corpus = path.join(root, '../shared/corpus');
const seed = JSON.parse(readFileSync(path.join(corpus, 'seed/errors.json'), 'utf8')) as {
  cases: { id: string; text: string }[];
};
const seedText = (id: string) => seed.cases.find((c) => c.id === id)!.text;

const healthy = {
  'example.com': {
    TXT: [['v=spf1 ip4:198.51.100.0/24 -all']],
    MX: [{ priority: 10, exchange: 'mx.example.com' }],
  },
  'mx.example.com': { A: ['198.51.100.25'] },
  '_dmarc.example.com': { TXT: [['v=DMARC1; p=reject; rua=mailto:dmarc@example.com']] },
  'mail.ru': { TXT: [['v=spf1 redirect=_spf.mail.ru']], MX: [{ priority: 10, exchange: 'mxs.mail.ru' }] },
  '_spf.mail.ru': { TXT: [['v=spf1 ip4:192.0.2.0/24 ~all']] },
  'mxs.mail.ru': { A: ['192.0.2.30'] },
  '_dmarc.mail.ru': { TXT: [['v=DMARC1; p=reject; rua=mailto:d@mail.ru']] },
};

async function diagnosisOf(input: string, zone: object | undefined): Promise<Diagnosis | undefined> {
  const report = await explain(input);
  const resolver = zone ? memoryResolver(zone as never) : undefined;
  const done = await diagnoseReport(report, { resolver });
  return done.results[0]?.diagnosis;
}

describe('diagnosis chain: sender side', () => {
  it('5.7.5 "permanent error evaluating DMARC policy" + a broken record -> the corrected record', async () => {
    const zone = {
      ...healthy,
      '_dmarc.example.com': { TXT: [['v=DMARC1: p=reject; rua=mailto:dmarc@example.com']] },
    };
    const d = await diagnosisOf(wrapDsn(seedText('S21'), 'customer@receiver.example', HEADERS), zone);
    assert.equal(d?.code, 'dmarc-record-broken');
    assert.equal(d?.correctedRecord?.name, '_dmarc.example.com');
    assert.equal(d?.correctedRecord?.fixed, 'v=DMARC1; p=reject; rua=mailto:dmarc@example.com');
    assert.match(d?.rootCause ?? '', /evaluating the DMARC policy/);
  });

  it('a Gmail DMARC refusal of a From address on mail.ru names the foreign-domain cause', async () => {
    const headers = HEADERS.replace(/billing@example\.com/g, 'shop.owner@mail.ru');
    const d = await diagnosisOf(wrapDsn(seedText('S24'), 'customer@receiver.example', headers), healthy);
    assert.equal(d?.code, 'foreign-from-domain');
    assert.match(d?.rootCause ?? '', /mail\.ru publishes DMARC p=reject/);
    assert.match(d?.fix ?? '', /own/);
    // never tell the user to edit mail.ru's DNS (a must_not of case C03)
    assert.equal(d?.correctedRecord, undefined);
  });

  it('C03 (bare Exim excerpt, offline): the domain named in the reply is mail.ru -> foreign domain', async () => {
    const text = readFileSync(path.join(corpus, 'cases/inputs/C03.txt'), 'utf8');
    const d = await diagnosisOf(text, undefined);
    assert.equal(d?.code, 'foreign-from-domain');
    assert.ok(d?.notChecked.some((n) => /offline/i.test(n)));
  });

  it('C08 (Microsoft S3140): the sending IP is on a block list', async () => {
    const d = await diagnosisOf(readFileSync(path.join(corpus, 'cases/inputs/C08.eml'), 'utf8'), undefined);
    assert.equal(d?.code, 'blocklisted-ip');
    assert.match(d?.rootCause ?? '', /203\.0\.113\.116/);
  });

  it('Gmail 5.7.25: no reverse DNS for the sending IP, checked in DNS', async () => {
    const reply =
      '550-5.7.25 [203.0.113.9] The IP address sending this message does not have a PTR record setup, ' +
      'or the corresponding forward DNS entry does not point to the sending IP. 550 5.7.25 gsmtp';
    const d = await diagnosisOf(wrapDsn(reply, 'someone@gmail.com', HEADERS), healthy);
    assert.equal(d?.code, 'no-ptr');
    assert.equal(d?.party, 'ip-owner');
    assert.match(d?.rootCause ?? '', /203\.0\.113\.9 has no PTR record/);
    assert.ok(d?.checked.includes('PTR of 203.0.113.9'));
  });

  it('SPF permerror from too many lookups names the include tree', async () => {
    const zone: Record<string, unknown> = { ...healthy };
    const includes = Array.from({ length: 11 }, (_, i) => `include:s${i}.example.net`).join(' ');
    zone['example.com'] = { TXT: [[`v=spf1 ${includes} -all`]], MX: healthy['example.com'].MX };
    for (let i = 0; i < 11; i++) zone[`s${i}.example.net`] = { TXT: [[`v=spf1 ip4:192.0.2.${i}/32 -all`]] };
    const reply = '550 5.7.23 SPF validation failed: permerror (too many DNS lookups)';
    const d = await diagnosisOf(wrapDsn(reply, 'a@receiver.example', HEADERS), zone);
    assert.equal(d?.code, 'spf-permerror');
    assert.match(d?.rootCause ?? '', /example\.com/);
  });

  it('C01 (Gmail 5.7.26 in a DragonFly notice, offline): nothing aligned with the From domain', async () => {
    const d = await diagnosisOf(readFileSync(path.join(corpus, 'cases/inputs/C01.eml'), 'utf8'), undefined);
    assert.equal(d?.code, 'dmarc-unaligned');
    // the From domain of the returned headers, and the organizational domain that Gmail names
    assert.match(
      d?.rootCause ?? '',
      /no SPF or DKIM pass aligned with df\.example\.jp \(or, relaxed, with a name under example\.jp\)/,
    );
    assert.match(d?.fix ?? '', /DKIM-sign/);
    // must_not: a recipient problem
    assert.equal(d?.party, 'sender');
  });

  it('offline, the chain says what it could not check', async () => {
    const d = await diagnosisOf(wrapDsn(seedText('S21'), 'customer@receiver.example', HEADERS), undefined);
    assert.ok(d);
    assert.ok(d.notChecked.some((n) => /DNS \(offline\)/.test(n)));
  });
});

describe("the README's quick start example", () => {
  it('examples/dmarc-permerror.eml with its zone: the broken record and the one to publish', async () => {
    const bounce = readFileSync(path.join(root, 'examples/dmarc-permerror.eml'), 'utf8');
    const zone = readFileSync(path.join(root, 'examples/zones/shop.example.zone'), 'utf8');
    const report = await diagnoseReport(await explain(bounce), { resolver: zoneFileResolver(zone) });
    const d = report.results[0].diagnosis;
    assert.equal(d?.code, 'dmarc-record-broken');
    assert.equal(d?.correctedRecord?.fixed, 'v=DMARC1; p=reject; rua=mailto:dmarc@shop.example');
  });
});

describe('the Gmail example, offline', () => {
  it('names the ESP domains the returned headers carry instead of the From domain', async () => {
    const bounce = readFileSync(path.join(root, 'examples/gmail-dmarc-rejected.eml'), 'utf8');
    const d = (await diagnoseReport(await explain(bounce), {})).results[0].diagnosis;
    assert.equal(d?.code, 'dmarc-unaligned');
    assert.match(d?.steps[0] ?? '', /d=esp\.example/);
    assert.match(d?.steps[0] ?? '', /mailer\.esp\.example/);
  });
});

describe('diagnosis chain: recipient side', () => {
  it('a user-unknown at gnail.com suggests gmail.com', async () => {
    const dsn = wrapDsn(
      '550 5.1.1 <someone@gnail.com>: Recipient address rejected: User unknown',
      'someone@gnail.com',
      HEADERS,
    );
    const d = await diagnosisOf(dsn, healthy);
    assert.equal(d?.code, 'recipient-typo');
    assert.match(d?.fix ?? '', /someone@gmail\.com/);
  });

  it('a domain that does not exist is named as such', async () => {
    const dsn = wrapDsn('550 5.1.2 Host unknown: domain not found', 'a@no-such-domain.example', HEADERS);
    const d = await diagnosisOf(dsn, healthy);
    assert.equal(d?.code, 'recipient-domain-missing');
  });
});

describe('diagnosis chain: no sender domain known', () => {
  it('a bare reply with DNS: says no sender domain was named, never that "the sender domain looks healthy"', async () => {
    for (const zone of [healthy, undefined]) {
      const d = await diagnosisOf('530 5.7.0 Authentication required', zone);
      assert.equal(d?.code, 'undetermined');
      assert.equal(
        d?.rootCause,
        "No single cause could be named: the bounce names no sender domain (no From address and no original headers), so no domain's DNS was checked.",
      );
      assert.doesNotMatch(d?.rootCause ?? '', /looks healthy|run without --offline/);
      assert.match(d?.fix ?? '', /bouncedoc check <your domain>/);
    }
  });
});
