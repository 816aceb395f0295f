import { zoneFileResolver } from '../../../src/dns/index.js';
import { lintSpf } from '../../../src/auth/spf/index.js';
import { readFileSync } from 'node:fs';
for (const [c, d] of [['C24','example.nl'],['C25','example.com'],['C27','example.co.uk'],['C29','example.com']]) {
  const r = await lintSpf(d, { resolver: zoneFileResolver(readFileSync(`/work/shared/corpus/cases/inputs/${c}.zone`,'utf8')) });
  console.log(c, r.verdict, r.receiverResult, r.fixed, r.findings.map(f => `${f.severity} ${f.code} ${JSON.stringify(f.span)} ${f.message}`));
}
