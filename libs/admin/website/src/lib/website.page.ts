import { DatePipe, DOCUMENT } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  InjectionToken,
  signal,
} from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { DomSanitizer } from '@angular/platform-browser';
import { RouterLink } from '@angular/router';
import { errorMessage, GraphqlClient, SessionStore } from '@parley/admin/data-access';
import { FormAlertComponent } from '@parley/admin/ui';
import { catchError, map, of, switchMap } from 'rxjs';
import {
  PublishedPolicyStatusDocument,
  type PublishedPolicyStatusQuery,
} from './generated/graphql';
import { SnippetComponent } from './snippet.component';

/** Parley's public address, as websites reach it: where the console is served from. */
export const PUBLIC_ORIGIN = new InjectionToken<string>('PUBLIC_ORIGIN', {
  providedIn: 'root',
  factory: () => inject(DOCUMENT).defaultView?.location.origin ?? '',
});

/** Keeps a slug usable in a URL and an HTML attribute whatever it holds (slugs are a-z0-9-). */
function safeSlug(slug: string): string {
  return encodeURIComponent(slug).replace(/'/g, '%27');
}

/**
 * The snippets that put the practice's published policy on its own website: the
 * `<parley-policy>` web component, an iframe, and the hosted page, each with a copy button, and
 * a live preview of the iframe.
 */
@Component({
  selector: 'parley-website-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DatePipe, RouterLink, FormAlertComponent, SnippetComponent],
  templateUrl: './website.page.html',
  styleUrl: './website.page.css',
})
export class WebsitePage {
  private readonly client = inject(GraphqlClient);
  private readonly session = inject(SessionStore);
  private readonly sanitizer = inject(DomSanitizer);
  private readonly origin = inject(PUBLIC_ORIGIN);

  protected readonly practiceName = computed(
    () => this.session.activePractice()?.name ?? 'the practice',
  );
  protected readonly slug = computed(() => safeSlug(this.session.activePractice()?.slug ?? ''));
  protected readonly hostedUrl = computed(() => `${this.origin}/p/${this.slug()}`);
  protected readonly iframeUrl = computed(() => `${this.hostedUrl()}?embed=1`);
  /** Our own origin and a URL-encoded slug: safe to frame, so Angular is told to trust it. */
  protected readonly previewUrl = computed(() =>
    this.sanitizer.bypassSecurityTrustResourceUrl(this.iframeUrl()),
  );

  protected readonly scriptSnippet = computed(
    () =>
      `<script src="${this.origin}/embed.js" async></script>\n` +
      `<parley-policy practice="${this.slug()}" style="display:block;min-height:40rem">\n` +
      `  <noscript>\n` +
      `    <p>Read <a href="${this.hostedUrl()}">our social media policy and how to give us feedback</a>.</p>\n` +
      `  </noscript>\n` +
      `</parley-policy>`,
  );
  protected readonly iframeSnippet = computed(
    () =>
      `<iframe src="${this.iframeUrl()}"\n` +
      `  title="Our social media policy and how to give us feedback"\n` +
      `  style="display:block;width:100%;height:40rem;border:0" loading="lazy"></iframe>`,
  );

  protected readonly published = signal<PublishedPolicyStatusQuery['currentPolicy'] | undefined>(
    undefined,
  );
  protected readonly loadError = signal<string | null>(null);

  constructor() {
    toObservable(this.session.activePracticeId)
      .pipe(
        switchMap(() =>
          this.client.request(PublishedPolicyStatusDocument, {}).pipe(
            map((r) => ({ current: r.currentPolicy })),
            catchError((error: unknown) => of({ error: errorMessage(error) })),
          ),
        ),
        takeUntilDestroyed(),
      )
      .subscribe((result) => {
        if ('error' in result) {
          this.loadError.set(result.error);
          return;
        }
        this.loadError.set(null);
        this.published.set(result.current);
      });
  }
}
