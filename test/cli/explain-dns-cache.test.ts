// The inputs of one `explain` run share their DNS answers: bounces of one sender ask about the same
// domains, and asking again for each made a 2,000-bounce mbox take 40 s instead of 1 s.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { startFakeDns } from '../dns/fake-dns-server.js';
import { runCli } from '../integration/run-cli.js';

test('two bounces of one sender ask no DNS question more than one of them does', async () => {
  const table = {
    '_dmarc.shop.example': { TXT: [['v=DMARC1: p=reject']] },
    'shop.example': {
      TXT: [['v=spf1 ip4:198.51.100.10 -all']],
      MX: [[10, 'mx.shop.example']] as [number, string][],
    },
  };
  const example = 'examples/dmarc-permerror.eml';
  const queries = async (files: string[]) => {
    const dns = await startFakeDns(table);
    try {
      const r = await runCli(['explain', '--ndjson', '--dns', dns.address, ...files]);
      assert.equal(r.code, 0, r.stderr);
      const reports = r.stdout
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l));
      assert.equal(reports.length, files.length);
      // each diagnosed from the record it read
      for (const report of reports) assert.equal(report.results[0].diagnosis.code, 'dmarc-record-broken');
      return [...dns.asked.values()].reduce((a, b) => a + b, 0);
    } finally {
      dns.close();
    }
  };
  const one = await queries([example]);
  assert.ok(one > 0);
  assert.equal(await queries([example, example, example]), one);
});
