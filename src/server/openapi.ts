// The API's description (OpenAPI 3.1), served at /api/openapi.json. The report's schemas are
// built from its types (report-schema.ts); test/server/openapi-responses.test.ts validates real
// responses against this document.
import type { InputErrorCode } from '../read/errors.js';
import { members, objectOf, optional, reportSchemas } from './report-schema.js';
import type { StoredBounce } from './store.js';

/** An error response: the message, and for unreadable input the reason's code. */
interface ErrorBody {
  error: string;
  code?: InputErrorCode;
}

const error = { $ref: '#/components/schemas/Error' };
const errorResponse = (description: string) => ({
  description,
  content: { 'application/json': { schema: error } },
});
const rawBody = {
  required: true,
  description:
    'A bounce: a whole message (message/rfc822 or text/plain), a bare SMTP reply text, an ESP webhook payload ' +
    '(application/json), JSON {"message": "..."}, or multipart/form-data with files.',
  content: {
    'message/rfc822': { schema: { type: 'string' } },
    'text/plain': { schema: { type: 'string' } },
    'application/json': { schema: { type: 'object' } },
    'multipart/form-data': { schema: { type: 'object' } },
  },
};

export const openApiDocument = {
  openapi: '3.1.0',
  info: {
    title: 'bouncedoc',
    version: '1',
    description:
      'From an e-mail bounce to its fix. Every route but /api/health and /api/openapi.json needs ' +
      '"Authorization: Bearer TOKEN" when the server was started with a token. A method a path does not ' +
      'support is answered 405 with an Allow header.',
  },
  paths: {
    '/api/health': {
      get: { summary: 'Liveness', responses: { '200': { description: 'ok' } } },
    },
    '/api/openapi.json': {
      get: { summary: 'This document', responses: { '200': { description: 'the OpenAPI document' } } },
    },
    '/api/explain': {
      post: {
        summary: 'Explain one bounce',
        parameters: [
          {
            name: 'store',
            in: 'query',
            schema: { type: 'string', enum: ['1', 'true'] },
            description: 'also store it',
          },
        ],
        requestBody: rawBody,
        responses: {
          '200': {
            description: 'the report',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/ExplainResponse' } } },
          },
          '400': errorResponse('empty, binary or unreadable input'),
          '413': errorResponse('body too large'),
        },
      },
    },
    '/api/check/{domain}': {
      get: {
        summary: "Check a sending domain's DMARC, SPF, DKIM and MX",
        parameters: [
          { name: 'domain', in: 'path', required: true, schema: { type: 'string' } },
          {
            name: 'selector',
            in: 'query',
            schema: { type: 'array', items: { type: 'string' } },
            description: 'DKIM selectors (repeatable)',
          },
          { name: 'dmarcMode', in: 'query', schema: { type: 'string', enum: ['rfc9989', 'rfc7489'] } },
        ],
        responses: {
          '200': { description: 'records, findings, corrected records, verdicts' },
          '400': errorResponse(
            'not a domain name (an IP address, an invalid name), or a bad selector or dmarcMode',
          ),
        },
      },
    },
    '/api/bounces': {
      post: {
        summary: 'Explain and store one or many bounces (an mbox is split into its messages)',
        description:
          'Idempotent for inputs already stored: a message whose bytes are the same as a stored one ' +
          '(its SHA-256, kept as inputSha256) is not stored again; its entry in `stored` has the id it was ' +
          'stored under and `duplicate: true`. So an ESP that posts the same webhook body again gets the ' +
          'same id back, with 200.',
        requestBody: rawBody,
        responses: {
          '201': {
            description:
              '{ stored: [{ id, source, kind, results, duplicate? }], errors: [{ source, error }] }: at least ' +
              'one input was stored; errors for inputs that could not be read',
          },
          '200': {
            description:
              'the same, when every input was stored before (all `duplicate: true`): nothing was added',
          },
          '400': errorResponse('nothing could be stored'),
          '413': errorResponse('body too large'),
        },
      },
      get: {
        summary:
          'Stored results that need attention (not delivered recipients or auto-replies), newest first',
        parameters: [
          { name: 'category', in: 'query', schema: { type: 'string' } },
          { name: 'bounceType', in: 'query', schema: { type: 'string', enum: ['hard', 'soft', 'block'] } },
          { name: 'recipient', in: 'query', schema: { type: 'string' } },
          { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 500 } },
          { name: 'offset', in: 'query', schema: { type: 'integer', minimum: 0 } },
        ],
        responses: { '200': { description: '{ total, items, counts, limit, offset }' } },
      },
    },
    '/api/bounces/{id}': {
      get: {
        summary: 'One stored bounce with its full report',
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'integer' } }],
        responses: {
          '200': {
            description: 'the stored bounce',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/StoredBounce' } } },
          },
          '400': errorResponse('the id is not a positive whole number'),
          '404': errorResponse('no such bounce'),
        },
      },
    },
    '/api/suppressions': {
      get: {
        summary: 'Addresses to stop sending to: hard bounces and complaints',
        parameters: [{ name: 'format', in: 'query', schema: { type: 'string', enum: ['json', 'csv'] } }],
        responses: { '200': { description: 'the list (JSON or CSV)' } },
      },
    },
  },
  components: {
    schemas: {
      Error: objectOf<ErrorBody>('What went wrong; never a stack trace', {
        error: { type: 'string' },
        code: optional({
          type: 'string',
          description: 'why the input could not be read (POST /api/explain)',
          enum: members<InputErrorCode>({
            empty: true,
            'too-large': true,
            binary: true,
            unreadable: true,
            'wrong-type': true,
          }),
        }),
      }),
      ...reportSchemas,
      StoredBounce: objectOf<StoredBounce>('One stored bounce with its full report', {
        id: { type: 'integer' },
        receivedAt: { type: 'string', description: 'ISO 8601' },
        source: { type: 'string', description: 'where it came from: "paste", an uploaded file name, "api"' },
        report: { $ref: '#/components/schemas/ExplainReport' },
        inputSha256: optional({
          type: 'string',
          description: 'SHA-256 (hex) of the raw input; absent for bounces stored before inputs had one',
        }),
      }),
    },
  },
};
