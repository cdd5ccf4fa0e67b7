import { describe, expect, it } from 'vitest';
import { csvNumber, exportCell, toCsv, totalRow } from '../../../src/data/export-table';
import { csvCell } from '../../../src/data/join-report-csv';

describe('toCsv', () => {
  const rows = [
    ['kode', 'kelurahan', 'unit', 'per 100 RT', 'alasan'],
    ['33.72.03.1002', 'Semanggi', 1234, 41.25, 'RTLH tinggi; peringkat 1'],
    ['33.72.01.1001', 'Pajang "Baru"', -7, -0.5, '=1+1'],
    ['33.72.01.1002', null, 0, 0.1 + 0.2, 'baris\nkedua'],
  ];

  it('writes Indonesian Excel CSV: BOM, semicolons, decimal comma, no thousands separator, CRLF', () => {
    expect(toCsv(rows, { lang: 'id' })).toBe(
      '\ufeffkode;kelurahan;unit;per 100 RT;alasan\r\n' +
        '33.72.03.1002;Semanggi;1234;41,25;"RTLH tinggi; peringkat 1"\r\n' +
        `33.72.01.1001;"Pajang ""Baru""";-7;-0,5;'=1+1\r\n` +
        '33.72.01.1002;;0;0,3;"baris\nkedua"\r\n',
    );
  });

  it('writes English CSV with commas and a decimal point', () => {
    expect(
      toCsv(
        [
          ['a', 'b'],
          [1234.5, 'x, y'],
          [1e-7, '@x'],
        ],
        { lang: 'en' },
      ),
    ).toBe('\ufeffa,b\r\n1234.5,"x, y"\r\n0.0000001,\'@x\r\n');
  });

  it('follows csvCell of the join report for Indonesian text cells', () => {
    const texts = ['=SUM(A1)', '+62', '-5', '-2,5', '@', '\tx', 'a;b', 'say "hi"', 'line\r\nbreak', 'plain', ''];
    for (const t of texts) expect(exportCell(t, 'id'), JSON.stringify(t)).toBe(csvCell(t));
    expect(exportCell(null, 'id')).toBe(csvCell(null));
  });

  it('writes numbers without exponent or grouping', () => {
    expect([1e21, 123456789.125, -0, Number.NaN, 2.5e-10].map((n) => csvNumber(n, 'id'))).toEqual(['1000000000000000000000', '123456789,125', '0', '', '0,00000000025']);
  });
});

describe('totalRow', () => {
  const body = [
    [1, 'Semanggi', 120, 41.25, 0.1],
    [2, 'Pajang', 80, null, 0.2],
    [3, 'Kerten', null, 12.5, 'x'],
  ];

  it('puts the label in its column and sums the numbers of each summed column, without float noise', () => {
    expect(totalRow(body, { label: 'Jumlah (3 kelurahan)', labelColumn: 1, sumColumns: [2, 4] })).toEqual([null, 'Jumlah (3 kelurahan)', 200, null, 0.3]);
  });

  it('writes 0 for an empty list, so the total row reads "0" rather than blank', () => {
    expect(totalRow([], { label: 'Total', labelColumn: 0, sumColumns: [2] })).toEqual(['Total', null, 0]);
  });
});
