/**
 * A Parquet file read as Arrow batches (parquet-arrow.ts) must give DuckDB the raw table the old
 * path gave: the table reader's normalised CSV (parquet.ts through the table sink) read by
 * read_csv. Compared cell for cell on a file with every kind of cell the reader meets (text with
 * and without accents, empty and blank text, nulls, INT32, INT64, DOUBLE, BOOLEAN, TIMESTAMP,
 * JSON, rows with nothing in them) over several row groups and batches. A damaged row group is
 * refused with the import's message, and the Arrow writer's own bytes are checked by DuckDB.
 */
import { parquetWriteBuffer } from 'hyparquet-writer';
import { beforeAll, describe, expect, it } from 'vitest';
import { openNodeDatabase } from '../../../../src/cli/node-db';
import { toRows, type Database } from '../../../../src/data/database';
import { loadRawTable, rawTable } from '../../../../src/data/datasets';
import { utf8BatchStream, Utf8ColumnBuilder } from '../../../../src/data/importers/arrow-ipc';
import { readParquet } from '../../../../src/data/importers/parquet';
import { parquetBatchRanges, readParquetBatch } from '../../../../src/data/importers/parquet-arrow';
import { ImportError } from '../../../../src/data/importers/types';

const ROWS = 45;

/** A varied table; row 7 and row 30 have nothing in them (null or blank everywhere). */
function variedParquet(): Uint8Array<ArrayBuffer> {
  const blank = (i: number) => i === 7 || i === 30;
  const pick = <T>(i: number, value: T, every: number): T | null => (blank(i) || i % every === 0 ? null : value);
  const texts = ['RT001', 'Kelurahan Ñgawen', '', '  ', 'kota “lama”', 'Nusukan', 'a,b', 'petik "dua"', 'baris\nbaru'];
  const buffer = parquetWriteBuffer({
    rowGroupSize: 8,
    columnData: [
      { name: 'teks', data: Array.from({ length: ROWS }, (_, i) => (blank(i) ? (i === 7 ? null : '   ') : texts[i % texts.length])), type: 'STRING' },
      { name: 'bulat', data: Array.from({ length: ROWS }, (_, i) => pick(i, (i - 20) * 1234567, 5)), type: 'INT32' },
      { name: 'besar', data: Array.from({ length: ROWS }, (_, i) => pick(i, BigInt(i) * 123456789012345n, 4)), type: 'INT64' },
      { name: 'pecahan', data: Array.from({ length: ROWS }, (_, i) => pick(i, [0.1, 1, -2.5, 1e21, 3.75e-7, 12345.678][i % 6], 6)), type: 'DOUBLE' },
      { name: 'ya_tidak', data: Array.from({ length: ROWS }, (_, i) => pick(i, i % 3 === 0, 7)), type: 'BOOLEAN' },
      { name: 'waktu', data: Array.from({ length: ROWS }, (_, i) => pick(i, new Date(Date.UTC(2024, i % 12, 1 + (i % 27), i % 2 ? 0 : 13, 5)), 8)), type: 'TIMESTAMP' },
      { name: 'catatan', data: Array.from({ length: ROWS }, (_, i) => pick(i, { n: i }, 3)), type: 'JSON' },
    ],
  });
  return new Uint8Array(buffer);
}

let db: Database;
beforeAll(async () => {
  db = await openNodeDatabase();
}, 60_000);

/** Every batch of `file` made a table and the tables joined into `table`, as the household import does. */
async function insertBatches(file: File, table: string, names: string[], batchRows: number): Promise<number> {
  let batches = 1;
  for (let batch = 0; batch < batches; batch++) {
    const result = await readParquetBatch({ file, batch, names, batchRows });
    batches = result.batches;
    await db.insertArrowIpc!(`${table}_${batch}`, result.ipc);
  }
  await db.exec(`CREATE TABLE ${table} AS ${Array.from({ length: batches }, (_, b) => `SELECT * FROM ${table}_${b}`).join(' UNION ALL ')}`);
  return batches;
}

describe('Parquet as Arrow batches', () => {
  it('gives DuckDB the same raw table as the normalised CSV did, cell for cell', async () => {
    const file = new File([variedParquet()], 'campuran.parquet');
    const table = await readParquet(file, file.name, {});
    await loadRawTable(db, 'viacsv', table.csv);
    const names = table.columns.map((c) => c.name);
    const batches = await insertBatches(file, rawTable('viaarrow'), names, 16);
    expect(batches).toBe(3); // 45 rows in groups of 8: 16 + 16 + 13

    const csvRows = toRows(await db.query(`SELECT * FROM ${rawTable('viacsv')} ORDER BY rowid`));
    const arrowRows = toRows(await db.query(`SELECT * FROM ${rawTable('viaarrow')} ORDER BY rowid`));
    expect(csvRows).toHaveLength(ROWS - 2); // the two rows with nothing in them are left out
    expect(arrowRows).toEqual(csvRows);
    const types = toRows(await db.query(`SELECT column_name, data_type FROM information_schema.columns WHERE table_name = '${rawTable('viaarrow')}' ORDER BY ordinal_position`));
    expect(types).toEqual(names.map((n) => ({ column_name: n, data_type: 'VARCHAR' })));
    // A few cells spelled out, so an agreement of two wrong readings cannot pass.
    expect(arrowRows[1]).toMatchObject({ teks: 'Kelurahan Ñgawen', bulat: '-23456773', besar: '123456789012345', pecahan: '1', ya_tidak: 'false' });
    expect(arrowRows[2].teks).toBeNull(); // an empty text cell reads as empty (NULL), as in the CSV
    expect(arrowRows[3].teks).toBe('  ');
    expect(arrowRows[3].pecahan).toBe('1e+21');
  });

  it('plans whole row groups per batch', () => {
    const groups = (...sizes: number[]) => ({ row_groups: sizes.map((n) => ({ num_rows: BigInt(n) })) }) as unknown as Parameters<typeof parquetBatchRanges>[0];
    expect(parquetBatchRanges(groups(100, 100, 100, 50), 250)).toEqual([
      [0, 200],
      [200, 350],
    ]);
    expect(parquetBatchRanges(groups(500, 10), 250)).toEqual([
      [0, 500],
      [500, 510],
    ]);
    expect(parquetBatchRanges(groups())).toEqual([]);
  });

  it('refuses a damaged row group with the import’s message', async () => {
    const bytes = variedParquet();
    const file = new File([bytes], 'rusak.parquet');
    const table = await readParquet(file, file.name, {});
    const names = table.columns.map((c) => c.name);
    // The page header of the last row group's first column chunk: its first byte ends the struct at once.
    const { parquetMetadataAsync } = await import('hyparquet');
    const metadata = await parquetMetadataAsync(await file.arrayBuffer());
    const last = metadata.row_groups.at(-1)!.columns[0].meta_data!;
    const damaged = bytes.slice();
    damaged[Number(last.dictionary_page_offset || last.data_page_offset)] = 0;
    const broken = new File([damaged], 'rusak.parquet');
    await expect(readParquetBatch({ file: broken, batch: 0, names, batchRows: 16 })).resolves.toMatchObject({ rows: 15, readRows: 16 }); // row 7 has nothing in it;
    const error = await readParquetBatch({ file: broken, batch: 2, names, batchRows: 16 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportError);
    expect((error as ImportError).key).toBe('importTable.parquetInvalid');
    expect((error as ImportError).params).toEqual({ file: 'rusak.parquet' });
  });

  it('writes Arrow streams DuckDB reads: nulls, an empty batch and text of every width', async () => {
    const builder = new Utf8ColumnBuilder(7, 1);
    const bytes = (text: string) => new TextEncoder().encode(text);
    builder.appendText('Surakarta');
    builder.appendNull();
    builder.appendInteger(-9007199254740991);
    builder.appendText('Ñ'.repeat(40));
    expect(builder.appendAscii(bytes('Ñgawen'))).toBe(false); // not ASCII: nothing appended
    expect(builder.appendAscii(bytes('33.72.01.1001'))).toBe(true);
    expect(builder.appendAscii(bytes('x'.repeat(100)))).toBe(true);
    builder.appendInteger(0);
    await db.insertArrowIpc!('arrow_uji', utf8BatchStream(['nama'], [builder.finish()], 7));
    await db.insertArrowIpc!('arrow_kosong', utf8BatchStream(['nama'], [new Utf8ColumnBuilder(0).finish()], 0));
    expect(toRows(await db.query('SELECT count(*) AS n FROM arrow_kosong'))).toEqual([{ n: 0 }]);
    const rows = toRows(await db.query('SELECT nama FROM arrow_uji ORDER BY rowid'));
    expect(rows.map((r) => r.nama)).toEqual(['Surakarta', null, '-9007199254740991', 'Ñ'.repeat(40), '33.72.01.1001', 'x'.repeat(100), '0']);
  });
});
