import { InputError } from '@parley/api/core';
import { isHttpsUrl, isUkPhoneNumber, normaliseChannelAddress } from './channel-address';

describe('channel addresses', () => {
  it.each(['01625 123456', '0161 496 0000', '+44 1625 123456', '+441625123456', '020 7946 0000'])(
    'accepts the UK phone number %s',
    (n) => {
      expect(isUkPhoneNumber(n)).toBe(true);
    },
  );

  it.each([
    '12345',
    '01625-123456',
    '+1 415 555 0100',
    '+44 01625 123456',
    'tel:01625123456',
    '0800 CALL NOW',
    '0162512345678',
  ])('refuses the phone number %s', (n) => expect(isUkPhoneNumber(n)).toBe(false));

  it.each([
    ['https://www.nhs.uk/services/gp-surgery/x/N81990', true],
    ['http://www.nhs.uk/', false],
    ['https://localhost/', false],
    ['https://user:pass@www.nhs.uk/', false],
    ['https://www.nhs.uk/a b', false],
    ['javascript:alert(1)', false],
  ])('https URL %s → %s', (url, ok) => expect(isHttpsUrl(url)).toBe(ok));

  it('refuses a URL over 500 characters', () =>
    expect(isHttpsUrl(`https://www.nhs.uk/${'a'.repeat(500)}`)).toBe(false));

  it('tidies addresses and clears empty ones', () => {
    expect(normaliseChannelAddress('email', '  a@b.example ')).toBe('a@b.example');
    expect(normaliseChannelAddress('phone', '01625   123456')).toBe('01625 123456');
    expect(normaliseChannelAddress('letter_box', '   ')).toBeNull();
    expect(normaliseChannelAddress('online_form', '')).toBeNull();
  });

  it.each([
    ['email', 'nope'],
    ['email', null],
    ['phone', null],
    ['nhs_website', null],
    ['online_form', 'https://forms.example'],
    ['in_person', 'x'.repeat(301)],
  ] as const)('refuses a %s channel with that address, naming the field', (kind, address) => {
    try {
      normaliseChannelAddress(kind, address);
      throw new Error('accepted');
    } catch (error) {
      expect(error).toBeInstanceOf(InputError);
      expect((error as InputError).field).toBe('address');
    }
  });
});
