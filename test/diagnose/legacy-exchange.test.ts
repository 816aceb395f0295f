// An Exchange IMCEAEX recipient: a mailbox's legacy X.500 name from Outlook's autocomplete list,
// not a mistyped or over-long address.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { diagnoseReport } from '../../src/diagnose/chain.js';
import { explain } from '../../src/explain.js';

const ADDRESS =
  'IMCEAEX-_O=CONTOSO_OU=EXCHANGE+20ADMINISTRATIVE+20GROUP+20+28FYDIBOHF23SPDLT+29_CN=RECIPIENTS_CN=old+2Ecolleague@contoso.example';

test('an IMCEAEX recipient is named as a stale legacy Exchange name, with its X.500 name decoded', async () => {
  const report = await explain(`550 5.1.1 <${ADDRESS}>: RESOLVER.ADR.ExRecipNotFound; not found`);
  const [r] = (await diagnoseReport(report, {})).results;
  assert.equal(r.diagnosis?.code, 'recipient-legacy-exchange');
  assert.equal(r.diagnosis?.confidence, 'likely');
  assert.match(
    r.diagnosis?.rootCause ?? '',
    /X\.500 name \/O=CONTOSO\/OU=EXCHANGE ADMINISTRATIVE GROUP \(FYDIBOHF23SPDLT\)\/CN=RECIPIENTS\/CN=old\.colleague\)/,
  );
  assert.match(r.diagnosis?.fix ?? '', /autocomplete/);
  assert.doesNotMatch(r.diagnosis?.rootCause ?? '', /longer than 64 octets/);
});

test('an ordinary long local part keeps its syntax cause', async () => {
  const long = `${'a'.repeat(70)}@example.com`;
  const report = await explain(`550 5.1.1 <${long}>: User unknown`);
  const [r] = (await diagnoseReport(report, {})).results;
  assert.equal(r.diagnosis?.code, 'recipient-address-unknown');
});
