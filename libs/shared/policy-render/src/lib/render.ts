import { renderInlineHtml, renderInlineText } from './inline';
import {
  InlineText,
  PolicyBlock,
  PolicyDocument,
  RenderChannel,
  RenderContext,
} from './policy-document';
import { templateValues, TemplateValues } from './template-fields';

export type PolicyHeadingLevel = 1 | 2 | 3 | 4 | 5;

export interface RenderOptions {
  /** Level of the title heading, to fit the host page's outline; sub-headings go one below. Default 2. */
  headingLevel?: PolicyHeadingLevel;
}

export interface RenderedPolicy {
  html: string;
  text: string;
}

/** Channels that get a numbered item: switched on and not marked embed-only. */
export function channelsShownInPolicy(channels: readonly RenderChannel[]): RenderChannel[] {
  return channels.filter((c) => c.enabled !== false && c.showInPolicy !== false);
}

/** A block reduced to what both renderers print: a lead-in and/or numbered items. */
interface Resolved {
  kind: 'paragraph' | 'heading' | 'list' | 'signOff';
  text?: InlineText;
  items?: InlineText[];
}

/**
 * Resolves configuration-driven blocks against the context. A channel or escalation list with
 * nothing to show is dropped with its intro, so the policy never says "the following means:"
 * followed by nothing.
 */
function resolveBlock(block: PolicyBlock, ctx: RenderContext): Resolved | null {
  switch (block.type) {
    case 'paragraph':
    case 'heading':
    case 'signOff':
      return { kind: block.type, text: block.text };
    case 'numberedList':
      return { kind: 'list', items: block.items };
    case 'channelList': {
      const items = channelsShownInPolicy(ctx.channels ?? []).map((c) => c.policyText);
      return items.length ? { kind: 'list', text: block.intro, items } : null;
    }
    case 'escalationSteps': {
      const items = ctx.escalationSteps ?? [];
      return items.length ? { kind: 'list', text: block.intro, items } : null;
    }
    default:
      // Unknown block types in stored jsonb are skipped: the public page must still render.
      return null;
  }
}

function resolveBlocks(doc: PolicyDocument, ctx: RenderContext): Resolved[] {
  const blocks = Array.isArray(doc.blocks) ? doc.blocks : [];
  return blocks.map((b) => resolveBlock(b, ctx)).filter((b): b is Resolved => b !== null);
}

function headingLevel(opts: RenderOptions): PolicyHeadingLevel {
  const level = opts.headingLevel ?? 2;
  if (![1, 2, 3, 4, 5].includes(level)) {
    throw new RangeError(`headingLevel must be 1 to 5, got ${String(level)}`);
  }
  return level;
}

/** The policy as an HTML fragment; all text is escaped and only safe links become anchors. */
export function renderPolicyHtml(
  doc: PolicyDocument,
  ctx: RenderContext,
  opts: RenderOptions = {},
): string {
  const level = headingLevel(opts);
  const values = templateValues(ctx);
  const inline = (text: InlineText) => renderInlineHtml(text, values);
  const body = resolveBlocks(doc, ctx).map((block) => blockHtml(block, level, inline));
  return (
    `<article class="parley-policy"><h${level}>${inline(doc.title)}</h${level}>` +
    `${body.join('')}</article>`
  );
}

function blockHtml(block: Resolved, level: number, inline: (t: InlineText) => string): string {
  const lead = block.text === undefined ? '' : inline(block.text);
  switch (block.kind) {
    case 'paragraph':
      return `<p>${lead}</p>`;
    case 'heading':
      return `<h${level + 1}>${lead}</h${level + 1}>`;
    case 'signOff':
      return `<p class="parley-policy-sign-off">${lead}</p>`;
    case 'list': {
      const items = (block.items ?? []).map((item) => `<li>${inline(item)}</li>`).join('');
      return `${block.text === undefined ? '' : `<p>${lead}</p>`}<ol>${items}</ol>`;
    }
  }
}

/**
 * The policy as plain text (emails, diffs, the seed-fidelity test): title first, a blank line
 * between blocks, list items numbered "1. ", markup dropped and links shown as their label.
 */
export function renderPolicyText(doc: PolicyDocument, ctx: RenderContext): string {
  const values = templateValues(ctx);
  const parts = [renderInlineText(doc.title, values)];
  for (const block of resolveBlocks(doc, ctx)) parts.push(blockText(block, values));
  return parts.join('\n\n');
}

function blockText(block: Resolved, values: TemplateValues): string {
  const lines: string[] = [];
  if (block.text !== undefined) lines.push(renderInlineText(block.text, values));
  if (block.items) {
    const items = block.items.map((item, i) => `${i + 1}. ${renderInlineText(item, values)}`);
    lines.push(items.join('\n'));
  }
  return lines.join('\n\n');
}

/** Both renderings from one call, so a preview and its plain-text twin cannot drift apart. */
export function renderPolicy(
  doc: PolicyDocument,
  ctx: RenderContext,
  opts: RenderOptions = {},
): RenderedPolicy {
  return { html: renderPolicyHtml(doc, ctx, opts), text: renderPolicyText(doc, ctx) };
}
