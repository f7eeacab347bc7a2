/** A channel as `GET /public/practices/:slug/policy` returns it (enabled channels only). */
export interface PublicChannel {
  kind: string;
  label: string;
  instructions: string | null;
  href: string | null;
}

/** The public policy JSON. */
export interface PublicPolicy {
  title: string;
  html: string;
  text: string;
  version: number;
  effectiveDate: string;
  publishedAt: string;
  practiceName: string;
  channels: PublicChannel[];
}

export interface FeedbackPayload {
  message: string;
  name?: string;
  email?: string;
  phone?: string;
  kind?: string;
  /** The honeypot: always sent, empty unless a robot filled it. */
  website: string;
}

/** What a submission came to: `status` 0 means the request never got an answer. */
export interface SubmitResult {
  status: number;
  field?: string;
  message?: string;
  reference?: string;
}

/** Thrown when the practice has no published policy (404): the fallback says so, without a link. */
export class NotFound extends Error {}

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const TIMEOUT_MS = 15000;

export function isSlug(value: string): boolean {
  return value.length <= 80 && SLUG.test(value);
}

/**
 * Where Parley is, from the script's own URL: `https://host/embed.js` and
 * `https://host/embed/embed.<hash>.js` both give `https://host` (a path prefix in front is kept,
 * for Parley behind a proxy under a sub-path). `data-parley-origin` on the script wins.
 */
export function baseFromScript(script: Element | null): string | null {
  if (!script) return null;
  const explicit = script.getAttribute('data-parley-origin');
  if (explicit) return normaliseBase(explicit);
  const src = script.getAttribute('src');
  if (!src) return null;
  const url = parseUrl(src);
  return url ? url.origin + url.pathname.replace(/\/(embed\/)?embed(\.[\w-]+)?\.js$/, '') : null;
}

/** An http(s) URL without a trailing slash, query or hash; null for anything else. */
export function normaliseBase(value: string): string | null {
  const url = parseUrl(value);
  return url ? url.origin + url.pathname.replace(/\/+$/, '') : null;
}

function parseUrl(value: string): URL | null {
  try {
    const url = new URL(value, document.baseURI);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url : null;
  } catch {
    return null;
  }
}

const loads: Record<string, Promise<PublicPolicy>> = {};

/**
 * Fetches a practice's published policy once per page (several elements share one request; a
 * failed load is forgotten so a later element retries). The browser's HTTP cache revalidates
 * with the ETag the server sends.
 */
export function loadPolicy(base: string, slug: string): Promise<PublicPolicy> {
  const url = `${base}/public/practices/${slug}/policy`;
  return (loads[url] ||= request(url, { credentials: 'omit' })
    .then(async (response) => {
      if (response.status === 404) throw new NotFound();
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      const policy = (await response.json()) as PublicPolicy;
      if (!policy || typeof policy.html !== 'string' || !Array.isArray(policy.channels))
        throw new Error('Unexpected policy');
      return policy;
    })
    .catch((error: unknown) => {
      delete loads[url];
      throw error;
    }));
}

/** Posts one submission; the same key is sent again when the person retries the same message. */
export async function sendFeedback(
  base: string,
  slug: string,
  payload: FeedbackPayload,
  key: string,
): Promise<SubmitResult> {
  let response: Response;
  try {
    response = await request(`${base}/public/practices/${slug}/feedback`, {
      method: 'POST',
      credentials: 'omit',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': key },
      body: JSON.stringify(payload),
    });
  } catch {
    return { status: 0 };
  }
  let body: { error?: { field?: string; message?: string }; reference?: string } = {};
  try {
    body = await response.json();
  } catch {
    // No JSON body: the status says enough.
  }
  const error = body && body.error;
  return {
    status: response.status,
    field: error && typeof error.field === 'string' ? error.field : undefined,
    message: error && typeof error.message === 'string' ? error.message : undefined,
    reference: body && typeof body.reference === 'string' ? body.reference : undefined,
  };
}

function request(url: string, init: RequestInit): Promise<Response> {
  const controller = typeof AbortController === 'function' ? new AbortController() : null;
  const timer = controller && setTimeout(() => controller.abort(), TIMEOUT_MS);
  return fetch(url, {
    ...init,
    mode: 'cors',
    signal: controller ? controller.signal : undefined,
  }).finally(() => {
    if (timer) clearTimeout(timer);
  });
}

/** A random v4 UUID: crypto.randomUUID where the page is a secure context, else getRandomValues. */
export function randomKey(): string {
  const c = typeof crypto !== 'undefined' ? crypto : null;
  if (c && typeof c.randomUUID === 'function') return c.randomUUID();
  const bytes = new Uint8Array(16);
  if (c) c.getRandomValues(bytes);
  else for (let i = 0; i < 16; i++) bytes[i] = Math.floor(Math.random() * 256);
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => (b + 256).toString(16).slice(1)).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
