import { toCsv } from './csv';

const columns = [
  { header: 'Name', value: (r: { name: string; v: number | null }) => r.name },
  { header: 'Value', value: (r: { name: string; v: number | null }) => r.v },
];

describe('toCsv', () => {
  it('writes a header and one line per row', () => {
    expect(
      toCsv(columns, [
        { name: 'A4', v: 12.5 },
        { name: 'A1', v: null },
      ]),
    ).toBe('Name,Value\r\nA4,12.5\r\nA1,\r\n');
  });

  it('quotes commas, quotes and line breaks', () => {
    expect(toCsv(columns, [{ name: 'Milano, "centro"\nnord', v: 1 }])).toBe(
      'Name,Value\r\n"Milano, ""centro""\nnord",1\r\n',
    );
  });

  it('defuses text a spreadsheet would run as a formula', () => {
    expect(toCsv(columns, [{ name: '=HYPERLINK("x")', v: 1 }])).toBe(
      `Name,Value\r\n"'=HYPERLINK(""x"")",1\r\n`,
    );
    expect(toCsv(columns, [{ name: '@SUM(A1)', v: Number.NaN }])).toBe("Name,Value\r\n'@SUM(A1),\r\n");
  });

  it.each([
    ['+', '+1+cmd|" /C calc"!A0', `"'+1+cmd|"" /C calc""!A0"`],
    ['-', '-2+3', "'-2+3"],
    ['a tab', '\t=1+1', "'\t=1+1"],
    ['a carriage return', '\r=1+1', `"'\r=1+1"`],
  ])('defuses text starting with %s', (_start, name, cell) => {
    expect(toCsv(columns, [{ name, v: 1 }])).toBe(`Name,Value\r\n${cell},1\r\n`);
  });

  it('leaves numbers, negative ones included, as numbers', () => {
    expect(toCsv(columns, [{ name: 'A4', v: -12.5 }])).toBe('Name,Value\r\nA4,-12.5\r\n');
  });

  it('keeps markup as plain text: a spreadsheet shows it, nothing runs it', () => {
    const markup = '<img src=x onerror="alert(1)">Site';
    expect(toCsv(columns, [{ name: markup, v: 1 }])).toBe(
      'Name,Value\r\n"<img src=x onerror=""alert(1)"">Site",1\r\n',
    );
  });
});
