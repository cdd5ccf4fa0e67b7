/**
 * A check of a Parquet file's column chunks before hyparquet decodes them. hyparquet trusts
 * each page header: a header without a compressed size makes its page loop read byte NaN (that
 * is, byte 0) forever, freezing the import worker, and chunk offsets missing from a damaged
 * footer become byte ranges of NaN. Walking the page headers here (Thrift compact protocol,
 * read only as far as sizes and types) proves every page ends inside its chunk, so the loop
 * always moves forward and ends; a file that fails is refused before any decoding starts.
 * Column paths are checked against the schema too: hyparquet starts reading a row group's
 * columns one after another and throws at the first path it cannot find, leaving the reads
 * already started to fail later with nobody listening (an unhandled rejection).
 */
import { parquetSchema, type FileMetaData } from 'hyparquet';

/** Thrift compact protocol element types that Parquet page headers use. */
const BOOL_TRUE = 1, BOOL_FALSE = 2, BYTE = 3, I16 = 4, I32 = 5, I64 = 6, DOUBLE = 7, BINARY = 8, LIST = 9, STRUCT = 12;
/** Page types hyparquet knows (DATA_PAGE, INDEX_PAGE, DICTIONARY_PAGE, DATA_PAGE_V2). */
const PAGE_TYPES = new Set([0, 1, 2, 3]);
const MAX_DEPTH = 32;

class Malformed extends Error {}

/** A forward-only reader that throws Malformed instead of reading past its end. */
class Cursor {
  offset = 0;
  constructor(private readonly bytes: Uint8Array) {}
  byte(): number {
    if (this.offset >= this.bytes.length) throw new Malformed('page header runs past its chunk');
    return this.bytes[this.offset++];
  }
  skip(n: number): void {
    if (!(n >= 0) || this.offset + n > this.bytes.length) throw new Malformed('page header length outside its chunk');
    this.offset += n;
  }
  /** An unsigned varint; more than 10 bytes cannot be a 64-bit value. */
  varint(): number {
    let value = 0;
    for (let shift = 0; shift < 70; shift += 7) {
      const b = this.byte();
      value += (b & 0x7f) * 2 ** shift;
      if (!(b & 0x80)) return value;
    }
    throw new Malformed('varint too long');
  }
  zigzag(): number {
    const v = this.varint();
    return v % 2 === 0 ? v / 2 : -(v + 1) / 2;
  }
}

/** Skips one element of a compact-protocol type, as hyparquet's reader would consume it. */
function skipElement(cursor: Cursor, type: number, depth: number): void {
  switch (type) {
    case BOOL_TRUE:
    case BOOL_FALSE:
      return;
    case BYTE:
      return cursor.skip(1);
    case I16:
    case I32:
    case I64:
      return void cursor.varint();
    case DOUBLE:
      return cursor.skip(8);
    case BINARY:
      return cursor.skip(cursor.varint());
    case LIST: {
      const head = cursor.byte();
      const size = head >> 4 === 15 ? cursor.varint() : head >> 4;
      // hyparquet reads booleans inside a list as one byte each.
      const elementType = (head & 0x0f) === BOOL_TRUE || (head & 0x0f) === BOOL_FALSE ? BYTE : head & 0x0f;
      for (let i = 0; i < size; i++) skipElement(cursor, elementType, depth + 1);
      return;
    }
    case STRUCT:
      return void readStruct(cursor, depth + 1);
    default:
      throw new Malformed(`unknown Thrift type ${type}`);
  }
}

/** The integer and struct fields of a Thrift struct, by field id (other fields are skipped). */
interface Struct {
  ints: Map<number, number>;
  structs: Map<number, Struct>;
}

function readStruct(cursor: Cursor, depth: number): Struct {
  if (depth > MAX_DEPTH) throw new Malformed('Thrift structs nested too deep');
  const struct: Struct = { ints: new Map(), structs: new Map() };
  let field = 0;
  for (;;) {
    const head = cursor.byte();
    const type = head & 0x0f;
    if (type === 0) return struct;
    field = head >> 4 ? field + (head >> 4) : cursor.zigzag();
    if (type === I32 || type === I16) struct.ints.set(field, cursor.zigzag());
    else if (type === STRUCT) struct.structs.set(field, readStruct(cursor, depth + 1));
    else skipElement(cursor, type, depth);
  }
}

/** A non-negative integer field, or Malformed naming what is missing. */
function count(struct: Struct | undefined, field: number, what: string): number {
  const value = struct?.ints.get(field);
  if (value === undefined || value < 0) throw new Malformed(`page header without a valid ${what}`);
  return value;
}

/**
 * The fields hyparquet uses as lengths and offsets without checking them: a missing one becomes
 * NaN, and a reader at offset NaN reads byte 0 forever. Returns the page's compressed size.
 */
function checkHeader(header: Struct): number {
  const type = header.ints.get(1);
  if (type === undefined || !PAGE_TYPES.has(type)) throw new Malformed(`unknown page type ${type}`);
  count(header, 2, 'uncompressed size');
  const compressed = count(header, 3, 'compressed size');
  if (type === 0) count(header.structs.get(5), 1, 'value count');
  if (type === 2) count(header.structs.get(7), 1, 'dictionary size');
  if (type === 3) {
    const v2 = header.structs.get(8);
    for (const [field, what] of [[1, 'value count'], [2, 'null count'], [3, 'row count']] as const) count(v2, field, what);
    const levels = count(v2, 5, 'definition levels length') + count(v2, 6, 'repetition levels length');
    if (levels > compressed) throw new Malformed('levels longer than the page');
  }
  return compressed;
}

/** Where hyparquet reads a column chunk from (its getColumnRange), or null when the footer does not say. */
function chunkRange(meta: FileMetaData['row_groups'][number]['columns'][number]['meta_data']): [number, number] | null {
  if (!meta) return null;
  // hyparquet takes the dictionary offset whenever it is set and not zero.
  const start = Number(meta.dictionary_page_offset || meta.data_page_offset);
  const end = start + Number(meta.total_compressed_size);
  return Number.isSafeInteger(start) && Number.isSafeInteger(end) ? [start, end] : null;
}

/**
 * Resolves when every column chunk of the row groups `groups` (all by default) lies inside the
 * file and its pages have known types and sizes that end inside the chunk; rejects with an Error
 * saying what is wrong. A reader of some row groups checks just those, before decoding them.
 */
export async function checkParquetPages(blob: Blob, metadata: FileMetaData, groups: readonly FileMetaData['row_groups'][number][] = metadata.row_groups): Promise<void> {
  const schema = parquetSchema(metadata);
  for (const group of groups) {
    for (const column of group.columns) {
      let node = schema;
      for (const part of column.meta_data?.path_in_schema ?? []) {
        const child = node.children.find((c) => c.element.name === part);
        if (!child) throw new Error(`column ${String(column.meta_data?.path_in_schema)} not in the schema`);
        node = child;
      }
      const range = chunkRange(column.meta_data);
      // Parquet data starts after the 4-byte magic number and ends before the footer.
      if (!range || range[0] < 4 || range[1] <= range[0] || range[1] > blob.size) throw new Error(`column chunk byte range ${String(range)} outside the file`);
      const bytes = new Uint8Array(await blob.slice(range[0], range[1]).arrayBuffer());
      walkPages(bytes);
    }
  }
}

/** Walks the pages of one column chunk as hyparquet's readColumn does, without decoding them. */
function walkPages(bytes: Uint8Array): void {
  const cursor = new Cursor(bytes);
  try {
    // hyparquet stops when fewer than two bytes are left.
    while (cursor.offset < bytes.length - 1) {
      cursor.skip(checkHeader(readStruct(cursor, 0)));
    }
  } catch (error) {
    if (error instanceof Malformed) throw new Error(`damaged page header: ${error.message}`, { cause: error });
    throw error;
  }
}
