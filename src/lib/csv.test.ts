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
});
