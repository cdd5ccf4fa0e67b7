/** Real kelurahan of the demo cities, read from the project's boundary files, as join targets. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { JoinKey, JoinTarget } from '../../../src/data/join';

const root = fileURLToPath(new URL('../../../', import.meta.url));

export function readTargets(file: string): JoinTarget[] {
  const collection = JSON.parse(readFileSync(`${root}data/boundaries/${file}`, 'utf8')) as {
    features: { properties: { kode: string; kelurahan: string; kecamatan: string } }[];
  };
  return collection.features.map((f) => ({ kode: f.properties.kode, nama: f.properties.kelurahan, kecamatan: f.properties.kecamatan }));
}

export const surakarta = () => readTargets('kelurahan_surakarta_3372.geojson');
export const pekalongan = () => readTargets('kelurahan_pekalongan_3375.geojson');

/** Windows-1252 bytes 0x80-0x9F (WHATWG index); the rest are Latin-1. */
const CP1252_HIGH =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

/**
 * Decodes Windows-1252 as browsers do. Node's TextDecoder('windows-1252') decodes Latin-1
 * since 20.18.3 (https://github.com/nodejs/node/issues/60888), so "’" would arrive as U+0092.
 */
function decodeCp1252(bytes: Uint8Array): string {
  let text = '';
  for (const b of bytes) text += b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80] : String.fromCharCode(b);
  return text;
}

/**
 * A `;`-separated Windows-1252 fixture as rows of cells, decoded the way the importer must
 * (so "Kel. Kemlayan" keeps its no-break space and "’" its curly apostrophe).
 */
export function readFixture(name: string): string[][] {
  const text = decodeCp1252(readFileSync(`${root}tests/fixtures/import/join/${name}`));
  return text
    .split('\r\n')
    .filter((line) => line !== '')
    .map((line) => line.split(';'));
}

/**
 * Distinct keys of a table, as the caller builds them with GROUP BY: rows with the same
 * code, name, kecamatan and year (as written) are one key.
 */
export function keysOf(rows: string[][], columns: { kode: number | null; nama: number | null; kecamatan: number | null; tahun: number | null }): JoinKey[] {
  const keys = new Map<string, JoinKey>();
  rows.forEach((row, i) => {
    const cell = (c: number | null) => (c === null || row[c] === '' ? null : row[c]);
    const tahunText = cell(columns.tahun);
    const key: JoinKey = {
      kode: cell(columns.kode),
      nama: cell(columns.nama),
      kecamatan: cell(columns.kecamatan),
      tahun: tahunText === null ? null : Number(tahunText),
      rows: 1,
      firstRow: i + 2, // row 1 is the header
    };
    const id = JSON.stringify([key.kode, key.nama, key.kecamatan, key.tahun]);
    const seen = keys.get(id);
    if (seen) seen.rows += 1;
    else keys.set(id, key);
  });
  return [...keys.values()];
}
