// Header reading: addresses, Received lines and the hop taken, Authentication-Results,
// Received-SPF, DKIM-Signature tags; and junk that must not crash or take long.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseAddressList, parseReversePath } from '../../../src/auth/message/address.js';
import { parseAuthResults } from '../../../src/auth/message/auth-results.js';
import { parseDkimSignature } from '../../../src/auth/message/dkim-signature.js';
import { auditMessage, readMessageHeaders } from '../../../src/auth/message/index.js';
import { parseReceived } from '../../../src/auth/message/received.js';
import { parseReceivedSpf } from '../../../src/auth/message/received-spf.js';
import { pickSendingHop } from '../../../src/auth/message/sending-hop.js';

describe('addresses', () => {
  it('display names with commas, comments, groups, route addresses', () => {
    assert.deepEqual(
      parseAddressList(
        '"Doe, John" <john@Example.COM.>, (comment, here) jane@b.example, team: a@c.example, b@d.example;',
      ).map((m) => [m.address, m.domain]),
      [
        ['john@Example.COM.', 'example.com'],
        ['jane@b.example', 'b.example'],
        ['a@c.example', 'c.example'],
        ['b@d.example', 'd.example'],
      ],
    );
    assert.equal(parseAddressList('<@relay.example:user@e.example>')[0].address, 'user@e.example');
    assert.equal(parseReversePath('<>'), '');
    assert.equal(parseReversePath('<bounce@f.example>'), 'bounce@f.example');
    // an internationalized domain becomes its A-label form
    assert.equal(parseAddressList('Иван <ivan@пример.рф>')[0].domain, 'xn--e1afmkfd.xn--p1ai');
  });

  it('several From addresses, several From fields, no From: said, no From domain chosen', () => {
    const two = readMessageHeaders('From: a@x.example, b@y.example\r\nTo: c@z.example\r\n');
    assert.equal(two.fromDomain, undefined);
    assert.ok(
      two.findings.some((f) => f.code === 'message.several-from-addresses' && f.severity === 'error'),
    );
    const fields = readMessageHeaders('From: a@x.example\r\nFrom: b@x.example\r\n');
    assert.equal(fields.fromDomain, undefined);
    assert.ok(fields.findings.some((f) => f.code === 'message.several-from-fields'));
    const none = readMessageHeaders('To: c@z.example\r\nSubject: hi\r\n');
    assert.ok(none.findings.some((f) => f.code === 'message.no-from'));
    const same = readMessageHeaders('From: a@x.example, b@x.example\r\n');
    assert.equal(same.fromDomain, 'x.example');
  });
});

describe('Received lines and the sending hop', () => {
  it('reads Postfix, Exim, Microsoft, qmail and IPv6-literal forms', () => {
    const p = (v: string) => parseReceived(v, 0);
    assert.deepEqual(
      [
        p(
          'from mail.a.example (mail.a.example [198.51.100.7]) by mx.b.example (Postfix) with ESMTPS id X; Mon',
        ).ip,
      ],
      ['198.51.100.7'],
    );
    const exim = p(
      'from mail.a.example ([2001:db8::25] helo=mx.a.example) by mx.b.example with esmtps (Exim 4.96) (envelope-from <s@a.example>) id 1; Mon',
    );
    assert.deepEqual(
      [exim.ip, exim.helo, exim.rdns, exim.envelopeFrom],
      ['2001:db8::25', 'mx.a.example', 'mail.a.example', 's@a.example'],
    );
    const ms = p(
      'from AM0PR04.eurprd04.prod.outlook.com (2603:10a6:208:1::12) by AM0PR05.eurprd04.prod.outlook.com with HTTPS; Mon',
    );
    assert.equal(ms.ip, '2603:10a6:208:1::12');
    const q = p('from unknown (HELO mail.a.example) (198.51.100.1) by x.example with SMTP; 1 Jan');
    assert.deepEqual([q.helo, q.ip], ['mail.a.example', '198.51.100.1']);
    const v6 = p(
      'from [192.0.2.7] (unknown [IPv6:2001:db8::7]) by mail.b.example (Postfix) with ESMTPSA id X; Mon',
    );
    assert.deepEqual([v6.helo, v6.ip, v6.rdns], ['[192.0.2.7]', '2001:db8::7', undefined]);
  });

  it('takes the first hop from outside the receiver, skipping private and own hops, and says why', () => {
    const hops = [
      'from mx-in.b.example (mx-in.b.example [198.51.100.20]) by store.b.example with LMTP; Mon',
      'from filter.b.example (localhost [127.0.0.1]) by mx-in.b.example; Mon',
      'from out.a.example (out.a.example [203.0.113.5]) by filter.b.example with ESMTPS; Mon',
      'from laptop (10.0.0.8) by out.a.example with ESMTPSA; Mon',
    ].map((v, i) => parseReceived(v, i));
    const pick = pickSendingHop(hops, 'mx-in.b.example');
    assert.equal(pick?.hop.ip, '203.0.113.5');
    assert.equal(pick?.confident, true);
    assert.match(pick!.why, /Received #1 is from mx-in\.b\.example, one of the receiver's own servers/);
    assert.match(pick!.why, /Received #2 is from 127\.0\.0\.1, a private or loopback address/);
    assert.match(pick!.why, /Received #3 was taken/);
  });
});

describe('Authentication-Results (RFC 8601) and Received-SPF (RFC 7208 §9.1)', () => {
  it('reads authserv-id, version, methods, reasons, properties and comments', () => {
    const ar = parseAuthResults(
      'mx.b.example 1; spf=fail (sender IP is 192.0.2.1) smtp.mailfrom=x@a.example; dkim=pass reason="good; key" header.d=a.example header.s=s1; dmarc=fail (p=REJECT sp=NONE dis=QUARANTINE) header.from=a.example',
      'authentication-results',
      0,
    );
    assert.equal(ar.authservId, 'mx.b.example');
    assert.deepEqual(
      ar.results.map((r) => [r.method, r.result]),
      [
        ['spf', 'fail'],
        ['dkim', 'pass'],
        ['dmarc', 'fail'],
      ],
    );
    assert.equal(ar.results[1].reason, 'good; key');
    assert.equal(ar.results[1].props['header.s'], 's1');
    assert.deepEqual(ar.results[2].comments, ['p=REJECT sp=NONE dis=QUARANTINE']);
  });

  it('reads "none" results and ARC-Authentication-Results instances', () => {
    assert.deepEqual(parseAuthResults('mx.b.example; none', 'authentication-results', 0).results, []);
    const aar = parseAuthResults(
      'i=2; lists.example; arc=pass; dmarc=pass header.from=a.example',
      'arc-authentication-results',
      0,
    );
    assert.deepEqual([aar.instance, aar.authservId, aar.results.length], [2, 'lists.example', 2]);
  });

  it('Received-SPF with its key-value list', () => {
    const r = parseReceivedSpf(
      'SoftFail (mx.b.example: domain of transitioning a.example does not designate 192.0.2.1 as permitted sender) client-ip=192.0.2.1; envelope-from="x@a.example"; helo=out.a.example; identity=mailfrom;',
      0,
    );
    assert.equal(r.result, 'softfail');
    assert.deepEqual(r.params, {
      'client-ip': '192.0.2.1',
      'envelope-from': 'x@a.example',
      helo: 'out.a.example',
      identity: 'mailfrom',
    });
  });
});

describe('DKIM-Signature fields', () => {
  it('reads the tags and flags l=, sha1, an i= outside d=, duplicate tags', () => {
    const s = parseDkimSignature(
      'v=1; a=rsa-sha1; c=relaxed; d=A.example; s=s1; i=user@other.example; l=100; t=1700000000; x=1600000000; h=to:subject; bh=abc=; b=ZZZZZZZZZZZZ',
      0,
    );
    assert.deepEqual(
      [s.d, s.s, s.a, s.c, s.l, s.t, s.x],
      ['a.example', 's1', 'rsa-sha1', 'relaxed/simple', 100, 1700000000, 1600000000],
    );
    const codes = s.findings.map((f) => f.code).sort();
    assert.deepEqual(codes, [
      'dkim.body-length',
      'dkim.expiry-before-signing',
      'dkim.from-not-signed',
      'dkim.identity-outside-domain',
      'dkim.sha1',
    ]);
    const dup = parseDkimSignature('v=1; a=rsa-sha256; d=a.example; d=b.example; s=x; h=from; bh=a; b=b', 0);
    assert.ok(dup.findings.some((f) => f.code === 'dkim.signature-syntax'));
  });
});

describe('junk input', () => {
  // Not timed (project rule): each hostile input must come back with an offline audit.
  it('never throws on hostile headers', async () => {
    const long = 'x'.repeat(200_000);
    const inputs = [
      '',
      '\r\n\r\n',
      'garbage without colon',
      `Received: ${'('.repeat(50_000)}\r\nFrom: ${'"'.repeat(30_000)}\r\n`,
      `Authentication-Results: ${'a=b '.repeat(20_000)};${';'.repeat(20_000)}\r\n`,
      `DKIM-Signature: ${'d=x;'.repeat(20_000)}\r\nARC-Seal: i=${long}\r\n`,
      `Received: from [IPv6:${':'.repeat(10_000)}] (${'['.repeat(10_000)}) by x\r\n`,
    ];
    for (const input of inputs) {
      const a = await auditMessage(input, { offline: true });
      assert.equal(a.mode, 'offline');
      assert.ok(a.dmarc.every((d) => d.result !== 'pass'));
    }
  });
});
