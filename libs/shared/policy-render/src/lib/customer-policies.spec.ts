import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CUSTOMER_POLICIES, CustomerPolicy, customerRenderContext } from './customer-policies';
import { checkPolicy } from './policy-check';
import { validatePolicyDocument } from './policy-document';
import { renderPolicyHtml, renderPolicyText } from './render';

const LIBRARY_ROOT = join(__dirname, '..', '..');
const SCRAPED_CHROME = 'Social Share Buttons and Icons powered by Ultimatelysocial';

/** Whitespace differences are not wording: NBSPs and double spaces come from the web pages. */
function normalise(text: string): string {
  return text
    .split(/\r?\n/)
    .map((line) => line.replace(/[ \t\u00a0]+/g, ' ').trim())
    .filter((line) => line !== '')
    .join('\n');
}

function sourceText(policy: CustomerPolicy): string {
  const lines = normalise(readFileSync(join(LIBRARY_ROOT, policy.fixtureFile), 'utf8')).split('\n');
  if (policy.slug === 'wilmslow-health-centre') {
    // Website chrome scraped with the page, not policy: it must be the last line, and only it goes.
    expect(lines[lines.length - 1]).toBe(SCRAPED_CHROME);
    lines.pop();
  }
  return lines.join('\n');
}

function bySlug(slug: CustomerPolicy['slug']): CustomerPolicy {
  const policy = CUSTOMER_POLICIES.find((p) => p.slug === slug);
  if (!policy) throw new Error(`no customer policy ${slug}`);
  return policy;
}

describe('customer policies', () => {
  it('covers both customers', () => {
    expect(CUSTOMER_POLICIES.map((p) => p.slug)).toEqual([
      'wilmslow-health-centre',
      'trumpington-street',
    ]);
  });

  describe.each(CUSTOMER_POLICIES.map((p) => [p.slug, p] as const))('%s', (_slug, policy) => {
    it('renders the customer document word for word', () => {
      const rendered = renderPolicyText(policy.document, customerRenderContext(policy));
      expect(normalise(rendered)).toBe(sourceText(policy));
    });

    it('is a valid document that survives a jsonb round trip', () => {
      const stored: unknown = JSON.parse(JSON.stringify(policy.document));
      expect(validatePolicyDocument(stored)).toEqual({ ok: true, document: policy.document });
    });

    it('numbers exactly the three routes of the source, all from the channel list', () => {
      const text = renderPolicyText(policy.document, customerRenderContext(policy));
      expect(text.match(/^\d+\. /gm)).toEqual(['1. ', '2. ', '3. ']);
      expect(policy.document.blocks.some((b) => b.type === 'numberedList')).toBe(false);
      const html = renderPolicyHtml(policy.document, customerRenderContext(policy));
      expect(html.match(/<li>/g)).toHaveLength(3);
    });

    it('is only warned about removal without a warning step', () => {
      const ctx = customerRenderContext(policy);
      const warnings = checkPolicy(policy.document, {
        ...ctx,
        enabledChannelKinds: policy.channels.filter((c) => c.enabled).map((c) => c.kind),
      });
      expect(warnings.map((w) => w.code)).toEqual(['REMOVAL_WITHOUT_WARNING']);
    });
  });

  it('uses the practice name field in the Wilmslow title', () => {
    const wilmslow = bySlug('wilmslow-health-centre');
    expect(wilmslow.document.title).toBe('{{practiceName}} Social Media Policy');
    const text = renderPolicyText(wilmslow.document, customerRenderContext(wilmslow));
    expect(text.split('\n')[0]).toBe('Wilmslow Health Centre Social Media Policy');
    expect(wilmslow.document.blocks.some((b) => b.type === 'signOff')).toBe(false);
  });

  it('renders the Trumpington sign-off from the name and effective date', () => {
    const trumpington = bySlug('trumpington-street');
    const text = renderPolicyText(trumpington.document, customerRenderContext(trumpington));
    expect(text.split('\n').pop()).toBe('Trumpington Street Medical Practice: August 2020');
    expect(trumpington.document.blocks).toContainEqual({
      type: 'signOff',
      text: '{{practiceName}}: {{effectiveMonthYear}}',
    });
  });

  it('offers the Trumpington email routes in the embed without numbering them in the policy', () => {
    const ctx = customerRenderContext(bySlug('trumpington-street'));
    const emails = ctx.channels.filter((c) => c.kind === 'email');
    expect(emails.map((c) => [c.label, c.href, c.enabled, c.showInPolicy])).toEqual([
      ['Email the practice', 'mailto:enquiries@trumpington-street.example', true, false],
      [
        'Email the practice manager',
        'mailto:practice.manager@trumpington-street.example',
        true,
        false,
      ],
    ]);
    const nhs = ctx.channels.find((c) => c.kind === 'nhs_website');
    expect(nhs?.href).toMatch(/^https:\/\/www\.nhs\.uk\/services\/gp-surgery\//);
  });

  it('keeps curly quotes and en dashes from the source', () => {
    const text = renderPolicyText(
      bySlug('wilmslow-health-centre').document,
      customerRenderContext(bySlug('wilmslow-health-centre')),
    );
    expect(text).toContain('leave a ‘star’ rating and a comment – once again');
    expect(text).toContain('another patient’s opportunity');
  });
});
