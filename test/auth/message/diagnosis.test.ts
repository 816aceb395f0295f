// Root causes from real evaluations: messages built and signed here, records in a memory zone.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { sealMessage } from 'mailauth/lib/arc/index.js';
import { dkimSign } from 'mailauth/lib/dkim/sign.js';
import { auditMessage } from '../../../src/auth/message/index.js';
import { type MemoryZone, memoryResolver } from '../../../src/dns/index.js';

const corpus = new URL('../../../../shared/corpus/dkim/', import.meta.url);
const privateKey = readFileSync(new URL('dkimpy/test.private', corpus), 'utf8');
const publicKey = (
  JSON.parse(readFileSync(new URL('dkim-vectors.json', corpus), 'utf8')) as {
    sign_then_verify: Array<{ zone?: Record<string, { TXT: string[][] }> }>;
  }
).sign_then_verify[0].zone!['test._domainkey.example.com'].TXT[0][0];
const clock = () => new Date('2026-12-01T00:00:00Z');
const signTime = new Date('2026-11-30T10:00:00Z');

const message = (from: string, extra = '') =>
  Buffer.from(
    `${extra}From: Someone <${from}>\r\nTo: rcpt@example.net\r\nSubject: test\r\nDate: Mon, 30 Nov 2026 10:00:00 +0000\r\nMessage-ID: <m1@test>\r\n\r\nHello.\r\n`,
  );

async function signed(msg: Buffer, d: string): Promise<Buffer> {
  const res = await dkimSign(msg, {
    signTime,
    signatureData: [{ signingDomain: d, selector: 'test', privateKey }],
  } as Parameters<typeof dkimSign>[1]);
  return Buffer.concat([Buffer.from(res.signatures), msg]);
}

describe('root causes', () => {
  it('a mailing list broke DKIM and SPF; its ARC set shows DMARC passed before: "forwarded"', async () => {
    const original = await signed(message('alice@example.com'), 'example.com');
    // the list adds a footer, then seals what it saw on arrival
    const modified = Buffer.concat([original, Buffer.from('-- \r\nList footer\r\n')]);
    const seal = await sealMessage(modified, {
      signingDomain: 'lists.example.org',
      selector: 'test',
      privateKey,
      signTime,
      cv: 'none',
      authResults:
        'lists.example.org; dkim=pass header.d=example.com; spf=pass smtp.mailfrom=example.com; dmarc=pass header.from=example.com',
    } as Parameters<typeof sealMessage>[1]);
    const zone: MemoryZone = {
      'test._domainkey.example.com': { TXT: [[publicKey]] },
      'test._domainkey.lists.example.org': { TXT: [[publicKey]] },
      'example.com': { TXT: [['v=spf1 ip4:192.0.2.10 -all']] },
      '_dmarc.example.com': { TXT: [['v=DMARC1; p=reject']] },
      'lists.example.org': { TXT: [['v=spf1 ip4:198.51.100.20 -all']] },
    };
    const a = await auditMessage(Buffer.concat([seal, modified]), {
      resolver: memoryResolver(zone),
      ip: '198.51.100.20',
      mailFrom: 'list-bounces@lists.example.org',
      clock,
    });
    assert.equal(a.arc.result, 'pass');
    assert.equal(a.dkim[0].code, 'dkim.body-hash');
    assert.equal(a.spf?.result, 'pass');
    assert.equal(a.spf?.alignment?.aligned, false);
    assert.equal(a.dmarc[0].result, 'fail');
    assert.equal(a.rootCause?.code, 'forwarded');
    assert.match(a.rootCause!.text, /lists\.example\.org/);
    assert.ok(a.fixes.some((f) => /ARC/.test(f)));
  });

  for (const sign of [
    {
      name: 'an SRS return path',
      headers: 'Return-Path: <SRS0=AbCd=TT=example.com=alice@fwd.example.org>\r\n',
      by: /fwd\.example\.org/,
    },
    {
      name: 'a List-Id field',
      headers: 'List-Id: Friends <friends.lists.example.org>\r\n',
      by: /friends\.lists\.example\.org/,
    },
    {
      name: 'two first mailboxes',
      headers: 'Delivered-To: bob@example.net\r\nDelivered-To: bob@old-job.example\r\n',
      by: /bob@old-job\.example/,
    },
  ]) {
    it(`forwarding without ARC, seen from ${sign.name}, a changed body and a foreign IP: "forwarded"`, async () => {
      const original = await signed(message('alice@example.com'), 'example.com');
      const changed = Buffer.concat([Buffer.from(sign.headers), original, Buffer.from('-- \r\nFooter\r\n')]);
      const a = await auditMessage(changed, {
        resolver: memoryResolver({
          'test._domainkey.example.com': { TXT: [[publicKey]] },
          'example.com': { TXT: [['v=spf1 ip4:192.0.2.10 -all']] },
          '_dmarc.example.com': { TXT: [['v=DMARC1; p=reject']] },
        }),
        ip: '198.51.100.20',
        mailFrom: 'alice@example.com',
        clock,
      });
      assert.equal(a.dkim[0].code, 'dkim.body-hash');
      assert.equal(a.dmarc[0].result, 'fail');
      assert.equal(a.rootCause?.code, 'forwarded');
      assert.match(a.rootCause!.text, sign.by);
    });
  }

  it('the same broken signature without any sign of forwarding stays a DKIM fault', async () => {
    const original = await signed(message('alice@example.com'), 'example.com');
    const changed = Buffer.concat([original, Buffer.from('-- \r\nFooter\r\n')]);
    const a = await auditMessage(changed, {
      resolver: memoryResolver({
        'test._domainkey.example.com': { TXT: [[publicKey]] },
        '_dmarc.example.com': { TXT: [['v=DMARC1; p=reject']] },
      }),
      ip: '198.51.100.20',
      mailFrom: 'alice@example.com',
      clock,
    });
    assert.equal(a.rootCause?.code, 'dkim-body-hash');
  });

  it('From at a mailbox provider, sent through one\'s own server: "foreign-from-domain"', async () => {
    const msg = await signed(message('someone@mail.ru'), 'shop.example');
    const a = await auditMessage(msg, {
      resolver: memoryResolver({
        'test._domainkey.shop.example': { TXT: [[publicKey]] },
        'shop.example': { TXT: [['v=spf1 ip4:203.0.113.9 -all']] },
        '_dmarc.mail.ru': { TXT: [['v=DMARC1; p=reject']] },
      }),
      ip: '203.0.113.9',
      mailFrom: 'bounce@shop.example',
      clock,
    });
    assert.deepEqual([a.dmarc[0].result, a.dmarc[0].policy], ['fail', 'reject']);
    assert.equal(a.rootCause?.code, 'foreign-from-domain');
    assert.match(a.rootCause!.text, /Mail\.ru/);
    assert.match(a.fixes[0], /From address on a domain you control/);
    assert.match(a.verdict, /p=reject tells receivers to refuse it/);
  });

  it('the sending IP is not in the aligned domain\'s SPF and nothing is signed: "spf-not-permitted"', async () => {
    const a = await auditMessage(message('news@example.com'), {
      resolver: memoryResolver({
        'example.com': { TXT: [['v=spf1 ip4:192.0.2.0/28 include:_spf.esp.example -all']] },
        '_spf.esp.example': { TXT: [['v=spf1 ip4:198.51.100.0/24 -all']] },
        '_dmarc.example.com': { TXT: [['v=DMARC1; p=quarantine']] },
      }),
      ip: '203.0.113.50',
      mailFrom: 'bounce@example.com',
      clock,
    });
    assert.equal(a.spf?.result, 'fail');
    assert.equal(a.spf?.alignment?.aligned, true);
    assert.equal(a.rootCause?.code, 'spf-not-permitted');
    assert.match(a.fixes[0], /Add the sending server 203\.0\.113\.50/);
    assert.match(a.verdict, /p=quarantine/);
  });

  it('an aligned signature whose key is missing in DNS: "dkim-no-key"', async () => {
    const msg = await signed(message('info@example.com'), 'example.com');
    const a = await auditMessage(msg, {
      resolver: memoryResolver({ '_dmarc.example.com': { TXT: [['v=DMARC1; p=none']] } }),
      ip: '192.0.2.1',
      mailFrom: 'info@example.com',
      clock,
    });
    assert.equal(a.dkim[0].code, 'dkim.no-key');
    assert.equal(a.rootCause?.code, 'dkim-no-key');
    assert.match(a.fixes[0], /test\._domainkey\.example\.com/);
  });

  it('the null sender: SPF checks the HELO identity, which never counts for DMARC', async () => {
    const msg = await signed(message('mailer-daemon@example.com'), 'example.com');
    const a = await auditMessage(msg, {
      resolver: memoryResolver({
        'test._domainkey.example.com': { TXT: [[publicKey]] },
        'mx1.example.com': { TXT: [['v=spf1 a -all']], A: ['192.0.2.7'] },
        '_dmarc.example.com': { TXT: [['v=DMARC1; p=reject']] },
      }),
      ip: '192.0.2.7',
      helo: 'mx1.example.com',
      mailFrom: '<>',
      clock,
    });
    assert.equal(a.mailFrom?.address, '');
    assert.deepEqual(
      [a.spf?.scope, a.spf?.domain, a.spf?.result, a.spf?.counts],
      ['helo', 'mx1.example.com', 'pass', false],
    );
    assert.equal(a.dmarc[0].result, 'pass'); // through DKIM
  });

  it('DNS that times out: DMARC temperror, said as "could not be evaluated", never as "no record"', async () => {
    const a = await auditMessage(message('a@example.com'), {
      resolver: memoryResolver({ '*': 'TIMEOUT' }),
      ip: '192.0.2.1',
      mailFrom: 'a@example.com',
      clock,
    });
    assert.equal(a.spf?.result, 'temperror');
    assert.equal(a.dmarc[0].result, 'temperror');
    assert.equal(a.rootCause?.code, 'dmarc-dns-failure');
    assert.match(a.verdict, /could not be evaluated: DNS failed/);
  });

  it('offline without any receiver results: says what could not be checked', async () => {
    const a = await auditMessage(message('a@example.com', 'Return-Path: <a@example.com>\r\n'), {
      offline: true,
    });
    assert.equal(a.spf, undefined);
    assert.equal(a.dmarc[0].result, 'unknown');
    assert.ok(a.unchecked.some((u) => /SPF was not evaluated \(offline\)/.test(u)));
    assert.ok(a.unchecked.some((u) => /DMARC record not read \(offline\)/.test(u)));
  });

  it("offline with only Received-SPF: the receiver's SPF comes from it, with the client IP", async () => {
    const head =
      'Received-SPF: pass (mx.b.example: domain of bounce@esp.example designates 198.51.100.3 as permitted sender) client-ip=198.51.100.3; envelope-from="bounce@esp.example"; helo=out.esp.example;\r\n';
    const a = await auditMessage(message('news@shop.example', head), { offline: true });
    assert.deepEqual([a.spf?.result, a.spf?.domain, a.spf?.source], ['pass', 'esp.example', 'receiver']);
    assert.equal(a.receiver?.spf?.source, 'received-spf');
    assert.deepEqual([a.ip?.address, a.ip?.source], ['198.51.100.3', 'receiver-results']);
    assert.equal(a.mailFrom?.address, 'bounce@esp.example');
    assert.equal(a.rootCause?.code, 'unaligned-envelope-no-dkim');
    assert.match(a.verdict, /would fail/);
  });

  it("a DMARC record changed since delivery: the receiver's dmarc=pass differs from ours", async () => {
    const head =
      'Authentication-Results: mx.b.example; spf=pass smtp.mailfrom=a@example.com; dmarc=pass header.from=example.com\r\n';
    const a = await auditMessage(message('a@example.com', head), {
      resolver: memoryResolver({
        'example.com': { TXT: [['v=spf1 ip4:192.0.2.0/24 -all']] },
        '_dmarc.example.com': { TXT: [['v=DMARC1; p=reject; aspf=s']] },
      }),
      ip: '203.0.113.1',
      mailFrom: 'a@example.com',
      clock,
    });
    assert.deepEqual(
      a.differences.map((d) => [d.method, d.receiver, d.ours]),
      [
        ['spf', 'pass for example.com', 'fail for example.com'],
        ['dmarc', 'pass', 'fail'],
      ],
    );
  });

  it('a resolver that throws does not crash the audit', async () => {
    const a = await auditMessage(message('a@example.com'), {
      resolver: async () => {
        throw new Error('boom');
      },
      ip: '192.0.2.1',
      mailFrom: 'a@example.com',
    });
    assert.equal(a.mode, 'dns');
    assert.notEqual(a.dmarc[0].result, 'pass');
  });
});

describe('offline, with no result in the headers', () => {
  it('says that nothing was evaluated, not that SPF and DKIM fail', async () => {
    const headers = [
      'Return-Path: <bounce-1@mailer.esp.example>',
      'From: Shop <invoices@shop.example>',
      'To: a@receiver.example',
      'Subject: Invoice',
      'DKIM-Signature: v=1; a=rsa-sha256; d=esp.example; s=s1; h=from:to:subject; bh=AAAA; b=BBBB',
      '',
      '',
    ].join('\r\n');
    const a = await auditMessage(headers, { offline: true });
    assert.equal(a.rootCause?.code, 'nothing-authenticates');
    assert.match(a.rootCause!.text, /^No SPF or DKIM result is known: none was evaluated here/);
    assert.doesNotMatch(a.rootCause!.text, /Neither SPF nor DKIM passes/);
  });
});
