import assert from 'node:assert/strict';
import { test } from 'node:test';
import { domainToCheck } from '../../src/auth/domain-name.js';

test('a named domain is checked in lower case, without its final dot or spaces', () => {
  assert.deepEqual(domainToCheck('  Shop.Example. '), { domain: 'shop.example' });
  assert.deepEqual(domainToCheck('_dmarc.example.com'), { domain: '_dmarc.example.com' });
});

test('an IDN is checked under its A-label', () => {
  assert.deepEqual(domainToCheck('bücher.example'), { domain: 'xn--bcher-kva.example' });
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
    assert.match(errorOf(bad), /^not a domain name/, bad.slice(0, 40));
  }
});

const errorOf = (input: string): string => {
  const r = domainToCheck(input);
  return 'error' in r ? r.error : `accepted as ${r.domain}`;
};

test('an IP address is refused as one, bare or bracketed, IPv4 or IPv6', () => {
  for (const ip of [
    '192.0.2.1',
    '192.0.2.1.',
    '[192.0.2.1]',
    '2001:db8::1',
    '::1',
    '[::1]',
    '[IPv6:2001:DB8::1]',
    '::ffff:192.0.2.1',
    '10.1',
  ]) {
    assert.equal(
      errorOf(ip),
      'an IP address, not a domain name (check the domain of the sender address)',
      ip,
    );
  }
});

test('a name whose last label is all digits is no domain name (RFC 3696 §2)', () => {
  assert.equal(errorOf('mail.123'), 'not a domain name');
});

test('a top-level domain or other public suffix is a domain name, and is checked', () => {
  assert.deepEqual(domainToCheck('com'), { domain: 'com' });
  assert.deepEqual(domainToCheck('CO.UK.'), { domain: 'co.uk' });
  // labels that merely start with digits, or look like hex, are names
  assert.deepEqual(domainToCheck('192.0.2.1.example'), { domain: '192.0.2.1.example' });
  assert.deepEqual(domainToCheck('0xdead.example'), { domain: '0xdead.example' });
});
