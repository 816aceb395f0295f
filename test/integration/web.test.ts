// The page in a real headless Chromium against `bouncedoc serve`'s server on loopback, with DNS
// from a real Knot server: paste a DMARC bounce, check a domain and see the faulty characters,
// upload an mbox into "needs attention", and a hostile bounce that must render as text only.
// Screenshots of each page go to test-output/screenshots/ for review.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { serversResolver } from '../../src/dns/index.js';
import { findWebDir, type RunningServer, startServer } from '../../src/server/serve.js';
import { ensureChromium, launchChromium } from './browser.js';
import { ensureKnot, type KnotServer, rootZone, startKnot } from './knot-server.js';
import { seedError } from './seed-errors.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const shots = path.join(root, 'test-output', 'screenshots');

const ZONE = rootZone(`example.com. IN TXT "v=spf1 ip4:192.0.2.0/24 -all"
example.com. IN MX 10 mx.example.com.
mx.example.com. IN A 192.0.2.10
_dmarc.example.com. IN TXT "v=DMARC1: p=reject; rua=mailto:dmarc@example.com"
gmial.com. IN MX 10 mx.example.com.
`);

const chromiumReady = ensureChromium();
const knotReady = ensureKnot();
const webDir = findWebDir();
const skip = !chromiumReady.ok
  ? chromiumReady.why
  : !knotReady.ok
    ? knotReady.why
    : !webDir
      ? 'the page is not built (npm run build)'
      : false;

describe('the web page in Chromium', { skip }, () => {
  let browser: Browser;
  let knot: KnotServer;
  let server: RunningServer;
  let dir: string;
  const consoleErrors: string[] = [];

  before(async () => {
    mkdirSync(shots, { recursive: true });
    dir = mkdtempSync(path.join(os.tmpdir(), 'bouncedoc-web-'));
    knot = await startKnot(ZONE);
    server = await startServer({
      port: 0,
      host: '127.0.0.1',
      db: path.join(dir, 'web.db'),
      resolver: serversResolver([`127.0.0.1:${knot.port}`], { timeoutMs: 2000 }),
    });
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    await server?.close();
    await knot?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  async function open(hash: string): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
    page.on('console', (m) => {
      if (m.type() === 'error') consoleErrors.push(m.text());
    });
    page.on('pageerror', (e) => consoleErrors.push(e.message));
    await page.goto(`${server.url}${hash}`);
    return page;
  }

  it('loads with no console errors', async () => {
    const page = await open('#/explain');
    await page.getByRole('heading', { name: 'Explain a bounce' }).waitFor();
    await page.screenshot({ path: path.join(shots, 'explain-empty.png'), fullPage: true });
    await page.close();
    assert.deepEqual(consoleErrors, []);
  });

  it('explains a pasted DMARC bounce: category and fix', async () => {
    const page = await open('#/explain');
    // a DMARC permerror: the broken record is its cause (a refusal under the policy, S20, is not:
    // the receiver read a working record there, RFC 7489 §6.6.3)
    const text = `${seedError('S21').text} for example.com`;
    await page.getByTestId('bounce-text').fill(text);
    await page.getByTestId('explain-button').click();
    const card = page.getByTestId('result').first();
    await card.waitFor();
    assert.equal(await card.getByTestId('category').getAttribute('data-category'), 'authentication');
    // the chain found the sender's broken record in Knot and shows the record to paste
    const diagnosis = card.getByTestId('diagnosis');
    assert.equal(await diagnosis.getAttribute('data-code'), 'dmarc-record-broken');
    assert.equal(await diagnosis.getByTestId('confidence').getAttribute('data-confidence'), 'confirmed');
    assert.match(await diagnosis.innerText(), /Fix: Replace the TXT record at _dmarc\.example\.com/);
    // the advice's one step is that fix (the generic SPF and DKIM steps do not apply): not listed twice
    assert.equal(await card.getByTestId('steps').count(), 0);
    assert.equal(
      await diagnosis.getByTestId('corrected-record').innerText(),
      'v=DMARC1; p=reject; rua=mailto:dmarc@example.com',
    );
    await page.screenshot({ path: path.join(shots, 'explain-dmarc.png'), fullPage: true });
    await page.close();
  });

  it('explains a recipient typo: a likely cause, its fix shown once', async () => {
    const page = await open('#/explain');
    // gmial.com exists in Knot and takes mail, so the typo is a guess DNS did not bear out
    await page
      .getByTestId('bounce-text')
      .fill('550 5.1.1 <someone@gmial.com>: Recipient address rejected: User unknown');
    await page.getByTestId('explain-button').click();
    const card = page.getByTestId('result').first();
    await card.waitFor();
    const diagnosis = card.getByTestId('diagnosis');
    assert.equal(await diagnosis.getAttribute('data-code'), 'recipient-typo');
    const badge = diagnosis.getByTestId('confidence');
    assert.equal(await badge.getAttribute('data-confidence'), 'likely');
    assert.equal(await badge.innerText(), 'Likely');
    const fix = 'Correct the address to someone@gmail.com (confirm with the recipient), then send again.';
    assert.equal((await card.innerText()).split(fix).length - 1, 1);
    // the generic steps are still listed, without the fix
    assert.match(await card.getByTestId('steps').innerText(), /^Check the address for typing mistakes/);
    await page.screenshot({ path: path.join(shots, 'explain-recipient-typo.png'), fullPage: true });
    await page.close();
  });

  it('a bounce that is still retried for one recipient says both', async () => {
    const page = await open('#/explain');
    const dsn = [
      'From: MAILER-DAEMON@mx.example.org',
      'To: sender@example.com',
      'Subject: Delivery Status Notification (Delay)',
      'MIME-Version: 1.0',
      'Content-Type: multipart/report; report-type=delivery-status; boundary="b"',
      '',
      '--b',
      'Content-Type: text/plain',
      '',
      'Delivery to the following recipient has been delayed.',
      '--b',
      'Content-Type: message/delivery-status',
      '',
      'Reporting-MTA: dns; mx.example.org',
      '',
      'Final-Recipient: rfc822; someone@example.net',
      'Action: delayed',
      'Status: 4.4.7',
      '',
      'Final-Recipient: rfc822; other@example.net',
      'Action: expired',
      'Status: 4.4.7',
      'Diagnostic-Code: smtp; 421 4.4.7 Message expired: unable to deliver in 840 minutes',
      '--b--',
      '',
    ].join('\r\n');
    await page.getByTestId('bounce-text').fill(dsn);
    await page.getByTestId('explain-button').click();
    await page.getByTestId('result').first().waitFor();
    assert.equal(
      await page.locator('p.kind').innerText(),
      'Not delivered to some recipients; for the others the sending server keeps trying.',
    );
    await page.close();
  });

  it('checks a domain served by Knot: faulty characters marked, corrected record shown', async () => {
    const page = await open('#/check');
    await page.getByTestId('domain').fill('example.com');
    await page.getByTestId('check-button').click();
    const dmarc = page.getByTestId('check-dmarc');
    await dmarc.waitFor();
    const marked = await dmarc.locator('mark.fault').allInnerTexts();
    assert.ok(
      marked.some((t) => t.includes(':')),
      `marked: ${JSON.stringify(marked)}`,
    );
    const fixed = await dmarc.getByTestId('corrected-record').first().innerText();
    assert.equal(fixed, 'v=DMARC1; p=reject; rua=mailto:dmarc@example.com');
    await page.screenshot({ path: path.join(shots, 'check-domain.png'), fullPage: true });
    await page.close();
  });

  it('uploads an mbox and shows its bounces in needs attention', async () => {
    const page = await open('#/attention');
    const examples = ['user-unknown.eml', 'blocklisted-ip.eml'].map((f) =>
      readFileSync(path.join(root, 'examples', f), 'utf8'),
    );
    const mbox = examples
      .map((m) => `From MAILER-DAEMON Thu Dec  3 10:00:00 2026\n${m.replace(/^From /gm, '>From ')}\n`)
      .join('');
    await page
      .getByTestId('upload')
      .setInputFiles({ name: 'bounces.mbox', mimeType: 'application/mbox', buffer: Buffer.from(mbox) });
    await page.getByTestId('upload-note').waitFor();
    assert.match(await page.getByTestId('upload-note').innerText(), /2 messages stored/);
    const table = page.getByTestId('bounce-table');
    await table.waitFor();
    assert.ok((await table.locator('tbody tr').count()) >= 2);
    await table.locator('tbody tr button').first().click();
    await page.getByTestId('bounce-detail').waitFor();
    await page.screenshot({ path: path.join(shots, 'needs-attention.png'), fullPage: true });
    await page.close();
  });

  it('renders hostile bounce text as text and runs none of it', async () => {
    const page = await open('#/explain');
    const hostile =
      '550 5.1.1 <victim@example.com>: user unknown <script>window.__pwned = 1</script>' +
      ' <img src=x onerror="window.__pwned = 2"> <b>bold</b>';
    await page.getByTestId('bounce-text').fill(hostile);
    await page.getByTestId('explain-button').click();
    const card = page.getByTestId('result').first();
    await card.waitFor();
    await card.locator('summary').click();
    const shown = await card.getByTestId('diagnostic').innerText();
    assert.match(shown, /<script>window.__pwned = 1<\/script>/);
    assert.match(shown, /<img src=x onerror=/);
    assert.equal(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned), undefined);
    assert.equal(
      await page
        .locator('[data-testid="report"] script, [data-testid="report"] img, [data-testid="report"] b')
        .count(),
      0,
    );
    await page.screenshot({ path: path.join(shots, 'explain-hostile.png'), fullPage: true });
    await page.close();
    assert.deepEqual(consoleErrors, []);
  });
});
