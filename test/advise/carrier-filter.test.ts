// Japanese carriers answer "user unknown" when the recipient's reception filter refused the
// sender: the advice keeps the address and says why the words do not mean what they say.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { ADVICE_BY_PROVIDER_CODE } from '../../src/advise/index.js';
import { explain } from '../../src/explain.js';
import { corpusDir } from '../corpus/sisimai-corpus.js';

const bsd = path.join(corpusDir, 'maildir', 'bsd');
const load = async (name: string) => (await explain(readFileSync(path.join(bsd, name)))).results[0];

describe('"user unknown" from a carrier reception filter', () => {
  it('lhost-office365-04.eml (au: "550 : User unknown", no address): the filter, explained', async () => {
    const r = await load('lhost-office365-04.eml');
    assert.equal(r.reason, 'filtered');
    assert.equal(r.bounceType, 'block');
    assert.equal(
      r.advice.summary,
      "au (KDDI) refused the sender: the recipient's reception filter, not a missing address",
    );
    assert.match(
      r.advice.steps[0],
      /^The server's words say "User unknown", but au writes them without the address/,
    );
    assert.deepEqual(r.advice.steps, ADVICE_BY_PROVIDER_CODE['au:reception-filter'].steps);
  });

  for (const name of ['rhost-nttdocomo-01.eml', 'rhost-nttdocomo-02.eml']) {
    it(`${name} (docomo "550 Unknown user", not at RCPT, no X.1.x status): the reception settings, explained`, async () => {
      const r = await load(name);
      assert.equal(r.bounceType, 'block');
      assert.equal(
        r.advice.summary,
        "NTT docomo refused the sender: the recipient's reception settings, not a missing address",
      );
      assert.match(r.advice.steps[0], /^The server's words say "Unknown user", but docomo gave that answer/);
      assert.equal(
        r.advice.steps[2],
        'Do not remove the address: it exists. Send again once you have been allowed.',
      );
    });
  }

  it('the reasons stay: filtered for nttdocomo-01, rejected for nttdocomo-02', async () => {
    assert.equal((await load('rhost-nttdocomo-01.eml')).reason, 'filtered');
    assert.equal((await load('rhost-nttdocomo-02.eml')).reason, 'rejected');
  });

  it('an au address that does not exist keeps the user-unknown advice', async () => {
    const r = await load('lhost-ezweb-04.eml'); // "550 <address>: User unknown" at RCPT
    assert.equal(r.reason, 'userunknown');
    assert.equal(r.advice.summary, "The recipient's address does not exist");
  });
});
