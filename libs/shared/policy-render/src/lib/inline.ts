import { InlineText } from './policy-document';
import { isTemplateField, TemplateField, TemplateValues } from './template-fields';

/**
 * Inline markup, parsed into a small tree before anything is substituted, so a practice name
 * containing `*` or `[` is shown as typed and can never become markup.
 */
export type InlineNode =
  | { kind: 'text'; text: string }
  | { kind: 'field'; name: TemplateField }
  | { kind: 'em'; children: InlineNode[] }
  | { kind: 'strong'; children: InlineNode[] }
  | { kind: 'link'; href: string; children: InlineNode[] };

const LINK_SCHEMES = ['http:', 'https:', 'mailto:', 'tel:'];

/**
 * True for the only URLs the policy may link to: absolute http(s) with a host, mailto: and tel:.
 * Relative and protocol-relative URLs are refused because the policy is shown on third-party
 * pages where they would resolve somewhere the practice never chose.
 */
export function isAllowedLinkUrl(url: string): boolean {
  // Whitespace and control characters are how scheme filters usually get bypassed.
  // eslint-disable-next-line no-control-regex -- matching control characters is the point here
  if (url === '' || /[\s\u0000-\u001f\u007f]/.test(url)) return false;
  const scheme = /^([a-z][a-z0-9+.-]*:)/i.exec(url)?.[1]?.toLowerCase();
  if (!scheme || !LINK_SCHEMES.includes(scheme)) return false;
  if (scheme === 'http:' || scheme === 'https:') return /^https?:\/\/[^/?#]+/i.test(url);
  return url.length > scheme.length;
}

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => HTML_ESCAPES[ch] ?? ch);
}

/** Parses inline markup. Non-string input (bad jsonb) yields nothing rather than a crash. */
export function parseInline(src: InlineText): InlineNode[] {
  return typeof src === 'string' ? parse(src, true) : [];
}

function parse(src: string, allowLinks: boolean): InlineNode[] {
  const nodes: InlineNode[] = [];
  let text = '';
  const flush = () => {
    if (text) nodes.push({ kind: 'text', text });
    text = '';
  };
  let i = 0;
  while (i < src.length) {
    const found = matchAt(src, i, allowLinks);
    if (found) {
      flush();
      nodes.push(found.node);
      i = found.end;
    } else {
      // Unmatched markers are literal, e.g. "5 * 3" or a lone "[".
      text += src.startsWith('**', i) ? '**' : src[i];
      i += src.startsWith('**', i) ? 2 : 1;
    }
  }
  flush();
  return nodes;
}

function matchAt(
  src: string,
  i: number,
  allowLinks: boolean,
): { node: InlineNode; end: number } | null {
  if (src.startsWith('{{', i)) {
    const field = /^\{\{([A-Za-z][A-Za-z0-9]*)\}\}/.exec(src.slice(i, i + 64));
    // Unknown fields stay literal so a typo is visible in the preview instead of vanishing.
    if (field && isTemplateField(field[1])) {
      return { node: { kind: 'field', name: field[1] }, end: i + field[0].length };
    }
    return null;
  }
  if (src.startsWith('**', i)) {
    const close = src.indexOf('**', i + 3);
    const inner = close < 0 ? '' : src.slice(i + 2, close);
    if (!isFlanked(inner)) return null;
    return { node: { kind: 'strong', children: parse(inner, allowLinks) }, end: close + 2 };
  }
  if (src[i] === '*') {
    const close = src.indexOf('*', i + 1);
    const inner = close < 0 ? '' : src.slice(i + 1, close);
    if (!isFlanked(inner)) return null;
    return { node: { kind: 'em', children: parse(inner, allowLinks) }, end: close + 1 };
  }
  if (src[i] === '[' && allowLinks) return matchLink(src, i);
  return null;
}

/** `[label](url)`; a URL with a refused scheme leaves the whole thing literal text. */
function matchLink(src: string, i: number): { node: InlineNode; end: number } | null {
  const labelEnd = src.indexOf(']', i + 1);
  if (labelEnd < 0 || src[labelEnd + 1] !== '(') return null;
  const label = src.slice(i + 1, labelEnd);
  if (label.trim() === '' || label.includes('[')) return null;
  const urlEnd = src.indexOf(')', labelEnd + 2);
  if (urlEnd < 0) return null;
  const href = src.slice(labelEnd + 2, urlEnd);
  if (!isAllowedLinkUrl(href)) return null;
  // No links inside a link label: nested anchors are invalid HTML.
  return { node: { kind: 'link', href, children: parse(label, false) }, end: urlEnd + 1 };
}

/** Like Markdown, `* not emphasis *` needs its content to hug the markers. */
function isFlanked(inner: string): boolean {
  return inner !== '' && !/^\s/.test(inner) && !/\s$/.test(inner) && !inner.startsWith('*');
}

/** Parses and renders inline markup as HTML; every piece of text is escaped. */
export function renderInlineHtml(src: InlineText, values: TemplateValues): string {
  return nodesToHtml(parseInline(src), values);
}

function nodesToHtml(nodes: InlineNode[], values: TemplateValues): string {
  return nodes
    .map((node) => {
      switch (node.kind) {
        case 'text':
          return escapeHtml(node.text);
        case 'field':
          return escapeHtml(values[node.name]);
        case 'em':
          return `<em>${nodesToHtml(node.children, values)}</em>`;
        case 'strong':
          return `<strong>${nodesToHtml(node.children, values)}</strong>`;
        case 'link':
          return (
            `<a href="${escapeHtml(node.href)}" rel="noopener noreferrer nofollow">` +
            `${nodesToHtml(node.children, values)}</a>`
          );
      }
    })
    .join('');
}

/** Parses and renders inline markup as plain text: markers dropped, links as their label. */
export function renderInlineText(src: InlineText, values: TemplateValues): string {
  return nodesToText(parseInline(src), values);
}

function nodesToText(nodes: InlineNode[], values: TemplateValues): string {
  return nodes
    .map((node) => {
      switch (node.kind) {
        case 'text':
          return node.text;
        case 'field':
          return values[node.name];
        default:
          return nodesToText(node.children, values);
      }
    })
    .join('');
}
