// A recipient domain that the DNS asked here denies (no such domain, no mail) while the bounce shows
// that domain's own mail server answering: the sending server's view of DNS and this one differ, so
// the DNS answer confirms nothing. The cause it points at is likely at most, and says why.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { domainServerIn } from '../../src/diagnose/bounce-clues.js';
import { diagnoseReport } from '../../src/diagnose/chain.js';
import { type MemoryZone, memoryResolver } from '../../src/dns/index.js';
import { explain } from '../../src/explain.js';
import type { RecipientResult, Resolver } from '../../src/types.js';
import { RETURNED_HEADERS as HEADERS, wrapDsn } from './helpers.js';

const USER_UNKNOWN = (to: string) => `550 5.1.1 <${to}>: Recipient address rejected: User unknown`;
const HOST_UNKNOWN = (to: string) => `550 5.1.2 <${to}>: Host or domain name not found`;

async function diagnosed(
  recipient: string,
  reply: string,
  remoteMta: string,
  resolver: Resolver,
): Promise<RecipientResult> {
  const dsn = wrapDsn(reply, recipient, HEADERS).replace(
    'Remote-MTA: dns; mx.receiver.example',
    `Remote-MTA: dns; ${remoteMta}`,
  );
  return (await diagnoseReport(await explain(dsn), { resolver })).results[0];
}

const zone: MemoryZone = {
  'gmail.com': { MX: [{ priority: 5, exchange: 'mx.example.com' }] },
  'nomail.example': { MX: [{ priority: 0, exchange: '.' }] },
};
const dns = memoryResolver(zone);
// a resolver that answers "no such name" for everything (a sandbox without DNS)
const denyAll = memoryResolver({});

describe('the bounce shows the recipient domain answering, the DNS here denies it', () => {
  it('NXDOMAIN, but its server answered: recipient-domain-missing, likely, the views differ', async () => {
    const to = 'carol@receiver.example';
    const d = (await diagnosed(to, USER_UNKNOWN(to), 'mx.receiver.example', dns)).diagnosis;
    assert.equal(d?.code, 'recipient-domain-missing');
    assert.equal(d?.confidence, 'likely');
    assert.equal(
      d?.rootCause,
      "The DNS asked here says receiver.example does not exist, but the bounce shows its mail server mx.receiver.example answering, so the domain took mail for the sending server: its view of DNS and this one differ (the resolver here may be broken or filtered). The server's own reply is what counts.",
    );
    assert.equal(
      d?.fix,
      'Check the domain as the world sees it: run `bouncedoc address carol@receiver.example --dns 1.1.1.1` (a public resolver).',
    );
  });

  it('a "host X[ip] said:" line of the domain counts as its server answering', async () => {
    const to = 'carol@receiver.example';
    const reply = `host mx.receiver.example[203.0.113.5] said: ${USER_UNKNOWN(to)} (in reply to RCPT TO command)`;
    const d = (await diagnosed(to, reply, 'relay.elsewhere.example', dns)).diagnosis;
    assert.deepEqual([d?.code, d?.confidence], ['recipient-domain-missing', 'likely']);
    assert.match(d?.rootCause ?? '', /its mail server mx\.receiver\.example answering/);
  });

  it('a null MX, but its server answered: recipient-domain-no-mail, likely', async () => {
    const to = 'a@nomail.example';
    const d = (await diagnosed(to, USER_UNKNOWN(to), 'mx1.nomail.example', dns)).diagnosis;
    assert.deepEqual([d?.code, d?.confidence], ['recipient-domain-no-mail', 'likely']);
    assert.match(d?.rootCause ?? '', /^The DNS asked here says nomail\.example accepts no mail, but/);
  });

  it('a typo guess whose server answered stays a guess (likely), and says the views differ', async () => {
    const to = 'a@gnail.com';
    const d = (await diagnosed(to, USER_UNKNOWN(to), 'mx.gnail.com', dns)).diagnosis;
    assert.deepEqual([d?.code, d?.confidence], ['recipient-typo', 'likely']);
    assert.match(
      d?.rootCause ?? '',
      /^gnail\.com looks like a typing mistake for gmail\.com; the DNS asked here says gnail\.com does not exist, but the bounce shows its mail server mx\.gnail\.com answering/,
    );
  });

  it('a well-known domain denied by a DNS that denies every name: likely, never confirmed', async () => {
    const to = 'carol@gmail.com';
    const d = (await diagnosed(to, USER_UNKNOWN(to), 'mx.gmail.com', denyAll)).diagnosis;
    assert.deepEqual([d?.code, d?.confidence], ['recipient-domain-missing', 'likely']);
    assert.match(d?.rootCause ?? '', /views? of DNS and this one differ/);
    assert.deepEqual(d?.checked, ['the address syntax']);
  });

  it('a server outside the domain (a relay, a parent domain) proves nothing: NXDOMAIN stays confirmed', async () => {
    const to = 'a@receiver.example';
    const relay = (await diagnosed(to, HOST_UNKNOWN(to), 'relay.elsewhere.example', dns)).diagnosis;
    assert.deepEqual([relay?.code, relay?.confidence], ['recipient-domain-missing', 'confirmed']);
    // the organization's server refusing a subdomain that does not exist agrees with DNS
    const sub = 'a@sub.receiver.example';
    const parent = (await diagnosed(sub, HOST_UNKNOWN(sub), 'mx.receiver.example', dns)).diagnosis;
    assert.deepEqual([parent?.code, parent?.confidence], ['recipient-domain-missing', 'confirmed']);
  });
});

describe('domainServerIn', () => {
  it('the Remote-MTA or the "host X[ip] said:" host, at or under the domain', () => {
    assert.equal(domainServerIn({ remoteMta: 'dns; MX.Gmail.com.' }, 'gmail.com'), 'mx.gmail.com');
    assert.equal(domainServerIn({ remoteMta: 'gmail.com' }, 'gmail.com'), 'gmail.com');
    assert.equal(
      domainServerIn({ diagnosticCode: 'host mx.b.example[192.0.2.1] said: 550 x' }, 'b.example'),
      'mx.b.example',
    );
    assert.equal(domainServerIn({ remoteMta: 'mx.notgmail.com' }, 'gmail.com'), undefined);
    assert.equal(domainServerIn({ remoteMta: 'mx.example.com' }, 'sub.example.com'), undefined);
    assert.equal(domainServerIn({}, 'gmail.com'), undefined);
  });
});
