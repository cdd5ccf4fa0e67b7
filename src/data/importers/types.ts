/**
 * What every importer returns, and the one error type they throw. Importers read bytes (from a
 * File, in a worker) and never touch the map, the state or the database: the state hands their
 * output to DuckDB and to the join.
 */
import type { Feature, FeatureCollection, Point } from 'geojson';
import type { MessageKey } from '../../i18n';

/**
 * A failure the user caused and can fix (a broken file, an unknown projection, a missing column).
 * `key` names a message in src/i18n (Bahasa Indonesia and English); `params` fill its
 * placeholders, e.g. { row: 12, column: 'jumlah_kk', file: 'data.csv' }. Row numbers are
 * 1-based as a spreadsheet shows them.
 */
export class ImportError extends Error {
  constructor(
    readonly key: MessageKey,
    readonly params: Record<string, string | number> = {},
    options?: { cause?: unknown },
  ) {
    super(`${key} ${JSON.stringify(params)}`, options);
    this.name = 'ImportError';
  }
}

export type TableFormat = 'csv' | 'xlsx' | 'parquet';
export type TextEncoding = 'utf-8' | 'windows-1252';
/** How numbers are written: `id` = 1.234,5 (Indonesian Excel), `en` = 1,234.5. */
export type NumberFormat = 'id' | 'en';
export type ColumnType = 'text' | 'number' | 'boolean';

/** What a column holds, detected over every row (the user can correct `type`). */
export interface ColumnProfile {
  name: string;
  type: ColumnType;
  /** For numbers: the decimal convention detected (null when no evidence either way, e.g. integers only). */
  numberFormat: NumberFormat | null;
  /** Cells that are not empty (after trimming; `-`, `n/a`, `NA` count as empty). */
  filled: number;
  /** Filled cells that do not parse as `type`, and the first such row (1-based, as in the file). */
  invalid: number;
  firstInvalidRow: number | null;
  /** Up to 5 distinct example values as written in the file. */
  examples: string[];
  /** Numbers written with a % sign (12,5% reads as 12.5). */
  percent?: boolean;
}

/**
 * A table read from a file, normalised for DuckDB: `csv` is UTF-8, comma-separated, RFC 4180
 * quoted, with the detected header as its first line and title rows above it dropped. Cells
 * keep their text as written (e.g. `1.234,5`); typing is done by SQL from `columns`.
 */
export interface ImportedTable {
  file: string;
  format: TableFormat;
  /** The sheet read, for Excel files. */
  sheet: string | null;
  /** Every sheet in the workbook, for Excel files, so the user can choose another. */
  sheets: string[];
  encoding: TextEncoding | null;
  delimiter: string | null;
  /** 1-based row of the header in the file or sheet. */
  headerRow: number;
  /**
   * The text of the non-blank rows above the header, top down, each row's cells joined by a
   * space (at most 5 rows of 200 characters): office tables name their year there (data-year.ts).
   */
  titles: string[];
  rowCount: number;
  columns: ColumnProfile[];
  /** The first rows as text (at most 50), for the preview. */
  preview: string[][];
  csv: Uint8Array;
  /**
   * The rows were read by DuckDB into the import's raw table (household-file.ts); `csv` then
   * holds only the head's rows, a sample for choosing key columns, never the data to store.
   */
  inDatabase?: boolean;
}

/** Options for reading a table; omitted ones are detected. */
export interface TableReadOptions {
  sheet?: string;
  /** 1-based header row. */
  headerRow?: number;
  encoding?: TextEncoding;
  delimiter?: string;
  /** Parquet: read only the first rows (the head of a household register, whose rows DuckDB reads as Arrow). */
  headRows?: number;
}

// Defined beside the repair that produces them, so src/analysis imports nothing from src/data.
import type { AreaGeometry, GeometryIssue } from '../../analysis/polygon-repair';
export type { AreaGeometry, GeometryIssue };
export type ImportedArea = Feature<AreaGeometry, Record<string, string | number | null>>;

export interface ImportedBoundaries {
  file: string;
  format: 'geojson' | 'flatgeobuf' | 'shapefile';
  /** The CRS the file was in, e.g. "EPSG:32749" or "EPSG:4326". */
  crs: string;
  reprojected: boolean;
  areas: FeatureCollection<AreaGeometry, Record<string, string | number | null>>;
  issues: GeometryIssue[];
}

export interface ImportedPoints {
  file: string;
  points: FeatureCollection<Point, Record<string, string | number | null>>;
  /** Columns the coordinates were read from, for CSV. */
  lonColumn: string | null;
  latColumn: string | null;
  /** Rows skipped for missing or impossible coordinates (1-based rows). */
  skipped: { row: number; reason: 'missing' | 'non-finite' | 'out-of-range' }[];
}
