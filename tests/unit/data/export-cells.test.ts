import { describe, expect, it } from 'vitest';
import { csvExportCell, csvExportLine, isPlainNumber, neutraliseCell } from '../../../src/data/export-cells';
import { csvCell } from '../../../src/data/join-report-csv';

describe('export cells', () => {
  it('neutralise text a spreadsheet would run as a formula (OWASP CSV injection list)', () => {
    expect(neutraliseCell('=HYPERLINK("http://contoh.invalid","klik")')).toBe('\'=HYPERLINK("http://contoh.invalid","klik")');
    expect(neutraliseCell("+cmd|' /C calc'!A0")).toBe("'+cmd|' /C calc'!A0");
    expect(neutraliseCell('-2+3')).toBe("'-2+3");
    expect(neutraliseCell('@SUM(A1:A2)')).toBe("'@SUM(A1:A2)");
    expect(neutraliseCell('\t=1+1')).toBe("'\t=1+1");
    expect(neutraliseCell('\r=1+1')).toBe("'\r=1+1");
    expect(neutraliseCell('-')).toBe("'-");
    expect(neutraliseCell('-A1')).toBe("'-A1");
  });

  it('leave plain numbers, negative ones included, and ordinary text alone', () => {
    for (const n of ['-5', '-1.234,5', '-1,234.5', '-1.234.567', '+12', '-0,25', '-2.5e-3', '1234', '7']) {
      expect(isPlainNumber(n), n).toBe(true);
      expect(neutraliseCell(n), n).toBe(n);
    }
    for (const s of ['-2+3', '-1.2.3,4,5', '--5', '-5-', '+', '-e5', '1,23,4']) expect(isPlainNumber(s), s).toBe(false);
    expect(neutraliseCell('Pajang')).toBe('Pajang');
    expect(neutraliseCell('<img src=x onerror=alert(1)>')).toBe('<img src=x onerror=alert(1)>');
    expect(neutraliseCell('a=b')).toBe('a=b');
    expect([neutraliseCell(-5), neutraliseCell(2.5), neutraliseCell(Number.NaN), neutraliseCell(null), neutraliseCell(undefined)]).toEqual(['-5', '2.5', '', '', '']);
  });

  it('quote cells holding the delimiter, quotes or line breaks (RFC 4180), after neutralising', () => {
    expect(csvExportCell('a,b')).toBe('"a,b"');
    expect(csvExportCell('a,b', ';')).toBe('a,b');
    expect(csvExportCell('a;b', ';')).toBe('"a;b"');
    expect(csvExportCell('kata "kutip"')).toBe('"kata ""kutip"""');
    expect(csvExportCell('=1+1\n2')).toBe('"\'=1+1\n2"');
    expect(csvExportLine(['=SUM(A1)', -5, '-1,5', null, 'x;y'], ';')).toBe('\'=SUM(A1);-5;-1,5;;"x;y"');
  });

  it('are what the join report CSV writes', () => {
    for (const value of ['=1+1', '-5', '-1,5', '@x', 'a;b', 'kata "kutip"', null, 12, '\tx']) {
      expect(csvCell(value), String(value)).toBe(csvExportCell(value, ';'));
    }
  });
});

describe('every export applies the same rule', () => {
  it('the .xlsx writer and the table CSV neutralise formula-like text as export-cells does', async () => {
    const { neutraliseFormula } = await import('../../../src/data/xlsx-writer');
    const { exportCell } = await import('../../../src/data/export-table');
    const hostile = ['=1+1', '+cmd|x', '@SUM(A1)', '\t=1', '\r=1', '-2+3', '-A1', '=HYPERLINK("x")', '-5', '-1,5', 'Pajang', '<script>alert(1)</script>'];
    for (const text of hostile) {
      expect(neutraliseFormula(text), text).toBe(neutraliseCell(text));
      expect(exportCell(text, 'en'), text).toBe(csvExportCell(text, ','));
      expect(exportCell(text, 'id'), text).toBe(csvExportCell(text, ';'));
    }
  });

  it('numbers with thousands separators or exponents stay numbers in every export', async () => {
    const { neutraliseFormula } = await import('../../../src/data/xlsx-writer');
    for (const n of ['-1.234,5', '-1,234.5', '+62', '-2.5e-3']) expect(neutraliseFormula(n), n).toBe(n);
  });
});
