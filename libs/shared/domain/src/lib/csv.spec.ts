import { csvCell, toCsv } from './csv';

describe('csvCell', () => {
  it('leaves plain text and numbers alone', () => {
    expect(csvCell('Wilmslow Health Centre')).toBe('Wilmslow Health Centre');
    expect(csvCell(42)).toBe('42');
    expect(csvCell(0)).toBe('0');
    expect(csvCell(-3)).toBe('-3');
    expect(csvCell('<5')).toBe('<5');
  });

  it('quotes commas, quotes, line breaks and edge spaces, doubling quotes', () => {
    expect(csvCell('Prescribing, repeat')).toBe('"Prescribing, repeat"');
    expect(csvCell('The "Trumpington" practice')).toBe('"The ""Trumpington"" practice"');
    expect(csvCell('line one\nline two')).toBe('"line one\nline two"');
    expect(csvCell('a\r\nb')).toBe('"a\r\nb"');
    expect(csvCell(' padded ')).toBe('" padded "');
  });

  it('defuses text a spreadsheet would run as a formula', () => {
    expect(csvCell('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvCell('+44 1625')).toBe("'+44 1625");
    expect(csvCell('-total')).toBe("'-total");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
  });

  it('writes empty for null and undefined, refuses non-finite numbers', () => {
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
    expect(() => csvCell(NaN)).toThrow(RangeError);
    expect(() => csvCell(Infinity)).toThrow(RangeError);
  });
});

describe('toCsv', () => {
  it('joins cells with commas and lines with CRLF, ending with a line break', () => {
    expect(
      toCsv([
        ['a', 'b, c'],
        [1, null],
      ]),
    ).toBe('a,"b, c"\r\n1,\r\n');
    expect(toCsv([])).toBe('');
  });
});
