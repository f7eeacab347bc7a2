import { FormControl, FormGroup } from '@angular/forms';
import { applyServerError, EMAIL_PATTERN, SLUG_PATTERN, slugify } from './forms';

describe('form helpers', () => {
  it.each([
    ["St John's Surgery", 'st-johns-surgery'],
    ['Wilmslow Health Centre', 'wilmslow-health-centre'],
    ['  Cheshire & Merseyside ICB ', 'cheshire-and-merseyside-icb'],
    ['Café Médical', 'cafe-medical'],
    ['---', ''],
  ])('slugify(%p) is %p', (name, slug) => {
    expect(slugify(name)).toBe(slug);
    if (slug) expect(slug).toMatch(SLUG_PATTERN);
  });

  it('keeps slugs within the length limit without a trailing hyphen', () => {
    const slug = slugify('a'.repeat(79) + ' b', 80);
    expect(slug.length).toBeLessThanOrEqual(80);
    expect(slug.endsWith('-')).toBe(false);
  });

  it('puts a server error on the field it names', () => {
    const form = new FormGroup({
      email: new FormControl('jo@x.nhs.uk'),
      name: new FormControl('Jo'),
    });
    expect(applyServerError(form, { fieldName: 'email', message: 'Already a member.' })).toBe(true);
    expect(form.controls.email.getError('server')).toBe('Already a member.');
    expect(form.controls.email.touched).toBe(true);
    expect(form.controls.name.valid).toBe(true);
  });

  it('reports errors it cannot place', () => {
    const form = new FormGroup({ email: new FormControl('') });
    expect(applyServerError(form, { fieldName: 'userId', message: 'x' })).toBe(false);
    expect(applyServerError(form, { message: 'x' })).toBe(false);
  });

  it('accepts ordinary email addresses only', () => {
    expect(EMAIL_PATTERN.test('jo.bloggs@nhs.net')).toBe(true);
    expect(EMAIL_PATTERN.test('jo@nhs')).toBe(false);
    expect(EMAIL_PATTERN.test('jo bloggs@nhs.net')).toBe(false);
  });
});
