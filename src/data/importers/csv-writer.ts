/**
 * Writes the normalised CSV handed to DuckDB: UTF-8, comma-separated, LF line ends, cells quoted
 * only when they hold a comma, a quote or a line break (RFC 4180, quotes doubled). Bytes go into
 * one growing buffer sized from a hint (the input's size) rather than a list of chunks joined at
 * the end: joining would hold the table twice, and the worker holds tables of hundreds of MB.
 */

/** The cell as a CSV field: quoted when it must be. A char loop, as this runs on every cell. */
export function csvField(cell: string): string {
  for (let i = 0; i < cell.length; i++) {
    const c = cell.charCodeAt(i);
    if (c === 0x2c || c === 0x22 || c === 0x0a || c === 0x0d) return `"${cell.replaceAll('"', '""')}"`;
  }
  return cell;
}

/** Text waiting to be encoded is flushed at this many UTF-16 units. */
const FLUSH_AT = 1 << 16;

/** Accumulates rows as UTF-8 bytes. */
export class CsvWriter {
  #bytes: Uint8Array;
  #length = 0;
  #pending = '';
  readonly #encoder = new TextEncoder();

  /** @param capacityHint expected size in bytes; the buffer grows by half when it is exceeded. */
  constructor(capacityHint = 1 << 20) {
    this.#bytes = new Uint8Array(Math.max(1024, Math.ceil(capacityHint)));
  }

  /** Appends one row. */
  writeRow(cells: readonly string[]): void {
    let line = '';
    for (let i = 0; i < cells.length; i++) {
      if (i > 0) line += ',';
      line += csvField(cells[i]);
    }
    this.#pending += line + '\n';
    if (this.#pending.length >= FLUSH_AT) this.#flush();
  }

  /** Bytes written so far (pending text included after the next flush). */
  get byteLength(): number {
    return this.#length;
  }

  /**
   * The CSV. Its buffer is exactly the CSV's length where the platform can shrink a buffer in
   * place (ArrayBuffer.prototype.transfer); elsewhere it is copied once, so that consumers that
   * read `.buffer` never see spare bytes.
   */
  finish(): Uint8Array {
    this.#flush();
    const buffer = this.#bytes.buffer as ArrayBuffer & { transfer?: (length: number) => ArrayBuffer };
    const out =
      this.#length === buffer.byteLength
        ? this.#bytes
        : typeof buffer.transfer === 'function'
          ? new Uint8Array(buffer.transfer(this.#length))
          : this.#bytes.slice(0, this.#length);
    this.#bytes = new Uint8Array(0);
    this.#length = 0;
    return out;
  }

  #flush(): void {
    let text = this.#pending;
    this.#pending = '';
    // Encode into the room there is; grow only when the text did not fit (so a good hint never
    // costs a copy near the end of the file).
    while (text.length > 0) {
      const { read, written } = this.#encoder.encodeInto(text, this.#bytes.subarray(this.#length));
      this.#length += written;
      text = read === text.length ? '' : text.slice(read);
      if (text.length > 0) {
        const grown = new Uint8Array(Math.max(this.#length + text.length * 3, Math.ceil(this.#bytes.length * 1.5)));
        grown.set(this.#bytes.subarray(0, this.#length));
        this.#bytes = grown;
      }
    }
  }
}
