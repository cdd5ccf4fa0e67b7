/**
 * The national map's prebuilt first view (src/cli/first-view-national.ts, issue 16 item 1): the
 * file, read back as the page reads it, holds exactly the numbers DuckDB answers for the default
 * view (bit for bit, missing values in the same desa, codes in the same order), and a changed
 * sample CSV or SQL module gives a new hash, a new file name and, for the data, new numbers.
 * The sample is made here (the generator's values for desa spread over Indonesia, with holes),
 * so the test runs before `npm run data:national` has written the real one.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildNationalFirstView, NATIONAL_FIRST_VIEW_INPUTS, NATIONAL_SAMPLE_CSV, nationalFirstViewHash, type BuiltNationalFirstView } from '../../../src/cli/first-view-national';
import { openNodeDatabase } from '../../../src/cli/node-db';
import { generateNationalRows, renderNationalCsv, type DesaPoint } from '../../../src/cli/national/synthetic';
import { acceptNationalFirstView, decodeKode, encodeKode, nationalFirstViewFileName } from '../../../src/data/first-view-national-file';
import { fetchNationalKode, fetchNationalValues, loadNationalValues } from '../../../src/data/national-map';

const ROOT = join(__dirname, '../../..');
let copy: string;
let original: BuiltNationalFirstView;

/** 600 desa of 6 provinsi, rows not in kode order, with a missing row and an empty value. */
function sampleCsv(): string {
  const points: DesaPoint[] = [];
  for (let i = 0; i < 600; i++) {
    const prov = [11, 33, 35, 52, 91, 94][i % 6];
    const kecamatan = String(1 + (Math.floor(i / 6) % 10)).padStart(2, '0');
    const desa = `${i % 3 === 0 ? 1 : 2}${String(i).padStart(3, '0')}`;
    points.push({ kode: `${prov}.0${1 + (i % 4)}.${kecamatan}.${desa}`, lon: 95 + (i % 46), lat: -10 + (i % 16) });
  }
  const rows = generateNationalRows(points).filter((r) => !(r.kode === points[7].kode && r.tahun === 2025));
  const lines = renderNationalCsv(rows).trimEnd().split('\n');
  const [header, ...body] = lines;
  // One desa without a poverty value in 2025 (an empty cell, not a missing row).
  const blank = body.findIndex((line) => line.startsWith(`${points[11].kode},2025,`));
  body[blank] = body[blank].replace(/^([^,]+,2025,)[^,]*/, '$1');
  return [header, ...body].join('\n') + '\n';
}

function copyInputs(): string {
  const dir = mkdtempSync(join(tmpdir(), 'pkk-first-view-national-'));
  for (const path of NATIONAL_FIRST_VIEW_INPUTS) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    if (path === NATIONAL_SAMPLE_CSV) writeFileSync(join(dir, path), sampleCsv());
    else copyFileSync(join(ROOT, path), join(dir, path));
  }
  return dir;
}

/** The file as the page receives it (JSON over the wire), read as the page reads it. */
function asPage(built: BuiltNationalFirstView) {
  return acceptNationalFirstView(JSON.parse(JSON.stringify(built.file)), { hash: built.hash, key: built.file.key });
}

beforeAll(async () => {
  copy = copyInputs();
  original = (await buildNationalFirstView(copy))!;
}, 180_000);

afterAll(() => rmSync(copy, { recursive: true, force: true }));

describe('national prebuilt first view', () => {
  it('holds, bit for bit, what DuckDB answers for the default view', async () => {
    const db = await openNodeDatabase();
    const years = await loadNationalValues(db, new Uint8Array(readFileSync(join(copy, NATIONAL_SAMPLE_CSV))));
    const kode = await fetchNationalKode(db);
    const { nilai } = await fetchNationalValues(db, kode, 'penduduk_miskin', 2025);
    const page = asPage(original)!;
    expect(original.file.key).toBe('penduduk_miskin|2025');
    expect(page.years).toEqual(years);
    expect(page.kode).toEqual(kode);
    expect(page.kode).toHaveLength(600);
    // Float64 bits, so NaN (no value) and every digit count.
    expect(new Uint8Array(page.nilai.buffer)).toEqual(new Uint8Array(nilai.buffer));
    const missing = kode.filter((_, i) => Number.isNaN(nilai[i]));
    expect(missing.length).toBe(2);
  }, 120_000);

  it('writes the codes in about half their plain size and reads them back in order', () => {
    const kode = decodeKode(original.file.kode);
    expect(encodeKode(kode)).toEqual(original.file.kode);
    expect(JSON.stringify(original.file.kode).length).toBeLessThan(JSON.stringify(kode).length * 0.6);
    expect(() => encodeKode(['11.01 01.2001'])).toThrow(/space/);
  });

  it('is refused by a page of another build, for another view, or when broken', () => {
    const file = JSON.parse(JSON.stringify(original.file)) as typeof original.file;
    const expected = { hash: original.hash, key: file.key };
    expect(acceptNationalFirstView(file, expected)).not.toBeNull();
    expect(acceptNationalFirstView(file, { ...expected, hash: `0${original.hash.slice(1)}` })).toBeNull();
    expect(acceptNationalFirstView(file, { ...expected, key: 'rtlh|2025' })).toBeNull();
    expect(acceptNationalFirstView(file, { hash: '', key: file.key })).toBeNull();
    expect(acceptNationalFirstView({ ...file, format: 2 }, expected)).toBeNull();
    expect(acceptNationalFirstView({ ...file, nilai: file.nilai.slice(1) }, expected)).toBeNull();
    expect(acceptNationalFirstView({ ...file, nilai: file.nilai.map(() => 'x') }, expected)).toBeNull();
    expect(acceptNationalFirstView('text', expected)).toBeNull();
  });

  it('is the same for the same inputs, and absent without a sample CSV', async () => {
    expect(nationalFirstViewHash(copy)).toBe(original.hash);
    const empty = mkdtempSync(join(tmpdir(), 'pkk-first-view-national-none-'));
    try {
      expect(await buildNationalFirstView(empty)).toBeNull();
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });

  it('changes hash, file name and values when the sample CSV changes', async () => {
    const csv = join(copy, NATIONAL_SAMPLE_CSV);
    const text = readFileSync(csv, 'utf8');
    // Every 2025 poverty share of provinsi 33 plus 1.5 points: the file's answer must follow.
    writeFileSync(
      csv,
      text.replace(/^(33\.[^,]+,2025,)([\d.]+)/gm, (_, head: string, v: string) => `${head}${(Number(v) + 1.5).toFixed(1)}`),
    );
    try {
      const after = (await buildNationalFirstView(copy))!;
      expect(after.hash).not.toBe(original.hash);
      expect(nationalFirstViewFileName(after.hash)).not.toBe(nationalFirstViewFileName(original.hash));
      const [a, b] = [asPage(original)!, asPage(after)!];
      let changed = 0;
      a.kode.forEach((kode, i) => {
        if (!kode.startsWith('33.') || Number.isNaN(a.nilai[i])) return expect(Object.is(b.nilai[i], a.nilai[i])).toBe(true);
        expect(b.nilai[i]).toBeCloseTo(a.nilai[i] + 1.5, 9);
        changed++;
      });
      expect(changed).toBeGreaterThan(90);
      // The page built with the old hash refuses the new file.
      expect(acceptNationalFirstView(after.file, { hash: original.hash, key: after.file.key })).toBeNull();
    } finally {
      writeFileSync(csv, text);
    }
  }, 180_000);

  it('changes hash and file name when the SQL that produces it changes', () => {
    for (const path of ['src/data/national-map.ts', 'src/cli/first-view-national.ts', 'src/cli/node-db.ts', 'src/data/sql.ts']) {
      const file = join(copy, path);
      const text = readFileSync(file, 'utf8');
      writeFileSync(file, `${text.replace('SELECT DISTINCT kode', 'SELECT  DISTINCT kode')}\n// changed\n`);
      try {
        const hash = nationalFirstViewHash(copy);
        expect(hash, path).not.toBe(original.hash);
        expect(nationalFirstViewFileName(hash), path).not.toBe(nationalFirstViewFileName(original.hash));
      } finally {
        writeFileSync(file, text);
      }
    }
    expect(nationalFirstViewHash(copy)).toBe(original.hash);
  });
});
