// Talking to bouncedoc's own API (same origin; nothing else is ever contacted). A token, when the
// server asks for one, is kept for this tab only.
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
    call<Report>(`/api/explain${store ? '?store=1' : ''}`, {
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
    call<{ id: number; receivedAt: string; source: string; report: Report }>(`/api/bounces/${id}`),
  suppressions: () => call<{ total: number; items: Suppression[] }>('/api/suppressions'),
  suppressionsCsv: async () => {
    const res = await fetch('/api/suppressions?format=csv', { headers: headers() });
    if (!res.ok) throw new ApiError(res.statusText, res.status);
    return res.blob();
  },
};

// --- the JSON shapes the page reads (a subset of src/types.ts and the server's answers)

export interface Advice {
  summary: string;
  steps: string[];
  retry: { advised: boolean; when: string };
}

export interface Diagnosis {
  code: string;
  rootCause: string;
  fix: string;
  steps: string[];
  correctedRecord?: { name: string; record?: string; fixed: string };
  party: string;
  checked: string[];
  notChecked: string[];
}

export interface Result {
  recipient: string;
  status: string;
  replyCode: string;
  reason: string;
  category: string;
  bounceType: 'hard' | 'soft' | 'block';
  party: 'recipient' | 'sender' | 'content' | 'none';
  diagnosticCode?: string;
  remoteMta?: string;
  smtpCommand?: string;
  action?: string;
  provider?: string;
  advice: Advice;
  diagnosis?: Diagnosis;
}

export interface Report {
  kind: string;
  format: string;
  source?: string;
  original?: { from?: string; to?: string; subject?: string; date?: string; messageId?: string };
  results: Result[];
}

export interface Finding {
  code: string;
  severity: 'error' | 'warning' | 'info';
  message: string;
  fix?: string;
  record?: string;
  span?: [number, number];
  fixed?: string;
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

export interface BounceItem {
  id: number;
  bounceId: number;
  receivedAt: string;
  source: string;
  kind: string;
  recipient: string;
  status: string;
  reason: string;
  category: string;
  bounceType: string;
  party: string;
  summary: string;
}

export interface BounceList {
  total: number;
  items: BounceItem[];
  counts: { category: string; bounceType: string; count: number }[];
  limit: number;
  offset: number;
}

export interface Suppression {
  address: string;
  reason: string;
  status: string;
  firstSeen: string;
  lastSeen: string;
  bounceId: number;
}
