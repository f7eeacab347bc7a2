/**
 * @jest-environment jsdom
 */
import type { FeedbackPayload, SubmitResult } from './api';
import { feedbackForm } from './feedback-form';
import { settle } from './test-support';

function setup(results: SubmitResult[]) {
  const calls: { payload: FeedbackPayload; key: string }[] = [];
  const send = jest.fn(
    async (_base: string, _slug: string, payload: FeedbackPayload, key: string) => {
      calls.push({ payload, key });
      return results.shift() ?? { status: 201 };
    },
  );
  const host = document.createElement('div');
  const root = host.attachShadow({ mode: 'open' });
  root.appendChild(
    feedbackForm({
      base: 'https://p.example',
      slug: 'one',
      practiceName: 'Wilmslow Health Centre',
      level: 3,
      label: 'Online form',
      instructions: 'Any time.',
      send,
    }),
  );
  document.body.appendChild(host);
  const $ = <T extends Element>(selector: string) => root.querySelector(selector) as T;
  const fill = (id: string, value: string) => {
    $<HTMLInputElement>(`#${id}`).value = value;
  };
  const submit = async () => {
    $<HTMLFormElement>('form').dispatchEvent(new Event('submit', { cancelable: true }));
    await settle();
  };
  return { root, $, fill, submit, calls, send };
}

describe('the feedback form', () => {
  beforeEach(() => (document.body.textContent = ''));

  it('labels every field, marks the message required and hides the honeypot from people and assistive technology', () => {
    const { root, $ } = setup([]);
    for (const control of root.querySelectorAll('textarea, select, input:not([name=website])')) {
      expect(root.querySelector(`label[for="${control.id}"]`)).not.toBeNull();
    }
    expect($('#pf-m').getAttribute('aria-required')).toBe('true');
    expect($('#pf-m').getAttribute('aria-describedby')).toBe('pf-m-h');
    expect($('#pf-k-h').textContent).toContain('treat it as a complaint');
    const honeypot = $<HTMLInputElement>('input[name=website]');
    expect(honeypot.getAttribute('tabindex')).toBe('-1');
    expect(honeypot.closest('[aria-hidden=true]')).not.toBeNull();
    expect($('section').getAttribute('aria-labelledby')).toBe('pf-h');
    expect($('#pf-h').tagName).toBe('H3');
  });

  it('announces missing or malformed answers, links them to their fields, and focuses the first', async () => {
    const { root, $, fill, submit, send } = setup([{ status: 0 }]);
    fill('pf-e', 'not-an-email');
    await submit();
    expect(send).not.toHaveBeenCalled();
    const alert = $('[role=alert]');
    expect(alert.textContent).toContain('There is a problem');
    expect(alert.textContent).toContain('Enter your feedback');
    expect(alert.textContent).toContain('Enter an email address in the correct format');
    expect($('#pf-m').getAttribute('aria-invalid')).toBe('true');
    expect($('#pf-m').getAttribute('aria-describedby')).toBe('pf-m-h pf-m-e');
    expect($('#pf-m-e').textContent).toBe('Error: Enter your feedback');
    expect(root.activeElement).toBe($('#pf-m'));

    fill('pf-m', 'Lovely staff');
    fill('pf-e', '');
    await submit();
    expect($('#pf-m').hasAttribute('aria-invalid')).toBe(false);
    expect($('#pf-m').getAttribute('aria-describedby')).toBe('pf-m-h');
    expect($('#pf-m-e')).toBeNull();
    expect($('[role=alert]').textContent).not.toContain('Enter your feedback');
    expect(send).toHaveBeenCalledTimes(1);
  });

  it('sends only what was filled in, plus the honeypot, and shows a focused success message', async () => {
    const { root, $, fill, submit, calls } = setup([{ status: 201, reference: 'WHC-0042' }]);
    fill('pf-m', '  The new phone system is much better.  ');
    fill('pf-n', 'Sam');
    $<HTMLSelectElement>('#pf-k').value = 'compliment';
    await submit();
    expect(calls[0].payload).toEqual({
      message: 'The new phone system is much better.',
      name: 'Sam',
      kind: 'compliment',
      website: '',
    });
    expect(calls[0].key).toMatch(/^[0-9a-f-]{36}$/);
    expect(root.querySelector('form')).toBeNull();
    const done = $('[role=status]');
    expect(done.textContent).toContain(
      'Wilmslow Health Centre has received your feedback. Your reference is WHC-0042.',
    );
    expect(root.activeElement).toBe(done);
  });

  it('reuses the idempotency key when the same submission is retried, and takes a new one for a changed message', async () => {
    const { $, fill, submit, calls } = setup([
      { status: 0 },
      { status: 503 },
      { status: 0 },
      { status: 201 },
    ]);
    fill('pf-m', 'Hello');
    await submit();
    expect($('[role=alert]').textContent).toContain('Check your connection and try again');
    await submit();
    expect($('[role=alert]').textContent).toContain('Something went wrong');
    fill('pf-m', 'Hello again');
    await submit();
    await submit();
    expect(calls.map((c) => c.key)).toEqual([
      calls[0].key,
      calls[0].key,
      calls[2].key,
      calls[2].key,
    ]);
    expect(calls[2].key).not.toBe(calls[0].key);
  });

  it('puts a server error on the field it names, and explains refusals', async () => {
    const { root, $, fill, submit } = setup([
      { status: 400, field: 'phone', message: 'phone must be a UK telephone number' },
      { status: 429 },
      { status: 403 },
    ]);
    fill('pf-m', 'Hi');
    fill('pf-p', '01632 960 001');
    await submit();
    expect($('#pf-p-e').textContent).toBe('Error: phone must be a UK telephone number');
    expect(root.activeElement).toBe($('#pf-p'));
    await submit();
    expect($('[role=alert]').textContent).toContain('wait a few minutes');
    expect($('#pf-p-e')).toBeNull();
    await submit();
    expect($('[role=alert]').textContent).toContain('not taking feedback through this form');
  });

  it('ignores a second submit while the first is on its way', async () => {
    const { fill, send, $ } = setup([]);
    fill('pf-m', 'Hi');
    const form = $<HTMLFormElement>('form');
    form.dispatchEvent(new Event('submit', { cancelable: true }));
    form.dispatchEvent(new Event('submit', { cancelable: true }));
    await settle();
    expect(send).toHaveBeenCalledTimes(1);
  });
});
