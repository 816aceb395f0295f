// The terminal output says how sure the root cause is, for recipient- and sender-side causes alike,
// and prints a recipient-side cause's fix once (it is also the first advice step, for JSON).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { diagnoseReport } from '../../src/diagnose/chain.js';
import { memoryResolver, zoneFileResolver } from '../../src/dns/index.js';
import { explain } from '../../src/explain.js';
import { formatText } from '../../src/output/text.js';
import type { Resolver } from '../../src/types.js';

const examples = new URL('../../examples/', import.meta.url);
const example = (name: string) => readFileSync(new URL(name, examples), 'utf8');

async function textOf(input: string, resolver?: Resolver): Promise<string> {
  return formatText([await diagnoseReport(await explain(input), { resolver })], { color: false });
}

const TYPO = '550 5.1.1 <someone@gnail.com>: Recipient address rejected: User unknown';
// gnail.com does not exist; gmail.com, the provider it points at, does (the sanity probe asks it)
const TYPO_DNS = memoryResolver({ 'gmail.com': { MX: [{ priority: 5, exchange: 'mx.gmail.com' }] } });

describe('root cause confidence in the text output', () => {
  it('a typo checked in DNS is confirmed, offline it is likely', async () => {
    const checked = await textOf(TYPO, TYPO_DNS);
    assert.match(checked, /root cause \(confirmed\): gnail\.com looks like a typing mistake/);
    const offline = await textOf(TYPO);
    assert.match(offline, /root cause \(likely\): gnail\.com looks like a typing mistake/);
    assert.match(offline, /not checked: DNS \(offline\)/);
  });

  it("a recipient-side cause's fix is printed once", async () => {
    const text = await textOf(TYPO, TYPO_DNS);
    const fix = 'Correct the address to someone@gmail.com (confirm with the recipient), then send again.';
    assert.equal(text.split(fix).length - 1, 1);
  });

  it('a sender-side cause says it too', async () => {
    const zone = zoneFileResolver(example('zones/shop.example.zone'));
    assert.match(await textOf(example('dmarc-permerror.eml'), zone), /root cause \(confirmed\): /);
    assert.match(await textOf(example('dmarc-permerror.eml')), /root cause \(likely\): Probably/);
  });
});
