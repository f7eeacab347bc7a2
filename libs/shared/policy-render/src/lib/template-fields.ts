import { RenderContext } from './policy-document';

export const TEMPLATE_FIELDS = ['practiceName', 'effectiveDate', 'effectiveMonthYear'] as const;
export type TemplateField = (typeof TEMPLATE_FIELDS)[number];
export type TemplateValues = Record<TemplateField, string>;

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

export function isTemplateField(name: string): name is TemplateField {
  return (TEMPLATE_FIELDS as readonly string[]).includes(name);
}

/**
 * Values of the template fields for a context. Throws a RangeError for a malformed
 * effectiveDate: a policy must never be published with a wrong or half-rendered date.
 */
export function templateValues(
  ctx: Pick<RenderContext, 'practiceName' | 'effectiveDate'>,
): TemplateValues {
  const date = parseIsoDate(ctx.effectiveDate);
  if (!date) {
    throw new RangeError(
      `effectiveDate must be an ISO date (yyyy-mm-dd), got "${ctx.effectiveDate}"`,
    );
  }
  const monthYear = `${MONTHS[date.month - 1]} ${date.year}`;
  return {
    practiceName: ctx.practiceName,
    effectiveDate: `${date.day} ${monthYear}`,
    effectiveMonthYear: monthYear,
  };
}

/** Parsed by hand rather than with Date so the result never depends on the reader's time zone. */
function parseIsoDate(iso: string): { year: number; month: number; day: number } | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) {
    const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
    return leap ? 29 : 28;
  }
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}
