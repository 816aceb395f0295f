import assert from 'node:assert/strict';
import { test } from 'node:test';
import { domainNamedIn, domainOf, ipFrom } from '../../src/diagnose/bounce-clues.js';

test('the sending IP a reply quotes: public addresses only, not the receiver in "host[ip]"', () => {
  assert.equal(
    ipFrom('550 5.7.1 Service unavailable; Client host [203.0.113.9] blocked using zen'),
    '203.0.113.9',
  );
  assert.equal(
    ipFrom('host mx.example.net[198.51.100.7] said: 550 rejected from 203.0.113.9'),
    '203.0.113.9',
  );
  assert.equal(ipFrom('550 blocked 10.1.2.3 and 127.0.0.1'), undefined);
  assert.equal(ipFrom('version 1.2.3.4.5 is not an address'), undefined);
  assert.equal(ipFrom('550 5.7.1 [IPv6:::1] is loopback'), undefined);
  assert.equal(ipFrom('550 5.7.1 [IPv6:2a00:1450::5] blocked'), '2a00:1450::5');
});

test("the sender's domain as DMARC refusals name it", () => {
  assert.equal(domainNamedIn('unauthenticated email from shop.example is not accepted'), 'shop.example');
  assert.equal(domainNamedIn('rejected per dmarc policy for news.shop.example.'), 'news.shop.example');
  assert.equal(domainNamedIn('550 5.1.1 user unknown'), undefined);
});

test('the domain of an address', () => {
  assert.equal(domainOf('Shop <Sales@Shop.Example.>'), 'shop.example');
  assert.equal(domainOf('no address'), undefined);
  assert.equal(domainOf(undefined), undefined);
});
