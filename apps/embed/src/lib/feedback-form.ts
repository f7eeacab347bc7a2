import { type FeedbackPayload, type SubmitResult, randomKey, sendFeedback } from './api';
import { h, headingTag } from './dom';

export interface FormOptions {
  base: string;
  slug: string;
  practiceName: string;
  /** The form section's heading level (one below the policy title). */
  level: number;
  /** The online-form channel's own label and instructions, shown as the heading and intro. */
  label: string;
  instructions: string | null;
  /** For tests: how a submission is sent. */
  send?: typeof sendFeedback;
}

type Field = 'message' | 'name' | 'email' | 'phone' | 'kind';

const KINDS: [string, string][] = [
  ['', 'Choose one (optional)'],
  ['compliment', 'Compliment'],
  ['suggestion', 'Comment or suggestion'],
  ['complaint', 'Complaint'],
];
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
// The server's own rules (it has the last word, and names the field when it disagrees).
const PHONE = /^\+?\d[\d ()-]{5,38}$/;

/**
 * The public feedback form: labelled fields, errors next to each field and in an alert that
 * screen readers announce, focus moved to the first problem, and a success message that takes
 * focus. One Idempotency-Key per submission, sent again when the same message is retried.
 */
export function feedbackForm(o: FormOptions): HTMLElement {
  const send = o.send || sendFeedback;
  const ids: Record<Field, string> = {
    message: 'pf-m',
    name: 'pf-n',
    email: 'pf-e',
    phone: 'pf-p',
    kind: 'pf-k',
  };
  const alert = h('div', { class: 'al', role: 'alert' });
  const controls = {} as Record<Field, HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>;
  const wrappers = {} as Record<Field, HTMLElement>;

  const field = (
    name: Field,
    label: string,
    control: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement,
    hint?: string,
  ) => {
    control.id = ids[name];
    control.name = name;
    const hintId = hint ? `${ids[name]}-h` : null;
    if (hintId) control.setAttribute('aria-describedby', hintId);
    controls[name] = control;
    return (wrappers[name] = h(
      'div',
      { class: 'fd' },
      h('label', { for: ids[name] }, label),
      hint && h('span', { class: 'hint', id: hintId }, hint),
      control,
    ));
  };

  const kind = h('select', null);
  for (const [value, text] of KINDS) kind.appendChild(h('option', { value }, text));
  const website = h('input', {
    type: 'text',
    name: 'website',
    id: 'pf-w',
    tabindex: '-1',
    autocomplete: 'off',
  });
  const button = h('button', { type: 'submit' }, 'Send feedback');
  const form = h(
    'form',
    { novalidate: '', part: 'form' },
    alert,
    field(
      'message',
      'Your feedback (required)',
      h('textarea', { required: '', 'aria-required': 'true', rows: '6' }),
      'This form is not for medical help or appointments. If you need help urgently, call NHS 111, or 999 in an emergency.',
    ),
    // The server logs feedback without a kind as a complaint (with its statutory clock): say so.
    field(
      'kind',
      'What kind of feedback is it? (optional)',
      kind,
      'If you do not choose, the practice will treat it as a complaint.',
    ),
    field('name', 'Your name (optional)', h('input', { type: 'text', autocomplete: 'name' })),
    field(
      'email',
      'Email address (optional)',
      h('input', { type: 'email', autocomplete: 'email', spellcheck: 'false' }),
      'If you would like a reply.',
    ),
    field('phone', 'Telephone number (optional)', h('input', { type: 'tel', autocomplete: 'tel' })),
    // The honeypot: off screen, out of the tab order and hidden from assistive technology.
    h(
      'div',
      { class: 'hp', 'aria-hidden': 'true' },
      h('label', { for: 'pf-w' }, 'Leave this empty'),
      website,
    ),
    button,
  );
  const headingId = 'pf-h';
  const section = h(
    'section',
    { 'aria-labelledby': headingId, class: 'form' },
    h(headingTag(o.level), { id: headingId }, o.label || 'Send us your feedback'),
    o.instructions && h('p', null, o.instructions),
    form,
  );

  let key = '';
  let sent = '';
  let busy = false;

  const clearErrors = () => {
    alert.textContent = '';
    for (const name of Object.keys(controls) as Field[]) {
      const control = controls[name];
      control.removeAttribute('aria-invalid');
      const hintId = control.id + '-h';
      if (wrappers[name].querySelector(`#${hintId}`))
        control.setAttribute('aria-describedby', hintId);
      else control.removeAttribute('aria-describedby');
      wrappers[name].classList.remove('bad');
      const old = wrappers[name].querySelector('.err');
      if (old) old.remove();
    }
  };

  const showErrors = (errors: [Field | null, string][]) => {
    clearErrors();
    const list = h('ul', null);
    for (const [name, text] of errors) {
      if (name) {
        const control = controls[name];
        const errorId = `${control.id}-e`;
        control.setAttribute('aria-invalid', 'true');
        control.setAttribute(
          'aria-describedby',
          [control.getAttribute('aria-describedby'), errorId].filter(Boolean).join(' '),
        );
        wrappers[name].classList.add('bad');
        wrappers[name].insertBefore(
          h('p', { class: 'err', id: errorId }, h('span', { class: 'vh' }, 'Error: '), text),
          control,
        );
      }
      list.appendChild(h('li', null, text));
    }
    alert.appendChild(h('p', { class: 'l' }, 'There is a problem'));
    alert.appendChild(list);
    const first = errors.find(([name]) => name);
    if (first && first[0]) controls[first[0]].focus();
  };

  const validate = (p: FeedbackPayload): [Field, string][] => {
    const errors: [Field, string][] = [];
    if (!p.message) errors.push(['message', 'Enter your feedback']);
    if (p.email && !EMAIL.test(p.email))
      errors.push(['email', 'Enter an email address in the correct format, like name@example.com']);
    if (p.phone && !PHONE.test(p.phone))
      errors.push(['phone', 'Enter a telephone number, like 01632 960 001']);
    return errors;
  };

  const succeed = (result: SubmitResult) => {
    const done = h(
      'div',
      { class: 'ok', role: 'status', tabindex: '-1' },
      h('p', { class: 'l' }, 'Thank you: your feedback has been sent'),
      h(
        'p',
        null,
        `${o.practiceName} has received your feedback.${result.reference ? ` Your reference is ${result.reference}.` : ''}`,
      ),
      h(
        'p',
        null,
        'If you gave an email address or telephone number, the practice may contact you about it.',
      ),
    );
    form.replaceWith(done);
    done.focus();
  };

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (busy) return;
    const value = (name: Field) => controls[name].value.trim();
    const payload: FeedbackPayload = { message: value('message'), website: website.value };
    for (const name of ['name', 'email', 'phone', 'kind'] as const) {
      if (value(name)) payload[name] = value(name);
    }
    const errors = validate(payload);
    if (errors.length) return showErrors(errors);

    // The same submission keeps its key, so a retry after a lost answer is not logged twice.
    const body = JSON.stringify(payload);
    if (body !== sent || !key) {
      key = randomKey();
      sent = body;
    }
    busy = true;
    button.textContent = 'Sending…';
    const result = await send(o.base, o.slug, payload, key);
    busy = false;
    button.textContent = 'Send feedback';
    if (result.status >= 200 && result.status < 300) return succeed(result);
    showErrors([serverError(result, controls)]);
  });

  return section;
}

function serverError(
  result: SubmitResult,
  controls: Record<Field, unknown>,
): [Field | null, string] {
  const field = result.field ? (result.field.split('.').pop() as Field) : null;
  if (result.status === 400 && field && field in controls && result.message)
    return [field, result.message];
  switch (result.status) {
    case 0:
      return [null, 'Your feedback could not be sent. Check your connection and try again.'];
    case 400:
      return [
        null,
        result.message || 'Your feedback could not be sent. Check what you entered and try again.',
      ];
    case 429:
      return [
        null,
        'You have sent several messages in a short time. Please wait a few minutes and try again.',
      ];
    case 403:
    case 404:
      return [
        null,
        'The practice is not taking feedback through this form at the moment. Please use one of the other ways listed above.',
      ];
    default:
      return [
        null,
        'Something went wrong and your feedback was not sent. Please try again in a few minutes.',
      ];
  }
}
