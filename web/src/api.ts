// Talking to bouncedoc's own API (same origin; nothing else is ever contacted). A token, when the
// server asks for one, is kept for this tab only.
import type { BounceListItem, CategoryCount, Suppression } from '../../src/server/store.js';
import type { Finding as BaseFinding, ExplainReport } from '../../src/types.js';

const TOKEN_KEY = 'bouncedoc-token';

export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

export function setToken(token: string): void {
  sessionStorage.setItem(TOKEN_KEY, token);
}

function headers(extra: Record<string, string> = {}): Record<string, string> {
  const token = sessionStorage.getItem(TOKEN_KEY);
  return token ? { ...extra, authorization: `Bearer ${token}` } : extra;
}

async function call<T>(path: string, init: RequestInit = {}): Promise<T> {
  const res = await fetch(path, { ...init, headers: headers(init.headers as Record<string, string>) });
  const type = res.headers.get('content-type') ?? '';
  const body: unknown = type.includes('json') ? await res.json() : await res.text();
  if (!res.ok) {
    const message =
      body && typeof body === 'object' && 'error' in body
        ? String((body as { error: unknown }).error)
        : res.statusText;
    throw new ApiError(message, res.status);
  }
  return body as T;
}

export const api = {
  explain: (text: string | Blob, store: boolean) =>
    call<ExplainReport>(`/api/explain${store ? '?store=1' : ''}`, {
      method: 'POST',
      body: text,
      headers: {
        'content-type': typeof text === 'string' ? 'text/plain; charset=utf-8' : 'application/octet-stream',
      },
    }),
  check: (domain: string, selectors: string[]) => {
    const q = selectors.map((s) => `selector=${encodeURIComponent(s)}`).join('&');
    return call<DomainCheck>(`/api/check/${encodeURIComponent(domain)}${q ? `?${q}` : ''}`);
  },
  upload: (file: File) =>
    call<{ stored: { id: number }[]; errors: { source: string; error: string }[] }>(
      `/api/bounces?source=${encodeURIComponent(file.name)}`,
      { method: 'POST', body: file, headers: { 'content-type': 'application/octet-stream' } },
    ),
  bounces: (params: URLSearchParams) => call<BounceList>(`/api/bounces?${params}`),
  bounce: (id: number) =>
    call<{ id: number; receivedAt: string; source: string; report: ExplainReport }>(`/api/bounces/${id}`),
  suppressions: () => call<{ total: number; items: Suppression[] }>('/api/suppressions'),
  suppressionsCsv: async () => {
    const res = await fetch('/api/suppressions?format=csv', { headers: headers() });
    if (!res.ok) throw new ApiError(res.statusText, res.status);
    return res.blob();
  },
};

// --- the JSON shapes the page reads: the server's own types (type-only imports, erased in the
// bundle) where it answers with them, and a subset of src/auth/domain.ts for a domain check.

export type { Suppression } from '../../src/server/store.js';
export type {
  Advice,
  Diagnosis,
  ExplainReport as Report,
  RecipientResult as Result,
} from '../../src/types.js';

/** A finding of a domain check: which check (dmarc, spf, dkim, mx) found it. */
export interface Finding extends BaseFinding {
  check?: string;
}

export interface SpfNode {
  term: string;
  domain?: string;
  lookups: number;
  runningTotal: number;
  status?: string;
  record?: string;
  void?: boolean;
  children: SpfNode[];
}

export interface DomainCheck {
  domain: string;
  verdict: string;
  verdicts: Record<string, string>;
  findings: Finding[];
  corrected: { check: string; name: string; record?: string; fixed: string }[];
  dmarc: {
    record?: string;
    lint?: { record?: string };
    status?: string;
    policy?: unknown;
    [k: string]: unknown;
  };
  spf: { records: { text: string }[]; lookups: number; voidLookups: number; tree?: SpfNode };
  dkim: { selector: string; name: string; records: unknown[]; verdict: string }[];
  mx: { hosts?: unknown[]; nullMx?: boolean; records?: unknown[] };
}

export interface BounceList {
  total: number;
  items: BounceListItem[];
  counts: CategoryCount[];
  limit: number;
  offset: number;
}
