import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readXlsx } from '../../../src/data/importers/xlsx';
import { columnLetters, neutraliseFormula, writeXlsx } from '../../../src/data/xlsx-writer';

const header = ['kode', 'kelurahan', 'unit', 'per 100 RT', 'alasan'];
const rows = [
  header,
  ['33.72.03.1002', 'Semanggi', 412, 41.2, 'RTLH 41,2 per 100 rumah tangga; peringkat 1 dari 54'],
  ['33.72.01.1001', 'Pajang <&> "A"', 0, -3.5, '=HYPERLINK("http://x")'],
  ['33.72.01.1002', '+62 271', -7, null, '@SUM(A1)'],
  ['33.72.01.1003', '-5', 1234567, 0.000001, '\tTab'],
];

async function readBack(bytes: Uint8Array<ArrayBuffer>, sheet?: string) {
  const table = await readXlsx(new Blob([bytes]), 'target.xlsx', sheet ? { sheet } : {});
  const text = new TextDecoder().decode(table.csv).trim().split('\n');
  return { table, lines: text };
}

describe('writeXlsx', () => {
  it("is read back by the app's own xlsx reader with numbers as numbers and formulas neutralised", async () => {
    const bytes = writeXlsx([
      { name: 'Target RTLH', rows, columnWidths: [16, 20, 8, 10, 60] },
      {
        name: 'Parameter',
        rows: [
          ['parameter', 'nilai'],
          ['anggaran (Rp)', 1_500_000_000],
          ['biaya per unit (Rp)', 17_500_000.5],
        ],
      },
    ]);
    const { table, lines } = await readBack(bytes);
    expect(table.sheets).toEqual(['Target RTLH', 'Parameter']);
    expect(table.columns.map((c) => c.name)).toEqual(header);
    expect(table.columns.map((c) => c.type)).toEqual(['text', 'text', 'number', 'number', 'text']);
    expect(lines.slice(1)).toEqual([
      '33.72.03.1002,Semanggi,412,41.2,"RTLH 41,2 per 100 rumah tangga; peringkat 1 dari 54"',
      // text starting with = + @ or a tab gets an apostrophe; "-5" is a plain number written as text and stays
      `33.72.01.1001,"Pajang <&> ""A""",0,-3.5,"'=HYPERLINK(""http://x"")"`,
      "33.72.01.1002,'+62 271,-7,,'@SUM(A1)",
      "33.72.01.1003,-5,1234567,0.000001,'\tTab",
    ]);
    const second = await readBack(bytes, 'Parameter');
    expect(second.lines).toEqual(['parameter,nilai', 'anggaran (Rp),1500000000', 'biaya per unit (Rp),17500000.5']);
  });

  it('writes numeric cells with a number format and text as inline strings (validated by python3 zipfile + ElementTree)', () => {
    const bytes = writeXlsx([{ name: 'Target RTLH', rows, columnWidths: [16, 20] }]);
    const dir = mkdtempSync(join(tmpdir(), 'xlsx-writer-'));
    try {
      const file = join(dir, 'out.xlsx');
      writeFileSync(file, bytes);
      // Only python3's standard library: no LibreOffice or Excel is needed to check the file.
      const script = `
import sys, zipfile, json, xml.etree.ElementTree as ET
ns = {'m': 'http://schemas.openxmlformats.org/spreadsheetml/2006/main'}
z = zipfile.ZipFile(sys.argv[1])
assert z.testzip() is None
parts = sorted(z.namelist())
for p in parts:
    ET.fromstring(z.read(p))  # every part is well-formed XML
ct = ET.fromstring(z.read('[Content_Types].xml'))
overrides = {o.get('PartName') for o in ct if o.get('PartName')}
sheet = ET.fromstring(z.read('xl/worksheets/sheet1.xml'))
styles = ET.fromstring(z.read('xl/styles.xml'))
xfs = [x.get('numFmtId') for x in styles.find('m:cellXfs', ns)]
fmts = {f.get('numFmtId'): f.get('formatCode') for f in styles.find('m:numFmts', ns)}
cells = {}
for c in sheet.iter('{%s}c' % ns['m']):
    v = c.find('m:v', ns)
    t = c.find('m:is/m:t', ns)
    cells[c.get('r')] = [c.get('t'), c.get('s'), v.text if v is not None else None, t.text if t is not None else None]
cols = [[c.get('min'), c.get('width')] for c in sheet.find('m:cols', ns)]
print(json.dumps({'parts': parts, 'overrides': sorted(overrides), 'xfs': xfs, 'fmts': fmts, 'cells': cells, 'cols': cols}))
`;
      const run = spawnSync('python3', ['-c', script, file], { encoding: 'utf8' });
      expect(run.stderr).toBe('');
      const out = JSON.parse(run.stdout);
      expect(out.parts).toEqual(['[Content_Types].xml', '_rels/.rels', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml', 'xl/workbook.xml', 'xl/worksheets/sheet1.xml']);
      expect(out.overrides).toEqual(['/xl/styles.xml', '/xl/workbook.xml', '/xl/worksheets/sheet1.xml']);
      expect(out.xfs).toEqual(['0', '3', '164', '0', '3', '164']); // plain, then bold for total rows
      expect(out.fmts).toEqual({ '164': '#,##0.0##' });
      expect(out.cells.C2).toEqual([null, '1', '412', null]); // integer: numeric, #,##0
      expect(out.cells.D2).toEqual([null, '2', '41.2', null]); // decimal: numeric, #,##0.0##
      expect(out.cells.D3).toEqual([null, '2', '-3.5', null]); // negative numbers stay numbers
      expect(out.cells.C4).toEqual([null, '1', '-7', null]);
      expect(out.cells.D4).toBeUndefined(); // null: no cell
      expect(out.cells.B3).toEqual(['inlineStr', null, null, 'Pajang <&> "A"']);
      expect(out.cells.E3).toEqual(['inlineStr', null, null, '\'=HYPERLINK("http://x")']);
      expect(out.cols).toEqual([
        ['1', '16'],
        ['2', '20'],
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('ends a sheet with a bold total row: SUM formulas with cached sums, read back as numbers', async () => {
    const list = [
      ['no', 'kelurahan', 'unit', 'biaya (Rp)', 'per 100 RT'],
      [1, 'Semanggi', 120, 2_100_000_000, 41.2],
      [2, 'Sangkrah', 80.5, 1_400_000_000, null],
      [3, 'Kedunglumbu', null, 'tidak ada', 7],
    ];
    const bytes = writeXlsx([{ name: 'Target RTLH', rows: list, total: { label: 'Jumlah', labelColumn: 1, sumColumns: [2, 3] } }]);
    const xml = strFromU8(unzipSync(bytes)['xl/worksheets/sheet1.xml']);
    expect(xml).toContain('<row r="5"><c r="B5" s="3" t="inlineStr"><is><t xml:space="preserve">Jumlah</t></is></c>');
    expect(xml).toContain('<c r="C5" s="5"><f>SUM(C2:C4)</f><v>200.5</v></c>');
    expect(xml).toContain('<c r="D5" s="4"><f>SUM(D2:D4)</f><v>3500000000</v></c>');
    expect(xml).not.toContain('E5'); // a rate is never summed
    const styles = strFromU8(unzipSync(bytes)['xl/styles.xml']);
    expect(styles).toContain('<font><b/>');
    const { lines } = await readBack(bytes);
    expect(lines.at(-1)).toBe(',Jumlah,200.5,3500000000,');
    // Only a header: a plain 0, never SUM over the total's own cell.
    const empty = strFromU8(unzipSync(writeXlsx([{ name: 'a', rows: [list[0]], total: { label: 'Jumlah', labelColumn: 0, sumColumns: [2] } }]))['xl/worksheets/sheet1.xml']);
    expect(empty).toContain('<c r="C2" s="4"><v>0</v></c>');
  });

  it('makes sheet names valid and unique, drops characters XML cannot hold, and is deterministic', async () => {
    const bytes = writeXlsx([
      { name: 'Target/RTLH: 2025 [final] with a very long name indeed', rows: [['a\u0001b']] },
      { name: 'target/rtlh: 2025 [final] with a very long name indeed', rows: [['x']] },
      { name: '', rows: [[NaN, Infinity, 5]] },
    ]);
    const workbook = strFromU8(unzipSync(bytes)['xl/workbook.xml']);
    const names = [...workbook.matchAll(/name="([^"]*)"/g)].map((m) => m[1]);
    expect(names).toEqual(['Target RTLH  2025  final  with', 'target rtlh  2025  final  w (2)', 'Sheet3']);
    expect(names.every((n) => n.length <= 31)).toBe(true);
    expect(strFromU8(unzipSync(bytes)['xl/worksheets/sheet1.xml'])).toContain('<t xml:space="preserve">ab</t>');
    expect(strFromU8(unzipSync(bytes)['xl/worksheets/sheet3.xml'])).toContain('<sheetData><row r="1"><c r="C1" s="1"><v>5</v></c></row></sheetData>');
    expect(writeXlsx([{ name: 'a', rows: [[1]] }])).toEqual(writeXlsx([{ name: 'a', rows: [[1]] }]));
  });

  it('names columns as Excel does and neutralises only formula-like text', () => {
    expect([0, 25, 26, 51, 52, 701, 702].map(columnLetters)).toEqual(['A', 'Z', 'AA', 'AZ', 'BA', 'ZZ', 'AAA']);
    // '+62' is a plain number to a spreadsheet (export-cells' rule), not a formula.
    expect(['=1+1', '+62', '+62x', '-', '@x', '\tx', '\rx', '-5', '-2,5', 'ok', '1=1'].map(neutraliseFormula)).toEqual([
      "'=1+1",
      '+62',
      "'+62x",
      "'-",
      "'@x",
      "'\tx",
      "'\rx",
      '-5',
      '-2,5',
      'ok',
      '1=1',
    ]);
  });
});
