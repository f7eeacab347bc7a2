/** A child for `h()`: nodes as they are, strings as text (never parsed as HTML), nothing for falsy. */
export type Child = Node | string | null | undefined | false;

/**
 * Creates an element with attributes and children. Every string becomes a text node, so data
 * from the API (labels, instructions, messages) can never become markup.
 */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs?: Record<string, string | null | undefined> | null,
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (attrs) {
    for (const name of Object.keys(attrs)) {
      const value = attrs[name];
      if (value != null) el.setAttribute(name, value);
    }
  }
  append(el, children);
  return el;
}

export function append(parent: Node, children: Child[]): void {
  for (const child of children) {
    if (child)
      parent.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
  }
}

/** `h1`…`h6` for a level, clamped to what HTML has. */
export function headingTag(level: number): 'h1' | 'h2' | 'h3' | 'h4' | 'h5' | 'h6' {
  return `h${Math.min(6, Math.max(1, Math.round(level) || 2))}` as 'h1';
}

/** Links the embed will render: web, email and phone only (no javascript:, data:, …). */
export function safeHref(href: string | null | undefined): string | null {
  const value = (href || '').trim();
  return /^(https?:\/\/|mailto:|tel:)/i.test(value) ? value : null;
}
