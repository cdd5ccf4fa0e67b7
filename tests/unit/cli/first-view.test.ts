/**
 * The prebuilt first view's build step (src/cli/first-view.ts, issue 16 item 1): its answers are
 * the app's SQL answers, and no stale answer can survive a change of what they are computed
 * from: a changed demo file or SQL module gives a new hash, a new file name and new content.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildFirstViews, FIRST_VIEW_INPUTS, firstViewHash, type BuiltFirstViews } from '../../../src/cli/first-view';
import { openNodeDatabase } from '../../../src/cli/node-db';
import { acceptFirstView, firstViewFileName } from '../../../src/data/first-view-file';
import { fetchCitySummary, fetchValues, loadIndicators } from '../../../src/data/indicators';
import { catalog, cities } from '../../../src/data/catalog';

const ROOT = join(__dirname, '../../..');
let copy: string;
let original: BuiltFirstViews;

/** A copy of the build's inputs, to change one of them without touching the project. */
function copyInputs(): string {
  const dir = mkdtempSync(join(tmpdir(), 'pkk-first-view-'));
  for (const path of FIRST_VIEW_INPUTS) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    copyFileSync(join(ROOT, path), join(dir, path));
  }
  return dir;
}

/** The build's output files (name → content), as the Vite plugin writes them. */
function output(built: BuiltFirstViews): Record<string, string> {
  return Object.fromEntries(built.views.map(({ slug, file }) => [firstViewFileName(slug, built.hash), JSON.stringify(file)]));
}

beforeAll(async () => {
  copy = copyInputs();
  original = await buildFirstViews(copy);
}, 180_000);

afterAll(() => rmSync(copy, { recursive: true, force: true }));

describe('prebuilt first view', () => {
  it('prebuilds the default view of every demo city, answering as the app asks', () => {
    expect(original.views.map((v) => v.slug).sort()).toEqual(cities.map((c) => c.slug).sort());
    for (const { slug, file } of original.views) {
      expect(file.key).toBe(`${slug}|2025|penduduk_miskin|rasio`);
      expect(file.values.length).toBe(cities.find((c) => c.slug === slug)!.kelurahan);
      expect(acceptFirstView(file, { hash: original.hash, key: file.key })).not.toBeNull();
    }
  });

  it('holds the numbers DuckDB answers for the same question', async () => {
    const db = await openNodeDatabase();
    await loadIndicators(db, readFileSync(join(ROOT, 'data/demo/indikator.csv'), 'utf8'), catalog.indicators);
    for (const { slug, file } of original.views) {
      const kodeKota = cities.find((c) => c.slug === slug)!.kode;
      const query = { kodeKota, tahun: 2025, indikator: 'penduduk_miskin' };
      const values = await fetchValues(db, { ...query, measure: 'rasio' });
      expect(new Map(file.values)).toEqual(values);
      expect(file.summary).toEqual(await fetchCitySummary(db, query));
    }
  }, 120_000);

  it('is the same for the same inputs', () => {
    expect(firstViewHash(copy)).toBe(original.hash);
    expect(firstViewHash(ROOT)).toBe(original.hash);
  });

  it('changes hash, file names and values when a demo file changes', async () => {
    const csv = join(copy, 'data/demo/indikator.csv');
    const text = readFileSync(csv, 'utf8');
    // Every Surakarta row's poverty count doubled: the file's answer must follow.
    const [header, ...rows] = text.trimEnd().split('\n');
    const columns = header.split(',');
    const at = columns.indexOf('penduduk_miskin');
    const kota = columns.indexOf('kode_kota');
    const changed = rows.map((row) => {
      const cells = row.split(',');
      if (cells[kota] === '33.72' && cells[at] !== '') cells[at] = String(Number(cells[at]) * 2);
      return cells.join(',');
    });
    writeFileSync(csv, [header, ...changed].join('\n') + '\n');
    try {
      const after = await buildFirstViews(copy);
      expect(after.hash).not.toBe(original.hash);
      const before = output(original);
      const now = output(after);
      expect(Object.keys(now).some((name) => name in before)).toBe(false);
      const solo = (built: BuiltFirstViews) => new Map(built.views.find((v) => v.slug === 'surakarta')!.file.values);
      const [a, b] = [solo(original), solo(after)];
      for (const [kode, value] of a) if (value !== null) expect(b.get(kode)).toBeCloseTo(value * 2, 9);
      // The page built with the old hash refuses the new file, and the other way round.
      const file = after.views[0].file;
      expect(acceptFirstView(file, { hash: original.hash, key: file.key })).toBeNull();
    } finally {
      writeFileSync(csv, text);
    }
  }, 180_000);

  it('changes hash, file names and content when the SQL that produces it changes', async () => {
    for (const path of ['src/data/indicators.ts', 'src/cli/first-view.ts', 'src/cli/node-db.ts']) {
      const file = join(copy, path);
      const text = readFileSync(file, 'utf8');
      writeFileSync(file, text.replace('SELECT kode,', 'SELECT  kode,') + '\n// changed\n');
      try {
        expect(firstViewHash(copy), path).not.toBe(original.hash);
        if (path !== 'src/data/indicators.ts') continue;
        const after = await buildFirstViews(copy);
        const [before, now] = [output(original), output(after)];
        expect(Object.keys(now).some((name) => name in before)).toBe(false);
        expect(Object.values(now).some((content) => Object.values(before).includes(content))).toBe(false);
      } finally {
        writeFileSync(file, text);
      }
    }
    expect(firstViewHash(copy)).toBe(original.hash);
  }, 180_000);
});
