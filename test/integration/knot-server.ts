// A real authoritative DNS server for the integration tier: Debian's Knot (knotd) on a free
// loopback port, serving one zone file from a temporary directory, killed after the test.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import dgram from 'node:dgram';
import { Resolver } from 'node:dns/promises';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

/**
 * The apex of the root zone that startKnot serves: every test zone is one zone "." holding all
 * its names (so a name that is not there gets NXDOMAIN, as on the internet), and a zone needs its
 * SOA and NS records before Knot loads it.
 */
export const ROOT_ZONE_APEX = [
  '$ORIGIN .',
  '$TTL 300',
  '. IN SOA ns.invalid. hostmaster.invalid. 1 3600 600 86400 300',
  '. IN NS ns.invalid.',
];

/** A zone file for startKnot: the root apex, then `records` (absolute names, one a line). */
export function rootZone(records: string): string {
  return `${ROOT_ZONE_APEX.join('\n')}\n${records}`;
}

export interface KnotServer {
  port: number;
  /** knotd's own log (stderr), for failure messages */
  log(): string;
  stop(): Promise<void>;
}

/** Whether knotd can run here; as root, installs Debian's knot when it is missing (as scripts/test.sh does). */
export function ensureKnot(): { ok: true } | { ok: false; why: string } {
  if (spawnSync('knotd', ['-V']).status === 0) return { ok: true };
  if (process.getuid?.() !== 0)
    return { ok: false, why: 'knotd is not installed and we are not root (apt-get install -y knot)' };
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  spawnSync('apt-get', ['update', '-qq'], { env, timeout: 300_000 });
  spawnSync('apt-get', ['install', '-y', '-qq', 'knot'], { env, timeout: 300_000 });
  if (spawnSync('knotd', ['-V']).status === 0) return { ok: true };
  return { ok: false, why: 'knotd is missing and apt-get install knot failed' };
}

/** A loopback port free for both TCP and UDP (as free as can be known before binding it). */
export async function freePort(): Promise<number> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const port = await new Promise<number>((resolve, reject) => {
      const srv = net.createServer();
      srv.once('error', reject);
      srv.listen(0, '127.0.0.1', () => {
        const p = (srv.address() as net.AddressInfo).port;
        srv.close(() => resolve(p));
      });
    });
    const udpFree = await new Promise<boolean>((resolve) => {
      const sock = dgram.createSocket('udp4');
      sock.once('error', () => resolve(false));
      sock.bind(port, '127.0.0.1', () => sock.close(() => resolve(true)));
    });
    if (udpFree) return port;
  }
  throw new Error('no free loopback port');
}

function config(dir: string, port: number): string {
  return [
    'server:',
    `    rundir: "${dir}/run"`,
    `    listen: 127.0.0.1@${port}`,
    'database:',
    `    storage: "${dir}/db"`,
    'log:',
    '  - target: stderr',
    '    any: info',
    'template:',
    '  - id: default',
    `    storage: "${dir}/zones"`,
    // never write the zone back: the fixture stays as written
    '    zonefile-sync: -1',
    '    zonefile-load: whole',
    '    journal-content: none',
    'zone:',
    '  - domain: .',
    '    file: root.zone',
    '',
  ].join('\n');
}

/** Starts knotd in the foreground with the root zone `zoneText`; resolves once it answers. */
export async function startKnot(zoneText: string): Promise<KnotServer> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bouncedoc-knot-'));
  for (const sub of ['run', 'db', 'zones']) spawnSync('mkdir', ['-p', path.join(dir, sub)]);
  writeFileSync(path.join(dir, 'zones', 'root.zone'), zoneText);
  const port = await freePort();
  writeFileSync(path.join(dir, 'knot.conf'), config(dir, port));
  const child: ChildProcess = spawn('knotd', ['-c', path.join(dir, 'knot.conf')], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let log = '';
  child.stderr?.on('data', (d: Buffer) => {
    log += d.toString();
  });
  let exited = false;
  const exit = new Promise<void>((resolve) => {
    child.once('exit', () => {
      exited = true;
      resolve();
    });
  });
  const stop = async () => {
    if (!exited) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
      await exit;
      clearTimeout(timer);
    }
    rmSync(dir, { recursive: true, force: true });
  };
  // wait until the zone is served: the root SOA answers
  const probe = new Resolver({ timeout: 200, tries: 1 });
  probe.setServers([`127.0.0.1:${port}`]);
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline && !exited) {
    try {
      await probe.resolveSoa('.');
      return { port, log: () => log, stop };
    } catch {
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  await stop();
  throw new Error(`knotd did not answer on 127.0.0.1:${port}:\n${log}`);
}
