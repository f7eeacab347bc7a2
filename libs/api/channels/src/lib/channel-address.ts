import { InputError } from '@parley/api/core';
import { isAllowedLinkUrl, type ChannelKind } from '@parley/shared/policy-render';
import { isEmail } from 'class-validator';
import { CHANNEL_LIMITS } from './channel.types';

const URL_LIMIT = 500;
const EMAIL_LIMIT = 254;

/**
 * Checks a channel's address for its kind and returns it tidied (trimmed; null when empty).
 * Throws an InputError naming `address` with what the kind needs.
 */
export function normaliseChannelAddress(
  kind: ChannelKind,
  raw: string | null | undefined,
): string | null {
  const address = raw?.trim() ? raw.trim() : null;
  switch (kind) {
    case 'email':
      if (!address || address.length > EMAIL_LIMIT || !isEmail(address)) {
        throw new InputError(
          'address must be an email address (e.g. enquiries@practice.nhs.uk) for an email channel.',
          'address',
        );
      }
      return address;
    case 'phone':
      if (!address || !isUkPhoneNumber(address)) {
        throw new InputError(
          'address must be a UK phone number of digits and spaces, optionally starting with +44 (e.g. 01625 123456).',
          'address',
        );
      }
      return address.replace(/\s+/g, ' ');
    case 'nhs_website':
      if (!address || !isHttpsUrl(address)) {
        throw new InputError(
          `address must be an https:// web address of at most ${URL_LIMIT} characters for an NHS website channel.`,
          'address',
        );
      }
      return address;
    case 'online_form':
      if (address)
        throw new InputError(
          'address must be empty for an online form: Parley provides the form.',
          'address',
        );
      return null;
    case 'letter_box':
    case 'in_person':
      if (address && Array.from(address).length > CHANNEL_LIMITS.freeTextAddress) {
        throw new InputError(
          `address is longer than the limit of ${CHANNEL_LIMITS.freeTextAddress} characters.`,
          'address',
        );
      }
      return address;
  }
}

/** 0 followed by 9–10 digits, or +44 followed by 9–10 digits (no leading 0), spaces anywhere. */
export function isUkPhoneNumber(value: string): boolean {
  if (!/^\+?[\d ]+$/.test(value)) return false;
  const compact = value.replace(/ /g, '');
  return /^0\d{9,10}$/.test(compact) || /^\+44[1-9]\d{8,9}$/.test(compact);
}

export function isHttpsUrl(value: string): boolean {
  if (value.length > URL_LIMIT || !/^https:\/\//i.test(value) || !isAllowedLinkUrl(value))
    return false;
  try {
    const url = new URL(value);
    return (
      url.protocol === 'https:' && url.hostname.includes('.') && !url.username && !url.password
    );
  } catch {
    return false;
  }
}
