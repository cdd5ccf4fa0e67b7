/**
 * The table import chained as the app chains it (src/state/import.svelte.ts, which Node cannot
 * import because of its runes), so pipeline tests exercise the real modules end to end:
 *
 *   readTable -> guessKeyColumns (on the preview, as #setTable) -> loadRawTable -> fetchKeys ->
 *   KeyRow to JoinKey (as join()) -> buildJoinReport -> resolveJoin -> key mapping (as #mapping)
 *   -> StoredDataset with the gzipped CSV (as #build) -> applyStoredDataset -> `nilai`/`ukuran`.
 *
 * Each step below names the app code it copies, so a change there shows where this must follow.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { openNodeDatabase } from '../../../src/cli/node-db';
import type { AreaCollection } from '../../../src/data/boundaries';
import { catalog } from '../../../src/data/catalog';
import type { Database } from '../../../src/data/database';
import { fetchKeys, loadRawTable, parseYear, type ColumnChoice, type ImportedIndicator, type KeyColumns, type KeyMapping, type KeyRow } from '../../../src/data/datasets';
import { readTable } from '../../../src/data/importers/read-table';
import type { ImportedTable, TableReadOptions } from '../../../src/data/importers/types';
import { fetchValues, loadIndicators } from '../../../src/data/indicators';
import { buildJoinReport, guessKeyColumns, resolveJoin, type JoinDecisions, type JoinKey, type JoinReport, type JoinTarget } from '../../../src/data/join';
import { gzip, type StoredDataset } from '../../../src/data/store';
import { applyStoredDataset, type IndicatorsMeta } from '../../../src/state/dataset-apply';

export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const SURAKARTA = '33.72';
/** The year the app falls back to for tables without a year column (AppState.tahun in the tests). */
export const YEAR = 2024;

/** A fixture as the browser hands it over: a File with its name. */
export function fixtureFile(path: string): File {
  return new File([readFileSync(`${ROOT}tests/fixtures/import/${path}`)], path.split('/').at(-1)!);
}

/** Surakarta's kelurahan as the app holds them (AppState.kelurahan). */
export function surakartaAreas(): AreaCollection {
  return JSON.parse(readFileSync(`${ROOT}data/boundaries/kelurahan_surakarta_3372.geojson`, 'utf8')) as AreaCollection;
}

/** The join targets exactly as ImportSession.targets() builds them. */
export function targetsOf(areas: AreaCollection): JoinTarget[] {
  return areas.features.map((f) => ({ kode: f.properties.kode, nama: f.properties.kelurahan, kecamatan: f.properties.kecamatan }));
}

/** An in-memory DuckDB with the demo indicators loaded, so `nilai`, `katalog` and `ukuran` exist as in the app. */
export async function openPipelineDatabase(): Promise<Database> {
  const db = await openNodeDatabase();
  await loadIndicators(db, readFileSync(`${ROOT}data/demo/indikator.csv`, 'utf8'), catalog.indicators);
  return db;
}

/** A table read and joined, as the import dialog holds it when it shows the join report. */
export interface StagedTable {
  id: string;
  table: ImportedTable;
  /** Key columns by name, as guessed from the preview (ImportSession.keys). */
  keys: KeyColumns;
  columns: ColumnChoice[];
  keyRows: KeyRow[];
  joinKeys: JoinKey[];
  report: JoinReport;
}

/** The guessed key columns by name, as #setTable turns guessKeyColumns' indices into names. */
export function guessKeys(table: ImportedTable, targets: JoinTarget[]): KeyColumns {
  const header = table.columns.map((c) => c.name);
  const guessed = guessKeyColumns(header, table.preview, targets);
  const name = (index: number | null) => (index === null ? null : header[index]);
  return { kode: name(guessed.kode), nama: name(guessed.nama), kecamatan: name(guessed.kecamatan), tahun: name(guessed.tahun) };
}

/** KeyRow (text from DuckDB) to JoinKey, as ImportSession.join(): a year only when it is four digits. */
export function joinKeyOf(k: KeyRow): JoinKey {
  return {
    kode: k.kode,
    nama: k.nama,
    kecamatan: k.kecamatan,
    tahun: parseYear(k.tahun),
    rows: k.rows,
    firstRow: k.firstRow,
  };
}

/**
 * Reads a file and builds its join report as an indicator import does (one row per kelurahan
 * expected). `keys` overrides the guess, as the user may in the dialog.
 */
export async function stageTable(
  db: Database,
  id: string,
  file: File,
  targets: JoinTarget[],
  options: { read?: TableReadOptions; keys?: KeyColumns } = {},
): Promise<StagedTable> {
  const table = await readTable(file, options.read ?? {});
  const keys = options.keys ?? guessKeys(table, targets);
  const columns = table.columns.map((c) => ({ name: c.name, type: c.type, numberFormat: c.numberFormat }));
  await loadRawTable(db, id, table.csv.slice());
  const keyRows = await fetchKeys(db, id, keys, table.headerRow);
  const joinKeys = keyRows.map(joinKeyOf);
  const report = buildJoinReport(joinKeys, targets, { oneRowPerKelurahan: true });
  return { id, table, keys, columns, keyRows, joinKeys, report };
}

/** The key -> kode mapping after the decisions, as ImportSession.#mapping. */
export function mappingOf(staged: StagedTable, decisions: JoinDecisions): KeyMapping[] {
  const { kodeOfKey } = resolveJoin(staged.report, decisions);
  const mapping: KeyMapping[] = [];
  kodeOfKey.forEach((kode, i) => {
    if (kode === null) return;
    const k = staged.keyRows[i];
    mapping.push({ key: [k.kode, k.nama, k.kecamatan, k.tahun], kode });
  });
  return mapping;
}

/**
 * Commits the staged table as an indicator dataset: the stored dataset #build makes (gzipped
 * CSV, mapping, decisions) applied by applyStoredDataset, as Workspace.addDataset does.
 * Returns the indicator id of each column, `<dataset id>_<column>`.
 */
export async function commitIndicators(
  db: Database,
  staged: StagedTable,
  decisions: JoinDecisions,
  indicatorColumns: string[],
): Promise<Record<string, string>> {
  const indicators: ImportedIndicator[] = indicatorColumns.map((column) => ({
    column,
    id: `${staged.id}_${column.toLowerCase()}`,
    label: column,
    unit: '',
    direction: 'higher_worse',
    denominator: null,
    per: 100,
  }));
  const meta: IndicatorsMeta = {
    kind: 'indicators',
    source: {
      file: staged.table.file,
      format: staged.table.format,
      sheet: staged.table.sheet,
      headerRow: staged.table.headerRow,
      rowCount: staged.table.rowCount,
      joined: { code: 0, name: 0, fuzzy: 0, manual: 0, unmatched: 0, missing: 0 },
    },
    columns: staged.columns,
    keys: staged.keys,
    year: staged.keys.tahun ? null : YEAR,
    mapping: mappingOf(staged, decisions),
    duplicates: decisions.duplicates,
    indicators,
  };
  const dataset: StoredDataset = {
    id: staged.id,
    kind: 'indicators',
    name: staged.table.file,
    file: staged.table.file,
    regionKode: SURAKARTA,
    created: '2024-06-01T00:00:00.000Z',
    meta,
    payload: await gzip(staged.table.csv),
  };
  await applyStoredDataset(db, dataset);
  return Object.fromEntries(indicators.map((i) => [i.column, i.id]));
}

/** An indicator's values in Surakarta for a year, read back as the map reads them (`ukuran`). */
export async function valuesOf(db: Database, indikator: string, tahun = YEAR): Promise<Map<string, number | null>> {
  return fetchValues(db, { kodeKota: SURAKARTA, tahun, indikator, measure: 'jumlah' });
}

/** The key of a report entry written out: `[kode, nama, kecamatan, tahun, rows, firstRow]` for readable expectations. */
export function describeKey(k: JoinKey): [JoinKey['kode'], string | null, string | null, number | null, number, number] {
  return [k.kode, k.nama, k.kecamatan, k.tahun, k.rows, k.firstRow];
}
