import { escapeHtml } from '@parley/shared/policy-render';
import type { PublicChannel } from './policy.types';

/** The fields of the hosted page's form: the same names as the public feedback route's JSON. */
export const PAGE_FORM_FIELDS = ['message', 'kind', 'name', 'email', 'phone', 'website'] as const;
export type PageFormField = (typeof PAGE_FORM_FIELDS)[number];
export type PageFormValues = Partial<Record<PageFormField, string>>;

export interface PageFormProblem {
  /** The field the problem is about; null for the form as a whole (e.g. too many submissions). */
  field: PageFormField | null;
  message: string;
}

/** What the form shows: empty, refilled with problems, or the thank-you after a submission. */
export interface PageFormState {
  values?: PageFormValues;
  problems?: PageFormProblem[];
  /** The reference of a submission that was received. */
  sentReference?: string;
}

const KINDS: [string, string][] = [
  ['', 'Choose one (optional)'],
  ['compliment', 'Compliment'],
  ['suggestion', 'Comment or suggestion'],
  ['complaint', 'Complaint'],
];

const URGENT_HINT =
  'This form is not for medical help or appointments. If you need help urgently, call NHS 111, or 999 in an emergency.';

export const PAGE_FORM_STYLE = `
.form-section{margin-top:2rem}
.field{margin:0 0 1.5rem}
.field label{display:block;font-weight:600;margin-bottom:.25rem}
.hint{display:block;color:#4c6272;margin-bottom:.25rem}
.field input,.field select,.field textarea{font:inherit;width:100%;max-width:32rem;padding:.4rem;border:2px solid #4c6272;border-radius:0;background:#fff;color:#212b32}
.field textarea{min-height:8rem}
.field input:focus,.field select:focus,.field textarea:focus{outline:3px solid #ffeb3b;box-shadow:inset 0 0 0 2px #212b32}
.field-error input,.field-error select,.field-error textarea{border-color:#d5281b}
.field-error{border-left:4px solid #d5281b;padding-left:1rem}
.error-message{display:block;color:#d5281b;font-weight:600;margin-bottom:.25rem}
.error-summary{border:4px solid #d5281b;padding:1rem;margin:1rem 0 1.5rem}
.error-summary:focus{outline:3px solid #ffeb3b}
.error-summary h2{margin-top:0;font-size:1.25rem}
.sent{border:4px solid #007f3b;padding:1rem;margin:1rem 0}
.sent h2{margin-top:0}
.button{font:inherit;font-weight:600;background:#007f3b;color:#fff;border:0;border-bottom:4px solid #00401e;padding:.6rem 1rem;cursor:pointer}
.button:focus{outline:3px solid #ffeb3b;box-shadow:0 4px #212b32}
.hp{position:absolute;left:-9999px;width:1px;height:1px;overflow:hidden}
`;

/**
 * The online form on the hosted page and its iframe variant: plain HTML that posts to the
 * server, so it works where no script can run. Errors follow the NHS pattern: a summary that
 * links to each field, and the message beside the field it is about.
 */
export function pageFormSection(
  channel: PublicChannel,
  action: string,
  practiceName: string,
  state: PageFormState = {},
): string {
  const heading = escapeHtml(channel.label || 'Send us your feedback');
  const intro = channel.instructions ? `<p>${escapeHtml(channel.instructions)}</p>` : '';
  if (state.sentReference) {
    return (
      `<section class="form-section" aria-labelledby="form-heading"><h2 id="form-heading">${heading}</h2>` +
      `<div class="sent" role="status"><h2>Thank you</h2><p>Your feedback was sent to ${escapeHtml(practiceName)}. ` +
      `Your reference is <strong>${escapeHtml(state.sentReference)}</strong>.</p></div></section>`
    );
  }
  const values = state.values ?? {};
  const problems = state.problems ?? [];
  const summary = errorSummary(problems);
  const problemOf = (field: PageFormField) => problems.find((p) => p.field === field);
  const field = (name: PageFormField, label: string, control: string, hint?: string) => {
    const problem = problemOf(name);
    const described = [hint ? `pf-${name}-hint` : '', problem ? `pf-${name}-error` : '']
      .filter(Boolean)
      .join(' ');
    const aria = `${described ? ` aria-describedby="${described}"` : ''}${problem ? ' aria-invalid="true"' : ''}`;
    return (
      `<div class="field${problem ? ' field-error' : ''}">` +
      `<label for="pf-${name}">${label}</label>` +
      (hint ? `<span class="hint" id="pf-${name}-hint">${escapeHtml(hint)}</span>` : '') +
      (problem
        ? `<span class="error-message" id="pf-${name}-error"><span class="vh">Error:</span> ${escapeHtml(problem.message)}</span>`
        : '') +
      control.replace('%ARIA%', aria) +
      `</div>`
    );
  };
  const value = (name: PageFormField) => escapeHtml(values[name] ?? '');
  const kindOptions = KINDS.map(
    ([option, text]) =>
      `<option value="${option}"${values.kind === option ? ' selected' : ''}>${escapeHtml(text)}</option>`,
  ).join('');
  return [
    `<section class="form-section" aria-labelledby="form-heading">`,
    `<h2 id="form-heading">${heading}</h2>`,
    intro,
    summary,
    `<form method="post" action="${escapeHtml(action)}" novalidate>`,
    field(
      'message',
      'Your feedback (required)',
      `<textarea id="pf-message" name="message" rows="6" required aria-required="true" maxlength="4000"%ARIA%>${value('message')}</textarea>`,
      URGENT_HINT,
    ),
    field(
      'kind',
      'What kind of feedback is it? (optional)',
      `<select id="pf-kind" name="kind"%ARIA%>${kindOptions}</select>`,
      'If you do not choose, the practice will treat it as a complaint.',
    ),
    field(
      'name',
      'Your name (optional)',
      `<input id="pf-name" name="name" type="text" autocomplete="name" maxlength="200" value="${value('name')}"%ARIA%>`,
    ),
    field(
      'email',
      'Email address (optional)',
      `<input id="pf-email" name="email" type="email" autocomplete="email" spellcheck="false" maxlength="254" value="${value('email')}"%ARIA%>`,
      'If you would like a reply.',
    ),
    field(
      'phone',
      'Telephone number (optional)',
      `<input id="pf-phone" name="phone" type="tel" autocomplete="tel" maxlength="40" value="${value('phone')}"%ARIA%>`,
    ),
    // The honeypot: off screen, out of the tab order and hidden from assistive technology.
    `<div class="hp" aria-hidden="true"><label for="pf-website">Leave this empty</label>` +
      `<input id="pf-website" name="website" type="text" tabindex="-1" autocomplete="off"></div>`,
    `<button class="button" type="submit">Send feedback</button>`,
    `</form></section>`,
  ].join('\n');
}

/** The NHS error summary: each problem, linked to its field when it has one. */
export function errorSummary(problems: PageFormProblem[]): string {
  if (problems.length === 0) return '';
  const items = problems.map((p) =>
    p.field
      ? `<li><a href="#pf-${p.field}">${escapeHtml(p.message)}</a></li>`
      : `<li>${escapeHtml(p.message)}</li>`,
  );
  return (
    `<div class="error-summary" role="alert" tabindex="-1" aria-labelledby="error-summary-title">` +
    `<h2 id="error-summary-title">There is a problem</h2><ul>${items.join('')}</ul></div>`
  );
}
