// Security rules of the local web app: a strict Content-Security-Policy (bounce text is
// attacker-controlled: the page never loads remote code and renders it as text), and a token for
// any binding other than loopback.
import { timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';

/** No inline script, nothing from the network: the page's own files and the API only. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export const securityHeaders: MiddlewareHandler = async (c, next) => {
  await next();
  c.header('Content-Security-Policy', CONTENT_SECURITY_POLICY);
  c.header('X-Content-Type-Options', 'nosniff');
  c.header('Referrer-Policy', 'no-referrer');
  c.header('X-Frame-Options', 'DENY');
  c.header('Cross-Origin-Opener-Policy', 'same-origin');
};

/** Loopback addresses may run without a token; anything else must have one. */
export function isLoopback(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  return h === 'localhost' || h === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h);
}

/**
 * Requires `Authorization: Bearer TOKEN` (or X-Bouncedoc-Token) on /api/* except health and the
 * OpenAPI document. The comparison takes constant time.
 */
export function requireToken(token: string): MiddlewareHandler {
  const expected = Buffer.from(token, 'utf8');
  return async (c, next) => {
    const path = new URL(c.req.url).pathname;
    if (path === '/api/health' || path === '/api/openapi.json') return next();
    const auth = c.req.header('authorization') ?? '';
    const given = auth.toLowerCase().startsWith('bearer ')
      ? auth.slice(7).trim()
      : (c.req.header('x-bouncedoc-token') ?? '');
    const got = Buffer.from(given, 'utf8');
    if (got.length !== expected.length || !timingSafeEqual(got, expected)) {
      return c.json({ error: 'a valid token is required (Authorization: Bearer TOKEN)' }, 401);
    }
    return next();
  };
}
