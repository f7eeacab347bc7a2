import type { PublicPolicy } from './api';

/** A policy as the server sends it, with the renderer's markup. */
export function samplePolicy(overrides: Partial<PublicPolicy> = {}): PublicPolicy {
  return {
    title: 'Wilmslow Health Centre Social Media Policy',
    html:
      '<article class="parley-policy"><h2>Wilmslow Health Centre Social Media Policy</h2><p>We would rather hear from you.</p>' +
      '<h3>How to reach us</h3><ol><li>Use the <a href="https://example.org/form" rel="noopener noreferrer nofollow">form</a></li></ol>' +
      '<p class="parley-policy-sign-off">Wilmslow Health Centre: April 2025</p></article>',
    text: 'Wilmslow Health Centre Social Media Policy',
    version: 3,
    effectiveDate: '2025-04-01',
    publishedAt: '2025-04-01T09:00:00.000Z',
    practiceName: 'Wilmslow Health Centre',
    channels: [
      {
        kind: 'letter_box',
        label: 'Letter box at reception',
        instructions: 'Leave a note at reception.',
        href: null,
      },
      {
        kind: 'email',
        label: 'Email us',
        instructions: null,
        href: 'mailto:feedback@wilmslow.example',
      },
      {
        kind: 'online_form',
        label: 'Online feedback form',
        instructions: 'Tell us at any time of day.',
        href: null,
      },
    ],
    ...overrides,
  };
}

export function jsonResponse(status: number, body: unknown): Response {
  return {
    status,
    ok: status >= 200 && status < 300,
    json: () => Promise.resolve(body),
  } as Response;
}

/** Lets pending promise callbacks (fetch, microtasks) run. */
export async function settle(times = 5): Promise<void> {
  for (let i = 0; i < times; i++) await new Promise((resolve) => setTimeout(resolve, 0));
}
