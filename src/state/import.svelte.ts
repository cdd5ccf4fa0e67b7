/**
 * One import, from the dropped file to the committed dataset: read the file in a worker (with
 * progress and cancel), let the user correct column types and roles, join the rows to the
 * region's kelurahan and show the report, then commit. Nothing touches the workspace before
 * `commit`; cancelling or failing at any step drops the temporary table and leaves everything
 * loaded before as it was.
 */
import type { City, IndicatorDef, Lang } from '../data/catalog';
import type { AreaCollection } from '../data/boundaries';
import type { Database } from '../data/database';
import { loadMapping, type ColumnChoice, type ImportedIndicator, type KeyColumns, type KeyMapping, type KeyRow } from '../data/datasets';
import { ImportError, type ImportedTable } from '../data/importers/types';
import { type JoinDecisions, type JoinKey, type JoinReport, type JoinTarget } from '../data/join';
import { indicatorDataset, joinTargets, keyMappingOf, loadTable, sourceInfoOf, stageJoin } from '../data/table-pipeline';
import type { KeyColumnChoice } from '../data/join-columns';
import { chooseTableKeys, type KeyChoice, type KeyTable } from '../data/key-column-sample';
import { joinReportCsv } from '../data/join-report-csv';
import { flagPersonalColumns, type PersonalColumnFlag } from '../data/personal-data';
import { findDesilColumn, findHouseholdIdColumn, isProposedDeprivation } from '../data/household-columns';
import { columnIndicator, groupIsOn, proposeIndicators, setYearGroup, slugOf } from '../data/indicator-choices';
import type { YearGroup } from '../data/wide-years';
import { readDataYear, type DataYearReading } from '../data/data-year';
import { gzip, type StoredDataset } from '../data/store';
import { DEFAULT_SUPPRESSION_THRESHOLD } from '../data/suppression';
import { chooseKeysInWorker, readGeoInWorker, readParquetBatchInWorker, readTableInWorker, utf8ForDuckDbInWorker } from '../workers/import-client';
import { TaskCancelled } from '../workers/worker-client';
import { householdTable, type ApplyOptions, type BeneficiariesMeta, type DatasetMeta, type DeprivationChoice, type HouseholdsMeta, type PointsMeta } from '../data/dataset-apply';
import { planBoundaries, planPoints, type BoundaryPlan, type PointPlan } from './geo-import';
import { GEO_EXTENSIONS } from '../data/importers/read-geo';
import type { GeoImport } from '../data/importers/geo-features';
import { pointsFromRows } from '../data/importers/points';
import { loadRegionIndex } from '../data/regions';
import { noticeOf, type DatabaseHost, type Notice } from './host';
import {
  beneficiaryRecordsCsv,
  createHouseholdRecords,
  dropHouseholdRecords,
  dropImportTables,
  householdRecordsGz,
  programValues,
  rawTableCsv,
  rawTableRows,
} from '../data/import-records';
import { checkHouseholdSize, HOUSEHOLD_CEILING_BYTES, householdHead, loadHouseholdFile, type Utf8Copier } from '../data/household-file';
import { HOUSEHOLD_CEILING_ROWS, isParquetFile, loadHouseholdParquet, PARQUET_HEAD_ROWS, type ParquetBatchReader } from '../data/household-parquet';

export type ImportKind = 'indicators' | 'households' | 'beneficiaries' | 'points';
export type ImportStep = 'idle' | 'reading' | 'table' | 'joining' | 'report' | 'geo' | 'saving' | 'failed';

/** A new dataset id: short, unique, safe as part of a table name. */
function newDatasetId(): string {
  return `d${Date.now().toString(36)}${Math.floor(Math.random() * 1296)
    .toString(36)
    .padStart(2, '0')}`;
}

/** What an import reads from the app (region, kelurahan, year, language) and does there (store, show). */
export interface ImportHost {
  readonly city: City;
  readonly kelurahan: AreaCollection | null;
  readonly tahun: number;
  readonly lang: Lang;
  /** The region's indicators, a committed dataset's among them. */
  readonly regionIndicators: IndicatorDef[];
  readonly workspace: DatabaseHost['workspace'] & {
    readonly datasets: StoredDataset[];
    salt(): Promise<string>;
    addDataset(dataset: StoredDataset, options?: ApplyOptions): Promise<void>;
    addRegion(region: City, areas: AreaCollection): Promise<void>;
  };
  setIndicator(id: string): void;
  selectCity(slug: string): void;
}

/** How files are read: in the import worker in the app, directly in Node tests. */
export interface ImportReaders {
  table: typeof readTableInWorker;
  geo: typeof readGeoInWorker;
  /** A household Parquet register's batches as Arrow; absent: read in this thread (Node tests). */
  parquetBatch?: ParquetBatchReader;
  /** The key-column choice of a read table; absent: made in this thread (Node tests). */
  keys?: (table: KeyTable, targets: JoinTarget[], signal?: AbortSignal) => Promise<KeyChoice>;
  /** A household register as DuckDB is to read it, in UTF-8 (a Windows-1252 file's copy); absent: made in this thread (Node tests). */
  utf8?: Utf8Copier;
}

/** A read table, with its key columns when they were chosen while reading (a household register's, from its head). */
interface TableRead {
  table: ImportedTable;
  keys: KeyChoice | null;
}

/** A table's column names as a message lists them: the first twelve. */
function columnList(table: ImportedTable): string {
  const names = table.columns.map((c) => c.name);
  return names.length > 12 ? `${names.slice(0, 12).join(', ')}, …` : names.join(', ');
}

export class ImportSession {
  step = $state<ImportStep>('idle');
  /** Share of the file read (null: unknown). */
  progress = $state<number | null>(null);
  /** Household files above this many bytes are refused before reading; the bench (measure 8) lifts it to find the ceiling. */
  householdCeiling = HOUSEHOLD_CEILING_BYTES;
  /** The same for a Parquet register, in households (household-parquet.ts). */
  householdRowCeiling = HOUSEHOLD_CEILING_ROWS;
  error = $state.raw<Notice | null>(null);
  file = $state.raw<File | null>(null);
  table = $state.raw<ImportedTable | null>(null);
  kind = $state<ImportKind>('indicators');
  columns = $state<ColumnChoice[]>([]);
  keys = $state<KeyColumns>({ kode: null, nama: null, kecamatan: null, tahun: null });
  /** Every column's evidence for each key role: shown beside the selectors, warns about a poor pick. */
  keyChoice = $state.raw<KeyColumnChoice | null>(null);
  year = $state(new Date().getFullYear());
  /** Years named by the sheet, title rows and file name: `year` starts at theirs when they agree (data-year.ts). */
  dataYear = $state.raw<DataYearReading>({ year: null, clues: [] });
  indicators = $state<ImportedIndicator[]>([]);
  /** Number columns named by years (t_2016 … t_2019), each offered as one indicator over years. */
  yearGroups = $state.raw<YearGroup[]>([]);
  personal = $state.raw<PersonalColumnFlag[]>([]);
  households = $state({
    idColumn: null as string | null,
    desilColumn: null as string | null,
    deprivations: [] as (DeprivationChoice & { source: string })[],
    k: 1 / 3,
    suppressBelow: DEFAULT_SUPPRESSION_THRESHOLD,
  });
  beneficiaries = $state({
    idColumn: null as string | null,
    programColumn: null as string | null,
    yearColumn: null as string | null,
    households: null as string | null,
    eligibleMaxDesil: 4,
  });
  keyRows = $state.raw<KeyRow[]>([]);
  /** The distinct keys as the join reads them (years as numbers). */
  joinKeys = $state.raw<JoinKey[]>([]);
  report = $state.raw<JoinReport | null>(null);
  /** A spatial file read, and what it will become: a region (boundaries) or counts (points). */
  geo = $state.raw<GeoImport | null>(null);
  boundaryPlan = $state.raw<BoundaryPlan | null>(null);
  pointPlan = $state.raw<PointPlan | null>(null);
  decisions = $state<JoinDecisions>({ fuzzy: {}, manual: {}, duplicates: 'sum' });

  #id = newDatasetId();
  #abort: AbortController | null = null;
  #db: Database | null = null;
  #rawLoaded = false;

  constructor(
    private readonly host: ImportHost,
    private readonly read: ImportReaders = {
      table: readTableInWorker,
      geo: readGeoInWorker,
      parquetBatch: readParquetBatchInWorker,
      keys: chooseKeysInWorker,
      utf8: utf8ForDuckDbInWorker,
    },
  ) {}

  get open(): boolean {
    return this.step !== 'idle';
  }

  /** The region's kelurahan, what rows can join to. */
  targets(): JoinTarget[] {
    return joinTargets(this.host.kelurahan);
  }

  /** Reads a table file in the worker; the options choose another sheet or header row. */
  async begin(file: File, options: { sheet?: string; headerRow?: number } = {}): Promise<void> {
    // The controller first, before any await: a cancel pressed at once must reach this read.
    this.#abort?.abort();
    const abort = new AbortController();
    this.#abort = abort;
    await this.#dropTemporary();
    if (GEO_EXTENSIONS.test(file.name)) return this.#beginGeo(file);
    this.file = file;
    this.error = null;
    this.step = 'reading';
    this.progress = 0;
    try {
      // A CSV household register (UTF-8 or Windows-1252) is read by DuckDB on the file (issue 17); any other table by the JavaScript reader.
      const head = await householdHead(file);
      if (head) checkHouseholdSize(file, this.householdCeiling);
      // A Parquet household register goes to DuckDB as Arrow batches (household-parquet.ts).
      const read = head
        ? await this.#readHouseholdFile(file, head, options, abort.signal)
        : (await isParquetFile(file))
          ? await this.#readParquetFile(file, options, abort.signal)
          : { table: await this.read.table(file, options, { onProgress: (f) => (this.progress = f), signal: abort.signal }), keys: null };
      const keys = read.keys ?? (await this.#chooseKeys(read.table, abort.signal));
      if (abort.signal.aborted) return;
      this.#setTable(read.table, keys);
      this.step = 'table';
    } catch (error) {
      if (error instanceof TaskCancelled || abort.signal.aborted) return;
      this.#fail(error, 'import.failed');
      // The dialog stays open on the message; what was read before (if anything) is kept.
      this.step = this.table ? 'table' : 'failed';
    }
  }

  /**
   * The head through the usual reader (header row, delimiter, types, preview), then the whole
   * file through DuckDB into this import's raw table (household-file.ts). A cancel that lands after DuckDB finished
   * drops the table here, since the session has moved on to a new id.
   */
  async #readHouseholdFile(file: File, head: File, options: { sheet?: string; headerRow?: number }, signal: AbortSignal): Promise<TableRead> {
    const id = this.#id;
    const headTable = await this.read.table(head, options, { signal });
    if (signal.aborted) throw new TaskCancelled();
    // Title rows above the header: DuckDB's reader takes the first line as the header, so the JavaScript reader reads it.
    if (headTable.headerRow !== 1) return { table: await this.read.table(file, options, { onProgress: (f) => (this.progress = f), signal }), keys: null };
    const keys = await this.#householdKeys(headTable, signal);
    const db = (this.#db ??= await this.host.workspace.database());
    this.progress = null; // indeterminate until DuckDB's worker reports the share of the file it has read (db.ts)
    const table = await loadHouseholdFile(db, file, id, headTable, { signal, onProgress: (f) => (this.progress = f), toUtf8: this.read.utf8 });
    if (signal.aborted || id !== this.#id) {
      await dropImportTables(db, id).catch(() => undefined);
      throw new TaskCancelled();
    }
    this.#rawLoaded = true;
    return { table, keys };
  }

  /**
   * The head (first rows) through the table reader; a household register (a desil column) then
   * goes whole into this import's raw table as Arrow, any other Parquet table through the table reader.
   */
  async #readParquetFile(file: File, options: { sheet?: string; headerRow?: number }, signal: AbortSignal): Promise<TableRead> {
    const id = this.#id;
    const head = await this.read.table(file, { ...options, headRows: PARQUET_HEAD_ROWS }, { signal });
    if (signal.aborted) throw new TaskCancelled();
    if (!findDesilColumn(head.columns.map((c) => c.name))) return { table: await this.read.table(file, options, { onProgress: (f) => (this.progress = f), signal }), keys: null };
    const keys = await this.#householdKeys(head, signal);
    const db = (this.#db ??= await this.host.workspace.database());
    const readBatch: ParquetBatchReader = this.read.parquetBatch ?? (async (request) => (await import('../data/importers/parquet-arrow')).readParquetBatch(request));
    const table = await loadHouseholdParquet(db, file, id, head, readBatch, { signal, onProgress: (f) => (this.progress = f), ceiling: this.householdRowCeiling });
    if (signal.aborted || id !== this.#id) {
      await dropImportTables(db, id).catch(() => undefined);
      throw new TaskCancelled();
    }
    this.#rawLoaded = true;
    return { table, keys };
  }

  /** The key columns of a read table, chosen in the import worker (in this thread in Node tests). */
  #chooseKeys(table: KeyTable, signal: AbortSignal): Promise<KeyChoice> {
    const targets = this.targets();
    return this.read.keys ? this.read.keys(table, targets, signal) : Promise.resolve(chooseTableKeys(table, targets));
  }

  /**
   * A household register's key columns from its head, before the whole file is read (its sample is
   * the head's rows either way): with neither a kelurahan code nor a name column, the file is
   * refused now, not after minutes of reading.
   */
  async #householdKeys(head: ImportedTable, signal: AbortSignal): Promise<KeyChoice> {
    const keys = await this.#chooseKeys(head, signal);
    if (signal.aborted) throw new TaskCancelled();
    const { roles } = keys.choice;
    if (!roles.kode.chosen && !roles.nama.chosen) throw new ImportError('householdFile.noKeyColumn', { file: head.file, columns: columnList(head) });
    return keys;
  }

  async #beginGeo(file: File): Promise<void> {
    this.#reset();
    this.file = file;
    this.step = 'reading';
    this.progress = null;
    try {
      const geo = await this.read.geo(file);
      this.geo = geo;
      if (geo.kind === 'areas') {
        const index = await loadRegionIndex().catch(() => null);
        const region = (kode: string) => index?.byKode.get(kode);
        this.boundaryPlan = planBoundaries(geo.boundaries, { nama: (k) => region(k)?.nama, provinsi: (k) => region(k.slice(0, 2))?.nama });
      } else {
        if (!this.host.kelurahan) throw new ImportError('import.noRegion');
        this.pointPlan = planPoints(geo.points, this.host.kelurahan);
      }
      this.step = 'geo';
    } catch (error) {
      // A newer file superseded this read; that one reports.
      if (error instanceof TaskCancelled) return;
      this.#fail(error, 'import.failed');
      this.step = 'geo';
    }
  }

  #setTable(table: ImportedTable, chosen: KeyChoice): void {
    this.table = table;
    this.dataYear = readDataYear(table, new Date().getFullYear());
    this.year = this.dataYear.year ?? this.host.tahun;
    this.columns = table.columns.map((c) => ({ name: c.name, type: c.type, numberFormat: c.numberFormat }));
    const header = table.columns.map((c) => c.name);
    this.keyChoice = chosen.choice;
    this.keys = chosen.keys;
    this.personal = flagPersonalColumns(header, table.preview);
    const keyNames = new Set(Object.values(this.keys).filter((k): k is string => k !== null));
    const lower = header.map((h) => h.toLowerCase());
    const desil = findDesilColumn(header);
    const idColumn = findHouseholdIdColumn(header);
    const program = header.find((h, i) => /program|bantuan|jenis_bansos/.test(lower[i]));
    const coordinates = header.filter((h, i) => /^(lat|lon|lng|long|latitude|longitude|lintang|bujur)$/.test(lower[i])).length >= 2;
    // Household records have a household id: a kelurahan table of desil figures (no id, no personal data) is indicators.
    this.kind = coordinates ? 'points' : program && idColumn ? 'beneficiaries' : (desil && idColumn) || this.personal.length > 0 ? 'households' : 'indicators';
    const personalNames = new Set(this.personal.map((p) => header[p.column]));
    const proposal = proposeIndicators({
      columns: table.columns,
      exclude: new Set([...keyNames, ...personalNames]),
      prefix: this.#id,
      yearColumn: this.keys.tahun,
      fallbackLabel: this.#fallbackLabel(),
      rows: table.preview,
    });
    this.indicators = proposal.indicators;
    this.yearGroups = proposal.groups;
    const dtaken = new Set<string>();
    this.households = {
      idColumn: idColumn ?? null,
      desilColumn: desil ?? null,
      deprivations: table.columns.filter(isProposedDeprivation).map((c) => ({ source: c.name, column: slugOf(c.name, dtaken), label: c.name, weight: 1 })),
      k: 1 / 3,
      suppressBelow: DEFAULT_SUPPRESSION_THRESHOLD,
    };
    const householdSets = this.host.workspace.datasets.filter((d) => d.kind === 'households' && d.regionKode === this.host.city.kode);
    this.beneficiaries = {
      idColumn: idColumn ?? null,
      programColumn: program ?? null,
      yearColumn: this.keys.tahun,
      households: householdSets.at(-1)?.id ?? null,
      eligibleMaxDesil: 4,
    };
  }

  /** Marks a number column as an indicator (with its header as label, its kind guessed) or unmarks it. */
  setIndicator(column: string, on: boolean): void {
    const others = this.indicators.filter((i) => i.column !== column);
    if (!on) {
      // A count's denominator must be an indicator; a rate's parts and a weight may be any column.
      this.indicators = others.map((i) => (i.denominator === column && i.kind !== 'rate' ? { ...i, denominator: null } : i));
      return;
    }
    const taken = new Set(others.map((i) => i.id.slice(this.#id.length + 1)));
    const facts = this.table?.columns.find((c) => c.name === column) ?? { name: column, type: 'number' };
    this.indicators = [...others, columnIndicator(facts, this.#id, taken)];
  }

  /** Whether a year group is read as one indicator over years. */
  yearGroupOn(group: YearGroup): boolean {
    return groupIsOn(this.indicators, group);
  }

  /** Reads a year group as one indicator over years, or as one indicator per column. */
  setYearGroup(group: YearGroup, on: boolean): void {
    this.indicators = setYearGroup(this.indicators, group, on, { columns: this.table?.columns ?? [], prefix: this.#id, fallbackLabel: this.#fallbackLabel() });
  }

  /** The name of an indicator whose headers are only years ("2016", "2017"): the file's name. */
  #fallbackLabel(): string {
    return (this.file?.name ?? this.table?.file ?? 'data').replace(/\.[a-z0-9]+$/i, '');
  }

  /**
   * With a year column, the year column wins: year groups are read as separate columns again,
   * so no value lands in two years. The dialog calls this when a year column is chosen.
   */
  yieldToYearColumn(): void {
    const indicators = this.#ungrouped(this.indicators);
    if (indicators !== this.indicators) this.indicators = indicators;
  }

  #ungrouped(indicators: ImportedIndicator[]): ImportedIndicator[] {
    if (!this.keys.tahun) return indicators;
    for (const group of this.yearGroups) {
      if (groupIsOn(indicators, group))
        indicators = setYearGroup(indicators, group, false, { columns: this.table?.columns ?? [], prefix: this.#id, fallbackLabel: this.#fallbackLabel() });
    }
    return indicators;
  }

  /** Marks a yes/no column as a deprivation of the Alkire-Foster measure, or unmarks it. */
  setDeprivation(column: string, on: boolean): void {
    const others = this.households.deprivations.filter((d) => d.source !== column);
    if (!on) {
      this.households.deprivations = others;
      return;
    }
    const taken = new Set(others.map((d) => d.column));
    this.households.deprivations = [...others, { source: column, column: slugOf(column, taken), label: column, weight: 1 }];
  }

  /** Loads the table into DuckDB (once) and builds the join report from its distinct keys. */
  async join(): Promise<void> {
    const table = this.table;
    if (!table) return;
    this.error = null;
    this.step = 'joining';
    try {
      if (this.kind === 'points') {
        if (!this.host.kelurahan) throw new ImportError('import.noRegion');
        await this.#loadRaw(table);
        const rows = await rawTableRows(this.#db!, this.#id);
        const header = table.columns.map((c) => c.name);
        const cells = rows.map((r) => header.map((h) => (r[h] === null || r[h] === undefined ? '' : String(r[h]))));
        this.pointPlan = planPoints(pointsFromRows(header, cells, table.file, table.headerRow + 1), this.host.kelurahan);
        this.step = 'geo';
        return;
      }
      if (this.kind === 'beneficiaries') {
        // A beneficiary list joins through the household records' ids, not to kelurahan.
        if (!this.beneficiaries.households) throw new ImportError('import.needHouseholds');
        await this.#loadRaw(table);
        this.step = 'report';
        return;
      }
      if (!this.keys.kode && !this.keys.nama) throw this.#noKeyError(table);
      await this.#loadRaw(table);
      const staged = await stageJoin(this.#db!, this.#id, this.keys, table.headerRow, this.targets(), { oneRowPerKelurahan: this.kind === 'indicators' });
      this.keyRows = staged.keyRows;
      this.joinKeys = staged.joinKeys;
      this.report = staged.report;
      this.decisions = { fuzzy: {}, manual: {}, duplicates: 'sum' };
      this.step = 'report';
    } catch (error) {
      this.#fail(error, 'import.failed');
      this.step = 'table';
    }
  }

  /** No key chosen: the file has no column that looks like one (say so, with its columns), or the user cleared it. */
  #noKeyError(table: ImportedTable): ImportError {
    const roles = this.keyChoice?.roles;
    if (roles && (roles.kode.chosen || roles.nama.chosen)) return new ImportError('import.noKeyColumn');
    return new ImportError('import.noKeyInFile', { file: table.file, columns: columnList(table) });
  }

  async #loadRaw(table: ImportedTable): Promise<void> {
    this.#db ??= await this.host.workspace.database();
    if (this.#rawLoaded) return;
    await loadTable(this.#db, this.#id, table);
    this.#rawLoaded = true;
  }

  /**
   * The report as a CSV file the user can keep (Indonesian Excel: `;` and a BOM), with the
   * kelurahan chosen by hand so far, which `peta-kantong analyze --mapping` applies again.
   */
  reportCsv(): string {
    if (!this.report) return '';
    return joinReportCsv(this.report, this.joinKeys, this.targets(), this.host.lang, $state.snapshot(this.decisions.manual));
  }

  /**
   * Stores the dataset with the user's decisions and shows it on the map. Cancel (the dialog's ×)
   * while saving stops DuckDB's long statements and stores nothing; a failure stores nothing.
   */
  async commit(): Promise<void> {
    const table = this.table;
    const db = this.#db;
    if (!table || !db) return;
    this.#abort?.abort();
    const abort = new AbortController();
    this.#abort = abort;
    const id = this.#id;
    this.error = null;
    this.step = 'saving';
    let handedOver = false;
    try {
      const region = this.host.city;
      const { dataset, loaded } = await this.#build(table, region, abort.signal);
      if (abort.signal.aborted) throw new TaskCancelled();
      await this.#dropTemporary();
      handedOver = true; // from here the workspace takes the dataset out again if it fails
      await this.host.workspace.addDataset(dataset, { loaded, signal: abort.signal });
      const own = this.host.regionIndicators.filter((i) => i.dataset === dataset.id);
      const first = own.find((i) => i.id.endsWith('_af_m0')) ?? own.find((i) => i.direction !== 'neutral') ?? own[0];
      if (first) this.host.setIndicator(first.id);
      this.#reset();
    } catch (error) {
      // The household table made for this dataset, if the commit stopped before handing it over.
      if (!handedOver) await dropHouseholdRecords(db, householdTable(id)).catch(() => undefined);
      if (error instanceof TaskCancelled || abort.signal.aborted) return;
      this.#fail(error, 'import.failed');
      this.step = 'report';
    }
  }

  /** The dataset to store; `loaded` when its household table is already in DuckDB. */
  async #build(table: ImportedTable, region: City, signal: AbortSignal): Promise<{ dataset: StoredDataset; loaded: boolean }> {
    const db = this.#db!;
    const mapping = this.kind === 'beneficiaries' ? [] : this.#mapping();
    const source = sourceInfoOf(table, this.report, this.decisions);
    const base = { id: this.#id, name: table.file, file: table.file, regionKode: region.kode, created: new Date().toISOString() };
    if (this.kind === 'indicators') {
      if (this.indicators.length === 0) throw new ImportError('import.noIndicator');
      // Rows DuckDB read from the file are stored from its table (the table's csv is only a sample).
      const stored = table.inDatabase ? { ...table, csv: await rawTableCsv(db, this.#id) } : table;
      const dataset = await indicatorDataset(base, stored, {
        source,
        columns: $state.snapshot(this.columns),
        keys: $state.snapshot(this.keys),
        year: this.keys.tahun ? null : this.year,
        mapping,
        duplicates: this.decisions.duplicates,
        indicators: this.#ungrouped($state.snapshot(this.indicators)),
      });
      return { dataset, loaded: false };
    }
    await loadMapping(db, this.#id, mapping);
    if (this.kind === 'households') {
      const h = this.households;
      if (!h.idColumn) throw new ImportError('import.needIdColumn');
      if (h.deprivations.length === 0) throw new ImportError('import.needDeprivation');
      const salt = await this.host.workspace.salt();
      const column = (name: string) => this.columns.find((c) => c.name === name)!;
      // Only what the aggregation needs is stored: no name, no identity number. The records are
      // reduced into the dataset's own table inside DuckDB's worker, stored from there gzipped
      // by DuckDB, and aggregated where they lie: no household row crosses to the page, whose
      // thread stays free to draw (issue 17: a million households froze it for seconds).
      const records = householdTable(this.#id);
      const spec = {
        id: this.#id,
        keys: this.keys,
        salt,
        idColumn: h.idColumn,
        desil: h.desilColumn ? column(h.desilColumn) : null,
        deprivations: h.deprivations.map((d) => ({ source: column(d.source), column: d.column })),
      };
      await createHouseholdRecords(db, $state.snapshot(spec), records, { signal });
      if (signal.aborted) throw new TaskCancelled();
      const payload = await householdRecordsGz(db, records);
      const meta: HouseholdsMeta = {
        kind: 'households',
        source,
        year: this.year,
        deprivations: h.deprivations.map(({ column: c, label, weight }) => ({ column: c, label, weight })),
        k: h.k,
        suppressBelow: h.suppressBelow,
        personal: this.personal.map((p) => table.columns[p.column].name),
      };
      return { dataset: { ...base, kind: 'households', meta: meta satisfies DatasetMeta, payload }, loaded: true };
    }
    const b = this.beneficiaries;
    if (!b.idColumn || !b.programColumn || !b.households) throw new ImportError('import.needBeneficiaryColumns');
    const salt = await this.host.workspace.salt();
    const payload = await beneficiaryRecordsCsv(
      db,
      { id: this.#id, salt, idColumn: b.idColumn, programColumn: b.programColumn, yearColumn: b.yearColumn, year: this.year },
      { gzip: true },
    );
    const values = await programValues(db, this.#id, b.programColumn);
    const taken = new Set<string>();
    const meta: BeneficiariesMeta = {
      kind: 'beneficiaries',
      source,
      households: b.households,
      eligibleMaxDesil: b.eligibleMaxDesil,
      suppressBelow: this.households.suppressBelow,
      programs: values.map((value) => ({ value, slug: slugOf(value, taken) })),
    };
    return { dataset: { ...base, kind: 'beneficiaries', meta: meta satisfies DatasetMeta, payload }, loaded: false };
  }

  /** Commits a spatial import: boundaries become a region, points a count per kelurahan. */
  async commitGeo(): Promise<void> {
    const boundaries = this.boundaryPlan;
    const points = this.pointPlan;
    const file = this.file?.name ?? 'data';
    this.error = null;
    this.step = 'saving';
    try {
      if (boundaries) {
        await this.host.workspace.addRegion(boundaries.region, boundaries.areas);
        this.host.selectCity(boundaries.region.slug);
      } else if (points) {
        const meta: PointsMeta = {
          kind: 'points',
          source: {
            file,
            format: this.table?.format ?? 'geojson',
            sheet: this.table?.sheet ?? null,
            headerRow: this.table?.headerRow ?? 0,
            rowCount: points.points.features.length,
            joined: { code: 0, name: 0, fuzzy: 0, manual: 0, unmatched: points.outside, missing: 0 },
          },
          counts: points.counts,
          year: this.host.tahun,
        };
        const payload = await gzip(new TextEncoder().encode(JSON.stringify(points.points)));
        const dataset: StoredDataset = { id: this.#id, kind: 'points', name: file, file, regionKode: this.host.city.kode, created: new Date().toISOString(), meta, payload };
        await this.#dropTemporary();
        await this.host.workspace.addDataset(dataset);
        this.host.setIndicator(`${dataset.id}_titik`);
      }
      this.#reset();
    } catch (error) {
      this.#fail(error, 'import.failed');
      this.step = 'geo';
    }
  }

  /** The key -> kelurahan mapping after the user's decisions. */
  #mapping(): KeyMapping[] {
    return this.report ? keyMappingOf(this.keyRows, this.report, this.decisions) : [];
  }

  /** Stops reading, or leaves the dialog; nothing is kept. */
  async cancel(): Promise<void> {
    this.#abort?.abort();
    await this.#dropTemporary();
    this.#reset();
  }

  #reset(): void {
    this.step = 'idle';
    this.yearGroups = [];
    this.progress = null;
    this.table = null;
    this.file = null;
    this.report = null;
    this.keyChoice = null;
    this.keyRows = [];
    this.joinKeys = [];
    this.error = null;
    this.geo = null;
    this.boundaryPlan = null;
    this.pointPlan = null;
    this.#id = newDatasetId();
    this.#rawLoaded = false;
  }

  async #dropTemporary(): Promise<void> {
    if (!this.#rawLoaded || !this.#db) return;
    this.#rawLoaded = false;
    await dropImportTables(this.#db, this.#id).catch(() => undefined);
  }

  #fail(error: unknown, fallback: Parameters<typeof noticeOf>[1]): void {
    this.error = noticeOf(error, fallback);
  }
}
