import { CHANNEL_KIND_NAMES, CHANNEL_KIND_WORDING } from './channels';
import { isAllowedLinkUrl, renderInlineText } from './inline';
import {
  CHANNEL_KINDS,
  ChannelKind,
  InlineText,
  PolicyDocument,
  RenderContext,
} from './policy-document';
import { channelsShownInPolicy } from './render';
import { isTemplateField, templateValues, TemplateValues } from './template-fields';
import {
  demandsWriting,
  mentionsRemoval,
  mentionsWarning,
  sentences,
  threatensRemovalForComplaining,
} from './wording-rules';

export const POLICY_WARNING_CODES = [
  'WRITING_ONLY',
  'REMOVAL_FOR_COMPLAINING',
  'REMOVAL_WITHOUT_WARNING',
  'NO_ROUTE',
  'EMPTY_CHANNEL_LIST',
  'DISABLED_CHANNEL',
  'UNSAFE_LINK',
  'UNKNOWN_FIELD',
] as const;
export type PolicyWarningCode = (typeof POLICY_WARNING_CODES)[number];

export interface PolicyWarning {
  code: PolicyWarningCode;
  message: string;
  /** The block the warning is about; absent for the title and for whole-policy warnings. */
  blockIndex?: number;
}

export interface PolicyCheckContext extends RenderContext {
  /** Kinds of the practice's switched-on channels, including embed-only ones. */
  enabledChannelKinds: readonly ChannelKind[];
  /** Labels of switched-off channels, when the caller does not pass them in `channels`. */
  disabledChannelLabels?: readonly string[];
}

/** One piece of wording as the public would read it. */
interface Passage {
  raw: InlineText;
  text: string;
  blockIndex?: number;
  /** Part of the list of routes for concerns, so "in writing only" there is about complaints. */
  aboutFeedback: boolean;
}

/**
 * Warns about wording and configuration that break the rules a practice must follow in England
 * or that leave the public without a route. Advisory: publishing is the manager's decision.
 */
export function checkPolicy(doc: PolicyDocument, ctx: PolicyCheckContext): PolicyWarning[] {
  const values = templateValues(ctx);
  const passages = collectPassages(doc, ctx, values);
  return [
    ...wordingWarnings(passages, ctx),
    ...routeWarnings(doc, ctx),
    ...disabledChannelWarnings(doc, ctx, passages),
    ...markupWarnings(passages),
  ];
}

function collectPassages(
  doc: PolicyDocument,
  ctx: RenderContext,
  values: TemplateValues,
): Passage[] {
  const passages: Passage[] = [];
  const add = (
    raw: InlineText | undefined,
    blockIndex: number | undefined,
    aboutFeedback = false,
  ) => {
    if (raw !== undefined)
      passages.push({ raw, text: renderInlineText(raw, values), blockIndex, aboutFeedback });
  };
  add(doc.title, undefined);
  doc.blocks.forEach((block, i) => {
    switch (block.type) {
      case 'paragraph':
      case 'heading':
      case 'signOff':
        return add(block.text, i);
      case 'numberedList':
        return block.items.forEach((item) => add(item, i));
      case 'channelList':
        add(block.intro, i, true);
        return channelsShownInPolicy(ctx.channels).forEach((c) => add(c.policyText, i, true));
      case 'escalationSteps':
        add(block.intro, i);
        return ctx.escalationSteps.forEach((step) => add(step, i));
    }
  });
  return passages;
}

function wordingWarnings(passages: Passage[], ctx: RenderContext): PolicyWarning[] {
  const warnings: PolicyWarning[] = [];
  let removalAt: Passage | undefined;
  for (const passage of passages) {
    let previous = '';
    for (const sentence of sentences(passage.text)) {
      if (demandsWriting(sentence, previous, passage.aboutFeedback)) {
        warnings.push({
          code: 'WRITING_ONLY',
          message:
            `${quote(sentence)} asks for complaints in writing only. A complaint may be made ` +
            'orally, in writing or electronically; a practice cannot insist on writing.',
          blockIndex: passage.blockIndex,
        });
      }
      if (threatensRemovalForComplaining(sentence)) {
        warnings.push({
          code: 'REMOVAL_FOR_COMPLAINING',
          message:
            `${quote(sentence)} ties removal from the practice list to complaining. ` +
            'A removal must never be a response to a complaint.',
          blockIndex: passage.blockIndex,
        });
      }
      if (!removalAt && mentionsRemoval(sentence)) removalAt = passage;
      previous = sentence;
    }
  }
  // The ladder counts even when the policy does not show it: the warning step is what matters.
  const warned =
    passages.some((p) => mentionsWarning(p.text)) || ctx.escalationSteps.some(mentionsWarning);
  if (removalAt && !warned) {
    warnings.push({
      code: 'REMOVAL_WITHOUT_WARNING',
      message:
        'The policy mentions removal from the practice list but no warning step. Removal for a ' +
        'broken-down relationship needs a warning, with reasons, within the previous 12 months.',
      blockIndex: removalAt.blockIndex,
    });
  }
  return dedupe(warnings);
}

function routeWarnings(doc: PolicyDocument, ctx: PolicyCheckContext): PolicyWarning[] {
  const warnings: PolicyWarning[] = [];
  const listIndex = doc.blocks.findIndex((b) => b.type === 'channelList');
  const enabledKinds = enabledKindsOf(ctx);
  if (enabledKinds.size === 0) {
    warnings.push({
      code: 'NO_ROUTE',
      message:
        listIndex < 0
          ? 'The policy lists no channels and no channel is switched on: the public has no way to raise a concern.'
          : 'No channel is switched on, so the channel list is empty: the public has no way to raise a concern.',
    });
  }
  if (listIndex >= 0 && channelsShownInPolicy(ctx.channels).length === 0) {
    warnings.push({
      code: 'EMPTY_CHANNEL_LIST',
      message:
        'No switched-on channel is shown in the policy, so the channel list block is left out.',
      blockIndex: listIndex,
    });
  }
  return warnings;
}

function disabledChannelWarnings(
  doc: PolicyDocument,
  ctx: PolicyCheckContext,
  passages: Passage[],
): PolicyWarning[] {
  const warnings: PolicyWarning[] = [];
  const listIndex = doc.blocks.findIndex((b) => b.type === 'channelList');
  if (listIndex >= 0) {
    for (const channel of ctx.channels) {
      if (channel.enabled === false && channel.showInPolicy !== false) {
        warnings.push({
          code: 'DISABLED_CHANNEL',
          message: `"${channel.label}" is switched off, so its item is left out of the channel list.`,
          blockIndex: listIndex,
        });
      }
    }
  }

  const enabledKinds = enabledKindsOf(ctx);
  const disabledLabels = [
    ...(ctx.disabledChannelLabels ?? []),
    ...ctx.channels.filter((c) => c.enabled === false).map((c) => c.label),
  ].filter((label) => label.trim() !== '');
  for (const passage of passages) {
    const lower = passage.text.toLowerCase();
    for (const label of new Set(disabledLabels)) {
      if (lower.includes(label.toLowerCase())) {
        warnings.push({
          code: 'DISABLED_CHANNEL',
          message: `The wording mentions "${label}", which is switched off.`,
          blockIndex: passage.blockIndex,
        });
      }
    }
    for (const kind of CHANNEL_KINDS) {
      if (CHANNEL_KIND_WORDING[kind]?.test(passage.text) && !enabledKinds.has(kind)) {
        const name = CHANNEL_KIND_NAMES[kind];
        warnings.push({
          code: 'DISABLED_CHANNEL',
          message: `The wording mentions ${name}, but no ${name} channel is switched on.`,
          blockIndex: passage.blockIndex,
        });
      }
    }
  }
  return dedupe(warnings);
}

function markupWarnings(passages: Passage[]): PolicyWarning[] {
  const warnings: PolicyWarning[] = [];
  for (const { raw, blockIndex } of passages) {
    for (const [link, , url] of raw.matchAll(/\[([^[\]]*)\]\(([^)]*)\)/g)) {
      if (!isAllowedLinkUrl(url ?? '')) {
        warnings.push({
          code: 'UNSAFE_LINK',
          message: `${link} is shown as plain text: only http, https, mailto and tel links are allowed.`,
          blockIndex,
        });
      }
    }
    for (const [field, name] of raw.matchAll(/\{\{([^{}]*)\}\}/g)) {
      if (!isTemplateField(name ?? '')) {
        warnings.push({
          code: 'UNKNOWN_FIELD',
          message: `${field} is not a template field and is shown as typed.`,
          blockIndex,
        });
      }
    }
  }
  return dedupe(warnings);
}

function enabledKindsOf(ctx: PolicyCheckContext): Set<ChannelKind> {
  return new Set([
    ...ctx.enabledChannelKinds,
    ...ctx.channels.filter((c) => c.enabled !== false).map((c) => c.kind),
  ]);
}

/** Drops repeats, e.g. one disabled channel named in two items of the same list. */
function dedupe(warnings: PolicyWarning[]): PolicyWarning[] {
  const seen = new Set<string>();
  return warnings.filter((w) => {
    const key = `${w.code}|${w.blockIndex ?? ''}|${w.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function quote(sentence: string): string {
  return `“${sentence.length > 100 ? `${sentence.slice(0, 97)}…` : sentence}”`;
}
