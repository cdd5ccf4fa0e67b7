/**
 * A household register in Parquet through the import dialog's state (ImportSession, run in Node
 * as the app runs it, with the batches read in this thread instead of the import worker): read
 * into DuckDB as Arrow batches (household-parquet.ts), it must give every aggregate per kelurahan
 * exactly as the same register in CSV does (read by DuckDB's read_csv, household-file.ts). And
 * the bad cases: a cut-off file, a row group damaged past the head, a cancel between two batches
 * and a register above the browser's ceiling all end with nothing stored and no table left behind,
 * with a message in both languages.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parquetMetadataAsync } from 'hyparquet';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDesaCodes } from '../../../src/cli/desa-codes';
import { generateRegisterScale } from '../../../src/cli/generate-register-scale';
import { toRows, type Database } from '../../../src/data/database';
import { aggregateTable } from '../../../src/data/dataset-apply';
import { readTable } from '../../../src/data/importers/read-table';
import { readParquetBatch } from '../../../src/data/importers/parquet-arrow';
import { translate } from '../../../src/i18n';
import { ImportSession, type ImportReaders } from '../../../src/state/import.svelte';
import { openPipelineDatabase, ROOT } from '../import-pipeline/pipeline';
import { surakartaImportHost } from '../import-pipeline/import-host';

const ROWS = 3000;
const dir = mkdtempSync(join(tmpdir(), 'pkk-parquet-import-'));
let codes: string[];

/** Readers as in the app, the Parquet batches read here and in batches of `batchRows` (1000: several per file). */
function readers(batchRows = 1000, onBatch: (batch: number) => void = () => undefined): ImportReaders {
  return {
    table: (file, options, hooks) => readTable(file, options, hooks?.onProgress, hooks?.signal),
    geo: () => Promise.reject(new Error('no geo file in this test')),
    parquetBatch: async (request) => {
      const batch = await readParquetBatch({ ...request, batchRows });
      onBatch(request.batch);
      return batch;
    },
  };
}

/** The generated register's CSV rewritten as Parquet by another writer, in row groups of `groupRows`. */
function csvAsParquet(csv: string, groupRows: number): Uint8Array<ArrayBuffer> {
  const [header, ...lines] = csv.trimEnd().split('\n');
  const names = header.split(',');
  const cells = lines.map((l) => l.split(','));
  const column = (i: number) => cells.map((row) => (row[i] === '' ? null : row[i]));
  const number = (i: number) => cells.map((row) => (row[i] === '' ? null : Number(row[i])));
  const columnData = names.map((name, i) =>
    name === 'desil' || name === 'jumlah_anggota' ? { name, data: number(i), type: 'INT32' as const } : { name, data: column(i), type: 'STRING' as const },
  );
  return new Uint8Array(parquetWriteBuffer({ columnData, rowGroupSize: groupRows }));
}

/** Imports `file` as households through the session and returns every aggregate column per kelurahan. */
async function importAggregates(db: Database, file: File, read: ImportReaders): Promise<{ rows: Record<string, unknown>[]; session: ImportSession }> {
  const host = surakartaImportHost(db);
  const session = new ImportSession(host, read);
  await session.begin(file);
  expect(session.error).toBeNull();
  expect(session.kind).toBe('households');
  expect(session.table?.inDatabase).toBe(true);
  await session.join();
  expect(session.error).toBeNull();
  await session.commit();
  expect(session.error).toBeNull();
  const rows = toRows(await db.query(`SELECT * FROM ${aggregateTable(host.stored[0].id)} ORDER BY kode`));
  return { rows, session };
}

/** Tables an import may leave behind (raw rows, the batches' tables, key mapping). */
async function importTables(db: Database): Promise<string[]> {
  const rows = toRows(await db.query(`SELECT table_name FROM duckdb_tables() WHERE table_name LIKE 'mentah_%' OR table_name LIKE 'bagian_%' OR table_name LIKE 'peta_%'`));
  return rows.map((r) => String(r.table_name));
}

describe('a household register in Parquet through the app’s import', () => {
  beforeAll(async () => {
    codes = await readDesaCodes(join(ROOT, 'data/demo/indikator.csv'), '33.72');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('aggregates per kelurahan exactly as the same register in CSV', async () => {
    // One cell in fifty unknown, so the unknown-value paths are compared too.
    const common = { rows: ROWS, codes, seed: 17, missing: 0.02 };
    await generateRegisterScale({ ...common, out: join(dir, 'rt_SINTETIS.csv'), format: 'csv' });
    await generateRegisterScale({ ...common, out: join(dir, 'rt_SINTETIS.parquet'), format: 'parquet' });
    const csv = readFileSync(join(dir, 'rt_SINTETIS.csv'));
    const db = await openPipelineDatabase();
    const viaCsv = await importAggregates(db, new File([csv], 'rt_SINTETIS.csv'), readers());
    // DuckDB's Parquet (one row group, one batch) and hyparquet-writer's (row groups of 700, batches of 1000).
    const duckdbParquet = new File([readFileSync(join(dir, 'rt_SINTETIS.parquet'))], 'rt_SINTETIS.parquet');
    const otherParquet = new File([csvAsParquet(csv.toString('utf8'), 700)], 'rt_lain_SINTETIS.parquet');
    let batches = 0;
    for (const [file, read] of [
      [duckdbParquet, readers()],
      [otherParquet, readers(1000, () => batches++)],
    ] as const) {
      const viaParquet = await importAggregates(db, file, read);
      expect(viaParquet.session.table).toBeNull(); // committed
      expect(viaParquet.rows).toHaveLength(54);
      expect(viaParquet.rows).toEqual(viaCsv.rows);
    }
    expect(batches).toBe(4); // groups of 700, 700, 700, 700 and 200: the last two share a batch of at most 1000 rows
    expect(viaCsv.rows.reduce((s, r) => s + Number(r.households), 0)).toBe(ROWS);
  }, 240_000);

  it('refuses a cut-off Parquet file before reading it, and keeps nothing', async () => {
    const whole = readFileSync(join(dir, 'rt_SINTETIS.parquet'));
    const db = await openPipelineDatabase();
    const session = new ImportSession(surakartaImportHost(db), readers());
    await session.begin(new File([whole.subarray(0, Math.floor(whole.length * 0.6))], 'rt_terpotong_SINTETIS.parquet'));
    expect(session.step).toBe('failed');
    expect(session.error?.key).toBe('importTable.parquetInvalid');
    expect(translate('id', session.error!.key, session.error!.params)).toMatch(/rt_terpotong_SINTETIS\.parquet bukan berkas Parquet yang utuh/);
    expect(translate('en', session.error!.key, session.error!.params)).toMatch(/is not a complete Parquet file/);
    expect(await importTables(db)).toEqual([]);
  }, 120_000);

  it('refuses a row group damaged past the head, and drops the rows read before it', async () => {
    // 80,000 rows in groups of 20,000: the head (60,000 rows) reads the first three, the fourth fails in its batch.
    const many = Array.from({ length: 80_000 }, (_, i) => i);
    const bytes = new Uint8Array(
      parquetWriteBuffer({
        rowGroupSize: 20_000,
        columnData: [
          { name: 'id_rt', data: many.map((i) => `RT${i}`), type: 'STRING' },
          { name: 'kode_kelurahan', data: many.map((i) => codes[i % codes.length]), type: 'STRING' },
          { name: 'desil', data: many.map((i) => 1 + (i % 10)), type: 'INT32' },
          { name: 'rtlh', data: many.map((i) => (i % 3 ? 'tidak' : 'ya')), type: 'STRING' },
        ],
      }),
    );
    const metadata = await parquetMetadataAsync(bytes.buffer as ArrayBuffer);
    const last = metadata.row_groups[3].columns[1].meta_data!;
    bytes[Number(last.dictionary_page_offset || last.data_page_offset)] = 0; // the page header ends before its type
    const db = await openPipelineDatabase();
    const seen: number[] = [];
    const session = new ImportSession(
      surakartaImportHost(db),
      readers(20_000, (b) => seen.push(b)),
    );
    await session.begin(new File([bytes], 'rt_rusak_SINTETIS.parquet'));
    expect(seen).toEqual([0, 1, 2]); // three batches read and inserted before the damaged one
    expect(session.step).toBe('failed');
    expect(session.error?.key).toBe('importTable.parquetInvalid');
    expect(await importTables(db)).toEqual([]);
  }, 120_000);

  it('keeps nothing when the import is cancelled between two batches', async () => {
    const db = await openPipelineDatabase();
    const file = new File([csvAsParquet(readFileSync(join(dir, 'rt_SINTETIS.csv'), 'utf8'), 700)], 'rt_batal_SINTETIS.parquet');
    const session: ImportSession = new ImportSession(
      surakartaImportHost(db),
      readers(700, (batch) => {
        if (batch === 1) void session.cancel();
      }),
    );
    await session.begin(file);
    expect(session.step).toBe('idle');
    expect(session.error).toBeNull();
    expect(session.table).toBeNull();
    expect(await importTables(db)).toEqual([]);
  }, 120_000);

  it('refuses a register above the browser’s ceiling with the command that aggregates it', async () => {
    const db = await openPipelineDatabase();
    const session = new ImportSession(surakartaImportHost(db), readers());
    session.householdRowCeiling = 2_500;
    await session.begin(new File([readFileSync(join(dir, 'rt_SINTETIS.parquet'))], 'rt_SINTETIS.parquet'));
    expect(session.error?.key).toBe('householdFile.tooManyRows');
    expect(session.error?.params.command).toBe('peta-kantong households --data rt_SINTETIS.parquet --out agregat.csv');
    expect(translate('id', session.error!.key, session.error!.params)).toContain('berisi 3\u202f000 rumah tangga, lebih banyak dari batas 2\u202f500');
    expect(translate('en', session.error!.key, session.error!.params)).toContain('holds 3\u202f000 households, more than the 2\u202f500');
    expect(await importTables(db)).toEqual([]);
  }, 120_000);
});
