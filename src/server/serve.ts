// Starts the app on a port with @hono/node-server. Resolves once listening, with the URL.
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import type { Resolver } from '../types.js';
import { createApp } from './app.js';
import { isLoopback } from './security.js';
import { openSqliteStore } from './sqlite-store.js';

export interface ServeOptions {
  port: number;
  host: string;
  db: string;
  token?: string;
  resolver: Resolver;
  /** one line for the person who started the server (a directory created for the database) */
  log?: (line: string) => void;
}

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

/** The data directory: $XDG_DATA_HOME/bouncedoc, else ~/.local/share/bouncedoc (%APPDATA% on Windows). */
export function defaultDbPath(env: Record<string, string | undefined> = process.env): string {
  const base =
    env.XDG_DATA_HOME ||
    (process.platform === 'win32' && env.APPDATA) ||
    path.join(os.homedir(), '.local', 'share');
  return path.join(base, 'bouncedoc', 'bouncedoc.db');
}

/**
 * The built page: dist/web. This file runs compiled as dist/src/server/serve.js (so ../../web),
 * bundled into a chunk of dist/cli/ by scripts/bundle-cli.mjs (so ../web), or from src/ with tsx as
 * src/server/serve.ts (so ../../dist/web). Never the page's sources in web/.
 */
export function findWebDir(): string | undefined {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const candidates = ['../../web', '../web', '../../dist/web'].map((rel) => path.resolve(here, rel));
  return candidates.find(
    (dir) => path.basename(path.dirname(dir)) === 'dist' && existsSync(path.join(dir, 'index.html')),
  );
}

export async function startServer(options: ServeOptions): Promise<RunningServer> {
  if (!isLoopback(options.host) && !options.token) {
    throw new Error(`binding ${options.host} needs a token: give --token or set BOUNCEDOC_TOKEN`);
  }
  const store = openSqliteStore(options.db, undefined, options.log);
  const app = createApp({ store, resolver: options.resolver, token: options.token, webDir: findWebDir() });
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port: options.port, hostname: options.host }, (info) => {
      const host = info.family === 'IPv6' ? `[${info.address}]` : info.address;
      resolve({
        url: `http://${host}:${info.port}/`,
        close: () =>
          new Promise((done) => {
            server.close(() => {
              store.close();
              done();
            });
          }),
      });
    });
    server.on('error', (err) => {
      store.close();
      reject(err);
    });
  });
}
