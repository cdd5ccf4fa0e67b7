/**
 * The registry of analysis methods (src/analysis/methods) is the one list the app and the CLI
 * read: every method has everything they ask of it, its words exist in both languages, and each
 * survives the URL, the worker and the CLI's method list.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ANALYSIS_METHODS, LOCAL_METHODS, METHOD_IDS, findMethod, localMethod } from '../../../../src/analysis/methods';
import { messages } from '../../../../src/i18n';
import { formatViewParams, parseViewParams, type AnalysisParams, type ViewParams } from '../../../../src/state/url';
import { METHODS as CLI_METHODS } from '../../../../src/cli/methods';
import { METHODS as PANEL_METHODS, methodLabel } from '../../../../src/state/analysis.svelte';
import { runLocal } from '../../../../src/workers/analysis-tasks';
import { localCategories } from '../../../../src/state/cluster-categories';
import { weightsFromNeighbours } from '../../../../src/analysis/weights';

const hasMessage = (key: string) => key in messages.id && key in messages.en;

describe('every method of the registry', () => {
  it.each(ANALYSIS_METHODS.map((m) => [m.id, m] as const))('%s has an id, a name in both languages and categories with codes, colours and words', (_, m) => {
    expect(m.id).toMatch(/^[a-z][a-z-]*$/);
    expect(hasMessage(m.label), m.label).toBe(true);
    expect(m.categories.length).toBeGreaterThan(1);
    const codes = m.categories.map((c) => c.code);
    expect(new Set(codes).size, 'codes are distinct').toBe(codes.length);
    for (const c of m.categories) {
      expect(Number.isInteger(c.code) && c.code >= 0 && c.code < 127, 'fits feature-state and Int8Array').toBe(true);
      expect(c.color).toMatch(/^#[0-9a-fA-F]{6}$/);
      expect(hasMessage(c.label), c.label).toBe(true);
      expect(c.words.length).toBeGreaterThan(0);
      if (c.explain) expect(hasMessage(c.explain), c.explain).toBe(true);
    }
    expect(typeof m.secondVariable).toBe('boolean');
  });

  it.each(LOCAL_METHODS.map((m) => [m.id, m] as const))('%s (local) has a note, profile rows, output columns and the options it accepts', (_, m) => {
    expect(hasMessage(m.note), m.note).toBe(true);
    expect(m.profile.length).toBeGreaterThan(0);
    for (const row of m.profile) expect(hasMessage(row.label), row.label).toBe(true);
    expect(m.columns.length).toBeGreaterThan(0);
    expect(m.columns[0][1]).toBe('statistic');
    expect(m.columns.map(([name]) => name)).toContain('p');
    expect(['pseudoP', 'pNormal']).toContain(m.decidesBy);
    expect(['row-standardised', 'binary']).toContain(m.weightsStyle);
    expect(m.options).toContain('correction');
    // The panel hides permutations and seed for a method that draws none: then no pseudo p may
    // decide its map, show in its profile or be needed as a cut-off.
    if (m.permutes === false) {
      expect(m.decidesBy).toBe('pNormal');
      expect(m.profile.map((r) => r.field)).not.toContain('pseudoP');
      expect(m.neededCutoffs({ alpha: 0.05, correction: 'none' }, 54)).toEqual([]);
    }
  });

  it('emerging hot spots tell the panel to show weights and correction only: no permutations, no α', () => {
    const m = localMethod('emerging');
    expect(m.permutes).toBe(false);
    expect(m.options).toEqual(['correction']);
  });

  it('ids are unique, and the panel, the URL and the CLI offer exactly the registry', () => {
    expect(new Set(METHOD_IDS).size).toBe(METHOD_IDS.length);
    expect(PANEL_METHODS).toEqual(['none', ...METHOD_IDS]);
    expect(CLI_METHODS).toEqual(['moran', ...LOCAL_METHODS.map((m) => m.id), 'classify']);
    expect(methodLabel('none')).toBe('analysis.method.none');
    for (const id of METHOD_IDS) expect(methodLabel(id)).toBe(findMethod(id)!.label);
    expect(() => localMethod('quadrant')).toThrow(/not a local/);
  });
});

const vocabulary = { citySlugs: ['surakarta'], indicatorIds: ['rtlh', 'penduduk_miskin'] };
const view: ViewParams = {
  kota: 'surakarta',
  tahun: 2025,
  indikator: 'penduduk_miskin',
  ukuran: 'rasio',
  kelas: 5,
  skema: 'quantile',
  batas: null,
  eb: false,
  analisis: null,
  lang: 'id',
  peta: null,
  banding: null,
};

describe('each method in the URL', () => {
  it.each(ANALYSIS_METHODS.map((m) => [m.id, m] as const))('%s round-trips with the fields it reads', (_, m) => {
    const local = m.kind === 'local';
    const analisis: AnalysisParams = {
      metode: m.id,
      permutasi: local ? 1079 : 999,
      seed: local ? 42 : 20250707,
      alpha: local ? 0.01 : 0.05,
      koreksi: local ? 'fdr' : 'none',
      bobot: local ? 'rook' : 'queen',
      toleransi: local ? 5 : 10,
      kedua: m.secondVariable ? 'rtlh' : null,
    };
    const query = formatViewParams({ ...view, analisis });
    expect(query).toContain(`analisis=${m.id}`);
    expect(query.includes('kedua=rtlh')).toBe(m.secondVariable);
    expect(query.includes('permutasi=')).toBe(local);
    const parsed = parseViewParams(`?${query}`, vocabulary);
    expect(parsed.problems).toEqual([]);
    expect(parsed.params.analisis).toEqual(analisis);
  });

  it('refuses a method that is not in the registry', () => {
    expect(parseViewParams('?analisis=kriging', vocabulary).problems).toEqual([{ name: 'analisis', value: 'kriging' }]);
  });
});

describe('each local method in the worker', () => {
  // A 4 x 4 rook lattice with a gradient (x) and a second variable (y), one value missing.
  const neighbours = Array.from({ length: 16 }, (_, i) => [i - 4, i + 4, i % 4 ? i - 1 : -1, i % 4 < 3 ? i + 1 : -1].filter((j) => j >= 0 && j < 16));
  const w = weightsFromNeighbours(neighbours);
  const values = Float64Array.from({ length: 16 }, (_, i) => (i === 5 ? Number.NaN : (i % 4) + Math.floor(i / 4) + (i % 3) / 10));
  const values2 = Float64Array.from({ length: 16 }, (_, i) => 16 - i + (i % 2));
  const ids = Array.from({ length: 16 }, (_, i) => `k${String(i).padStart(2, '0')}`);

  it.each(LOCAL_METHODS.map((m) => [m.id, m] as const))('%s runs, leaves the kelurahan without a value out and maps every other to a category', (_, m) => {
    // A yearly method gets three years: this one, and two shifted ones.
    const yearly = m.yearly ? [0, 1, 2].map((t) => values.map((v, i) => v + ((i * t) % 5) / 3)) : undefined;
    const out = runLocal({
      method: m.id,
      values,
      values2: m.secondVariable ? values2 : undefined,
      yearly,
      years: yearly && [2023, 2024, 2025],
      ids,
      offsets: w.offsets,
      indices: w.indices,
      permutations: 99,
      seed: 1,
    });
    expect(out.method).toBe(m.id);
    expect(out.missing).toBe(1);
    const map = localCategories(m, out, 0.05, 'none');
    expect(map.codes[5]).toBe(-1);
    expect(map.rows.map((r) => r.index)).toEqual(m.categories.map((c) => c.code));
    expect(map.rows.reduce((a, r) => a + r.count, 0)).toBe(15);
    if (m.secondVariable) expect(() => runLocal({ method: m.id, values, ids, offsets: w.offsets, indices: w.indices, permutations: 9, seed: 1 })).toThrow(/second value/);
    if (m.yearly) {
      expect(out.series).toHaveLength(3);
      expect(out.years).toEqual([2023, 2024, 2025]);
      expect(() => runLocal({ method: m.id, values, ids, offsets: w.offsets, indices: w.indices, permutations: 9, seed: 1 })).toThrow(/two years/);
    }
  });
});

/** A method is found by its file: no list to add it to, under Vite (here) as under Node (the CLI, by tsx). */
describe('the registry finds the methods by their files', () => {
  const root = join(import.meta.dirname, '../../../..');
  const methodFiles = readdirSync(join(root, 'src/analysis/methods')).filter((f) => f.endsWith('.ts') && !['index.ts', 'types.ts'].includes(f));

  it('holds a method of every module of the folder, in the panel order', () => {
    const ids = ANALYSIS_METHODS.map((m) => m.id);
    expect(ids).toEqual(['lisa', 'gistar', 'gi', 'geary', 'lisa-bv', 'emerging', 'quadrant']);
    expect(methodFiles.map((f) => f.replace(/\.ts$/, '')).filter((name) => !ids.includes(name))).toEqual([]);
    expect(readFileSync(join(root, 'src/analysis/methods/index.ts'), 'utf8')).not.toMatch(/from '\.\/(lisa|gi|geary|quadrant|emerging)'/);
  });

  it('lists the same methods in Node, where the folder is read when the registry loads', () => {
    const script = "const m = await import('./src/analysis/methods/index.ts'); console.log(JSON.stringify(m.METHOD_IDS));";
    const out = execFileSync(process.execPath, [join(root, 'node_modules/tsx/dist/cli.mjs'), '--input-type=module', '-e', script], { cwd: root, encoding: 'utf8' });
    expect(JSON.parse(out.trim())).toEqual([...METHOD_IDS]);
  }, 60_000);
});
