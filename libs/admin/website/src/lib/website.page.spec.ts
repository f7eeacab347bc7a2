import { Clipboard } from '@angular/cdk/clipboard';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { ApiError, FIXTURE_SIGN_INS, GraphqlClient, SessionStore } from '@parley/admin/data-access';
import type { DocumentNode } from 'graphql';
import { type Observable, of, throwError } from 'rxjs';
import { PublishedPolicyStatusDocument } from './generated/graphql';
import { PUBLIC_ORIGIN, WebsitePage } from './website.page';

const PUBLISHED = {
  id: 'v2',
  versionNumber: 2,
  effectiveDate: '2025-04-01',
  publishedAt: '2025-03-31T10:00:00Z',
};

class FakeClient {
  readonly calls: DocumentNode[] = [];
  constructor(private readonly respond: () => Observable<unknown>) {}
  request(document: DocumentNode) {
    this.calls.push(document);
    return document === PublishedPolicyStatusDocument
      ? this.respond()
      : throwError(() => new Error('unexpected operation'));
  }
}

describe('WebsitePage', () => {
  let fixture: ComponentFixture<WebsitePage>;
  let el: HTMLElement;
  let writeText: jest.Mock;
  let fallbackCopy: jest.Mock;

  async function settle() {
    await new Promise((resolve) => setTimeout(resolve));
    await fixture.whenStable();
  }
  const snippet = (label: string) => {
    const labelEl = Array.from(el.querySelectorAll('label')).find(
      (l) => l.textContent?.trim() === label,
    );
    return el.querySelector(`[id="${labelEl?.getAttribute('for')}"]`) as HTMLTextAreaElement;
  };
  const copyButton = (name: string) =>
    Array.from(el.querySelectorAll<HTMLButtonElement>('button')).find(
      (b) => b.textContent?.trim() === name,
    ) as HTMLButtonElement;

  async function render(
    respond: () => Observable<unknown> = () => of({ currentPolicy: PUBLISHED }),
  ) {
    sessionStorage.clear();
    writeText = jest.fn().mockResolvedValue(undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    fallbackCopy = jest.fn().mockReturnValue(true);
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        { provide: GraphqlClient, useValue: new FakeClient(respond) },
        { provide: PUBLIC_ORIGIN, useValue: 'https://parley.example' },
        { provide: Clipboard, useValue: { copy: fallbackCopy } },
      ],
    });
    TestBed.inject(SessionStore).start(FIXTURE_SIGN_INS.manager());
    fixture = TestBed.createComponent(WebsitePage);
    el = fixture.nativeElement;
    await settle();
  }

  it('gives the script snippet with the practice slug, reserved space and noscript guidance', async () => {
    await render();
    expect(snippet('Web component snippet').value).toBe(
      [
        '<script src="https://parley.example/embed.js" async></script>',
        '<parley-policy practice="wilmslow" style="display:block;min-height:40rem">',
        '  <noscript>',
        '    <p>Read <a href="https://parley.example/p/wilmslow">our social media policy and how to give us feedback</a>.</p>',
        '  </noscript>',
        '</parley-policy>',
      ].join('\n'),
    );
    expect(snippet('Web component snippet').readOnly).toBe(true);
  });

  it('gives the iframe snippet, a live preview of it and the hosted page link', async () => {
    await render();
    expect(snippet('Iframe snippet').value).toContain(
      '<iframe src="https://parley.example/p/wilmslow?embed=1"',
    );
    expect(snippet('Iframe snippet').value).toContain(
      'title="Our social media policy and how to give us feedback"',
    );
    const preview = el.querySelector('iframe.preview') as HTMLIFrameElement;
    expect(preview.getAttribute('src')).toBe('https://parley.example/p/wilmslow?embed=1');
    expect(preview.title).toBe('Preview: Wilmslow Health Centre policy as the iframe shows it');
    expect(snippet('Hosted page link').value).toBe('https://parley.example/p/wilmslow');
    expect(el.querySelector('a[target="_blank"]')?.getAttribute('href')).toBe(
      'https://parley.example/p/wilmslow',
    );
    expect(el.textContent).toContain('The snippets show version 2, in effect from 1 April 2025.');
  });

  it('copies with the Clipboard API and says so in a live region', async () => {
    await render();
    const section = el.querySelector('section[aria-labelledby="website-iframe"]') as HTMLElement;
    expect(section.querySelector('[role="status"]')?.textContent).toBe('');
    copyButton('Copy iframe').click();
    await settle();
    expect(writeText).toHaveBeenCalledWith(snippet('Iframe snippet').value);
    expect(fallbackCopy).not.toHaveBeenCalled();
    expect(section.querySelector('[role="status"]')?.textContent).toBe('Copied to the clipboard.');
  });

  it('falls back to the copy command when the Clipboard API refuses, and says when nothing worked', async () => {
    await render();
    writeText.mockRejectedValue(new DOMException('denied', 'NotAllowedError'));
    copyButton('Copy link').click();
    await settle();
    expect(fallbackCopy).toHaveBeenCalledWith('https://parley.example/p/wilmslow');
    const status = () =>
      el.querySelector('section[aria-labelledby="website-hosted"] [role="status"]')?.textContent;
    expect(status()).toBe('Copied to the clipboard.');

    fallbackCopy.mockReturnValue(false);
    copyButton('Copy link').click();
    await settle();
    expect(status()).toContain('select the text and copy it yourself');
  });

  it('warns when nothing is published yet', async () => {
    await render(() => of({ currentPolicy: null }));
    expect(el.textContent).toContain('Nothing is published yet');
  });

  it('shows a failure to check the published version', async () => {
    await render(() =>
      throwError(() => new ApiError('NETWORK_ERROR', 'Parley could not be reached.')),
    );
    expect(el.querySelector('[role="alert"]')?.textContent).toContain(
      'Parley could not be reached.',
    );
    expect(snippet('Hosted page link').value).toBe('https://parley.example/p/wilmslow');
  });
});
