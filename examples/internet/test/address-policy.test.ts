import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AddressPolicy, classifyAddress, parseCidr } from '../src/address-policy.js';

describe('classifying IP literals (no DNS)', () => {
  it.each([
    ['8.8.8.8', 'public'],
    ['172.32.0.1', 'public'],
    ['2606:4700:4700::1111', 'public'],
    ['::ffff:8.8.8.8', 'public'],
    ['0.0.0.0', 'unspecified'],
    ['0.1.2.3', 'unspecified'],
    ['::', 'unspecified'],
    ['127.0.0.1', 'loopback'],
    ['127.255.255.254', 'loopback'],
    ['::1', 'loopback'],
    ['[::1]', 'loopback'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:7f00:1', 'loopback'],
    ['::127.0.0.1', 'loopback'],
    ['10.0.0.1', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.1.1', 'private'],
    ['100.64.0.1', 'private'],
    ['fc00::1', 'private'],
    ['fdff:ffff::1', 'private'],
    ['::ffff:10.1.2.3', 'private'],
    ['64:ff9b::a00:1', 'private'],
    ['2002:c0a8:0101::1', 'private'],
    ['169.254.169.254', 'link-local'],
    ['fe80::1', 'link-local'],
    ['fe80::1%eth0', 'link-local'],
    ['febf::1', 'link-local'],
    ['::ffff:169.254.1.1', 'link-local'],
    ['224.0.0.1', 'multicast'],
    ['ff02::1', 'multicast'],
    ['255.255.255.255', 'reserved'],
    ['192.0.2.1', 'reserved'],
    ['2001:db8::1', 'reserved'],
  ])('%s is %s', (address, kind) => {
    expect(classifyAddress(address)).toBe(kind);
  });

  it('is undefined for things that are not IP literals', () => {
    for (const text of ['example.com', '127.1', '0x7f000001', '2130706433', '1.2.3.4.5', '', ':::1']) expect(classifyAddress(text), text).toBeUndefined();
  });

  it('classifies an IPv4-mapped IPv6 address like the IPv4 address itself', () => {
    fc.assert(
      fc.property(fc.ipV4(), (v4) => {
        expect(classifyAddress(`::ffff:${v4}`)).toBe(classifyAddress(v4));
      }),
    );
  });

  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        classifyAddress(text);
      }),
    );
    fc.assert(
      fc.property(fc.ipV6(), (v6) => {
        expect(classifyAddress(v6), v6).toBeDefined();
      }),
    );
  });
});

describe('the address policy', () => {
  it('allows only public addresses by default', () => {
    const policy = new AddressPolicy();
    expect(policy.refusal('93.184.215.14')).toBeUndefined();
    expect(policy.refusal('127.0.0.1')).toBe('127.0.0.1 is a loopback address');
    expect(policy.refusal('::ffff:192.168.0.1')).toBe('::ffff:192.168.0.1 is a private address');
  });

  it('allows listed ranges (matching mapped IPv6 forms too) and nothing more', () => {
    const policy = new AddressPolicy({ allowedRanges: ['127.0.0.1/32', 'fd00::/8'] });
    expect(policy.refusal('127.0.0.1')).toBeUndefined();
    expect(policy.refusal('::ffff:127.0.0.1')).toBeUndefined();
    expect(policy.refusal('fd12::1')).toBeUndefined();
    expect(policy.refusal('127.0.0.2')).toBe('127.0.0.2 is a loopback address');
    expect(policy.refusal('10.0.0.1')).toBe('10.0.0.1 is a private address');
  });

  it('allows everything with allowPrivateAddresses', () => {
    expect(new AddressPolicy({ allowPrivateAddresses: true }).refusal('10.0.0.1')).toBeUndefined();
  });

  it('rejects malformed ranges when it is built', () => {
    expect(() => parseCidr('10.0.0.0/33')).toThrow('Not an address range: "10.0.0.0/33"');
    expect(() => parseCidr('localhost/8')).toThrow(RangeError);
  });
});
