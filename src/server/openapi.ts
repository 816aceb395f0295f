// The API's description (OpenAPI 3.1), served at /api/openapi.json.
import type { DeliveryStage, StepTopic } from '../types.js';

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

// The values of two advice fields and what each means (see src/types.ts). Records, so that a value
// added to the type but not described here is a type error.
const STAGES: Record<DeliveryStage, string> = {
  retrying: 'the sending server still tries (a delay notice)',
  final: 'the sending server has given up (a bounce), or a bare permanent (5xx) reply',
  open: 'not known (a bare transient reply)',
};
const STEP_TOPICS: Record<StepTopic, string> = {
  spf: "the sender domain's own SPF record",
  dkim: 'DKIM signing for the From domain',
  authentication: 'SPF, DKIM and DMARC together',
  'free-mail-from': "a From address on someone else's domain",
  'run-check': 'running `bouncedoc check`',
};
const valuesSchema = (values: Record<string, string>, about: string) => ({
  type: 'string',
  enum: Object.keys(values),
  description: `${about}: ${Object.entries(values)
    .map(([v, meaning]) => `${v}, ${meaning}`)
    .join('; ')}`,
});

export const openApiDocument = {
  openapi: '3.1.0',
  info: {
    title: 'bouncedoc',
    version: '1',
    description:
      'From an e-mail bounce to its fix. Every route but /api/health and /api/openapi.json needs ' +
      '"Authorization: Bearer TOKEN" when the server was started with a token.',
  },
  paths: {
    '/api/health': {
      get: { summary: 'Liveness', responses: { '200': { description: 'ok' } } },
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
            content: { 'application/json': { schema: { $ref: '#/components/schemas/Report' } } },
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
          '400': errorResponse('not a domain name'),
        },
      },
    },
    '/api/bounces': {
      post: {
        summary: 'Explain and store one or many bounces (an mbox is split into its messages)',
        requestBody: rawBody,
        responses: {
          '201': { description: 'stored ids, and per-message errors for inputs that could not be read' },
          '400': errorResponse('nothing could be stored'),
          '413': errorResponse('body too large'),
        },
      },
      get: {
        summary: 'Stored results, newest first',
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
        responses: { '200': { description: 'the stored bounce' }, '404': errorResponse('no such bounce') },
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
      Error: { type: 'object', properties: { error: { type: 'string' } }, required: ['error'] },
      Report: {
        type: 'object',
        properties: {
          kind: {
            type: 'string',
            enum: ['bounce', 'delay', 'feedback', 'autoreply', 'not-bounce', 'reply-text'],
          },
          format: { type: 'string' },
          results: { type: 'array', items: { $ref: '#/components/schemas/Result' } },
        },
      },
      Result: {
        type: 'object',
        properties: {
          recipient: { type: 'string' },
          status: { type: 'string' },
          replyCode: { type: 'string' },
          reason: { type: 'string' },
          category: { type: 'string' },
          bounceType: { type: 'string', enum: ['hard', 'soft', 'block'] },
          party: { type: 'string', enum: ['recipient', 'sender', 'content', 'none'] },
          hardbounce: { type: 'boolean' },
          diagnosticCode: { type: 'string' },
          advice: {
            type: 'object',
            properties: {
              summary: { type: 'string' },
              steps: { type: 'array', items: { type: 'string' } },
              stepTopics: {
                type: 'array',
                description:
                  'what each step is about, stepTopics[i] for steps[i]; null for a step with no topic',
                items: { oneOf: [valuesSchema(STEP_TOPICS, 'the topic'), { type: 'null' }] },
              },
              retry: {
                type: 'object',
                properties: { advised: { type: 'boolean' }, when: { type: 'string' } },
              },
              stage: valuesSchema(STAGES, 'where the delivery stands'),
            },
          },
        },
      },
    },
  },
} as const;
