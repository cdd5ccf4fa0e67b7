/**
 * The corpus of broken and awkward files: each must end in a specific ImportError (key and the
 * row/column it names) or read correctly, never in an uncaught exception.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readTable, MAX_TABLE_BYTES } from '../../../../src/data/importers/read-table';
import { MAX_COLUMNS, MAX_TABLE_ROWS } from '../../../../src/data/importers/table-sink';
import { ImportError } from '../../../../src/data/importers/types';
import { TaskCancelled } from '../../../../src/workers/worker-client';
import { translate } from '../../../../src/i18n';

const dir = join(__dirname, '../../../fixtures/import/tables');
const fixture = (name: string) => readFileSync(join(dir, name));
const file = (parts: (BlobPart | Uint8Array)[], name: string) => new File(parts as BlobPart[], name);

async function failure(promise: Promise<unknown>): Promise<ImportError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(ImportError);
    const e = error as ImportError;
    // Every message exists in both languages and has its placeholders filled.
    for (const lang of ['id', 'en'] as const) expect(translate(lang, e.key, e.params), e.key).not.toMatch(/\{\w+\}/);
    return e;
  }
  throw new Error('expected an ImportError');
}

/** A minimal workbook: one entry per sheet, rows as SpreadsheetML. */
function workbook(sheets: { name: string; rows: string }[]): Uint8Array {
  const ns = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
  const rel = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  const files: Record<string, Uint8Array> = {
    'xl/workbook.xml': strToU8(
      `<workbook xmlns="${ns}" xmlns:r="${rel}"><sheets>${sheets.map((s, i) => `<sheet name="${s.name}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')}</sheets></workbook>`,
    ),
    'xl/_rels/workbook.xml.rels': strToU8(
      `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${rel}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('')}</Relationships>`,
    ),
  };
  sheets.forEach((s, i) => (files[`xl/worksheets/sheet${i + 1}.xml`] = strToU8(`<worksheet xmlns="${ns}"><sheetData>${s.rows}</sheetData></worksheet>`)));
  return zipSync(files);
}

const inlineRow = (r: number, values: string[]) => `<row r="${r}">${values.map((v, i) => `<c r="${letters(i)}${r}" t="inlineStr"><is><t>${v}</t></is></c>`).join('')}</row>`;
function letters(i: number): string {
  let s = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

describe('broken files give specific messages', () => {
  it('empty file, and a file of blank lines', async () => {
    expect(await failure(readTable(file([], 'kosong.csv')))).toMatchObject({ key: 'importTable.empty', params: { file: 'kosong.csv' } });
    expect((await failure(readTable(file(['\r\n\r\n;;\r\n'], 'kosong.csv')))).key).toBe('importTable.empty');
  });

  it('header only', async () => {
    const e = await failure(readTable(file(['Judul tabel\n\nkode;nama;jumlah\n'], 'judul.csv')));
    expect(e).toMatchObject({ key: 'importTable.headerOnly', params: { row: 3 } });
  });

  it('binary junk renamed .csv', async () => {
    const junk = new Uint8Array(4096).map((_, i) => (i * 7919) % 256);
    expect((await failure(readTable(file([junk], 'data.csv')))).key).toBe('importTable.binary');
  });

  it('a ZIP that is not a workbook, a cut-off xlsx, and an xlsx whose sheet stream is damaged', async () => {
    const notBook = zipSync({ 'readme.txt': strToU8('halo') });
    expect((await failure(readTable(file([notBook], 'data.csv')))).key).toBe('importTable.xlsxInvalid');
    const xlsx = fixture('surakarta-title-row.xlsx');
    expect((await failure(readTable(file([xlsx.subarray(0, Math.floor(xlsx.length * 0.6))], 'potong.xlsx')))).key).toBe('importTable.xlsxInvalid');
    expect((await failure(readTable(file(['kode,nama\n1,a\n'], 'teks.xlsx')))).key).toBe('importTable.xlsxInvalid');
  });

  it('a cut-off Parquet file and a .parquet that is not Parquet', async () => {
    const pq = fixture('surakarta.parquet');
    expect((await failure(readTable(file([pq.subarray(0, Math.floor(pq.length * 0.6))], 'potong.parquet')))).key).toBe('importTable.parquetInvalid');
    expect((await failure(readTable(file(['a,b\n1,2\n'], 'bukan.parquet')))).key).toBe('importTable.parquetInvalid');
  });

  it('old .xls asks to save as .xlsx; other types are refused by name', async () => {
    const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0]);
    expect((await failure(readTable(file([ole], 'lama.xls')))).key).toBe('importTable.oldExcel');
    expect((await failure(readTable(file(['%PDF-1.7'], 'laporan.pdf')))).key).toBe('importTable.unsupported');
  });

  it('ragged rows name the row, its cells and the header width', async () => {
    const e = await failure(readTable(file(['kode,nama,jumlah\n1,a,5\n2,b\n3,c,7\n'], 'r.csv')));
    expect(e).toMatchObject({ key: 'importTable.raggedRow', params: { row: 3, cells: 2, columns: 3, headerRow: 1 } });
    const more = await failure(readTable(file(['kode,nama,jumlah\n1,a,5\n2,"b",1,234\n'], 'r.csv')));
    expect(more.params).toMatchObject({ row: 3, cells: 4, columns: 3 });
  });

  it('trailing empty cells (Excel CSV) are not ragged', async () => {
    const t = await readTable(file(['kode;nama;;\r\n1;a;;\r\n2;b\r\n'.replace('2;b', '2;b;;')], 'e.csv'));
    expect([t.rowCount, t.columns.map((c) => c.name)]).toEqual([2, ['kode', 'nama']]);
  });

  it('an unclosed quote names the row it opened on', async () => {
    const e = await failure(readTable(file(['a,b\n1,2\n3,"empat\n5,6\n'], 'q.csv')));
    expect(e).toMatchObject({ key: 'importTable.unclosedQuote', params: { row: 3 } });
  });

  it('1,000 columns are refused naming the limit, in CSV and in Excel', async () => {
    const header = Array.from({ length: 1000 }, (_, i) => `k${i}`);
    const csv = `${header.join(',')}\n${header.map(() => '1').join(',')}\n`;
    expect(await failure(readTable(file([csv], 'lebar.csv')))).toMatchObject({ key: 'importTable.tooManyColumns', params: { columns: 1000, limit: MAX_COLUMNS } });
    const book = workbook([{ name: 'Lebar', rows: inlineRow(1, header) + inlineRow(2, header) }]);
    expect(await failure(readTable(file([book], 'lebar.xlsx')))).toMatchObject({ key: 'importTable.tooManyColumns', params: { columns: 1000 } });
  });

  it('mixed encodings name the row where UTF-8 stops', async () => {
    const bytes = new Uint8Array([...new TextEncoder().encode('nama,catatan\nCafé,a\nb,c\nd,e\n'), 0x66, 0xe9, 0x2c, 0x78, 0x0a]);
    expect(await failure(readTable(file([bytes], 'campur.csv')))).toMatchObject({ key: 'importTable.mixedEncoding', params: { row: 5 } });
  });

  it('Windows-1252 first seen after the first slice is re-read as Windows-1252, not refused', async () => {
    const ascii = 'kode,nama\n' + 'x,aaaaaaaaaaaaaaaaaaaa\n'.repeat(200_000); // 4.6 MB of ASCII
    const t = await readTable(file([ascii, new Uint8Array([0x43, 0x61, 0x66, 0xe9, 0x2c, 0x79, 0x0a])], 'akhir.csv'));
    expect([t.encoding, t.rowCount, t.preview.length]).toEqual(['windows-1252', 200_001, 50]);
    expect(new TextDecoder().decode(t.csv.subarray(t.csv.length - 9))).toBe('\nCafé,y\n');
  });

  it('UTF-16 text is refused with how to re-save', async () => {
    const bytes = new Uint8Array([0xff, 0xfe, ...[...'a,b\n'].flatMap((c) => [c.charCodeAt(0), 0])]);
    expect((await failure(readTable(file([bytes], 'u16.csv')))).key).toBe('importTable.utf16');
  });

  it('duplicated and blank headers are renamed; odd numbers still parse', async () => {
    const t = await readTable(file(['nama;nilai;nilai;;persen\nPajang;1.234.567;-;x;12,5%\nBumi;n/a;2,5;y;8%\n'], 'dup.csv'));
    expect(t.columns.map((c) => [c.name, c.type, c.numberFormat])).toEqual([
      ['nama', 'text', null],
      ['nilai', 'number', 'id'],
      ['nilai_2', 'number', 'id'],
      ['kolom_4', 'text', null],
      ['persen', 'number', 'id'],
    ]);
  });

  it('sheets: not found lists the sheets; an empty chosen sheet says so; a value outside the header is named', async () => {
    const book = workbook([
      { name: 'Kosong', rows: '' },
      { name: 'Data', rows: inlineRow(1, ['kode', 'nama']) + inlineRow(2, ['1', 'a']) + '<row r="3"><c r="A3"><v>2</v></c><c r="D3" t="inlineStr"><is><t>lupa</t></is></c></row>' },
    ]);
    expect(await failure(readTable(file([book], 'b.xlsx'), { sheet: 'Lain' }))).toMatchObject({
      key: 'importTable.sheetNotFound',
      params: { sheet: 'Lain', sheets: 'Kosong, Data' },
    });
    expect(await failure(readTable(file([book], 'b.xlsx'), { sheet: 'Kosong' }))).toMatchObject({ key: 'importTable.sheetEmpty', params: { sheet: 'Kosong' } });
    // Without a choice the first sheet with data is read: here that stops at the stray D3.
    expect(await failure(readTable(file([book], 'b.xlsx')))).toMatchObject({ key: 'importTable.cellBeyondHeader', params: { row: 3, column: 'D', lastColumn: 'B' } });
  });

  it('a chosen header row that is blank', async () => {
    expect(await failure(readTable(file(['judul\n\nkode,nama\n1,a\n'], 'h.csv'), { headerRow: 2 }))).toMatchObject({ key: 'importTable.headerRowBlank', params: { row: 2 } });
  });

  it('files above the size limit are refused before reading, naming the limit and the size', async () => {
    const huge = {
      size: MAX_TABLE_BYTES + 5 * 1024 * 1024,
      name: 'besar.csv',
      slice: () => {
        throw new Error('must not read');
      },
    } as unknown as File;
    expect(await failure(readTable(huge))).toMatchObject({ key: 'importTable.tooLarge', params: { file: 'besar.csv', sizeMb: 605, limitMb: 600 } });
  });

  it(`more than ${MAX_TABLE_ROWS.toLocaleString('en')} rows are refused naming the limit`, async () => {
    const rows = new TextEncoder().encode('1\n'.repeat(MAX_TABLE_ROWS + 1));
    expect(await failure(readTable(file(['jumlah\n', rows], 'panjang.csv')))).toMatchObject({ key: 'importTable.tooManyRows', params: { limit: MAX_TABLE_ROWS } });
  }, 60_000);

  it('cancelling rejects with TaskCancelled, not an error message', async () => {
    const abort = new AbortController();
    abort.abort();
    await expect(readTable(file(['a,b\n1,2\n'], 'c.csv'), {}, undefined, abort.signal)).rejects.toBeInstanceOf(TaskCancelled);
  });
});
