import { describe, expect, it } from 'vitest';
import { withoutAddresses } from './account-mail';

describe('withoutAddresses', () => {
  it('replaces every e-mail address in a provider error, wherever it stands', () => {
    expect(withoutAddresses('550 5.1.1 <camille.durand@example.org>: Recipient address rejected')).toBe(
      '550 5.1.1 <<address>>: Recipient address rejected',
    );
    expect(withoutAddresses('Invalid recipients: a.b+tag@mail.example.net, "x"@y.example')).toBe('Invalid recipients: <address>, <address>');
    expect(withoutAddresses('Can\'t send mail - all recipients were rejected: 550 no such user (jo@example.org)')).toBe(
      "Can't send mail - all recipients were rejected: 550 no such user (<address>)",
    );
  });

  it('keeps a message without an address as it is', () => {
    expect(withoutAddresses('connect ECONNREFUSED 127.0.0.1:2525')).toBe('connect ECONNREFUSED 127.0.0.1:2525');
    expect(withoutAddresses('can not resolve Mx of <example.net>')).toBe('can not resolve Mx of <example.net>');
  });
});
