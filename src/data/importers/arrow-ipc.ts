/**
 * A small Apache Arrow IPC stream writer for text columns, so the import worker can hand a
 * Parquet row group to DuckDB as Arrow (DuckDB-WASM's insertArrowFromIPCStream) instead of as CSV
 * text DuckDB has to parse again. Only what that needs: nullable Utf8 columns, one record batch
 * per stream. The apache-arrow package is not a dependency of the app (DuckDB-WASM carries its
 * own copy, which the app cannot import), and its builders would cost more than these bytes;
 * the flatbuffers package, already a dependency, writes the messages' headers.
 *
 * Layout (Arrow columnar format, "IPC streaming format"): each message is the continuation mark
 * 0xFFFFFFFF, the header's length, the header (a flatbuffer `Message`, padded to 8 bytes), then
 * the body (the buffers, each padded to 8 bytes); the stream is a Schema message, a RecordBatch
 * message and the end mark (0xFFFFFFFF, 0).
 */
import { Builder } from 'flatbuffers';

/** Message.fbs: MetadataVersion.V5, MessageHeader.Schema / RecordBatch. */
const V5 = 4;
const HEADER_SCHEMA = 1;
const HEADER_RECORD_BATCH = 3;
/** Schema.fbs: Type.Utf8. */
const TYPE_UTF8 = 5;

/** One text column of a batch: `offsets[i]..offsets[i + 1]` of `data` is row i's UTF-8 text. */
export interface Utf8Column {
  offsets: Int32Array;
  data: Uint8Array;
  /** Bit i (least significant first) set when row i has a value; null when no row is null. */
  validity: Uint8Array | null;
  nullCount: number;
}

/** Grows a UTF-8 column row by row (the text of each cell, or null). */
export class Utf8ColumnBuilder {
  #offsets: Int32Array;
  #validity: Uint8Array;
  #data: Uint8Array;
  #length = 0;
  #rows = 0;
  #nulls = 0;
  static #encoder = new TextEncoder();

  constructor(
    readonly capacity: number,
    bytesHint = capacity * 8,
  ) {
    this.#offsets = new Int32Array(capacity + 1);
    this.#validity = new Uint8Array((capacity + 7) >> 3);
    this.#data = new Uint8Array(Math.max(64, bytesHint));
  }

  get rows(): number {
    return this.#rows;
  }

  appendNull(): void {
    this.#nulls++;
    this.#offsets[++this.#rows] = this.#length;
  }

  /**
   * Appends `bytes` when they are plain ASCII (then valid UTF-8 as they are) and returns true;
   * returns false and appends nothing otherwise. One pass that copies and checks: most cells of a
   * register are a few ASCII bytes, for which a loop is cheaper than TypedArray.set.
   */
  appendAscii(bytes: Uint8Array): boolean {
    const n = bytes.length;
    this.#reserve(n);
    const data = this.#data;
    const start = this.#length;
    let high = 0;
    if (n > 64) {
      for (let i = 0; i < n; i++) high |= bytes[i];
      if (high & 0x80) return false;
      data.set(bytes, start);
    } else {
      for (let i = 0; i < n; i++) high |= data[start + i] = bytes[i];
      if (high & 0x80) return false;
    }
    this.#length = start + n;
    this.#valid();
    return true;
  }

  /** Appends a whole number's decimal digits, as String(n) writes them (|n| < 2^53). */
  appendInteger(n: number): void {
    this.#reserve(17);
    const data = this.#data;
    let at = this.#length;
    let v = n;
    if (v < 0) {
      data[at++] = 0x2d;
      v = -v;
    }
    const start = at;
    do {
      data[at++] = 0x30 + (v % 10);
      v = Math.floor(v / 10);
    } while (v > 0);
    // The digits were written last first.
    for (let i = start, j = at - 1; i < j; i++, j--) {
      const d = data[i];
      data[i] = data[j];
      data[j] = d;
    }
    this.#length = at;
    this.#valid();
  }

  appendText(text: string): void {
    // Three bytes per UTF-16 unit at most.
    this.#reserve(text.length * 3);
    const { written } = Utf8ColumnBuilder.#encoder.encodeInto(text, this.#data.subarray(this.#length));
    this.#length += written;
    this.#valid();
  }

  finish(): Utf8Column {
    const rows = this.#rows;
    return {
      offsets: this.#offsets.subarray(0, rows + 1),
      data: this.#data.subarray(0, this.#length),
      validity: this.#nulls > 0 ? this.#validity.subarray(0, (rows + 7) >> 3) : null,
      nullCount: this.#nulls,
    };
  }

  #valid(): void {
    const row = this.#rows;
    this.#validity[row >> 3] |= 1 << (row & 7);
    this.#offsets[++this.#rows] = this.#length;
  }

  #reserve(bytes: number): void {
    const needed = this.#length + bytes;
    if (needed <= this.#data.length) return;
    // Arrow's Utf8 offsets are 32-bit: a batch holds under 2 GB of text (the reader keeps batches far smaller).
    if (needed > 0x7fffffff) throw new RangeError('more than 2 GB of text in one Arrow batch');
    const grown = new Uint8Array(Math.min(0x7fffffff, Math.max(needed, this.#data.length * 2)));
    grown.set(this.#data.subarray(0, this.#length));
    this.#data = grown;
  }
}

const pad8 = (n: number) => (n + 7) & ~7;

/** One encapsulated message: continuation mark, header length, header padded to 8 bytes. */
function messageHeader(builder: Builder, headerType: number, header: number, bodyLength: number): Uint8Array {
  builder.startObject(5);
  builder.addFieldInt64(3, BigInt(bodyLength), 0n);
  builder.addFieldOffset(2, header, 0);
  builder.addFieldInt16(0, V5, 0);
  builder.addFieldInt8(1, headerType, 0);
  builder.finish(builder.endObject());
  const flat = builder.asUint8Array();
  const length = pad8(8 + flat.length) - 8;
  const out = new Uint8Array(8 + length);
  const view = new DataView(out.buffer);
  view.setUint32(0, 0xffffffff, true);
  view.setInt32(4, length, true);
  out.set(flat, 8);
  return out;
}

function schemaMessage(names: readonly string[]): Uint8Array {
  const builder = new Builder(256 + names.length * 64);
  const fields = names.map((name) => {
    const nameOffset = builder.createString(name);
    builder.startObject(0); // Utf8 has no fields
    const type = builder.endObject();
    // Arrow's reader wants the children vector present, even empty.
    builder.startVector(4, 0, 4);
    const children = builder.endVector();
    builder.startObject(7);
    builder.addFieldOffset(0, nameOffset, 0);
    builder.addFieldInt8(1, 1, 0); // nullable
    builder.addFieldInt8(2, TYPE_UTF8, 0);
    builder.addFieldOffset(3, type, 0);
    builder.addFieldOffset(5, children, 0);
    return builder.endObject();
  });
  builder.startVector(4, fields.length, 4);
  for (let i = fields.length - 1; i >= 0; i--) builder.addOffset(fields[i]);
  const fieldVector = builder.endVector();
  builder.startObject(4);
  builder.addFieldOffset(1, fieldVector, 0);
  const schema = builder.endObject();
  return messageHeader(builder, HEADER_SCHEMA, schema, 0);
}

/** A vector of structs of two int64 (FieldNode, Buffer), written back to front as flatbuffers want. */
function pairVector(builder: Builder, pairs: readonly [number, number][]): number {
  builder.startVector(16, pairs.length, 8);
  for (let i = pairs.length - 1; i >= 0; i--) {
    builder.prep(8, 16);
    builder.writeInt64(BigInt(pairs[i][1]));
    builder.writeInt64(BigInt(pairs[i][0]));
  }
  return builder.endVector();
}

/**
 * The Arrow IPC stream of one record batch of text columns named `names` (all of `rows` rows),
 * ready for DuckDB's insertArrowFromIPCStream.
 */
export function utf8BatchStream(names: readonly string[], columns: readonly Utf8Column[], rows: number): Uint8Array {
  if (names.length !== columns.length) throw new RangeError(`${names.length} names for ${columns.length} columns`);
  const nodes: [number, number][] = [];
  const buffers: [number, number][] = [];
  const parts: Uint8Array[] = [];
  let body = 0;
  const addBuffer = (bytes: Uint8Array) => {
    buffers.push([body, bytes.length]);
    parts.push(bytes);
    body += pad8(bytes.length);
  };
  for (const column of columns) {
    if (column.offsets.length !== rows + 1) throw new RangeError(`a column of ${column.offsets.length - 1} rows in a batch of ${rows}`);
    nodes.push([rows, column.nullCount]);
    addBuffer(column.validity ?? new Uint8Array(0));
    addBuffer(new Uint8Array(column.offsets.buffer, column.offsets.byteOffset, column.offsets.byteLength));
    addBuffer(column.data);
  }
  const builder = new Builder(256 + columns.length * 64);
  const nodeVector = pairVector(builder, nodes);
  const bufferVector = pairVector(builder, buffers);
  builder.startObject(4);
  builder.addFieldInt64(0, BigInt(rows), 0n);
  builder.addFieldOffset(1, nodeVector, 0);
  builder.addFieldOffset(2, bufferVector, 0);
  const batch = builder.endObject();
  const schema = schemaMessage(names);
  const header = messageHeader(builder, HEADER_RECORD_BATCH, batch, body);
  const out = new Uint8Array(schema.length + header.length + body + 8);
  out.set(schema, 0);
  out.set(header, schema.length);
  let at = schema.length + header.length;
  for (let i = 0; i < parts.length; i++) out.set(parts[i], at + buffers[i][0]);
  at += body;
  // End of stream: the continuation mark and a zero length.
  new DataView(out.buffer).setUint32(at, 0xffffffff, true);
  return out;
}
