/**
 * @jest-environment jsdom
 */
import { defineParleyPolicy } from './parley-policy';
import { jsonResponse, samplePolicy, settle } from './test-support';

const fetchMock = jest.fn();
(globalThis as any).fetch = fetchMock;
defineParleyPolicy('https://parley.example');

async function mount(attrs: Record<string, string>): Promise<HTMLElement> {
  const el = document.createElement('parley-policy');
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  document.body.appendChild(el);
  await settle();
  return el;
}

const shadow = (el: HTMLElement) => el.shadowRoot!;

describe('<parley-policy>', () => {
  let slug = 0;
  const next = () => `practice-${++slug}`;

  beforeEach(() => {
    fetchMock.mockReset();
    document.body.textContent = '';
  });

  it('renders the title, policy, channels and form inside an open shadow root, and says it is ready', async () => {
    fetchMock.mockResolvedValue(jsonResponse(200, samplePolicy()));
    const ready = jest.fn();
    document.addEventListener('parley-policy-ready', ready);
    const practice = next();
    const el = await mount({ practice });

    expect(fetchMock).toHaveBeenCalledWith(
      `https://parley.example/public/practices/${practice}/policy`,
      expect.anything(),
    );
    const root = shadow(el);
    expect(root.querySelector('h2.t')!.textContent).toBe(
      'Wilmslow Health Centre Social Media Policy',
    );
    expect(root.querySelector('.meta')!.textContent).toBe(
      'Effective from 1 April 2025 (version 3).',
    );
    const channels = [...root.querySelectorAll('.ch li')].map((li) => li.textContent);
    expect(channels).toEqual([
      'Letter box at receptionLeave a note at reception.',
      'Email us: feedback@wilmslow.example',
    ]);
    expect(root.querySelector('.ch a')!.getAttribute('href')).toBe(
      'mailto:feedback@wilmslow.example',
    );
    expect(root.querySelector('section.form h3')!.textContent).toBe('Online feedback form');
    expect(root.querySelector('form textarea')).not.toBeNull();
    expect(el.getAttribute('data-parley-state')).toBe('ready');
    expect(ready).toHaveBeenCalledTimes(1);
    // Nothing of the policy leaks into the host page's own DOM.
    expect(el.children.length).toBe(0);
    document.removeEventListener('parley-policy-ready', ready);
  });

  it('honours heading-level for the title and the sections under it', async () => {
    fetchMock.mockResolvedValue(jsonResponse(200, samplePolicy()));
    const el = await mount({ practice: next(), 'heading-level': '3' });
    expect(shadow(el).querySelector('.t')!.tagName).toBe('H3');
    expect(shadow(el).querySelector('#pc-h')!.tagName).toBe('H4');
    expect(shadow(el).querySelector('#pf-h')!.tagName).toBe('H4');
  });

  it('offers no form when the practice has no online form channel', async () => {
    fetchMock.mockResolvedValue(
      jsonResponse(
        200,
        samplePolicy({
          channels: [{ kind: 'phone', label: 'Call', instructions: null, href: 'tel:01632960001' }],
        }),
      ),
    );
    const el = await mount({ practice: next() });
    expect(shadow(el).querySelector('form')).toBeNull();
    expect(shadow(el).querySelector('.ch a')!.textContent).toBe('Call: 01632960001');
  });

  it('never renders channel links with unsafe schemes', async () => {
    fetchMock.mockResolvedValue(
      jsonResponse(
        200,
        samplePolicy({
          channels: [
            {
              kind: 'nhs_website',
              label: '<b>NHS</b>',
              instructions: '<i>x</i>',
              href: 'javascript:alert(1)',
            },
          ],
        }),
      ),
    );
    const el = await mount({ practice: next() });
    const item = shadow(el).querySelector('.ch li')!;
    expect(item.querySelector('a')).toBeNull();
    expect(item.textContent).toBe('<b>NHS</b><i>x</i>');
  });

  it('falls back to a link to the hosted page when the policy cannot be loaded', async () => {
    fetchMock.mockRejectedValue(new TypeError('Failed to fetch'));
    const failed = jest.fn();
    document.addEventListener('parley-policy-error', failed);
    const practice = next();
    const el = await mount({ practice });
    const link = shadow(el).querySelector('a')!;
    expect(link.getAttribute('href')).toBe(`https://parley.example/p/${practice}`);
    expect(shadow(el).textContent).toContain('could not be shown here');
    expect(el.getAttribute('data-parley-state')).toBe('error');
    expect(failed).toHaveBeenCalledTimes(1);
    document.removeEventListener('parley-policy-error', failed);
  });

  it('says so, without a dead link, when the practice has nothing published', async () => {
    fetchMock.mockResolvedValue(jsonResponse(404, {}));
    const el = await mount({ practice: next() });
    expect(shadow(el).querySelector('a')).toBeNull();
    expect(shadow(el).textContent).toContain('has not published');
  });

  it('falls back without fetching when the slug is not one', async () => {
    const el = await mount({ practice: '../../graphql' });
    expect(fetchMock).not.toHaveBeenCalled();
    expect(el.getAttribute('data-parley-state')).toBe('error');
  });

  it('uses the origin attribute when given, and loads once for all attributes at upgrade', async () => {
    fetchMock.mockResolvedValue(jsonResponse(200, samplePolicy()));
    const practice = next();
    await mount({ practice, origin: 'https://other.example/', 'heading-level': '2' });
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(fetchMock.mock.calls[0][0]).toBe(
      `https://other.example/public/practices/${practice}/policy`,
    );
  });

  it('reloads when the practice changes, and ignores the answer for the old one', async () => {
    let resolveFirst: (r: Response) => void = () => undefined;
    fetchMock.mockImplementationOnce(() => new Promise((resolve) => (resolveFirst = resolve)));
    fetchMock.mockResolvedValueOnce(
      jsonResponse(200, samplePolicy({ title: 'Second', html: '<h2>Second</h2>' })),
    );
    const el = await mount({ practice: next() });
    el.setAttribute('practice', next());
    await settle();
    resolveFirst(jsonResponse(200, samplePolicy({ title: 'First', html: '<h2>First</h2>' })));
    await settle();
    expect(shadow(el).querySelector('.t')!.textContent).toBe('Second');
  });
});
