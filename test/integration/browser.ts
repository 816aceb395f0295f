// Debian's Chromium driven by playwright-core, as the browser tier needs it (never a downloaded
// browser). As root, installs the chromium package when it is missing, like scripts/test.sh.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';

export function ensureChromium(): { ok: true } | { ok: false; why: string } {
  if (existsSync(CHROMIUM)) return { ok: true };
  if (process.getuid?.() !== 0) return { ok: false, why: 'chromium is not installed and we are not root' };
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  spawnSync('apt-get', ['update', '-qq'], { env, timeout: 600_000 });
  spawnSync('apt-get', ['install', '-y', '-qq', 'chromium'], { env, timeout: 900_000 });
  return existsSync(CHROMIUM) ? { ok: true } : { ok: false, why: 'apt-get install chromium failed' };
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    // without the background-networking flags Chromium tries hosts this closed network refuses
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
