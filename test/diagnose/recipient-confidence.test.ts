// How sure the recipient-side causes are, with the meaning the sender-side ones give it: confirmed
// when the evidence was checked (NXDOMAIN, no MX and no address, a null MX, the address syntax),
// likely when it is inferred without it (offline, DNS timed out or SERVFAIL, a typo guess DNS did
// not bear out). Then the advice steps beside each cause.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { adviceWithCause } from '../../src/diagnose/advice.js';
import { diagnoseReport } from '../../src/diagnose/chain.js';
import { checkAddress } from '../../src/diagnose/recipient.js';
import type { ChainDiagnosis } from '../../src/diagnose/types.js';
import { type MemoryZone, memoryResolver, serversResolver } from '../../src/dns/index.js';
import { explain } from '../../src/explain.js';
import type { RecipientResult, Resolver } from '../../src/types.js';
import { startFakeDns } from '../dns/fake-dns-server.js';
import { RETURNED_HEADERS as HEADERS, wrapDsn } from './helpers.js';

const USER_UNKNOWN = (to: string) => `550 5.1.1 <${to}>: Recipient address rejected: User unknown`;
const HOST_UNKNOWN = (to: string) => `550 5.1.2 <${to}>: Host or domain name not found`;

async function diagnosed(recipient: string, reply: string, resolver?: Resolver): Promise<RecipientResult> {
  const report = await diagnoseReport(await explain(wrapDsn(reply, recipient, HEADERS)), { resolver });
  return report.results[0];
}

const zone: MemoryZone = {
  'example.com': { MX: [{ priority: 10, exchange: 'mx.example.com' }] },
  'mx.example.com': { A: ['192.0.2.1'] },
  // the provider domains the typos point at exist, as in the world (the sanity probe asks them)
  'gmail.com': { MX: [{ priority: 5, exchange: 'mx.example.com' }] },
  'hotmail.com': { MX: [{ priority: 5, exchange: 'mx.example.com' }] },
  // a typo of gmail.com that exists and takes mail: the guess is not borne out
  'gmial.com': { MX: [{ priority: 10, exchange: 'mx.example.com' }] },
  // a typo of hotmail.com that publishes a null MX: the address as typed can never work
  'hotmial.com': { MX: [{ priority: 0, exchange: '.' }] },
  'nomail.example': { MX: [{ priority: 0, exchange: '.' }] },
  'hostless.example': { TXT: [['v=spf1 -all']] },
  // no MX, and the question for its address (the implicit MX) is never answered
  'half.example': { A: 'TIMEOUT' },
};
const dns = memoryResolver(zone);
const timeout: Resolver = async () => ({ rcode: 'TIMEOUT', answers: [] });
const servfail: Resolver = async () => ({ rcode: 'SERVFAIL', answers: [] });

describe('recipient-typo: confirmed only when DNS shows the typed domain takes no mail', () => {
  const cases: [string, string, Resolver | undefined, 'confirmed' | 'likely', RegExp][] = [
    ['NXDOMAIN', 'someone@gnail.com', dns, 'confirmed', /\(and it does not exist\)\.$/],
    ['a null MX', 'someone@hotmial.com', dns, 'confirmed', /\(and it accepts no mail\)\.$/],
    [
      'a domain that takes mail',
      'someone@gmial.com',
      dns,
      'likely',
      /\(though it exists and accepts mail\)\.$/,
    ],
    ['offline', 'someone@gnail.com', undefined, 'likely', /for gmail\.com\.$/],
    ['DNS timed out', 'someone@gnail.com', timeout, 'likely', /for gmail\.com\.$/],
    ['SERVFAIL', 'someone@gnail.com', servfail, 'likely', /for gmail\.com\.$/],
  ];
  for (const [how, to, resolver, confidence, words] of cases) {
    it(`${how}: ${confidence}`, async () => {
      const d = (await diagnosed(to, USER_UNKNOWN(to), resolver)).diagnosis;
      assert.equal(d?.code, 'recipient-typo');
      assert.equal(d?.confidence, confidence);
      assert.match(d?.rootCause ?? '', words);
    });
  }

  it('says what DNS left open: offline, or the server that did not answer', async () => {
    const offline = (await diagnosed('a@gnail.com', USER_UNKNOWN('a@gnail.com'))).diagnosis;
    assert.deepEqual(offline?.checked, ['the address syntax']);
    assert.deepEqual(offline?.notChecked, ['DNS (offline): whether the domain exists and accepts mail']);
    for (const [resolver, rcode] of [
      [timeout, 'TIMEOUT'],
      [servfail, 'SERVFAIL'],
    ] as const) {
      const d = (await diagnosed('a@gnail.com', USER_UNKNOWN('a@gnail.com'), resolver)).diagnosis;
      // DNS was asked but did not answer: not listed as checked
      assert.deepEqual(d?.checked, ['the address syntax']);
      assert.deepEqual(d?.notChecked, [
        `DNS did not answer for gnail.com (${rcode}): could not check whether it accepts mail.`,
      ]);
    }
    const answered = (await diagnosed('a@gnail.com', USER_UNKNOWN('a@gnail.com'), dns)).diagnosis;
    assert.deepEqual(answered?.checked, ['the address syntax', 'DNS of gnail.com (MX)']);
    assert.deepEqual(answered?.notChecked, []);
  });
});

describe('the other recipient-side causes are named only on checked evidence: confirmed', () => {
  const cases: [string, string, string, ChainDiagnosis['code']][] = [
    [
      'NXDOMAIN',
      'a@no-such-domain.example',
      HOST_UNKNOWN('a@no-such-domain.example'),
      'recipient-domain-missing',
    ],
    [
      'a null MX (RFC 7505)',
      'a@nomail.example',
      HOST_UNKNOWN('a@nomail.example'),
      'recipient-domain-no-mail',
    ],
    [
      'no MX and no address',
      'a@hostless.example',
      HOST_UNKNOWN('a@hostless.example'),
      'recipient-domain-no-mail',
    ],
    [
      'an address that is not one',
      'a..b@example.com',
      USER_UNKNOWN('a..b@example.com'),
      'recipient-address-unknown',
    ],
  ];
  for (const [how, to, reply, code] of cases) {
    it(`${how}: ${code}, confirmed`, async () => {
      const d = (await diagnosed(to, reply, dns)).diagnosis;
      assert.equal(d?.code, code);
      assert.equal(d?.confidence, 'confirmed');
    });
  }

  it('an invalid address is confirmed offline too: its syntax needs no DNS', async () => {
    const d = (await diagnosed('a..b@example.com', USER_UNKNOWN('a..b@example.com'))).diagnosis;
    assert.equal(d?.code, 'recipient-address-unknown');
    assert.equal(d?.confidence, 'confirmed');
    assert.deepEqual(d?.checked, ['the address syntax']);
  });

  it('names no domain cause when DNS did not answer (offline, timeout, SERVFAIL)', async () => {
    for (const resolver of [undefined, timeout, servfail]) {
      const r = await diagnosed(
        'a@no-such-domain.example',
        HOST_UNKNOWN('a@no-such-domain.example'),
        resolver,
      );
      assert.equal(r.diagnosis, undefined);
    }
  });

  it('no MX and an address question that timed out is "could not check", never "accepts no mail"', async () => {
    const check = await checkAddress('a@half.example', { resolver: dns });
    assert.equal(check.mail, 'could-not-check');
    assert.match(check.summary, /DNS did not answer/);
    const r = await diagnosed('a@half.example', HOST_UNKNOWN('a@half.example'), dns);
    assert.equal(r.diagnosis, undefined);
  });
});

describe('over the wire: a loopback DNS server and the node:dns resolver', () => {
  let server: Awaited<ReturnType<typeof startFakeDns>>;
  let wire: Resolver;
  before(async () => {
    server = await startFakeDns({
      'gmail.com': { MX: [[5, 'mx.gmial.com']] },
      'gmial.com': { MX: [[10, 'mx.gmial.com']] },
      'mx.gmial.com': { A: ['192.0.2.1'] },
      'nomail.example': { MX: [[0, '.']] },
      'broken.example': { rcode: 2 },
      'hotmial.com': { drop: true },
    });
    wire = serversResolver([server.address], { timeoutMs: 300, tries: 1 });
  });
  after(() => server.close());

  it('NXDOMAIN, a null MX: confirmed; a typo domain that takes mail: likely', async () => {
    const typo = (await diagnosed('a@gnail.com', USER_UNKNOWN('a@gnail.com'), wire)).diagnosis;
    assert.deepEqual([typo?.code, typo?.confidence], ['recipient-typo', 'confirmed']);
    const none = (await diagnosed('a@nomail.example', HOST_UNKNOWN('a@nomail.example'), wire)).diagnosis;
    assert.deepEqual([none?.code, none?.confidence], ['recipient-domain-no-mail', 'confirmed']);
    const exists = (await diagnosed('a@gmial.com', USER_UNKNOWN('a@gmial.com'), wire)).diagnosis;
    assert.deepEqual([exists?.code, exists?.confidence], ['recipient-typo', 'likely']);
  });

  it('a server that never answers and one that says SERVFAIL: likely, or nothing named', async () => {
    const silent = (await diagnosed('a@hotmial.com', USER_UNKNOWN('a@hotmial.com'), wire)).diagnosis;
    assert.deepEqual([silent?.code, silent?.confidence], ['recipient-typo', 'likely']);
    assert.match(silent?.notChecked.join('; ') ?? '', /DNS did not answer for hotmial\.com \(TIMEOUT\)/);
    const broken = await diagnosed('a@broken.example', HOST_UNKNOWN('a@broken.example'), wire);
    assert.equal(broken.diagnosis, undefined);
  });
});

describe('advice steps beside a recipient-side cause', () => {
  // (what the advise stage alone proposes for these reasons: src/advise/texts.ts)
  const userUnknown = [
    'Check the address for typing mistakes (the part before and after the @).',
    'If it is wrong, correct it and send again; if it is right, ask the recipient for a current address by another channel.',
    'Remove or suppress the address in your mailing lists so you do not keep sending to it.',
  ];
  const hostUnknown = [
    'Check the domain after the @ for typing mistakes (e.g. gmial.com, example.con).',
    'If the domain is right, the recipient must fix its DNS (MX or A records), or use another address.',
    'Suppress the address until a corrected one is known.',
  ];

  it('the advise stage proposes these steps before any diagnosis', async () => {
    const [userReport, hostReport] = await Promise.all([
      explain(wrapDsn(USER_UNKNOWN('a@example.com'), 'a@example.com', HEADERS)),
      explain(wrapDsn(HOST_UNKNOWN('a@example.com'), 'a@example.com', HEADERS)),
    ]);
    assert.deepEqual(userReport.results[0].advice.steps, userUnknown);
    assert.deepEqual(hostReport.results[0].advice.steps, hostUnknown);
  });

  it('recipient-typo, confirmed or likely: the corrected address first, every generic step kept', async () => {
    const fix = 'Correct the address to a@gmail.com (confirm with the recipient), then send again.';
    for (const resolver of [dns, undefined]) {
      const user = await diagnosed('a@gnail.com', USER_UNKNOWN('a@gnail.com'), resolver);
      assert.deepEqual(user.advice.steps, [fix, ...userUnknown]);
      const host = await diagnosed('a@gnail.com', HOST_UNKNOWN('a@gnail.com'), resolver);
      assert.deepEqual(host.advice.steps, [fix, ...hostUnknown]);
    }
  });

  it('the domain and address causes: their fix first, every generic step kept', async () => {
    const missing = await diagnosed(
      'a@no-such-domain.example',
      HOST_UNKNOWN('a@no-such-domain.example'),
      dns,
    );
    assert.deepEqual(missing.advice.steps, [
      'Ask the recipient for a working address and remove this one from your lists.',
      ...hostUnknown,
    ]);
    const noMail = await diagnosed('a@nomail.example', HOST_UNKNOWN('a@nomail.example'), dns);
    assert.deepEqual(noMail.advice.steps, [
      'Ask the recipient for another address and remove this one from your lists.',
      ...hostUnknown,
    ]);
    const invalid = await diagnosed('a..b@example.com', USER_UNKNOWN('a..b@example.com'), dns);
    assert.deepEqual(invalid.advice.steps, ['Correct the address where it was entered.', ...userUnknown]);
  });

  it('with no cause named the generic steps stay as they are', async () => {
    const r = await diagnosed('a@example.com', USER_UNKNOWN('a@example.com'), dns);
    assert.equal(r.diagnosis, undefined);
    assert.deepEqual(r.advice.steps, userUnknown);
  });

  it('undetermined names no cause: the generic steps stay as they are', () => {
    const advice = {
      summary: 's',
      steps: ['Run `bouncedoc check <your domain>` to see the exact record to correct, then send again.'],
      stepTopics: ['run-check' as const],
      retry: { advised: false, when: '' },
      stage: 'final' as const,
    };
    const none: ChainDiagnosis = {
      code: 'undetermined',
      rootCause: 'r',
      fix: 'Look.',
      steps: [],
      party: 'sender',
      checked: [],
      notChecked: [],
    };
    assert.deepEqual(adviceWithCause(advice, none, true), advice);
  });
});

// Compile-time: a named cause without a confidence is not a ChainDiagnosis (`npm run typecheck`
// fails when the type stops requiring it).
// @ts-expect-error confidence is required for every named code, recipient-side ones included
export const withoutConfidence: ChainDiagnosis = {
  code: 'recipient-domain-missing',
  rootCause: '',
  fix: '',
  steps: [],
  party: 'recipient',
  checked: [],
  notChecked: [],
};
