import { NotFound, type PublicPolicy, isSlug, loadPolicy, normaliseBase } from './api';
import { h, headingTag, safeHref } from './dom';
import { feedbackForm } from './feedback-form';
import { policyFragment } from './policy-html';
import { applyStyles } from './styles';

export type State = 'loading' | 'ready' | 'error';

/**
 * `<parley-policy practice="slug">`: a practice's published social media policy, its feedback
 * channels and (when the practice offers it) the online feedback form, in Shadow DOM.
 *
 * Attributes: `practice` (slug, required), `heading-level` (of the title, 1–6, default 2),
 * `origin` (Parley's address, when it is not where the script came from).
 * Sets `data-parley-state` (loading, ready, error) on itself and fires `parley-policy-ready` or
 * `parley-policy-error` (bubbling) when it has rendered.
 */
export function defineParleyPolicy(defaultBase: string | null): void {
  if (typeof customElements === 'undefined' || customElements.get('parley-policy')) return;

  class ParleyPolicy extends HTMLElement {
    static get observedAttributes(): string[] {
      return ['practice', 'heading-level', 'origin'];
    }

    private readonly view: HTMLElement;
    private run = 0;
    private queued = false;

    constructor() {
      super();
      const root = this.attachShadow({ mode: 'open' });
      applyStyles(root);
      this.view = h('div', { class: 'w', part: 'container', lang: 'en-GB' });
      root.appendChild(this.view);
    }

    connectedCallback(): void {
      this.queue();
    }

    attributeChangedCallback(): void {
      this.queue();
    }

    /** Attribute callbacks arrive one by one at upgrade: load once for all of them. */
    private queue(): void {
      if (this.queued) return;
      this.queued = true;
      Promise.resolve().then(() => {
        this.queued = false;
        if (this.isConnected) this.load();
      });
    }

    private load(): void {
      const run = ++this.run;
      const slug = (this.getAttribute('practice') || '').trim();
      const origin = this.getAttribute('origin') || this.getAttribute('data-parley-origin');
      const base = origin ? normaliseBase(origin) : defaultBase;
      const level = Math.min(6, Math.max(1, Number(this.getAttribute('heading-level')) || 2));
      if (!base || !isSlug(slug)) return this.fail(base, null, false);

      this.state('loading');
      this.view.setAttribute('aria-busy', 'true');
      this.show(h('p', { class: 'vh' }, 'Loading the practice’s social media policy'));
      loadPolicy(base, slug).then(
        (policy) => {
          if (run !== this.run) return;
          try {
            this.render(policy, base, slug, level);
          } catch {
            this.fail(base, slug, false);
          }
        },
        (error: unknown) => {
          if (run === this.run) this.fail(base, slug, error instanceof NotFound);
        },
      );
    }

    private render(policy: PublicPolicy, base: string, slug: string, level: number): void {
      const sub = Math.min(6, level + 1);
      const form = policy.channels.filter((c) => c.kind === 'online_form')[0];
      const listed = policy.channels.filter((c) => c.kind !== 'online_form' || safeHref(c.href));
      const list = h('ul', { class: 'ch' });
      for (const channel of listed) {
        const href = safeHref(channel.href);
        list.appendChild(
          h(
            'li',
            null,
            href
              ? h(
                  'a',
                  { class: 'l', href, rel: 'noopener noreferrer' },
                  channel.label,
                  linkDetail(href),
                )
              : h('span', { class: 'l' }, channel.label),
            channel.instructions && h('p', null, channel.instructions),
          ),
        );
      }
      this.show(
        policyFragment(policy.html, policy.title, level),
        h(
          'p',
          { class: 'meta' },
          `Effective from ${displayDate(policy.effectiveDate)} (version ${policy.version}).`,
        ),
        listed.length > 0 &&
          h(
            'section',
            { 'aria-labelledby': 'pc-h', part: 'channels' },
            h(headingTag(sub), { id: 'pc-h' }, 'How to contact us'),
            list,
          ),
        form &&
          feedbackForm({
            base,
            slug,
            practiceName: policy.practiceName,
            level: sub,
            label: form.label,
            instructions: form.instructions,
          }),
      );
      this.view.removeAttribute('aria-busy');
      this.state('ready');
    }

    /** The readable fallback: what happened, and the hosted page when there is one to go to. */
    private fail(base: string | null, slug: string | null, notFound: boolean): void {
      const page = base && slug && !notFound ? `${base}/p/${slug}` : null;
      this.view.removeAttribute('aria-busy');
      this.show(
        h(
          'div',
          { class: 'fb', part: 'fallback' },
          h(
            'p',
            null,
            notFound
              ? 'This practice has not published a social media policy here yet.'
              : 'The practice’s social media policy could not be shown here.',
          ),
          page
            ? h(
                'p',
                null,
                h('a', { href: page }, 'Read the policy and how to give feedback on its own page'),
              )
            : h('p', null, 'Please contact the practice directly.'),
        ),
      );
      this.state('error');
    }

    private show(...nodes: (Node | false | null | undefined | '')[]): void {
      this.view.textContent = '';
      for (const node of nodes) if (node) this.view.appendChild(node);
    }

    private state(state: State): void {
      this.setAttribute('data-parley-state', state);
      if (state !== 'loading')
        this.dispatchEvent(new CustomEvent(`parley-policy-${state}`, { bubbles: true }));
    }
  }

  customElements.define('parley-policy', ParleyPolicy);
}

/** Shows the address of an email or phone link, so it can be read out or copied. */
function linkDetail(href: string): string {
  const match = /^(mailto|tel):(.*)$/i.exec(href);
  if (!match) return '';
  try {
    return `: ${decodeURIComponent(match[2])}`;
  } catch {
    return `: ${match[2]}`;
  }
}

const MONTHS =
  'January February March April May June July August September October November December'.split(
    ' ',
  );

/** `2025-04-01` → `1 April 2025`. Not Intl: its first use loads locale data, tens of ms of main thread. */
export function displayDate(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  const month = match ? MONTHS[Number(match[2]) - 1] : undefined;
  return match && month ? `${Number(match[3])} ${month} ${match[1]}` : iso;
}
