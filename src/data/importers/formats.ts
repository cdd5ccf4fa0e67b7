/**
 * The import-format registry: every file format the app and the CLI read, each declared once
 * with its extensions, how it is told from its first bytes, whether it is a table or a spatial
 * file, the message for a file that claims it by name but is not it, and its reader. The import
 * dialog's `accept`, the worker's dispatch (read-table.ts, read-geo.ts), the CLI's readers and
 * the "use one of …" messages all read this list, so a new format is one entry here plus its
 * parser module, its messages and its tests.
 *
 * Readers are loaded when a file of the format is read (`reader()` imports the parser), so the
 * page imports this for `accept` strings without pulling hyparquet or the FlatGeobuf reader into
 * its bundle: the parsers are chunks of their own that the import worker (or Node) loads. No
 * parser uses a Node module, so the browser's chunks and the CLI's imports are the same code.
 */
import type { MessageKey } from '../../i18n';
import type { GeoImport } from './geo-features';
import type { ImportedTable, TableReadOptions } from './types';
import type { ReadHooks } from './xlsx';

/** A table becomes an indicator dataset; a geo file becomes boundaries or programme points. */
export type ImportKind = 'table' | 'geo';

/** Reads a table; `head` is the first slice, already read to tell the format. */
export type TableReader = (file: Blob, name: string, head: Uint8Array, options: TableReadOptions, hooks: ReadHooks) => Promise<ImportedTable>;
/** Reads a spatial file into boundaries or points. */
export type GeoReader = (file: Blob | Uint8Array, name: string) => Promise<GeoImport>;

interface FormatBase<Id extends string> {
  id: Id;
  /** The name a user knows it by, the same in both languages (used in lists of formats). */
  label: string;
  /** Lower-case extensions without the dot, the usual one first. */
  extensions: readonly string[];
  /**
   * How sure the first bytes make it: 0 not this format, 1 its signature (a ZIP can still be
   * several formats), 2 signature and content agree. Absent for the text fallback (CSV).
   */
  sniff?: (head: Uint8Array) => 0 | 1 | 2;
  /** The refusal when the name claims this format but the bytes do not carry its signature. */
  invalidKey?: MessageKey;
}

/** A table becomes an indicator dataset; its reader is loaded on first use. */
export interface TableFormat<Id extends string = string> extends FormatBase<Id> {
  kind: 'table';
  reader: () => Promise<TableReader>;
}

/** A geo file becomes boundaries or programme points; its reader is loaded on first use. */
export interface GeoFormat<Id extends string = string> extends FormatBase<Id> {
  kind: 'geo';
  reader: () => Promise<GeoReader>;
}

export type ImportFormat<Id extends string = string> = TableFormat<Id> | GeoFormat<Id>;

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const PARQUET = [0x50, 0x41, 0x52, 0x31];
/** "fgb" then the major version 3 (FlatGeobuf's magic bytes). */
const FLATGEOBUF = [0x66, 0x67, 0x62, 0x03];

const startsWith = (bytes: Uint8Array, magic: readonly number[]) => magic.every((b, i) => bytes[i] === b);

/** Whether ASCII `text` occurs in the first 64 KB: the names of a ZIP's first entries are there. */
function containsAscii(bytes: Uint8Array, text: string): boolean {
  const needle = [...text].map((c) => c.charCodeAt(0));
  const end = Math.min(bytes.length, 65536) - needle.length;
  outer: for (let i = 0; i <= end; i++) {
    for (let j = 0; j < needle.length; j++) if (bytes[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

/** A ZIP whose entry names carry `marker` is surely the format; any ZIP may be. */
const zipWith =
  (...markers: string[]) =>
  (head: Uint8Array): 0 | 1 | 2 =>
    !startsWith(head, ZIP) ? 0 : markers.some((m) => containsAscii(head, m)) ? 2 : 1;

/** JSON text (after a BOM and white space) that opens an object, as every GeoJSON does. */
function looksLikeJsonObject(head: Uint8Array): 0 | 2 {
  let i = startsWith(head, [0xef, 0xbb, 0xbf]) ? 3 : 0;
  while (i < head.length && (head[i] === 0x20 || head[i] === 0x09 || head[i] === 0x0a || head[i] === 0x0d)) i++;
  return head[i] === 0x7b ? 2 : 0;
}

const csv = {
  id: 'csv',
  kind: 'table',
  label: 'CSV/TSV',
  extensions: ['csv', 'tsv', 'txt'],
  reader: () => import('./delimited-file').then((m) => m.readDelimitedFile),
} as const satisfies ImportFormat;
const xlsx = {
  id: 'xlsx',
  kind: 'table',
  label: 'Excel (.xlsx)',
  extensions: ['xlsx', 'xlsm'],
  sniff: zipWith('[Content_Types].xml', 'xl/'),
  invalidKey: 'importTable.xlsxInvalid',
  reader: () => import('./xlsx').then((m): TableReader => (file, name, _head, options, hooks) => m.readXlsx(file, name, options, hooks)),
} as const satisfies ImportFormat;
const parquet = {
  id: 'parquet',
  kind: 'table',
  label: 'Parquet',
  extensions: ['parquet'],
  sniff: (head: Uint8Array) => (startsWith(head, PARQUET) ? 2 : 0),
  invalidKey: 'importTable.parquetInvalid',
  reader: () => import('./parquet').then((m): TableReader => (file, name, _head, options, hooks) => m.readParquet(file, name, options, hooks)),
} as const satisfies ImportFormat;
const geojson = {
  id: 'geojson',
  kind: 'geo',
  label: 'GeoJSON',
  extensions: ['geojson', 'json'],
  sniff: looksLikeJsonObject,
  reader: () =>
    import('./geojson').then((m): GeoReader => async (file, name) => m.readGeoJson(file instanceof Uint8Array ? file : new Uint8Array(await file.arrayBuffer()), name)),
} as const satisfies ImportFormat;
const shapefile = {
  id: 'shapefile',
  kind: 'geo',
  label: 'Shapefile (.zip)',
  extensions: ['zip'],
  sniff: zipWith('.shp', '.SHP'),
  reader: () => import('./shapefile').then((m) => m.readShapefileZip),
} as const satisfies ImportFormat;
const flatgeobuf = {
  id: 'flatgeobuf',
  kind: 'geo',
  label: 'FlatGeobuf',
  extensions: ['fgb'],
  sniff: (head: Uint8Array) => (startsWith(head, FLATGEOBUF) ? 2 : 0),
  reader: () => import('./flatgeobuf').then((m) => m.readFlatGeobufImport),
} as const satisfies ImportFormat;

/** Every format, tables first, in the order lists show them. */
export const IMPORT_FORMATS = [csv, xlsx, parquet, geojson, shapefile, flatgeobuf] as const;

export type ImportFormatId = (typeof IMPORT_FORMATS)[number]['id'];
export type TableFormatId = Extract<(typeof IMPORT_FORMATS)[number], { kind: 'table' }>['id'];
export type GeoFormatId = Extract<(typeof IMPORT_FORMATS)[number], { kind: 'geo' }>['id'];

const formatsOf = (kind?: ImportKind): readonly ImportFormat<ImportFormatId>[] => IMPORT_FORMATS.filter((f) => kind === undefined || f.kind === kind);

/** One format by its id. */
export function importFormat(id: ImportFormatId): ImportFormat<ImportFormatId> {
  return IMPORT_FORMATS.find((f) => f.id === id)!;
}

/** The reader of a table format (its parser loaded on first use). */
export function tableReader(id: TableFormatId): Promise<TableReader> {
  const format = importFormat(id);
  if (format.kind !== 'table') throw new TypeError(`${id} is not a table format`);
  return format.reader();
}

/** The reader of a spatial format (its parser loaded on first use). */
export function geoReader(id: GeoFormatId): Promise<GeoReader> {
  const format = importFormat(id);
  if (format.kind !== 'geo') throw new TypeError(`${id} is not a spatial format`);
  return format.reader();
}

/** The lower-case extension of a file name, without the dot ('' when it has none). */
export function extensionOf(name: string): string {
  return /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase() ?? '';
}

/** The format a file name claims by its extension, optionally of one kind. */
export function formatOfName(name: string, kind?: ImportKind): ImportFormat<ImportFormatId> | undefined {
  const extension = extensionOf(name);
  return formatsOf(kind).find((f) => f.extensions.includes(extension));
}

/** Whether the app reads this file as a spatial file (boundaries or points) rather than a table. */
export function isGeoFileName(name: string): boolean {
  return formatOfName(name)?.kind === 'geo';
}

/**
 * The format the first bytes show, optionally among one kind: the surest signature wins; a tie
 * (a ZIP that may be a workbook or a Shapefile) goes to the format the name claims, then to
 * the list's order. Undefined when no signature matches (text: CSV, or a damaged file).
 */
export function sniffFormat(head: Uint8Array, name: string, kind?: ImportKind): ImportFormat<ImportFormatId> | undefined {
  const extension = extensionOf(name);
  let best: ImportFormat<ImportFormatId> | undefined;
  let bestScore = 0;
  for (const format of formatsOf(kind)) {
    const score = format.sniff?.(head) ?? 0;
    if (score === 0) continue;
    const claimed = format.extensions.includes(extension);
    if (score > bestScore || (score === bestScore && claimed && !best?.extensions.includes(extension))) {
      best = format;
      bestScore = score;
    }
  }
  return best;
}

/** The file input's `accept` attribute: every extension of the formats, e.g. ".csv,.tsv,…". */
export function acceptOf(formats: readonly ImportFormat[] = IMPORT_FORMATS): string {
  return formats.flatMap((f) => f.extensions.map((e) => `.${e}`)).join(',');
}

/** The `accept` of one kind: tables, or spatial files. */
export function acceptOfKind(kind: ImportKind): string {
  return acceptOf(formatsOf(kind));
}

/** The formats of a kind by name, for messages: "CSV/TSV, Excel (.xlsx), Parquet". */
export function formatLabels(kind?: ImportKind): string {
  return formatsOf(kind)
    .map((f) => f.label)
    .join(', ');
}

/** The formats of a kind with their extensions, for the CLI: "GeoJSON (.geojson, .json), …". */
export function formatLabelsWithExtensions(kind?: ImportKind): string {
  return formatsOf(kind)
    .map((f) => `${f.label.replace(/ \(\.\w+\)$/, '')} (${f.extensions.map((e) => `.${e}`).join(', ')})`)
    .join(', ');
}
