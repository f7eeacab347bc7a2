import { escapeHtml } from '@parley/shared/policy-render';
import {
  errorSummary,
  PAGE_FORM_STYLE,
  type PageFormState,
  pageFormSection,
} from './public-page-form.html';
import type { PublicChannel, PublicPolicy } from './policy.types';
import { sanitizePolicyHtmlForPage } from './safe-html';

export interface PublicPageOptions {
  /** Chrome-less variant for an iframe on the practice's own website. */
  embed: boolean;
  /** The practice's address, for the form's action. */
  slug: string;
  /** The online form's state, when the practice offers one (refilled, problems, thank-you). */
  form?: PageFormState;
}

/** Where the hosted page's form posts (and, for the iframe, keeps to the iframe variant). */
export function pageFormAction(slug: string, embed: boolean): string {
  return `/p/${encodeURIComponent(slug)}/feedback${embed ? '?embed=1' : ''}`;
}

// NHS-style palette: text #212b32 on white is 14.9:1, links #005eb8 are 5.9:1, focus is
// yellow with a dark underline so it shows on any background.
const STYLE = `
*,*::before,*::after{box-sizing:border-box}
html{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;font-size:100%;line-height:1.5;color:#212b32;background:#fff}
body{margin:0}
.wrap{max-width:44rem;margin:0 auto;padding:1rem 1.25rem}
.skip-link{position:absolute;left:-9999px;top:0;padding:.75rem 1rem;background:#ffeb3b;color:#212b32;font-weight:600;z-index:10}
.skip-link:focus{left:0}
.site-header{background:#005eb8;color:#fff}
.site-header .wrap{padding-top:.75rem;padding-bottom:.75rem}
.site-name{margin:0;font-size:1.125rem;font-weight:600}
main:focus{outline:none}
h1{font-size:2rem;line-height:1.25;margin:1rem 0}
h2{font-size:1.5rem;line-height:1.3;margin:2rem 0 .75rem}
h3,h4,h5,h6{font-size:1.25rem;margin:1.5rem 0 .5rem}
p,li{max-width:40em}
ol,ul{padding-left:1.5rem}
li{margin-bottom:.5rem}
a{color:#005eb8;text-decoration:underline;text-underline-offset:.15em}
a:visited{color:#330072}
a:hover{color:#7c2855;text-decoration-thickness:3px}
a:focus-visible{outline:3px solid transparent;background:#ffeb3b;color:#212b32;box-shadow:0 -2px #ffeb3b,0 4px #212b32;text-decoration:none}
.meta{color:#4c6272;margin:.25rem 0 1.5rem}
.channels{list-style:none;padding:0}
.channels li{border-left:4px solid #005eb8;padding:.25rem 0 .25rem 1rem;margin-bottom:1rem}
.channel-label{font-weight:600;display:block}
.channel-instructions{margin:.25rem 0 0}
.parley-policy-sign-off{font-style:italic}
.vh{position:absolute;width:1px;height:1px;margin:-1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.site-footer{border-top:1px solid #d8dde0;margin-top:2rem;color:#4c6272;font-size:.875rem}
${PAGE_FORM_STYLE}
@media (prefers-color-scheme:dark){html{color:#f0f4f5;background:#1a1f22}a{color:#8cc8ff}a:visited{color:#d3b6ff}.meta,.site-footer,.hint{color:#c5ced3}a:focus-visible{color:#212b32}.error-message{color:#ff9c92}}
`;

/** The hosted policy page: server-rendered, no script, readable without CSS. */
export function renderPublicPage(policy: PublicPolicy, options: PublicPageOptions): string {
  const name = escapeHtml(policy.practiceName);
  const body = [
    `<main id="main" tabindex="-1"><div class="wrap">`,
    // The snapshot's title is an h2; on its own page it is the h1.
    sanitizePolicyHtmlForPage(policy.html),
    `<p class="meta">Effective from ${escapeHtml(displayDate(policy.effectiveDate))} (version ${policy.version}).</p>`,
    channelsSection(policy.channels.filter((c) => c.kind !== 'online_form' || c.href)),
    formSection(policy, options),
    `</div></main>`,
  ];
  const chrome = options.embed
    ? body
    : [
        `<a class="skip-link" href="#main">Skip to main content</a>`,
        `<header class="site-header"><div class="wrap"><p class="site-name">${name}</p></div></header>`,
        ...body,
        `<footer class="site-footer"><div class="wrap"><p>Published by ${name} with Parley.</p></div></footer>`,
      ];
  // In an iframe, links open outside it: the host page stays where it is.
  const base = options.embed ? '<base target="_blank">' : '';
  return page(`${escapeHtml(policy.title)} – ${name}`, base, chrome.join('\n'));
}

export function renderNotFoundPage(): string {
  return page(
    'Policy not found – Parley',
    '',
    [
      `<a class="skip-link" href="#main">Skip to main content</a>`,
      `<main id="main" tabindex="-1"><div class="wrap">`,
      `<h1>Policy not found</h1>`,
      `<p>There is no published policy at this address. Check the link, or contact the practice directly.</p>`,
      `</div></main>`,
    ].join('\n'),
  );
}

function page(title: string, head: string, body: string): string {
  return (
    `<!doctype html>\n<html lang="en-GB">\n<head>\n<meta charset="utf-8">\n` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">\n${head}` +
    `<title>${title}</title>\n<style>${STYLE}</style>\n</head>\n<body>\n${body}\n</body>\n</html>\n`
  );
}

/** The practice's online form, when it offers one: posts to Parley, no script needed. */
function formSection(policy: PublicPolicy, options: PublicPageOptions): string {
  const channel = policy.channels.find((c) => c.kind === 'online_form');
  // A post to a practice that offers no form (any more): say so, with no form to fill in.
  if (!channel) return errorSummary(options.form?.problems ?? []);
  return pageFormSection(
    channel,
    pageFormAction(options.slug, options.embed),
    policy.practiceName,
    options.form,
  );
}

function channelsSection(channels: PublicChannel[]): string {
  if (channels.length === 0) return '';
  const items = channels.map((c) => {
    const label = escapeHtml(c.label);
    const link = c.href && /^(https?|mailto|tel):/i.test(c.href) ? c.href : null;
    const heading = link
      ? `<a class="channel-label" href="${escapeHtml(link)}" rel="noopener noreferrer">${label}${linkDetail(link)}</a>`
      : `<span class="channel-label">${label}</span>`;
    const instructions = c.instructions
      ? `<p class="channel-instructions">${escapeHtml(c.instructions)}</p>`
      : '';
    return `<li>${heading}${instructions}</li>`;
  });
  return `<section aria-labelledby="channels-heading"><h2 id="channels-heading">How to contact us</h2><ul class="channels">${items.join('')}</ul></section>`;
}

/** Shows the address of an email or phone link, so it can be copied or read out. */
function linkDetail(href: string): string {
  const match = /^(mailto|tel):(.*)$/i.exec(href);
  if (!match) return '';
  let address = match[2];
  try {
    address = decodeURIComponent(address);
  } catch {
    // Leave it as written.
  }
  return `: ${escapeHtml(address)}`;
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

function displayDate(iso: string): string {
  const [year, month, day] = iso.split('-').map(Number);
  return MONTHS[month - 1] ? `${day} ${MONTHS[month - 1]} ${year}` : iso;
}
