/**
 * The national spatial weights and desa names, made once by `npm run data:national`
 * (scripts/build-national-map.ts) beside the tiles, because the browser cannot afford to read the
 * 162 MB boundary file to find neighbours or names:
 *
 * - `bobot-queen.bin`: queen contiguity (10 m snap, the city panel's default) of every desa, in
 *   kode order, little-endian `["PKKW"][version:int32][n:int32][links:int32][offsets:int32 ×
 *   (n+1)][indices:int32 × links]` then the n kode as UTF-8, one a line;
 * - `desa.tsv`: kode, nama, kecamatan, kabkota, provinsi of every desa, tab-separated, in kode order.
 */
import { fetchBytes } from './http';
import { nationalBase } from './national-map';

const MAGIC = 0x5057_4b50; // "PKKW" read as a little-endian int32
const VERSION = 1;

/** Binary (unweighted) neighbours in CSR form, with the kode of each row. */
export interface NationalWeights {
  kode: string[];
  offsets: Int32Array;
  indices: Int32Array;
}

export function encodeNationalWeights(w: NationalWeights): Uint8Array {
  const n = w.kode.length;
  if (w.offsets.length !== n + 1) throw new RangeError(`weights: ${w.offsets.length} offsets for ${n} desa`);
  const links = w.indices.length;
  const text = new TextEncoder().encode(w.kode.join('\n'));
  const head = 16 + 4 * (n + 1) + 4 * links;
  const bytes = new Uint8Array(head + text.length);
  const view = new DataView(bytes.buffer);
  view.setInt32(0, MAGIC, true);
  view.setInt32(4, VERSION, true);
  view.setInt32(8, n, true);
  view.setInt32(12, links, true);
  for (let i = 0; i <= n; i++) view.setInt32(16 + 4 * i, w.offsets[i], true);
  for (let e = 0; e < links; e++) view.setInt32(16 + 4 * (n + 1) + 4 * e, w.indices[e], true);
  bytes.set(text, head);
  return bytes;
}

export function decodeNationalWeights(bytes: Uint8Array): NationalWeights {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.byteLength < 16 || view.getInt32(0, true) !== MAGIC || view.getInt32(4, true) !== VERSION) throw new Error('national weights: not a bobot-queen.bin of this version');
  const n = view.getInt32(8, true);
  const links = view.getInt32(12, true);
  const head = 16 + 4 * (n + 1) + 4 * links;
  if (bytes.byteLength < head) throw new Error('national weights: file cut short');
  const offsets = new Int32Array(n + 1);
  const indices = new Int32Array(links);
  for (let i = 0; i <= n; i++) offsets[i] = view.getInt32(16 + 4 * i, true);
  for (let e = 0; e < links; e++) indices[e] = view.getInt32(16 + 4 * (n + 1) + 4 * e, true);
  const kode = new TextDecoder().decode(bytes.subarray(head)).split('\n');
  if (kode.length !== n) throw new Error(`national weights: ${kode.length} kode for ${n} desa`);
  return { kode, offsets, indices };
}

/** The national weights; throws `HTTP <status> <url>` when the site was built without them. */
export async function fetchNationalWeights(base = nationalBase()): Promise<NationalWeights> {
  return decodeNationalWeights(await fetchBytes(`${base}bobot-queen.bin`));
}

/** A desa's names, for the national table and its search. */
export interface DesaNames {
  nama: string;
  kecamatan: string;
  kabkota: string;
  provinsi: string;
}

export function renderDesaNames(rows: readonly (DesaNames & { kode: string })[]): string {
  const clean = (s: string) => s.replace(/[\t\n\r]+/g, ' ');
  return rows.map((r) => [r.kode, r.nama, r.kecamatan, r.kabkota, r.provinsi].map(clean).join('\t')).join('\n') + '\n';
}

export function parseDesaNames(text: string): Map<string, DesaNames> {
  const out = new Map<string, DesaNames>();
  for (const line of text.split('\n')) {
    if (!line) continue;
    const [kode, nama = '', kecamatan = '', kabkota = '', provinsi = ''] = line.split('\t');
    out.set(kode, { nama, kecamatan, kabkota, provinsi });
  }
  return out;
}

/** Names of every desa by kode; throws `HTTP <status> <url>` when missing. */
export async function fetchDesaNames(base = nationalBase()): Promise<Map<string, DesaNames>> {
  return parseDesaNames(new TextDecoder().decode(await fetchBytes(`${base}desa.tsv`)));
}

/**
 * `values` (aligned with `from`) in the order of `to`: NaN for a kode of `to` that `from` lacks.
 * The same arrays when the orders are equal (the usual case: both sorted by kode).
 */
export function alignValues(values: Float64Array, from: readonly string[], to: readonly string[]): Float64Array {
  if (from.length === to.length && from.every((k, i) => k === to[i])) return values;
  const at = new Map(from.map((k, i) => [k, i]));
  return Float64Array.from(to, (k) => {
    const i = at.get(k);
    return i === undefined ? Number.NaN : values[i];
  });
}
