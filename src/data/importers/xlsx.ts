/**
 * Excel workbooks (.xlsx, SpreadsheetML in a ZIP) read without a DOM, so in a worker and in
 * Node alike: the workbook and its relationships give the sheet names and files, the shared
 * strings and styles are read whole (they are small next to the sheet), and the chosen sheet is
 * inflated and tokenised as a stream, row by row, into the table sink.
 *
 * Cells become text as Excel would show them to a program: numbers as JavaScript's shortest
 * round-trip form (0.1, 1234.5), dates (cells styled with a date format) as yyyy-mm-dd, booleans
 * as TRUE/FALSE, formulas as their cached value, error values (#DIV/0!, #N/A) as empty.
 */
import { TableSink } from './table-sink';
import { ImportError, type ImportedTable, type TableReadOptions } from './types';
import { XmlScanner, attributes, decodeOoxmlEscapes, decodeXml } from './xlsx-xml';
import { ZipError, readEntry, readZipDirectory, streamEntry, type ZipEntry } from './xlsx-zip';

/** A worksheet of the workbook: its name and the ZIP entry holding it. */
export interface SheetRef {
  name: string;
  path: string;
}

interface Workbook {
  entries: Map<string, ZipEntry>;
  sheets: SheetRef[];
  date1904: boolean;
  sharedStringsPath: string | null;
  stylesPath: string | null;
}

/** Progress and cancellation hooks shared by the readers. */
export interface ReadHooks {
  onProgress?: (fraction: number) => void;
  /** Called between slices; throws to stop (e.g. TaskCancelled). */
  between?: () => void;
}

const text = new TextDecoder();

/** Reads an Excel workbook into an ImportedTable (the sheet in options, else the first with data). */
export async function readXlsx(blob: Blob, fileName: string, options: TableReadOptions, hooks: ReadHooks = {}): Promise<ImportedTable> {
  const invalid = (cause: unknown) => new ImportError('importTable.xlsxInvalid', { file: fileName }, { cause });
  try {
    const book = await openWorkbook(blob);
    const names = book.sheets.map((s) => s.name);
    if (names.length === 0) throw invalid('no worksheets');
    let candidates = book.sheets;
    if (options.sheet !== undefined) {
      const chosen = book.sheets.find((s) => s.name === options.sheet);
      if (!chosen) throw new ImportError('importTable.sheetNotFound', { file: fileName, sheet: options.sheet, sheets: names.join(', ') });
      candidates = [chosen];
    }
    const shared = book.sharedStringsPath ? await readSharedStrings(blob, book.entries.get(book.sharedStringsPath)!) : [];
    const dateStyles = book.stylesPath ? await readDateStyles(blob, book.entries.get(book.stylesPath)!) : new Map<number, DateKind>();
    for (const sheet of candidates) {
      const entry = book.entries.get(sheet.path);
      if (!entry) throw invalid(`missing ${sheet.path}`);
      const sink = new TableSink({ file: fileName, headerRow: options.headerRow, fallbackFormat: 'en', strictWidth: false, capacityHint: entry.size * 0.4 });
      await streamSheet(blob, entry, { shared, dateStyles, date1904: book.date1904 }, (cells, row) => sink.add(cells, row), hooks);
      const result = sink.finish();
      if (!result) {
        if (candidates.length === 1) throw new ImportError('importTable.sheetEmpty', { file: fileName, sheet: sheet.name, sheets: names.join(', ') });
        continue;
      }
      return { file: fileName, format: 'xlsx', sheet: sheet.name, sheets: names, encoding: null, delimiter: null, ...result };
    }
    throw new ImportError('importTable.workbookEmpty', { file: fileName, sheets: names.join(', ') });
  } catch (error) {
    if (error instanceof ZipError) throw invalid(error);
    throw error;
  }
}

/** Sheet names of a workbook, in tab order. */
export async function listSheets(blob: Blob): Promise<string[]> {
  return (await openWorkbook(blob)).sheets.map((s) => s.name);
}

async function openWorkbook(blob: Blob): Promise<Workbook> {
  const entries = await readZipDirectory(blob);
  const xml = async (path: string) => {
    const entry = entries.get(path);
    return entry ? text.decode(await readEntry(blob, entry)) : null;
  };
  const rootRels = parseRelationships((await xml('_rels/.rels')) ?? '', '');
  const bookPath = rootRels.find((r) => r.type.endsWith('/officeDocument'))?.target ?? 'xl/workbook.xml';
  const bookXml = await xml(bookPath);
  if (bookXml === null) throw new ZipError('no workbook part');
  const folder = bookPath.slice(0, bookPath.lastIndexOf('/') + 1);
  const relsPath = `${folder}_rels/${bookPath.slice(folder.length)}.rels`;
  const rels = parseRelationships((await xml(relsPath)) ?? '', folder);
  const byId = new Map(rels.map((r) => [r.id, r]));
  const sheets: SheetRef[] = [];
  let date1904 = false;
  new XmlScanner({
    open(name, tag) {
      if (name === 'workbookPr') {
        const v = attributes(tag).date1904;
        date1904 = v === '1' || v === 'true';
      } else if (name === 'sheet') {
        const a = attributes(tag);
        const rel = byId.get(a.id);
        if (rel && rel.type.endsWith('/worksheet')) sheets.push({ name: a.name ?? rel.target, path: rel.target });
      }
    },
    close() {},
  }).push(bookXml);
  const find = (suffix: string, fallback: string) => {
    const path = rels.find((r) => r.type.endsWith(suffix))?.target ?? fallback;
    return entries.has(path) ? path : null;
  };
  return { entries, sheets, date1904, sharedStringsPath: find('/sharedStrings', `${folder}sharedStrings.xml`), stylesPath: find('/styles', `${folder}styles.xml`) };
}

interface Relationship {
  id: string;
  type: string;
  target: string;
}

function parseRelationships(xml: string, folder: string): Relationship[] {
  const out: Relationship[] = [];
  new XmlScanner({
    open(name, tag) {
      if (name !== 'Relationship') return;
      const a = attributes(tag);
      if (a.TargetMode === 'External') return;
      out.push({ id: a.Id ?? '', type: a.Type ?? '', target: resolvePath(folder, a.Target ?? '') });
    },
    close() {},
  }).push(xml);
  return out;
}

/** A relationship target resolved against the part's folder (`/xl/a.xml` is absolute). */
function resolvePath(folder: string, target: string): string {
  const parts = (target.startsWith('/') ? target.slice(1) : folder + target).split('/');
  const out: string[] = [];
  for (const p of parts) {
    if (p === '..') out.pop();
    else if (p !== '.' && p !== '') out.push(p);
  }
  return out.join('/');
}

/** Shared strings in order; rich text runs are joined, phonetic runs (rPh) left out. */
async function readSharedStrings(blob: Blob, entry: ZipEntry): Promise<string[]> {
  const strings: string[] = [];
  let current = '';
  let inT = false;
  let inPhonetic = false;
  const scanner = new XmlScanner({
    open(name) {
      if (name === 'si') current = '';
      else if (name === 't' && !inPhonetic) inT = true;
      else if (name === 'rPh') inPhonetic = true;
    },
    close(name) {
      if (name === 't') inT = false;
      else if (name === 'rPh') inPhonetic = false;
      else if (name === 'si') strings.push(decodeOoxmlEscapes(decodeXml(current)));
    },
    text(raw) {
      if (inT) current += raw;
    },
  });
  const decoder = new TextDecoder();
  await streamEntry(blob, entry, (bytes, final) => scanner.push(decoder.decode(bytes, { stream: !final })));
  return strings;
}

type DateKind = 'date' | 'time';

/** Built-in number formats that show dates or times (ECMA-376 Part 1, 18.8.30, and the CJK ones). */
const BUILTIN_DATES: Record<number, DateKind> = {
  14: 'date', 15: 'date', 16: 'date', 17: 'date', 22: 'date', 18: 'time', 19: 'time', 20: 'time', 21: 'time', 45: 'time', 46: 'time', 47: 'time',
  27: 'date', 28: 'date', 29: 'date', 30: 'date', 31: 'date', 32: 'time', 33: 'time', 34: 'time', 35: 'time', 36: 'date',
  50: 'date', 51: 'date', 52: 'date', 53: 'date', 54: 'date', 55: 'date', 56: 'date', 57: 'date', 58: 'date',
};

/** Whether a custom format code shows a date or a time (quoted text, [colour] and escapes ignored). */
export function formatCodeKind(code: string): DateKind | null {
  const bare = code.replace(/"[^"]*"|\\.|\[(?!h\]|hh\]|m\]|mm\]|s\]|ss\])[^\]]*\]/gi, '').toLowerCase();
  if (/[yd]/.test(bare)) return 'date';
  if (/[hs]/.test(bare)) return 'time';
  if (/m/.test(bare) && !/[0#?]/.test(bare)) return 'date';
  return null;
}

/** Style index (the `s` of a cell) → date or time, for the styles that show one. */
async function readDateStyles(blob: Blob, entry: ZipEntry): Promise<Map<number, DateKind>> {
  const custom = new Map<number, DateKind | null>();
  const styles = new Map<number, DateKind>();
  let inCellXfs = false;
  let xf = 0;
  const xml = text.decode(await readEntry(blob, entry));
  new XmlScanner({
    open(name, tag) {
      if (name === 'numFmt') {
        const a = attributes(tag);
        custom.set(Number(a.numFmtId), formatCodeKind(a.formatCode ?? ''));
      } else if (name === 'cellXfs') inCellXfs = true;
      else if (name === 'xf' && inCellXfs) {
        const id = Number(attributes(tag).numFmtId ?? 0);
        const kind = custom.has(id) ? custom.get(id)! : BUILTIN_DATES[id] ?? null;
        if (kind) styles.set(xf, kind);
        xf++;
      }
    },
    close(name) {
      if (name === 'cellXfs') inCellXfs = false;
    },
  }).push(xml);
  return styles;
}

/** An Excel serial date as yyyy-mm-dd (with hh:mm:ss when it has a time), or hh:mm:ss for a time. */
export function serialToIso(serial: number, kind: DateKind, date1904 = false): string {
  // Serial 60 is Excel's 29 February 1900, which did not exist; earlier serials are a day off.
  const days = date1904 ? serial + 1462 : serial < 60 ? serial + 1 : serial;
  const ms = Math.round((days - 25569) * 86400) * 1000;
  const iso = new Date(ms).toISOString();
  if (kind === 'time' && serial < 1) return iso.slice(11, 19);
  return iso.slice(11, 19) === '00:00:00' ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${iso.slice(11, 19)}`;
}

interface CellContext {
  shared: string[];
  dateStyles: Map<number, DateKind>;
  date1904: boolean;
}

/** 0-based column of a cell reference such as `C12` (-1 when it has no letters). */
export function columnIndex(ref: string): number {
  let n = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i) | 0x20; // lower case
    if (c < 0x61 || c > 0x7a) break;
    n = n * 26 + (c - 0x60);
  }
  return i === 0 ? -1 : n - 1;
}

/** Streams a worksheet's rows (1-based row numbers, gaps in columns filled with empty cells). */
async function streamSheet(
  blob: Blob,
  entry: ZipEntry,
  ctx: CellContext,
  onRow: (cells: string[], row: number) => void,
  hooks: ReadHooks,
): Promise<void> {
  let row = 0;
  let cells: string[] = [];
  let col = -1;
  let type = 'n';
  let style = 0;
  let value = '';
  let inline = '';
  let capture: 'v' | 't' | null = null;
  let inInline = false;
  let inPhonetic = false;
  const scanner = new XmlScanner({
    open(name, tag, selfClosing) {
      switch (name) {
        case 'row': {
          const r = Number(attributes(tag).r);
          row = Number.isInteger(r) && r > 0 ? r : row + 1;
          cells = [];
          col = -1;
          break;
        }
        case 'c': {
          const a = attributes(tag);
          const index = a.r ? columnIndex(a.r) : -1;
          col = index >= 0 ? index : col + 1;
          type = a.t ?? 'n';
          style = a.s ? Number(a.s) : 0;
          value = '';
          inline = '';
          if (selfClosing) capture = null;
          break;
        }
        case 'v':
          capture = 'v';
          break;
        case 'is':
          inInline = true;
          break;
        case 'rPh':
          inPhonetic = true;
          break;
        case 't':
          if (inInline && !inPhonetic) capture = 't';
          break;
      }
    },
    close(name) {
      switch (name) {
        case 'v':
        case 't':
          capture = null;
          break;
        case 'is':
          inInline = false;
          break;
        case 'rPh':
          inPhonetic = false;
          break;
        case 'c': {
          const cell = cellText(type, style, value, inline, ctx);
          if (cell !== '') {
            while (cells.length < col) cells.push('');
            cells[col] = cell;
          }
          break;
        }
        case 'row':
          onRow(cells, row);
          break;
      }
    },
    text(raw) {
      if (capture === 'v') value += raw;
      else if (capture === 't') inline += raw;
    },
  });
  const decoder = new TextDecoder();
  await streamEntry(blob, entry, (bytes, final) => scanner.push(decoder.decode(bytes, { stream: !final })), {
    onProgress: hooks.onProgress,
    between: hooks.between,
  });
  if (scanner.unfinished) throw new ZipError('worksheet XML cut off');
}

function cellText(type: string, style: number, raw: string, inline: string, ctx: CellContext): string {
  switch (type) {
    case 's':
      return ctx.shared[Number(raw)] ?? '';
    case 'str':
      return decodeOoxmlEscapes(decodeXml(raw));
    case 'inlineStr':
      return decodeOoxmlEscapes(decodeXml(inline));
    case 'b':
      return raw === '' ? '' : raw === '1' || raw === 'true' ? 'TRUE' : 'FALSE';
    case 'e':
      return '';
    case 'd': {
      const iso = decodeXml(raw);
      return iso.endsWith('T00:00:00') || iso.endsWith('T00:00:00Z') ? iso.slice(0, 10) : iso;
    }
    default: {
      if (raw === '') return '';
      const number = Number(raw);
      if (!Number.isFinite(number)) return decodeXml(raw);
      const kind = ctx.dateStyles.get(style);
      return kind ? serialToIso(number, kind, ctx.date1904) : String(number);
    }
  }
}
