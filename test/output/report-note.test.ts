// A report's own note is printed: for JSON that is no known payload it replaces the generic line.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { explain } from '../../src/explain.js';
import { formatText } from '../../src/output/text.js';

test('JSON that is no ESP payload: the text says so, not "no SMTP reply"', async () => {
  const report = await explain('{"hello":"world"}');
  assert.equal(report.kind, 'not-bounce');
  const text = formatText([report], { color: false });
  assert.match(text, /JSON document, but no known ESP webhook payload/);
  assert.doesNotMatch(text, /No SMTP reply/);
});

test("the root cause's fix is printed once, with the root cause, not again as a step", async () => {
  const { readFileSync } = await import('node:fs');
  const { diagnoseReport } = await import('../../src/diagnose/chain.js');
  const { zoneFileResolver } = await import('../../src/dns/index.js');
  const examples = new URL('../../examples/', import.meta.url);
  const report = await explain(readFileSync(new URL('dmarc-permerror.eml', examples)));
  const resolver = zoneFileResolver(readFileSync(new URL('zones/shop.example.zone', examples), 'utf8'));
  const diagnosed = await diagnoseReport(report, { resolver });
  const fix = diagnosed.results[0].diagnosis?.fix ?? '';
  assert.match(fix, /^Replace the TXT record at _dmarc\.shop\.example/);
  const text = formatText([diagnosed], { color: false });
  assert.equal(text.split(fix).length - 1, 1);
});
