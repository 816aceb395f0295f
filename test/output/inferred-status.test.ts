// A status that bouncedoc inferred (Sisimai's X.0.9NN pseudo codes, when the bounce names no
// enhanced status) is marked as inferred for a person; JSON keeps the bare value for scripts.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { isPseudoStatus } from '../../src/classify/reasons.js';
import { explain } from '../../src/explain.js';
import { formatJson } from '../../src/output/json.js';
import { formatText } from '../../src/output/text.js';
import { corpusDir } from '../corpus/sisimai-corpus.js';

const bsd = path.join(corpusDir, 'maildir', 'bsd');
const load = (name: string) => explain(readFileSync(path.join(bsd, name)));
const statusLine = (t: string) => t.split('\n').find((l) => l.startsWith('  status:'));

describe('an inferred status', () => {
  it('lhost-gmail-08.eml (no status in the notice): 5.0.947 marked inferred in text, bare in JSON', async () => {
    const report = await load('lhost-gmail-08.eml');
    assert.equal(report.results[0].status, '5.0.947');
    const t = formatText([report], { color: false });
    assert.equal(statusLine(t), '  status:         5.0.947 (inferred, not from the server)');
    assert.match(formatJson([report], false), /"status": "5\.0\.947"/);
    assert.doesNotMatch(formatJson([report], false), /inferred/);
  });

  it('with a reply code: lhost-ezweb-04.eml', async () => {
    const t = formatText([await load('lhost-ezweb-04.eml')], { color: false });
    assert.equal(statusLine(t), '  status:         5.0.911 (inferred, not from the server) / 550');
  });

  it('a status the server sent is shown as it is', async () => {
    const t = formatText([await load('lhost-postfix-17.eml')], { color: false });
    assert.equal(statusLine(t), '  status:         5.4.4');
  });

  it('isPseudoStatus: only the pseudo codes classify() writes', () => {
    for (const s of ['5.0.900', '4.0.947', '5.0.911', '4.0.924', '5.0.981']) assert.ok(isPseudoStatus(s), s);
    for (const s of ['5.0.0', '5.1.1', '5.1.900', '5.0.999', '5.0.90', '2.0.900'])
      assert.ok(!isPseudoStatus(s), s);
  });
});
