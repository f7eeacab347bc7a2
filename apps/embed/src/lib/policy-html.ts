import { headingTag, safeHref } from './dom';

/** Elements the policy renderer produces; anything else is unwrapped to its text or dropped. */
const KEEP = /^(article|h[1-6]|p|ol|ul|li|em|strong|a|br)$/;
/** Elements whose content is not readable text (or is dangerous): dropped with their content. */
const DROP =
  /^(script|style|template|iframe|frame|frameset|object|embed|noscript|noembed|svg|math|textarea|select|option|title|head|link|meta|base|img|video|audio|canvas|form|input|button)$/;
const CLASSES: Record<string, string> = { article: 'parley-policy', p: 'parley-policy-sign-off' };

/**
 * Turns the policy HTML from the server (already sanitised there) into DOM nodes for the shadow
 * root, as a second line of defence: the string is parsed in an inert `<template>` (no script
 * runs, nothing loads), then cleaned in place against an allow-list before it is ever attached:
 * other elements are unwrapped to their text or dropped with their content, comments go, and
 * every attribute goes except `href` (web, email and phone links only) and the renderer's two
 * classes. Headings move so the title is at `headingLevel` (the server writes it as an h2); when
 * the HTML has no heading, one is made from `title` as text.
 */
export function policyFragment(
  html: string,
  title: string,
  headingLevel: number,
): DocumentFragment {
  const template = document.createElement('template');
  template.innerHTML = html;
  const shift = headingLevel - 2;
  let titled = false;

  const clean = (parent: Node): void => {
    let node = parent.firstChild;
    while (node) {
      const next: ChildNode | null = node.nextSibling;
      if (node.nodeType === 3) {
        node = next;
        continue;
      }
      if (node.nodeType !== 1) {
        parent.removeChild(node);
        node = next;
        continue;
      }
      let el = node as Element;
      const name = el.localName;
      const href = name === 'a' ? safeHref(el.getAttribute('href')) : null;
      if (DROP.test(name)) {
        parent.removeChild(el);
        node = next;
        continue;
      }
      if (!KEEP.test(name) || (name === 'a' && !href)) {
        // Unwrap: its children take its place and are cleaned in turn.
        const first = el.firstChild;
        while (el.firstChild) parent.insertBefore(el.firstChild, el);
        parent.removeChild(el);
        node = first || next;
        continue;
      }
      const heading = /^h([1-6])$/.exec(name);
      if (heading && headingTag(Number(heading[1]) + shift) !== name) {
        const moved = document.createElement(headingTag(Number(heading[1]) + shift));
        while (el.firstChild) moved.appendChild(el.firstChild);
        parent.replaceChild(moved, el);
        el = moved;
      }
      const keepClass =
        CLASSES[name] && el.getAttribute('class') === CLASSES[name] ? CLASSES[name] : null;
      while (el.attributes.length) el.removeAttribute(el.attributes[0].name);
      if (href) {
        el.setAttribute('href', href);
        el.setAttribute('rel', 'noopener noreferrer nofollow');
      }
      if (keepClass) el.className = keepClass;
      if (heading && !titled) {
        el.className = 't';
        titled = true;
      }
      clean(el);
      node = next;
    }
  };
  const out = template.content;
  clean(out);

  if (!titled && title) {
    const heading = document.createElement(headingTag(headingLevel));
    heading.className = 't';
    heading.textContent = title;
    out.insertBefore(heading, out.firstChild);
  }
  return out;
}
