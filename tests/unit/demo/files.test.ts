/**
 * The committed files in data/demo/ are exactly what the generator produces
 * with the default seed, the output is deterministic, and the CSV format is
 * the documented one.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalog } from '../../../src/cli/demo/catalog';
import { renderDemoFiles, type DemoFiles } from '../../../src/cli/demo/csv';
import { DEFAULT_SEED, generateDemo } from '../../../src/cli/demo/generate';
import { PROJECT_ROOT } from '../../../src/cli/generate-demo';
import { defaultDemo, demoInputs } from './demo-fixture';

const DEMO_DIR = join(PROJECT_ROOT, 'data', 'demo');
const fresh = renderDemoFiles(defaultDemo(), catalog);
const names = Object.keys(fresh) as Array<keyof DemoFiles>;

/** First differing line, for a readable failure instead of a 7,000-line diff. */
function firstDifference(actual: string, expected: string): string | null {
  const a = actual.split('\n');
  const e = expected.split('\n');
  for (let i = 0; i < Math.max(a.length, e.length); i++) {
    if (a[i] !== e[i]) return `line ${i + 1}: committed ${JSON.stringify(a[i])}, generated ${JSON.stringify(e[i])}`;
  }
  return null;
}

describe('committed demo files', () => {
  for (const name of names) {
    it(`${name} equals a fresh generation with seed ${DEFAULT_SEED} (run npm run data:demo if not)`, () => {
      const committed = readFileSync(join(DEMO_DIR, name), 'utf8');
      expect(firstDifference(committed, fresh[name])).toBeNull();
      expect(committed).toBe(fresh[name]);
    });
  }

  it('README starts by saying the data are synthetic', () => {
    const firstLine = readFileSync(join(DEMO_DIR, 'README.md'), 'utf8').split('\n')[0];
    expect(firstLine).toMatch(/SINTETIS|SYNTHETIC/);
    expect(firstLine).toContain('Data contoh (sintetis)');
  });
});

describe('CSV format', () => {
  it('uses the documented headers', () => {
    const header = (name: keyof DemoFiles): string => fresh[name].slice(0, fresh[name].indexOf('\n'));
    expect(header('indikator.csv')).toBe(['kode', 'kelurahan', 'kode_kecamatan', 'kecamatan', 'kode_kota', 'tahun', ...catalog.indicators.map((i) => i.id)].join(','));
    expect(header('program.csv')).toBe('kode,tahun,program,penerima,sasaran');
    expect(header('lokasi_program.csv')).toBe('id,program,nama,kode,lat,lon,tahun');
  });

  it('is LF-terminated, rectangular, unquoted numbers with the right decimals', () => {
    for (const name of names) {
      const text = fresh[name];
      expect(text.includes('\r'), name).toBe(false);
      expect(text.endsWith('\n') && !text.endsWith('\n\n'), name).toBe(true);
      const lines = text.slice(0, -1).split('\n');
      const width = lines[0].split(',').length;
      // No field here needs quoting (no commas in names), so a plain split is exact.
      for (const line of lines) expect(line.split(',').length, `${name}: ${line}`).toBe(width);
    }
    const ind = fresh['indikator.csv'].trim().split('\n');
    const cols = ind[0].split(',');
    const areaCols = new Set(catalog.indicators.filter((i) => i.kind === 'area').map((i) => i.id));
    for (const line of ind.slice(1)) {
      const fields = line.split(',');
      cols.forEach((col, i) => {
        if (i < 6) return;
        expect(fields[i], `${col} in ${line}`).toMatch(areaCols.has(col) ? /^\d+\.\d{2}$/ : /^\d+$/);
      });
    }
    for (const line of fresh['lokasi_program.csv'].trim().split('\n').slice(1)) {
      const [, , , , lat, lon] = line.split(',');
      expect(lat).toMatch(/^-?\d+\.\d{6}$/);
      expect(lon).toMatch(/^-?\d+\.\d{6}$/);
    }
  });
});

describe('determinism', () => {
  const { cities, boundariesByCity } = demoInputs();

  it('gives identical output for the same seed', () => {
    const again = renderDemoFiles(generateDemo(cities, boundariesByCity, DEFAULT_SEED), catalog);
    expect(again).toEqual(fresh);
  });

  it('gives different kelurahan values, but the same calibrated city totals, for another seed', () => {
    const other = generateDemo(cities, boundariesByCity, DEFAULT_SEED + 1);
    expect(renderDemoFiles(other, catalog)['indikator.csv']).not.toBe(fresh['indikator.csv']);
    const base = defaultDemo();
    const sums = (rows: typeof base.indicators): string =>
      JSON.stringify(['penduduk', 'penduduk_miskin', 'penduduk_miskin_ekstrem'].map((k) => rows.reduce((s, r) => s + (r as unknown as Record<string, number>)[k], 0)));
    for (const city of cities) {
      for (const tahun of [2021, 2023, 2025]) {
        const pick = (rows: typeof base.indicators) => rows.filter((r) => r.kode_kota === city.kode && r.tahun === tahun);
        expect(sums(pick(other.indicators)), `${city.slug} ${tahun}`).toBe(sums(pick(base.indicators)));
      }
    }
  });
});
