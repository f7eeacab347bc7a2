import { PolicyDocument, RenderChannel, RenderContext } from './policy-document';
import { renderPolicy, renderPolicyHtml, renderPolicyText } from './render';

const ctx: RenderContext = {
  practiceName: 'Oak Lane Surgery',
  effectiveDate: '2020-08-01',
  channels: [],
  escalationSteps: [],
};

function doc(...blocks: PolicyDocument['blocks']): PolicyDocument {
  return { title: 'Policy', blocks };
}

function channel(policyText: string, extra: Partial<RenderChannel> = {}): RenderChannel {
  return { kind: 'in_person', label: policyText, policyText, ...extra };
}

/** Every tag the renderer may emit; anything else in the output means markup got through. */
const ALLOWED_TAG =
  /^<\/?(?:article|h[1-6]|p|ol|li|em|strong|a)(?: class="[a-z-]+"| href="[^"<>]*" rel="noopener noreferrer nofollow")?>$/;

function tagsOf(html: string): string[] {
  return html.match(/<[^>]*>/g) ?? [];
}

describe('renderPolicyHtml: escaping', () => {
  const hostile = [
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    '[x](javascript:alert(1))',
    '[x](JaVaScRiPt:alert(1))',
    '"><svg onload=alert(1)>',
    "'><svg onload=alert(1)>",
    '[x](data:text/html,<script>alert(1)</script>)',
    '[x](//evil.example/)',
    '[x](/relative/path)',
    '[x](vbscript:msgbox(1))',
    '[x](java\tscript:alert(1))',
    '[x](https://ok.example/" onmouseover="alert(1))',
    '**<b>bold</b>** and *<i>em</i>*',
  ];

  it.each(hostile)('emits only known tags and no scriptable attribute for %s', (input) => {
    const withEverything = doc(
      { type: 'paragraph', text: input },
      { type: 'heading', text: input },
      { type: 'numberedList', items: [input] },
      { type: 'channelList', intro: input },
      { type: 'signOff', text: input },
    );
    const html = renderPolicyHtml(
      { ...withEverything, title: input },
      {
        ...ctx,
        practiceName: input,
        channels: [channel(input)],
        escalationSteps: [input],
      },
    );
    for (const tag of tagsOf(html)) expect(tag).toMatch(ALLOWED_TAG);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<(?:img|svg|b|i)\b/i);
    expect(html).not.toMatch(/href="(?!https?:|mailto:|tel:)/i);
  });

  it('escapes all five HTML-special characters', () => {
    const html = renderPolicyHtml(doc({ type: 'paragraph', text: `Tom & Jerry's "<pets>"` }), ctx);
    expect(html).toContain('<p>Tom &amp; Jerry&#39;s &quot;&lt;pets&gt;&quot;</p>');
  });

  it('shows a refused link as its literal source text', () => {
    const html = renderPolicyHtml(
      doc({ type: 'paragraph', text: '[x](javascript:alert(1))' }),
      ctx,
    );
    expect(html).toContain('<p>[x](javascript:alert(1))</p>');
    expect(html).not.toContain('<a ');
  });

  it('renders allowed links with rel and an escaped href', () => {
    const text =
      '[web](https://example.org/a?b=1&c=2) [mail](mailto:practice@example.org) [call](tel:+441234567890) [plain](http://example.org)';
    const html = renderPolicyHtml(doc({ type: 'paragraph', text }), ctx);
    expect(html).toContain(
      '<a href="https://example.org/a?b=1&amp;c=2" rel="noopener noreferrer nofollow">web</a>',
    );
    expect(html).toContain(
      '<a href="mailto:practice@example.org" rel="noopener noreferrer nofollow">mail</a>',
    );
    expect(html).toContain(
      '<a href="tel:+441234567890" rel="noopener noreferrer nofollow">call</a>',
    );
    expect(html).toContain(
      '<a href="http://example.org" rel="noopener noreferrer nofollow">plain</a>',
    );
  });

  it('renders emphasis, strong and emphasis inside a link label', () => {
    const text = 'a *soft* b **loud** c [*see* **here**](https://example.org) d';
    expect(renderPolicyHtml(doc({ type: 'paragraph', text }), ctx)).toContain(
      '<p>a <em>soft</em> b <strong>loud</strong> c <a href="https://example.org" rel="noopener noreferrer nofollow"><em>see</em> <strong>here</strong></a> d</p>',
    );
  });

  it('leaves unmatched or spaced markers as literal text', () => {
    const text = '5 * 3 = 15, a lone [ and ** nothing ** here, *unclosed';
    expect(renderPolicyHtml(doc({ type: 'paragraph', text }), ctx)).toContain(`<p>${text}</p>`);
  });

  it('never turns a practice name into markup', () => {
    const html = renderPolicyHtml(doc({ type: 'paragraph', text: '{{practiceName}}' }), {
      ...ctx,
      practiceName: '*Star* [Surgery](https://evil.example) <b>',
    });
    expect(html).toContain('<p>*Star* [Surgery](https://evil.example) &lt;b&gt;</p>');
  });
});

describe('renderPolicyHtml: structure', () => {
  it('wraps the policy in an article with an h2 title by default', () => {
    const html = renderPolicyHtml(
      doc({ type: 'heading', text: 'Routes' }, { type: 'paragraph', text: 'Hi' }),
      ctx,
    );
    expect(html).toBe(
      '<article class="parley-policy"><h2>Policy</h2><h3>Routes</h3><p>Hi</p></article>',
    );
  });

  it.each([1, 2, 3, 4, 5] as const)(
    'puts the title at level %i and sub-headings one below',
    (level) => {
      const html = renderPolicyHtml(doc({ type: 'heading', text: 'Sub' }), ctx, {
        headingLevel: level,
      });
      expect(html).toContain(`<h${level}>Policy</h${level}><h${level + 1}>Sub</h${level + 1}>`);
    },
  );

  it('refuses heading levels outside 1 to 5', () => {
    for (const level of [0, 6, 2.5]) {
      expect(() => renderPolicyHtml(doc(), ctx, { headingLevel: level as 1 })).toThrow(RangeError);
    }
  });

  it('renders lists, channel lists and escalation steps as ordered lists', () => {
    const html = renderPolicyHtml(
      doc(
        { type: 'numberedList', items: ['one', 'two'] },
        { type: 'channelList', intro: 'Routes:' },
        { type: 'escalationSteps' },
        { type: 'signOff', text: 'Bye' },
      ),
      { ...ctx, channels: [channel('Tell us')], escalationSteps: ['Discuss', 'Warn'] },
    );
    expect(html).toContain(
      '<ol><li>one</li><li>two</li></ol><p>Routes:</p><ol><li>Tell us</li></ol><ol><li>Discuss</li><li>Warn</li></ol><p class="parley-policy-sign-off">Bye</p>',
    );
  });
});

describe('renderPolicyText', () => {
  it('puts the title first, a blank line between blocks and numbers list items', () => {
    const text = renderPolicyText(
      doc(
        { type: 'paragraph', text: 'Read *this* and **that** at [our site](https://example.org).' },
        { type: 'numberedList', items: ['one', 'two'] },
        { type: 'channelList', intro: 'Routes:' },
      ),
      { ...ctx, channels: [channel('Tell us'), channel('Write to us')] },
    );
    expect(text).toBe(
      'Policy\n\nRead this and that at our site.\n\n1. one\n2. two\n\nRoutes:\n\n1. Tell us\n2. Write to us',
    );
  });

  it('leaves out switched-off and embed-only channels, and drops an empty list with its intro', () => {
    const channels = [
      channel('Shown'),
      channel('Off', { enabled: false }),
      channel('Embed only', { showInPolicy: false }),
    ];
    const list = doc(
      { type: 'channelList', intro: 'Use:' },
      { type: 'escalationSteps', intro: 'Steps:' },
    );
    expect(renderPolicyText(list, { ...ctx, channels })).toBe('Policy\n\nUse:\n\n1. Shown');
    expect(renderPolicyText(list, { ...ctx, channels: channels.slice(1) })).toBe('Policy');
  });

  it('skips block types it does not know instead of failing the public page', () => {
    const stored = {
      title: 'Policy',
      blocks: [
        { type: 'video', url: 'x' },
        { type: 'paragraph', text: 'Hi' },
      ],
    };
    expect(renderPolicyText(stored as unknown as PolicyDocument, ctx)).toBe('Policy\n\nHi');
  });
});

describe('template fields', () => {
  const fields = doc({
    type: 'paragraph',
    text: '{{practiceName}} | {{effectiveDate}} | {{effectiveMonthYear}}',
  });

  it('fills in the practice name and formatted dates', () => {
    expect(renderPolicyText(fields, ctx)).toBe(
      'Policy\n\nOak Lane Surgery | 1 August 2020 | August 2020',
    );
    expect(renderPolicyText(fields, { ...ctx, effectiveDate: '2024-02-29' })).toContain(
      '29 February 2024 | February 2024',
    );
  });

  it('works in the title, in HTML and escaped there', () => {
    const html = renderPolicyHtml(
      { title: '{{practiceName}} Policy', blocks: [] },
      { ...ctx, practiceName: 'A & B' },
    );
    expect(html).toBe('<article class="parley-policy"><h2>A &amp; B Policy</h2></article>');
  });

  it('leaves unknown or malformed fields literal', () => {
    const text = renderPolicyText(
      doc({ type: 'paragraph', text: '{{practiceNmae}} {{ practiceName }} {practiceName}' }),
      ctx,
    );
    expect(text).toBe('Policy\n\n{{practiceNmae}} {{ practiceName }} {practiceName}');
  });

  it('refuses an effective date that is not a real ISO date', () => {
    for (const effectiveDate of ['2020-13-01', '2023-02-29', '1/8/2020', '']) {
      expect(() => renderPolicyText(fields, { ...ctx, effectiveDate })).toThrow(RangeError);
    }
  });
});

describe('renderPolicy', () => {
  it('returns both renderings with the same options', () => {
    const d = doc({ type: 'paragraph', text: '*Hi*' });
    expect(renderPolicy(d, ctx, { headingLevel: 3 })).toEqual({
      html: renderPolicyHtml(d, ctx, { headingLevel: 3 }),
      text: 'Policy\n\nHi',
    });
  });
});
