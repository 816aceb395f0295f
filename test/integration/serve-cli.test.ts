// `bouncedoc serve` as a user starts it: the real command in a child process on a free port. It
// prints its URL, answers /api/health, explains a seed text with the expected category, serves the
// page, and refuses a non-loopback bind without a token.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { cliCommand, repoRoot, runCli } from './run-cli.js';
import { seedError } from './seed-errors.js';

describe('bouncedoc serve', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bouncedoc-serve-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('starts on a free port, answers health and explain, serves the page', async () => {
    const child = spawn(
      process.execPath,
      [...cliCommand(), 'serve', '--port', '0', '--db', path.join(dir, 'serve.db'), '--dns', '127.0.0.1:9'],
      { cwd: repoRoot, env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (d: Buffer) => {
          out += d.toString();
          const m = /serving on (http:\/\/\S+)/.exec(out);
          if (m) resolve(m[1]);
        });
        child.once('exit', (code) => reject(new Error(`serve exited with ${code}`)));
      });
      const health = await fetch(new URL('api/health', url));
      assert.deepEqual(await health.json(), { status: 'ok' });

      const c = seedError('S03');
      const res = await fetch(new URL('api/explain', url), { method: 'POST', body: c.text });
      const report = (await res.json()) as { results: { category: string }[] };
      assert.equal(report.results[0].category, c.expect.category);

      const page = await fetch(url);
      assert.equal(page.status, 200);
      assert.match(await page.text(), /<div id="app">/);
      assert.match(page.headers.get('content-security-policy') ?? '', /script-src 'self'/);
    } finally {
      child.kill('SIGTERM');
    }
  });

  it('refuses to bind a non-loopback address without a token', async () => {
    const run = await runCli(['serve', '--host', '0.0.0.0', '--port', '0', '--db', path.join(dir, 'x.db')], {
      BOUNCEDOC_TOKEN: '',
    });
    assert.equal(run.code, 2);
    assert.match(run.stderr, /needs a token/);
    assert.doesNotMatch(run.stderr, /\n\s+at /);
  });
});
