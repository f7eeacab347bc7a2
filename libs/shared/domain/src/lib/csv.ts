/** A CSV cell: text, a number, or empty. */
export type CsvValue = string | number | null | undefined;

// Spreadsheets run a cell starting with one of these as a formula ("CSV injection").
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One cell, RFC 4180 style: quoted when it holds a comma, quote, line break or edge spaces, with
 * quotes doubled. Text that a spreadsheet would run as a formula gets a leading apostrophe.
 */
export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new RangeError(`Not a finite number: ${value}`);
    return String(value);
  }
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Rows to CSV text, CRLF line endings, with a final line break. */
export function toCsv(rows: readonly (readonly CsvValue[])[]): string {
  return rows.map((row) => row.map(csvCell).join(',') + '\r\n').join('');
}
