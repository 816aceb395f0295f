// Real responses of the running API, validated against the OpenAPI document it serves: hard
// bounces, DMARC bounces diagnosed against a zone file, recipient typos, webhook payloads, a
// complaint, a delay, not-bounces, a stored report and an error. The schemas are closed, so a field
// the code sends but the document does not declare fails here (the last tests show that it does).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import { zoneFileResolver } from '../../src/dns/index.js';
import { createApp } from '../../src/server/app.js';
import { openSqliteStore } from '../../src/server/sqlite-store.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const example = (name: string) => readFileSync(path.join(root, 'examples', name), 'utf8');
const webhook = (name: string) =>
  readFileSync(path.join(root, 'test/extract/webhooks/fixtures', name), 'utf8');

/**
 * DNS for the chain: the example zone with shop.example's broken DMARC record, and gmial.com, a
 * typo of gmail.com that takes mail (a typo DNS does not bear out is only likely), and gmail.com
 * itself (the provider a typo points at exists, as the sanity probe expects); other names do not
 * exist.
 */
const ZONE = `${example('zones/shop.example.zone')}\ngmial.com. IN MX 10 mx1.shop.example.\ngmail.com. IN MX 5 mx1.shop.example.\n`;

function makeApp() {
  const store = openSqliteStore(':memory:', () => new Date('2026-12-01T10:00:00Z'));
  return createApp({ store, resolver: zoneFileResolver(ZONE) });
}

type App = ReturnType<typeof makeApp>;

/** JSON Pointer escaping (RFC 6901) of one path segment. */
const segment = (s: string) => s.replace(/~/g, '~0').replace(/\//g, '~1');

/**
 * The validator of one route's response as the served document declares it. The document is
 * added whole, so its own $refs resolve; strict mode stays on inside the schemas (a misspelled
 * keyword fails instead of being ignored), and the OpenAPI fields around them are known words.
 */
function responseValidator(doc: object, route: string, method: string, status: string): ValidateFunction {
  const ajv = new Ajv2020({ allErrors: true });
  ajv.addVocabulary(['openapi', 'info', 'paths', 'components']);
  ajv.addSchema(doc, 'openapi.json');
  const pointer = ['paths', route, method, 'responses', status, 'content', 'application/json', 'schema']
    .map(segment)
    .join('/');
  return ajv.compile({ $ref: `openapi.json#/${pointer}` });
}

function assertValid(validate: ValidateFunction, body: unknown, what: string): void {
  const ok = validate(body);
  assert.ok(ok, `${what}: ${JSON.stringify(validate.errors, null, 1)}`);
}

const post = (body: string, type = 'text/plain') => ({
  method: 'POST',
  body,
  headers: { 'content-type': type },
});

interface Explained {
  kind: string;
  results: { diagnosis?: { code: string; confidence?: string }; [k: string]: unknown }[];
  [k: string]: unknown;
}

async function explainBody(app: App, body: string, type?: string, query = ''): Promise<Explained> {
  const res = await app.request(`/api/explain${query}`, post(body, type));
  assert.equal(res.status, 200, body.slice(0, 80));
  return (await res.json()) as Explained;
}

const TYPO = '550 5.1.1 <someone@gnail.com>: Recipient address rejected: User unknown';
const NOT_A_BOUNCE = 'From: a@example.com\nTo: b@example.com\nSubject: hi\n\nHello.\n';
const JSON_TYPE = 'application/json';

/** [what, body, content type]: each a kind of input, together reaching every field of the schema. */
const INPUTS: [string, () => string, string?][] = [
  ['a hard bounce (RFC 3464, 5.1.1)', () => example('user-unknown.eml')],
  ['a DMARC bounce, the record at fault in the zone', () => example('dmarc-permerror.eml')],
  ["Gmail's DMARC refusal through an ESP", () => example('gmail-dmarc-rejected.eml')],
  ['a blocklisted IP at connection time', () => example('blocklisted-ip.eml')],
  ['a delay notice', () => example('mailbox-full-delay.eml')],
  ['a spam complaint (ARF)', () => example('spam-complaint.eml')],
  ['a bare SMTP reply (Outlook)', () => example('outlook-reply.txt')],
  ['a recipient typo', () => TYPO],
  ['a recipient typo DNS does not bear out', () => TYPO.replaceAll('gnail.com', 'gmial.com')],
  ['an SES webhook the evidence contradicts', () => webhook('ses-sns-transient-dead-domain.json'), JSON_TYPE],
  ['a SendGrid webhook batch', () => webhook('sendgrid-events.json'), JSON_TYPE],
  ['a Mailgun webhook', () => webhook('mailgun-failed.json'), JSON_TYPE],
  ['a message that is not a bounce', () => NOT_A_BOUNCE],
  ['JSON that is no webhook payload', () => '{"hello": "world"}', JSON_TYPE],
];

describe('API responses against the served OpenAPI document', () => {
  let app: App;
  let doc: object;
  let explainResponse: ValidateFunction;
  const responses = new Map<string, Explained>();
  before(async () => {
    app = makeApp();
    doc = (await (await app.request('/api/openapi.json')).json()) as object;
    explainResponse = responseValidator(doc, '/api/explain', 'post', '200');
    for (const [what, input, type] of INPUTS) responses.set(what, await explainBody(app, input(), type));
  });

  for (const [what] of INPUTS) {
    it(what, () => assertValid(explainResponse, responses.get(what), what));
  }

  it('the inputs reach the optional fields too (else their schemas would go untested)', () => {
    const reports = [...responses.values()];
    const results = reports.flatMap((r) => r.results);
    const diagnoses = results.flatMap((r) => (r.diagnosis ? [r.diagnosis as Record<string, unknown>] : []));
    const seen = (objects: object[]) => new Set(objects.flatMap((o) => Object.keys(o)));
    const want: [string, Set<string>, string[]][] = [
      ['report', seen(reports), ['source', 'original', 'reportingMta', 'originalHeaders', 'note']],
      [
        'result',
        seen(results),
        [
          'action',
          'diagnosticCode',
          'smtpCommand',
          'remoteMta',
          'feedbackType',
          'provider',
          'espLabel',
          'note',
          'diagnosis',
        ],
      ],
      ['diagnosis', seen(diagnoses), ['correctedRecord', 'confidence']],
    ];
    for (const [what, keys, fields] of want) {
      for (const f of fields) assert.ok(keys.has(f), `no ${what} carries ${f}`);
    }
    assert.deepEqual(
      new Set(diagnoses.map((d) => d.confidence)),
      new Set(['confirmed', 'likely', undefined]),
    );
  });

  it('a stored report: the explain response with its id, then GET /api/bounces/{id}', async () => {
    const stored = await explainBody(app, example('dmarc-permerror.eml'), 'text/plain', '?store=1');
    assertValid(explainResponse, stored, 'explain ?store=1');
    assert.equal(typeof stored.id, 'number');
    const res = await app.request(`/api/bounces/${stored.id}`);
    assertValid(responseValidator(doc, '/api/bounces/{id}', 'get', '200'), await res.json(), 'stored bounce');
  });

  it('an error response', async () => {
    const res = await app.request('/api/explain', post('\u0000\u0001\u0002binary\u0000'.repeat(100)));
    assert.equal(res.status, 400);
    assertValid(responseValidator(doc, '/api/explain', 'post', '400'), await res.json(), 'error');
  });

  describe('a field the document does not declare fails validation', () => {
    for (const [where, add] of [
      ['the report', (r: Explained) => Object.assign(r, { extra: 1 })],
      ['a result', (r: Explained) => Object.assign(r.results[0], { extra: 1 })],
      ['its advice', (r: Explained) => Object.assign(r.results[0].advice as object, { extra: 1 })],
      ['its diagnosis', (r: Explained) => Object.assign(r.results[0].diagnosis as object, { extra: 1 })],
      [
        'a corrected record',
        (r: Explained) =>
          Object.assign(r.results[0].diagnosis as object, {
            correctedRecord: { name: 'n', fixed: 'f', extra: 1 },
          }),
      ],
    ] as const) {
      it(where, async () => {
        const report = await explainBody(app, example('dmarc-permerror.eml'));
        assertValid(explainResponse, report, 'as sent');
        add(report);
        assert.equal(explainResponse(report), false);
        assert.ok(explainResponse.errors?.some((e) => e.keyword === 'additionalProperties'));
      });
    }

    it('and so do a value outside a closed set and a missing required field', async () => {
      const report = await explainBody(app, example('dmarc-permerror.eml'));
      const diagnosis = report.results[0].diagnosis as Record<string, unknown>;
      assert.equal(explainResponse({ ...report, kind: 'bouncy' }), false);
      diagnosis.confidence = 'maybe';
      assert.equal(explainResponse(report), false);
      diagnosis.confidence = 'likely';
      delete diagnosis.fix;
      assert.equal(explainResponse(report), false);
    });
  });
});
