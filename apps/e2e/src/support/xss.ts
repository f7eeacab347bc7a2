import {
  buildSchema,
  getNamedType,
  type GraphQLInputType,
  isInputObjectType,
  isScalarType,
} from 'graphql';
import type { Page } from 'playwright-core';

/** Set by every payload that manages to run. */
export const XSS_FLAG = '__xss';

/** Classic payloads: markup, event handlers, srcdoc, a script URL, Angular template injection. */
export const PAYLOADS = [
  '<script>window.__xss=1</script>',
  '<img src=x onerror="window.__xss=1">',
  '<svg onload="window.__xss=1">',
  '"><iframe srcdoc="<script>parent.__xss=1</script>">',
  'javascript:window.__xss=1',
  "{{constructor.constructor('window.__xss=1')()}}",
  '</textarea><script>window.__xss=1</script>',
] as const;

/** Local parts an email validator accepts when quoted (RFC 5321), so they reach the pages. */
export const EMAIL_LOCAL_PARTS = [
  '<script>window.__xss=1</script>',
  '<img src=x onerror=window.__xss=1>',
  "{{constructor.constructor('window.__xss=1')()}}",
] as const;

/** Addresses that pass an https URL check yet try to break out of an attribute. */
export const HOSTILE_URLS = {
  /** No angle brackets: the incident log's URL validator refuses those. */
  quoteBreakout: 'https://example.test/post?q="onmouseover="window.__xss=1',
  /** No whitespace: the policy's link check allows it, so it reaches an href. */
  tagBreakout: 'https://example.test/"><img/src=x/onerror=window.__xss=1>',
} as const;

/**
 * The payloads packed greedily into as few strings as fit in `room` characters, each joined by a
 * space, so a field with a short limit still receives every payload across several records.
 */
export function packPayloads(room: number, payloads: readonly string[] = PAYLOADS): string[] {
  const packs: string[] = [];
  let current = '';
  for (const payload of payloads) {
    if (payload.length > room) throw new Error(`A payload does not fit in ${room} characters`);
    const joined = current ? `${current} ${payload}` : payload;
    if (joined.length <= room) current = joined;
    else {
      packs.push(current);
      current = payload;
    }
  }
  if (current) packs.push(current);
  return packs;
}

/**
 * Every String (or [String]) leaf of every mutation's arguments, input objects walked, as
 * `mutation.argument.field.field`: the free-text inputs a client can send.
 */
export function mutationStringInputs(sdl: string): string[] {
  const schema = buildSchema(sdl);
  const found: string[] = [];
  const walk = (type: GraphQLInputType, path: string, seen: readonly string[]) => {
    const named = getNamedType(type);
    if (isScalarType(named)) {
      if (named.name === 'String') found.push(path);
    } else if (isInputObjectType(named) && !seen.includes(named.name)) {
      for (const field of Object.values(named.getFields()))
        walk(field.type, `${path}.${field.name}`, [...seen, named.name]);
    }
  };
  for (const mutation of Object.values(schema.getMutationType()?.getFields() ?? {}))
    for (const arg of mutation.args) walk(arg.type, `${mutation.name}.${arg.name}`, []);
  return found.sort();
}

/** What one frame shows: its text (open shadow roots and form values included) and any harm. */
export interface FrameInspection {
  url: string;
  text: string;
  flag: unknown;
  hostile: string[];
}

/**
 * Runs in the page. Text is every text node (not script or style), plus the values of form
 * controls, through open shadow roots. Hostile is any element a payload would have produced: an
 * event-handler attribute, srcdoc, a javascript: URL, `<img src=x>`, or a script mentioning the flag.
 */
function inspectFrame(flag: string): Omit<FrameInspection, 'url'> {
  const parts: string[] = [];
  const hostile: string[] = [];
  const urlAttributes = ['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'poster'];
  const describe = (el: Element) => `<${el.tagName.toLowerCase()}> ${el.outerHTML.slice(0, 160)}`;
  const visit = (root: Node) => {
    for (let node = root.firstChild; node; node = node.nextSibling) {
      if (node.nodeType === Node.TEXT_NODE) {
        parts.push(node.nodeValue ?? '');
        continue;
      }
      if (node.nodeType !== Node.ELEMENT_NODE) continue;
      const el = node as Element;
      const tag = el.tagName.toLowerCase();
      for (const attr of Array.from(el.attributes)) {
        const name = attr.name.toLowerCase();
        if (name.startsWith('on') || name === 'srcdoc') hostile.push(`${name}: ${describe(el)}`);
        if (urlAttributes.includes(name) && /^\s*javascript:/i.test(attr.value))
          hostile.push(`javascript: URL: ${describe(el)}`);
      }
      if (tag === 'img' && el.getAttribute('src') === 'x') hostile.push(describe(el));
      if (tag === 'script' && (el.textContent ?? '').includes(flag)) hostile.push(describe(el));
      if (tag === 'input' || tag === 'textarea' || tag === 'select')
        parts.push(` ${(el as HTMLInputElement).value} `);
      if (tag !== 'script' && tag !== 'style' && tag !== 'template') visit(el);
      if (el.shadowRoot) visit(el.shadowRoot);
    }
  };
  visit(document);
  return {
    text: parts.join('').replace(/\s+/g, ' '),
    flag: (window as unknown as Record<string, unknown>)[flag],
    hostile,
  };
}

/** Every frame of the page (cross-origin ones too), inspected. */
export async function inspectPage(page: Page): Promise<FrameInspection[]> {
  const frames: FrameInspection[] = [];
  for (const frame of page.frames()) {
    if (frame.isDetached()) continue;
    const seen = await frame.evaluate(inspectFrame, XSS_FLAG).catch(() => null);
    if (seen) frames.push({ url: frame.url(), ...seen });
  }
  return frames;
}

/** The page's text as inspectPage collects it, for comparing with stored values. */
export function normalise(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
