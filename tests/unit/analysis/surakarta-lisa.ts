/**
 * LISA of the demo's Surakarta poverty rate (penduduk miskin ÷ penduduk) for 2021-2025 from the
 * committed data/demo CSV and boundaries, as the app runs it (queen, 10 m, 999 permutations,
 * seed 20250707), for the pockets and brief tests.
 */
import { readFileSync } from 'node:fs';
import { buildWeights, runLocal } from '../../../src/workers/analysis-tasks';

const fc = JSON.parse(readFileSync(new URL('../../../data/boundaries/kelurahan_surakarta_3372.geojson', import.meta.url), 'utf8')) as {
  features: { geometry: never; properties: { kode: string; kelurahan: string; kecamatan: string } }[];
};

export function surakartaLisa() {
  const weights = buildWeights({ geometries: fc.features.map((f) => f.geometry), rule: 'queen', toleranceMetres: 10 });
  const ids = fc.features.map((f) => f.properties.kode);
  const lines = readFileSync(new URL('../../../data/demo/indikator.csv', import.meta.url), 'utf8')
    .trim()
    .split('\n');
  const head = lines[0].split(',');
  const col = (name: string) => head.indexOf(name);
  const rows = lines.slice(1).map((l) => l.split(','));
  const years = [2021, 2022, 2023, 2024, 2025].map((year) => {
    const rate = new Map(
      rows
        .filter((r) => r[col('kode_kota')] === '33.72' && Number(r[col('tahun')]) === year)
        .map((r) => [r[col('kode')], Number(r[col('penduduk_miskin')]) / Number(r[col('penduduk')])]),
    );
    const values = Float64Array.from(ids, (k) => rate.get(k) ?? Number.NaN);
    return { year, lisa: runLocal({ method: 'lisa', values, ids, offsets: weights.offsets, indices: weights.indices, permutations: 999, seed: 20250707 }) };
  });
  return { weights, years, names: fc.features.map((f) => f.properties.kelurahan), kecamatan: fc.features.map((f) => f.properties.kecamatan) };
}
