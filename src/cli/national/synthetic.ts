/**
 * Synthetic indicator values for every desa/kelurahan of Indonesia, for the national overview map
 * and the benchmark. They are NOT real statistics: the app labels them "contoh sintetis"
 * wherever they are shown.
 *
 * Like the city demo (../demo/latent-field.ts), the values come from a smooth field, so the map
 * shows regional patterns rather than salt and pepper: a broad west-to-east gradient (national
 * poverty rates are higher in the east), a few regional bumps, kelurahan (urban, code 1xxx) lower
 * than desa, and seeded noise. Same seed, same values.
 */
import { createRandom } from '../../analysis/random';
import { NATIONAL_INDICATORS } from '../../data/national-map';

/** One desa/kelurahan: its Kemendagri code and a point inside or near it (lon, lat). */
export interface DesaPoint {
  kode: string;
  lon: number;
  lat: number;
}

export const NATIONAL_YEARS = [2024, 2025] as const;

export interface NationalRow {
  kode: string;
  tahun: number;
  penduduk_miskin: number;
  rtlh: number;
  tanpa_air_layak: number;
}

export const NATIONAL_SEED = 20261122;

/** Regional bumps of need: centre (lon, lat), width in degrees, height. Invented, not data. */
const BUMPS: readonly [number, number, number, number][] = [
  [138.5, -4.0, 3.0, 1.1],
  [121.5, -9.5, 2.0, 0.9],
  [129.0, -3.2, 2.5, 0.6],
  [104.0, 4.5, 2.0, 0.4],
  [111.0, -7.2, 1.2, 0.35],
  [117.0, 0.5, 3.0, -0.3],
  [106.8, -6.2, 0.8, -0.5],
];

/** The latent need at a place, about 0 (low) to 2 (high). */
function field(lon: number, lat: number): number {
  let value = 0.25 + 0.55 * ((lon - 95) / 46);
  for (const [x, y, width, height] of BUMPS) {
    const d2 = (lon - x) ** 2 + (lat - y) ** 2;
    value += height * Math.exp(-d2 / (2 * width * width));
  }
  // Short-range waves, so neighbouring kabupaten differ (a few tens of km).
  value += 0.15 * Math.sin(lon * 3.1) * Math.cos(lat * 2.7);
  return value;
}

function clamp(value: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, value));
}

const round1 = (value: number): number => Math.round(value * 10) / 10;

/** Rows for every desa and year, in the order of `points` then year. */
export function generateNationalRows(points: readonly DesaPoint[], seed = NATIONAL_SEED): NationalRow[] {
  const random = createRandom(seed);
  const rows: NationalRow[] = [];
  for (const point of points) {
    const urban = /^\d\d\.\d\d\.\d\d\.1/.test(point.kode);
    const need = field(point.lon, point.lat) + (urban ? -0.35 : 0) + 0.18 * random.normal();
    const miskin = 4 + 11 * need + 2.5 * random.normal();
    const rtlh = 2 + 9 * need + 3 * random.normal();
    const air = 5 + 18 * need + 6 * random.normal();
    for (const tahun of NATIONAL_YEARS) {
      // The later year a little better, unevenly.
      const trend = tahun === NATIONAL_YEARS[0] ? 1 : clamp(0.94 + 0.03 * random.normal(), 0.8, 1.05);
      rows.push({
        kode: point.kode,
        tahun,
        penduduk_miskin: round1(clamp(miskin * trend, 0.5, 60)),
        rtlh: round1(clamp(rtlh * trend, 0, 70)),
        tanpa_air_layak: round1(clamp(air * trend, 0, 95)),
      });
    }
  }
  return rows;
}

/** The CSV the app reads (comma separated, dot decimals, header line). */
export function renderNationalCsv(rows: readonly NationalRow[]): string {
  const lines = [`kode,tahun,${NATIONAL_INDICATORS.join(',')}`];
  for (const r of rows) lines.push(`${r.kode},${r.tahun},${r.penduduk_miskin},${r.rtlh},${r.tanpa_air_layak}`);
  return `${lines.join('\n')}\n`;
}
