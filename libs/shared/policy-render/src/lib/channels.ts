import { isAllowedLinkUrl } from './inline';
import { ChannelKind, InlineText, RenderChannel } from './policy-document';

/** A feedback channel as a practice configures it. */
export interface PracticeChannel {
  kind: ChannelKind;
  label: string;
  /** The channel's numbered item in the policy's channel list. */
  policyText: InlineText;
  /** What the embed tells a patient about using this channel. */
  instructions?: string;
  /** An email address, a phone number or an https URL, depending on the kind; null when there is none. */
  address?: string | null;
  enabled: boolean;
  /** False for channels offered by the embed but not given their own numbered item. Default true. */
  showInPolicy?: boolean;
}

/**
 * The link a patient follows to use a channel, or null. Email and phone addresses become
 * mailto:/tel:; anything else must already be a URL the renderer would allow.
 */
export function channelHref(kind: ChannelKind, address: string | null | undefined): string | null {
  const value = address?.trim();
  if (!value) return null;
  let href = value;
  if (kind === 'email' && !/^mailto:/i.test(value)) href = `mailto:${value}`;
  if (kind === 'phone' && !/^tel:/i.test(value)) href = `tel:${value.replace(/[^\d+]/g, '')}`;
  return isAllowedLinkUrl(href) ? href : null;
}

export function toRenderChannel(channel: PracticeChannel): RenderChannel {
  return {
    kind: channel.kind,
    label: channel.label,
    policyText: channel.policyText,
    instructions: channel.instructions,
    href: channelHref(channel.kind, channel.address),
    enabled: channel.enabled,
    showInPolicy: channel.showInPolicy ?? true,
  };
}

/** How a kind is named in messages to practice managers. */
export const CHANNEL_KIND_NAMES: Record<ChannelKind, string> = {
  letter_box: 'letter box',
  in_person: 'in person',
  email: 'email',
  phone: 'phone',
  nhs_website: 'NHS website',
  online_form: 'online form',
};

/**
 * How policy wording usually refers to each kind of channel, so the policy check can spot
 * wording that sends people to a channel the practice has switched off. In-person has no
 * pattern: "tell us" is too common a phrase to mean a specific channel.
 */
export const CHANNEL_KIND_WORDING: Record<ChannelKind, RegExp | null> = {
  letter_box: /\bletter ?box\b/i,
  in_person: null,
  email: /\be-?mail/i,
  phone: /\b(?:tele)?phone\b|\b(?:call|ring) us\b/i,
  nhs_website: /\bNHS (?:Choices|website)\b|\bnhs\.uk\b/i,
  online_form: /\bonline (?:feedback )?form\b/i,
};
