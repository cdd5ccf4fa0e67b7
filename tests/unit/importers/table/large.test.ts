import { describe, expect, it } from 'vitest';
import { readTable } from '../../../../src/data/importers/read-table';
import { ImportError } from '../../../../src/data/importers/types';
import { reviveImportError } from '../../../../src/workers/import-client';

describe('a large CSV', () => {
  it('streams ~50 MB with monotonic progress by bytes and the right row count (no timing asserted)', async () => {
    // 54 kelurahan-like rows repeated: Indonesian numbers, a quoted cell, a code column.
    const parts: string[] = ['kode;kelurahan;jumlah_kk;luas_ha;catatan\r\n'];
    let size = parts[0].length;
    let rows = 0;
    while (size < 50 * 1024 * 1024) {
      const line = `33720${(rows % 54) + 10}1001;Kel. Nomor ${rows};${(rows % 997) + 1}.${String(rows % 1000).padStart(3, '0')};${rows % 50},${rows % 10};"catatan; ke-${rows}"\r\n`;
      parts.push(line);
      size += line.length;
      rows++;
    }
    const blob = new File([parts.join('')], 'besar.csv');
    const progress: number[] = [];
    const t = await readTable(blob, {}, (f) => progress.push(f));
    expect(t.rowCount).toBe(rows);
    expect(t.delimiter).toBe(';');
    expect(t.columns.map((c) => [c.name, c.type, c.numberFormat])).toEqual([
      ['kode', 'text', null],
      ['kelurahan', 'text', null],
      ['jumlah_kk', 'number', 'id'],
      ['luas_ha', 'number', 'id'],
      ['catatan', 'text', null],
    ]);
    expect(progress.length).toBeGreaterThanOrEqual(12); // one per 4 MB slice
    for (let i = 1; i < progress.length; i++) expect(progress[i]).toBeGreaterThanOrEqual(progress[i - 1]);
    expect(progress[0]).toBeGreaterThan(0);
    expect(progress.at(-1)).toBe(1);
    // The last row made it to the CSV intact.
    const tail = new TextDecoder().decode(t.csv.subarray(t.csv.length - 200));
    expect(
      tail.endsWith(
        `Kel. Nomor ${rows - 1},${((rows - 1) % 997) + 1}.${String((rows - 1) % 1000).padStart(3, '0')},"${(rows - 1) % 50},${(rows - 1) % 10}",catatan; ke-${rows - 1}\n`,
      ),
    ).toBe(true);
  }, 120_000);
});

describe('errors crossing the worker', () => {
  it('come back as ImportError with key and params; other errors pass through', () => {
    const original = new ImportError('importTable.raggedRow', { row: 7, cells: 2, columns: 3, headerRow: 1 });
    const revived = reviveImportError(new Error(original.message));
    expect(revived).toBeInstanceOf(ImportError);
    expect(revived).toMatchObject({ key: 'importTable.raggedRow', params: { row: 7, cells: 2, columns: 3, headerRow: 1 } });
    const bug = new Error('x is undefined');
    expect(reviveImportError(bug)).toBe(bug);
  });
});
