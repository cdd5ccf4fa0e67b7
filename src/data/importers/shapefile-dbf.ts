/**
 * The attribute table of a Shapefile: dBASE III as written by ArcGIS, QGIS and GDAL. Field
 * types C (text), N and F (numbers), L (logical) and D (date) are read; others are kept as
 * text. The text encoding comes from the .cpg file; without one, Windows-1252 (ArcGIS's
 * default for Indonesian Windows), unless the text is valid UTF-8 with non-ASCII characters,
 * which Windows-1252 text almost never is (QGIS writes UTF-8 and often no .cpg).
 */

/** A field of the table. */
export interface DbfField {
  name: string;
  type: string;
  length: number;
  decimals: number;
}

/** The decoded table; `deleted[i]` marks records flagged as deleted (their shapes are skipped). */
export interface DbfTable {
  fields: DbfField[];
  records: Record<string, string | number | null>[];
  deleted: boolean[];
  encoding: string;
}

/** Thrown for a damaged .dbf; the Shapefile reader turns it into an ImportError. */
export class DbfError extends Error {}

/** The TextDecoder label for a .cpg file's content, or null if it names nothing known. */
export function encodingFromCpg(cpg: string): string | null {
  const text = cpg.trim().toLowerCase().replace(/^ansi\s*/, '');
  if (/^(utf-?8|65001)$/.test(text)) return 'utf-8';
  if (/^(cp|windows-?)?1252$/.test(text)) return 'windows-1252';
  if (/^(iso[-_ ]?8859[-_ ]?1|8859-?1|latin-?1|88591)$/.test(text)) return 'iso-8859-1';
  const cp = /^(?:cp|windows-?)?(\d{3,4})$/.exec(text);
  const label = cp ? `windows-${cp[1]}` : text;
  try {
    new TextDecoder(label);
    return label;
  } catch {
    return null;
  }
}

function chooseEncoding(bytes: Uint8Array, start: number, cpg: string | null): string {
  const named = cpg === null ? null : encodingFromCpg(cpg);
  if (named) return named;
  const body = bytes.subarray(start);
  if (!body.some((b) => b >= 0x80)) return 'windows-1252';
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(body);
    return 'utf-8';
  } catch {
    return 'windows-1252';
  }
}

function parseValue(text: string, field: DbfField): string | number | null {
  const value = text.trim();
  switch (field.type) {
    case 'N':
    case 'F': {
      if (value === '' || /^[*?]+$/.test(value)) return null;
      const n = Number(value);
      return Number.isFinite(n) ? n : null;
    }
    case 'L': {
      if (/^[TtYy]$/.test(value)) return 'true';
      if (/^[FfNn]$/.test(value)) return 'false';
      return null;
    }
    case 'D': {
      if (value === '' || /^0+$/.test(value)) return null;
      return /^\d{8}$/.test(value) ? `${value.slice(0, 4)}-${value.slice(4, 6)}-${value.slice(6, 8)}` : value;
    }
    default:
      return value === '' ? null : value;
  }
}

/** Reads a .dbf; `cpg` is the content of the .cpg file, if any. Throws DbfError when damaged. */
export function readDbf(bytes: Uint8Array, cpg: string | null): DbfTable {
  if (bytes.length < 33) throw new DbfError('header cut off');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const count = view.getUint32(4, true);
  const headerLength = view.getUint16(8, true);
  const recordLength = view.getUint16(10, true);
  if (headerLength < 33 || headerLength > bytes.length || recordLength < 1) throw new DbfError('bad header');
  const encoding = chooseEncoding(bytes, headerLength, cpg);
  const decoder = new TextDecoder(encoding);
  const fields: DbfField[] = [];
  let fieldOffset = 1; // byte 0 of each record is the deletion flag
  const offsets: number[] = [];
  for (let p = 32; p + 32 <= headerLength && bytes[p] !== 0x0d; p += 32) {
    const raw = bytes.subarray(p, p + 11);
    const end = raw.indexOf(0);
    const name = decoder.decode(end >= 0 ? raw.subarray(0, end) : raw).trim();
    const field = { name, type: String.fromCharCode(bytes[p + 11]).toUpperCase(), length: bytes[p + 16], decimals: bytes[p + 17] };
    fields.push(field);
    offsets.push(fieldOffset);
    fieldOffset += field.length;
  }
  if (fieldOffset > recordLength) throw new DbfError('fields longer than the record');
  if (headerLength + count * recordLength > bytes.length) throw new DbfError('records cut off');
  const records: DbfTable['records'] = [];
  const deleted: boolean[] = [];
  for (let r = 0; r < count; r++) {
    const start = headerLength + r * recordLength;
    deleted.push(bytes[start] === 0x2a); // '*'
    const record: Record<string, string | number | null> = {};
    fields.forEach((field, k) => {
      const cell = bytes.subarray(start + offsets[k], start + offsets[k] + field.length);
      record[field.name] = parseValue(decoder.decode(cell).replace(/\0+$/, ''), field);
    });
    records.push(record);
  }
  return { fields, records, deleted, encoding };
}
