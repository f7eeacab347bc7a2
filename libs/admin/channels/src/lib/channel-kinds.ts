import { type ValidatorFn, Validators } from '@angular/forms';
import { EMAIL_PATTERN } from '@parley/admin/ui';
import { ChannelKind } from './generated/graphql';

/** How the console names each kind, and what its address field asks for. */
export interface ChannelKindOption {
  kind: ChannelKind;
  name: string;
  /** null: the kind has no address (Parley provides the online form). */
  address: {
    label: string;
    hint: string;
    required: boolean;
    validators: ValidatorFn[];
    invalid: string;
  } | null;
}

// The API has the last word; these mirror its checks so most mistakes show before sending.
const UK_PHONE = /^(?:0\d{9,10}|\+44[1-9]\d{8,9})$/;
const ukPhone: ValidatorFn = (control) => {
  const value = String(control.value ?? '').trim();
  if (!value) return null;
  return /^\+?[\d ]+$/.test(value) && UK_PHONE.test(value.replace(/ /g, ''))
    ? null
    : { phone: true };
};
const HTTPS_URL = /^https:\/\/[^\s/?#@]+\.[^\s/?#@]+(?:[/?#]\S*)?$/i;

const freeText = (label: string) => ({
  label,
  hint: 'Optional, e.g. “Next to the reception desk”.',
  required: false,
  validators: [Validators.maxLength(300)],
  invalid: 'Use at most 300 characters.',
});

export const CHANNEL_KIND_OPTIONS: readonly ChannelKindOption[] = [
  { kind: ChannelKind.LetterBox, name: 'Letter box', address: freeText('Where it is') },
  { kind: ChannelKind.InPerson, name: 'In person', address: freeText('Where to ask') },
  {
    kind: ChannelKind.Email,
    name: 'Email',
    address: {
      label: 'Email address',
      hint: 'e.g. enquiries@practice.nhs.uk',
      required: true,
      validators: [Validators.pattern(EMAIL_PATTERN), Validators.maxLength(254)],
      invalid: 'Enter an email address like enquiries@practice.nhs.uk.',
    },
  },
  {
    kind: ChannelKind.Phone,
    name: 'Phone',
    address: {
      label: 'Phone number',
      hint: 'A UK number, e.g. 01625 123456',
      required: true,
      validators: [ukPhone],
      invalid:
        'Enter a UK phone number of digits and spaces, e.g. 01625 123456 or +44 1625 123456.',
    },
  },
  {
    kind: ChannelKind.NhsWebsite,
    name: 'NHS website',
    address: {
      label: 'Web address',
      hint: 'The practice’s review page, starting https://',
      required: true,
      validators: [Validators.pattern(HTTPS_URL), Validators.maxLength(500)],
      invalid: 'Enter a web address starting https://, at most 500 characters.',
    },
  },
  { kind: ChannelKind.OnlineForm, name: 'Online form', address: null },
];

export function kindOption(kind: ChannelKind): ChannelKindOption {
  return CHANNEL_KIND_OPTIONS.find((o) => o.kind === kind) ?? CHANNEL_KIND_OPTIONS[0];
}

export function kindName(kind: ChannelKind): string {
  return kindOption(kind).name;
}
