/**
 * The rakor brief works on the user's own data and for any region the app opens (issue 18, item
 * 4), not only the demo Surakarta: a region opened from an imported boundary file (Tanjungbalai's
 * real kelurahan) with an imported multi-year indicator (a small seeded table, read, joined and
 * applied to DuckDB as the import dialog does) gives pockets per year, city figures from summed
 * counts, a priority list by need alone (no program coverage there) and no synthetic notice;
 * the demo Tanjungbalai's own indicator does carry the notice.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { catalog, findCity, findIndicator, registerIndicators, type City, type IndicatorDef } from '../../../src/data/catalog';
import type { AreaCollection } from '../../../src/data/boundaries';
import type { Database } from '../../../src/data/database';
import type { JoinDecisions } from '../../../src/data/join';
import { applyStoredDataset, datasetIndicators } from '../../../src/data/dataset-apply';
import { fetchValues } from '../../../src/data/indicators';
import { readTable } from '../../../src/data/importers/read-table';
import { chooseTableKeys } from '../../../src/data/key-column-sample';
import { columnChoicesOf, indicatorDataset, joinTargets, keyMappingOf, loadTable, sourceInfoOf, stageJoin } from '../../../src/data/table-pipeline';
import { pocketSensitivity, pocketsByYear } from '../../../src/analysis/pockets';
import { briefAttention, briefFigures, briefSynthetic, type BriefDataHost } from '../../../src/state/brief-data';
import { buildBrief, pocketSeries } from '../../../src/ui/brief-model';
import { buildWeights, runLocal } from '../../../src/workers/analysis-tasks';
import { openPipelineDatabase, ROOT } from '../import-pipeline/pipeline';

const YEARS = [2021, 2022, 2023, 2024, 2025];
const areas = JSON.parse(readFileSync(`${ROOT}data/boundaries/kelurahan_tanjungbalai_1274.geojson`, 'utf8')) as AreaCollection;
const codes = areas.features.map((f) => f.properties.kode);
const weights = buildWeights({ geometries: areas.features.map((f) => f.geometry as never), rule: 'queen', toleranceMetres: 10 });

/** The region as the app holds one read from the user's boundary file. */
const imported: City = { ...(findCity('tanjungbalai') as City), slug: '12.74', nama: 'Kota Tanjungbalai (batas impor)', source: 'imported' };

/** The kelurahan with the most neighbours and those neighbours: where the seeded table plants its pocket. */
const centre = codes.map((_, i) => i).sort((a, b) => weights.offsets[b + 1] - weights.offsets[b] - (weights.offsets[a + 1] - weights.offsets[a]) || a - b)[0];
const ring = Array.from(weights.indices.slice(weights.offsets[centre], weights.offsets[centre + 1]));

/** A seeded multi-year table: poor people and population per kelurahan, a pocket that shrinks after 2023. */
function seededCsv(): string {
  let s = 20251203;
  const random = () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
  const lines = ['kode,tahun,miskin,penduduk'];
  for (const year of YEARS) {
    codes.forEach((kode, i) => {
      const penduduk = 3000 + Math.floor(random() * 4000);
      const inPocket = i === centre || (ring.includes(i) && (year <= 2023 || ring.indexOf(i) < 2));
      const rate = (inPocket ? 0.18 : 0.04) + random() * 0.02;
      lines.push(`${kode},${year},${Math.round(penduduk * rate)},${penduduk}`);
    });
  }
  return lines.join('\n') + '\n';
}
const csv = seededCsv();
const rows = csv
  .trim()
  .split('\n')
  .slice(1)
  .map((l) => l.split(','));

function hostOf(db: Database, indicator: IndicatorDef, city: City, regionIndicators: IndicatorDef[]): BriefDataHost {
  return {
    city,
    tahun: 2025,
    lang: 'id',
    indicator,
    regionIndicators,
    kelurahan: areas,
    workspace: { database: async () => db } as BriefDataHost['workspace'],
    program: {
      coverageId: 'program:cakupan:pkh',
      compute: () => Promise.reject(new Error('no program data in this test')),
    },
  };
}

async function lisaYears(db: Database, indikator: string, kodeKota: string) {
  return Promise.all(
    YEARS.map(async (year) => {
      const rate = await fetchValues(db, { kodeKota, tahun: year, indikator, measure: 'rasio' });
      const values = Float64Array.from(codes, (k) => rate.get(k) ?? Number.NaN);
      return { year, lisa: runLocal({ method: 'lisa', values, ids: codes, offsets: weights.offsets, indices: weights.indices, permutations: 999, seed: 20250707 }) };
    }),
  );
}

/** Every number of 3 or more characters in a sentence appears in the table it cites (as brief.test.ts). */
function expectTraceable(doc: ReturnType<typeof buildBrief>) {
  for (const s of doc.sections.flatMap((x) => x.sentences)) {
    const table = doc.tables.find((t) => t.id === s.table);
    expect(table, s.text).toBeDefined();
    const text = [table!.title, table!.note ?? '', ...table!.columns, ...table!.rows.flat()].join(' ');
    for (const n of s.text.match(/\d[\d.,]{2,}\d|\d{3,}/g) ?? []) expect(text, `${n} of "${s.text}"`).toContain(n.replace(/[.,]$/, ''));
  }
}

describe('the brief on imported data in an imported region', () => {
  let db: Database;
  let indicator: IndicatorDef;
  let doc: ReturnType<typeof buildBrief>;
  let synthetic: boolean;
  let byYear: ReturnType<typeof pocketsByYear>;

  beforeAll(async () => {
    db = await openPipelineDatabase();
    // The import dialog's steps: read, guess keys, join to the region's kelurahan, store, apply.
    const table = await readTable(new File([csv], 'miskin-tanjungbalai.csv'), {});
    const targets = joinTargets(areas);
    const { keys } = chooseTableKeys(table, targets);
    expect(keys.tahun).toBe('tahun');
    await loadTable(db, 'tb', table);
    const staged = await stageJoin(db, 'tb', keys, table.headerRow, targets, { oneRowPerKelurahan: true });
    const decisions: JoinDecisions = { fuzzy: {}, manual: {}, duplicates: 'reject' };
    const dataset = await indicatorDataset({ id: 'tb', regionKode: imported.kode, created: '2026-12-03T00:00:00.000Z' }, table, {
      source: sourceInfoOf(table, staged.report, decisions),
      columns: columnChoicesOf(table),
      keys,
      year: null,
      mapping: keyMappingOf(staged.keyRows, staged.report, decisions),
      duplicates: 'reject',
      indicators: [
        { column: 'miskin', id: 'tb_miskin', label: 'Penduduk miskin (impor)', unit: 'jiwa', direction: 'higher_worse', denominator: 'penduduk', per: 100 },
        { column: 'penduduk', id: 'tb_penduduk', label: 'Penduduk', unit: 'jiwa', direction: 'neutral', denominator: null, per: 100 },
      ],
    });
    await applyStoredDataset(db, dataset);
    registerIndicators(dataset.id, datasetIndicators(dataset));
    indicator = findIndicator('tb_miskin')!;
    const host = hostOf(db, indicator, imported, datasetIndicators(dataset));

    const years = await lisaYears(db, indicator.id, imported.kode);
    byYear = pocketsByYear(weights, years, 0.05, 'none');
    const [figures, attention] = await Promise.all([briefFigures(host, 2025, 2024), briefAttention(host, 2025)]);
    synthetic = briefSynthetic(host, attention);
    doc = buildBrief({
      lang: 'id',
      region: imported.nama,
      year: 2025,
      previousYear: 2024,
      created: new Date(Date.UTC(2026, 11, 3)),
      synthetic,
      figures,
      pockets: {
        indicator: 'Penduduk miskin (impor, %)',
        years: byYear,
        names: areas.features.map((f) => f.properties.kelurahan),
        alpha: 0.05,
        correction: 'none',
        permutations: 999,
        sensitivity: pocketSensitivity(weights, years),
      },
      attention,
      targeting: null,
      maps: [],
      sources: [indicator.source.id],
    });
  }, 120_000);

  it('counts the pockets of every year the imported table holds, the planted one among them', () => {
    expect(byYear.map((y) => y.year)).toEqual(YEARS);
    const first = byYear[0].pockets[0];
    expect(first.members).toContain(centre);
    const texts = doc.sections.flatMap((s) => s.sentences).map((s) => s.text);
    expect(texts).toContain(`Jumlah kantong kemiskinan (Penduduk miskin (impor, %)): ${byYear[0].pockets.length} kantong (2021) → ${byYear[4].pockets.length} kantong (2025).`);
    expect(texts.some((t) => t.startsWith('Kantong A') && t.includes(areas.features[centre].properties.kelurahan))).toBe(true);
  });

  it('gives the region’s figures from summed counts, and the rate as summed count over summed population', () => {
    const sum = (year: number, col: 2 | 3) => rows.filter((r) => Number(r[1]) === year).reduce((s, r) => s + Number(r[col]), 0);
    const figure = doc.sections[0].sentences[0].text;
    const id = (v: number, digits = 0) => v.toLocaleString('id-ID', { minimumFractionDigits: digits, maximumFractionDigits: digits });
    expect(figure).toContain(`${id(sum(2025, 2))} jiwa (${id((100 * sum(2025, 2)) / sum(2025, 3), 2)} per 100 Penduduk) pada 2025`);
    expect(figure).toContain(`dari ${id(sum(2024, 2))} jiwa`);
  });

  it('ranks by need alone and says there is no program coverage for the region', () => {
    const attention = doc.sections.find((s) => s.heading.startsWith('Kelurahan'))!.sentences[0].text;
    expect(attention).toContain('data cakupan program tidak tersedia untuk wilayah ini');
    expect(attention).toContain(areas.features[centre].properties.kelurahan);
  });

  it('carries no synthetic notice, and every number of every sentence is in the table it cites', () => {
    expect(synthetic).toBe(false);
    expect(doc.synthetic).toBeNull();
    expectTraceable(doc);
  });
});

describe('the count in words', () => {
  it('says "1 pocket" in English, not "1 pockets" (Tanjungbalai\'s demo has one pocket a year)', () => {
    const year = (y: number, n: number) => ({
      year: y,
      cutoff: 0.05,
      disappeared: [],
      pockets: Array.from({ length: n }, (_, k) => ({ id: String(k), members: [k], status: 'new' as const, merged: [] })),
    });
    expect(pocketSeries([year(2021, 1), year(2025, 1)], 'en')).toBe('1 pocket (2021) → 1 pocket (2025)');
    expect(pocketSeries([year(2021, 3), year(2025, 1)], 'en')).toBe('3 pockets (2021) → 1 pocket (2025)');
    expect(pocketSeries([year(2021, 0), year(2025, 2)], 'id')).toBe('0 kantong (2021) → 2 kantong (2025)');
  });
});

describe('the brief on the demo data of another demo city', () => {
  it('carries the synthetic notice for Tanjungbalai’s demo indicator, and its numbers trace to the appendix', async () => {
    const db = await openPipelineDatabase();
    const city = findCity('tanjungbalai') as City;
    const indicator = findIndicator('penduduk_miskin')!;
    const host = hostOf(db, indicator, city, catalog.indicators);
    const [figures, attention] = await Promise.all([briefFigures(host, 2025, 2024), briefAttention(host, 2025)]);
    const years = await lisaYears(db, indicator.id, city.kode);
    const synthetic = briefSynthetic(host, attention);
    expect(synthetic).toBe(true);
    expect(figures.length).toBeGreaterThan(0);
    const doc = buildBrief({
      lang: 'en',
      region: city.nama,
      year: 2025,
      previousYear: 2024,
      created: new Date(Date.UTC(2026, 11, 3)),
      synthetic,
      figures,
      pockets: {
        indicator: 'Penduduk miskin (%)',
        years: pocketsByYear(weights, years, 0.05, 'none'),
        names: areas.features.map((f) => f.properties.kelurahan),
        alpha: 0.05,
        correction: 'none',
        permutations: 999,
        sensitivity: pocketSensitivity(weights, years),
      },
      attention,
      targeting: null,
      maps: [],
      sources: [],
    });
    expect(doc.synthetic).toContain('Sample data (synthetic)');
    expectTraceable(doc);
  }, 120_000);
});
