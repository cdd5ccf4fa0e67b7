/**
 * Synthetic household rows for the aggregation measure: seeded, so every machine aggregates the
 * same file. Households are spread over the demo kelurahan in proportion to their 2025 household
 * counts (data/demo/indikator.csv); poorer deciles more often lack a proper house, water or
 * sanitation, so the aggregates look like the indicators they stand for.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRandom } from '../../../src/analysis/random';
import { CACHE, ROOT } from './paths';

export const HOUSEHOLD_ROWS = 1_000_000;
const SEED = 20250701;

/** Kelurahan codes and their 2025 household counts, from the demo indicators. */
function kelurahanWeights(): { kode: string[]; cumulative: number[] } {
  const lines = readFileSync(join(ROOT, 'data/demo/indikator.csv'), 'utf8').trim().split('\n');
  const header = lines[0].split(',');
  const [iKode, iTahun, iRt] = ['kode', 'tahun', 'rumah_tangga'].map((name) => header.indexOf(name));
  const kode: string[] = [];
  const cumulative: number[] = [];
  let total = 0;
  for (const line of lines.slice(1)) {
    const cells = line.split(',');
    if (cells[iTahun] !== '2025') continue;
    total += Number(cells[iRt]);
    kode.push(cells[iKode]);
    cumulative.push(total);
  }
  return { kode, cumulative: cumulative.map((c) => c / total) };
}

/** Index of the first cumulative weight above `u` (binary search). */
function pick(cumulative: readonly number[], u: number): number {
  let lo = 0;
  let hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cumulative[mid] > u) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** The CSV file of `HOUSEHOLD_ROWS` households, generated once into the cache folder. */
export function householdCsv(): string {
  const file = join(CACHE, `rumah_tangga_${HOUSEHOLD_ROWS}.csv`);
  if (existsSync(file)) return file;
  mkdirSync(CACHE, { recursive: true });
  const { kode, cumulative } = kelurahanWeights();
  const random = createRandom(SEED);
  const flag = (pLacking: number) => (random.next() < pLacking ? 0 : 1);
  const lines = ['id_rumah_tangga,kode,desil,rumah_layak,air_layak,sanitasi_layak,jumlah_anggota'];
  for (let id = 1; id <= HOUSEHOLD_ROWS; id++) {
    const desil = random.int(1, 10);
    const poor = desil <= 4;
    lines.push(`${id},${kode[pick(cumulative, random.next())]},${desil},${flag(poor ? 0.25 : 0.05)},${flag(poor ? 0.2 : 0.05)},${flag(poor ? 0.25 : 0.08)},${random.int(1, 7)}`);
  }
  // Written under a temporary name first: an interrupted run must not leave half a file cached.
  writeFileSync(`${file}.tmp`, lines.join('\n') + '\n');
  renameSync(`${file}.tmp`, file);
  return file;
}
