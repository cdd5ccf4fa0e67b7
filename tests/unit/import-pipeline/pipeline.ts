/**
 * The table import chained as the app chains it, for pipeline tests of the real modules end to
 * end. The steps from the read table to the key mapping are src/data/table-pipeline.ts, the
 * module the app's import dialog (src/state/import.svelte.ts) and the command-line tool call;
 * only what the dialog's state adds is here, to test many fixtures without the dialog. The
 * dialog's state itself runs in Node from a small host: tests/unit/state/import-session.test.ts.
 *
 *   readTable -> chooseTableKeys -> loadTable -> stageJoin -> keyMappingOf
 *   -> indicatorDataset (the stored dataset ImportSession.#build makes) -> applyStoredDataset -> `nilai`/`ukuran`.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { openNodeDatabase } from '../../../src/cli/node-db';
import type { AreaCollection } from '../../../src/data/boundaries';
import { catalog } from '../../../src/data/catalog';
import type { Database } from '../../../src/data/database';
import type { ColumnChoice, ImportedIndicator, KeyColumns, KeyMapping, KeyRow } from '../../../src/data/datasets';
import { readTable } from '../../../src/data/importers/read-table';
import type { ImportedTable, TableReadOptions } from '../../../src/data/importers/types';
import { fetchValues, loadIndicators } from '../../../src/data/indicators';
import type { JoinDecisions, JoinKey, JoinReport, JoinTarget } from '../../../src/data/join';
import { chooseTableKeys } from '../../../src/data/key-column-sample';
import { columnChoicesOf, indicatorDataset, joinTargets, keyMappingOf, loadTable, sourceInfoOf, stageJoin } from '../../../src/data/table-pipeline';
import { applyStoredDataset } from '../../../src/data/dataset-apply';

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

/** The join targets as the import dialog builds them (ImportSession.targets). */
export function targetsOf(areas: AreaCollection): JoinTarget[] {
  return joinTargets(areas);
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
  /** Key columns by name, as the dialog chooses them (ImportSession.keys). */
  keys: KeyColumns;
  columns: ColumnChoice[];
  keyRows: KeyRow[];
  joinKeys: JoinKey[];
  report: JoinReport;
}

/**
 * Reads a file and builds its join report as an indicator import does (one row per kelurahan
 * expected). `keys` overrides the guess, as the user may in the dialog.
 */
export async function stageTable(db: Database, id: string, file: File, targets: JoinTarget[], options: { read?: TableReadOptions; keys?: KeyColumns } = {}): Promise<StagedTable> {
  const table = await readTable(file, options.read ?? {});
  const keys = options.keys ?? chooseTableKeys(table, targets).keys;
  const columns = columnChoicesOf(table);
  await loadTable(db, id, table);
  const { keyRows, joinKeys, report } = await stageJoin(db, id, keys, table.headerRow, targets, { oneRowPerKelurahan: true });
  return { id, table, keys, columns, keyRows, joinKeys, report };
}

/** The key -> kode mapping after the decisions, as ImportSession.#mapping. */
export function mappingOf(staged: StagedTable, decisions: JoinDecisions): KeyMapping[] {
  return keyMappingOf(staged.keyRows, staged.report, decisions);
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
  indicatorColumns: (string | ImportedIndicator)[],
): Promise<Record<string, string>> {
  // A column name is a plain count; an ImportedIndicator is taken as the dialog described it.
  const indicators: ImportedIndicator[] = indicatorColumns.map((column) =>
    typeof column !== 'string'
      ? column
      : {
          column,
          id: `${staged.id}_${column.toLowerCase()}`,
          label: column,
          unit: '',
          direction: 'higher_worse',
          denominator: null,
          per: 100,
        },
  );
  const dataset = await indicatorDataset({ id: staged.id, regionKode: SURAKARTA, created: '2024-06-01T00:00:00.000Z' }, staged.table, {
    source: sourceInfoOf(staged.table, staged.report, decisions),
    columns: staged.columns,
    keys: staged.keys,
    year: staged.keys.tahun ? null : YEAR,
    mapping: mappingOf(staged, decisions),
    duplicates: decisions.duplicates,
    indicators,
  });
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
