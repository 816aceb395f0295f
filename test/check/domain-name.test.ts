import assert from 'node:assert/strict';
import { test } from 'node:test';
import { domainToCheck } from '../../src/auth/domain-name.js';

test('a named domain is checked in lower case, without its final dot or spaces', () => {
  assert.equal(domainToCheck('  Shop.Example. '), 'shop.example');
  assert.equal(domainToCheck('_dmarc.example.com'), '_dmarc.example.com');
});

test('an IDN is checked under its A-label', () => {
  assert.equal(domainToCheck('bücher.example'), 'xn--bcher-kva.example');
});

test('what is no host name is refused', () => {
  for (const bad of [
    '',
    'exa mple.com',
    'a..b',
    'example.com/x',
    '<b>x</b>.com',
    `${'a'.repeat(64)}.com`,
    'x'.repeat(5000),
  ]) {
    assert.equal(domainToCheck(bad), null, bad.slice(0, 40));
  }
});
