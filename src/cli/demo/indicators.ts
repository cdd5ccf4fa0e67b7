/**
 * Yearly kelurahan indicators of one city, drawn from its fixed traits.
 *
 * Counts that a report publishes for the city (population, poor, extreme poor)
 * are split over kelurahan by largest-remainder allocation so the sums are
 * exact; the others are rounded shares of a kelurahan's own base (households,
 * dwellings), so every row is internally consistent by construction.
 */
import type { Random } from '../../analysis/random';
import { allocateLargestRemainder } from './allocate';
import { cityTotals } from './calibration';
import { clamp, round2, type CityModel } from './city-model';
import { FIRST_YEAR, type IndicatorRow } from './types';

/** What carries over from one year to the next. */
export interface CityYearState {
  /** Yearly poverty shock per kelurahan (AR(1), log scale). */
  povertyShock: number[];
  /** RTLH stock per kelurahan at the start of the year (before this year's new cases). */
  rtlh: number[] | null;
  /** RTLH units repaired last year per kelurahan. */
  repaired: number[];
}

/** State before the first demo year. */
export function initialState(model: CityModel): CityYearState {
  const n = model.kelurahan.length;
  return { povertyShock: new Array<number>(n).fill(0), rtlh: null, repaired: new Array<number>(n).fill(0) };
}

/**
 * Indicator rows of every kelurahan of a city for one year.
 * `state.povertyShock` is advanced in place; RTLH uses `state.rtlh` and
 * `state.repaired` (set by the caller from last year's repair program).
 */
export function cityIndicatorsForYear(model: CityModel, tahun: number, state: CityYearState, random: Random): IndicatorRow[] {
  const { kelurahan, profile } = model;
  const k = tahun - FIRST_YEAR;
  const totals = cityTotals(model.city.kode, tahun);

  const penduduk = allocateLargestRemainder(
    totals.penduduk,
    kelurahan.map((m) => m.populationWeight * Math.pow(1 + m.growth, k)),
  );

  // Poverty keeps its spatial pattern; a persistent small shock lets kelurahan
  // trends differ without jumping around from year to year.
  state.povertyShock = state.povertyShock.map((v) => 0.6 * v + 0.04 * random.normal());
  const poor = allocateLargestRemainder(
    totals.penduduk_miskin,
    kelurahan.map((m, i) => penduduk[i] * m.povertyFactor * Math.exp(state.povertyShock[i])),
    penduduk,
  );
  // Extreme poverty concentrates even more in the pockets than poverty does.
  const extreme = allocateLargestRemainder(
    totals.penduduk_miskin_ekstrem,
    kelurahan.map((m, i) => poor[i] * Math.exp(0.3 * m.need)),
    poor,
  );

  const rows = kelurahan.map((m, i): IndicatorRow => {
    const p = m.feature.properties;
    const households = Math.round(penduduk[i] / m.householdSize);
    const dwellings = Math.round(households * m.dwellingsPerHousehold);
    const povertyRate = penduduk[i] > 0 ? poor[i] / penduduk[i] : 0;
    // DTSEN desil 1-4 is the bottom 40 % nationally: far wider than BPS poverty.
    const desil14 = Math.min(households, Math.round(households * clamp(0.06 + 2.3 * povertyRate * Math.exp(m.desilNoise), 0.05, 0.85)));
    // Desil 1 shrinks slowly as extreme poverty is tackled.
    const desil1 = Math.round(desil14 * clamp(m.desil1Share * Math.pow(0.97, k), 0.05, 0.5));

    let rtlh: number;
    if (state.rtlh === null) {
      rtlh = Math.round(dwellings * m.rtlhShare);
    } else {
      // Last year's stock minus repairs, plus houses that deteriorated this year.
      const fresh = Math.round(dwellings * m.rtlhNewShare * Math.exp(0.3 * random.normal()));
      rtlh = state.rtlh[i] - state.repaired[i] + fresh;
    }
    rtlh = clamp(rtlh, 0, dwellings);

    return {
      kode: m.kode,
      kelurahan: p.kelurahan,
      kode_kecamatan: p.kode_kecamatan,
      kecamatan: p.kecamatan,
      kode_kota: p.kode_kota,
      tahun,
      penduduk: penduduk[i],
      rumah_tangga: households,
      rumah: dwellings,
      luas_ha: round2(m.areaHa),
      penduduk_miskin: poor[i],
      penduduk_miskin_ekstrem: extreme[i],
      rt_desil_1_4: desil14,
      rt_desil_1: desil1,
      rtlh,
      // Floor, not round: slum area must never exceed the (rounded) kelurahan area.
      luas_kumuh_ha: Math.floor(m.areaHa * m.slumShare * Math.pow(0.96, k) * 100) / 100,
      rt_tanpa_air_layak: Math.round(households * m.noWaterShare * Math.pow(0.95, k)),
      rt_tanpa_sanitasi_layak: Math.round(households * m.noSanitationShare * Math.pow(0.94, k)),
      rt_miskin_kepala_perempuan: Math.round(desil14 * m.femaleHeadShare),
      lansia: Math.round((penduduk[i] * (profile.lansiaPer1000 + 2.5 * k) * m.lansiaFactor) / 1000),
      penyandang_disabilitas: Math.round((penduduk[i] * profile.disabilityPer1000 * m.disabilityFactor) / 1000),
    };
  });
  state.rtlh = rows.map((r) => r.rtlh);
  return rows;
}
