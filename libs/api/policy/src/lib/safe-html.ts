import sanitizeHtml from 'sanitize-html';

const HEADINGS = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'];

const POLICY_HTML: sanitizeHtml.IOptions = {
  allowedTags: ['article', ...HEADINGS, 'p', 'ol', 'ul', 'li', 'em', 'strong', 'a'],
  allowedAttributes: { a: ['href', 'rel'], article: ['class'], p: ['class'] },
  allowedClasses: { article: ['parley-policy'], p: ['parley-policy-sign-off'] },
  allowedSchemes: ['http', 'https', 'mailto', 'tel'],
  allowedSchemesAppliedToAttributes: ['href'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
};

/**
 * Defence in depth behind the shared renderer (which already escapes everything): a maintained
 * sanitiser with an allow-list, so no script, style, event handler or odd link scheme can reach
 * a public page even if the renderer ever had a bug.
 */
export function sanitizePolicyHtml(html: string): string {
  return sanitizeHtml(html, POLICY_HTML);
}

/** The same, with every heading one level up (for a page where the policy title is the h1). */
export function sanitizePolicyHtmlForPage(html: string): string {
  const transformTags = Object.fromEntries(HEADINGS.slice(1).map((tag, i) => [tag, HEADINGS[i]]));
  return sanitizeHtml(html, { ...POLICY_HTML, transformTags });
}
