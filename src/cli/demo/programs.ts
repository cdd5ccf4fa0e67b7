/**
 * Synthetic program coverage: eligible (`sasaran`) and beneficiaries
 * (`penerima`) per kelurahan, year and program.
 *
 * Eligible counts derive from that year's need indicators, so coverage can be
 * read against need. Coverage itself varies in space (the city's under-served
 * pocket, kelurahan-level reach) and in time, so the map shows real gaps.
 */
import type { Random } from '../../analysis/random';
import { clamp, type CityModel } from './city-model';
import { FIRST_YEAR, LAST_YEAR, type IndicatorRow, type ProgramId, type ProgramRow } from './types';

/** Programs in the order rows are written (the catalog's order). */
export const PROGRAM_IDS: readonly ProgramId[] = ['pkh', 'bpnt', 'gerobak_usaha', 'pelatihan_umkm', 'perbaikan_rtlh', 'pmt', 'bank_sampah', 'bantuan_csr_baznas'];

/**
 * Programs whose lists may carry a few more recipients than eligible families
 * (inclusion error: families that left desil 1-4 but are still paid), by at
 * most this factor. Every other program has penerima <= sasaran.
 */
export const INCLUSION_PROGRAMS: ReadonlySet<ProgramId> = new Set<ProgramId>(['pkh', 'bpnt']);
export const MAX_INCLUSION_FACTOR = 1.05;
/** Chance that a PKH/BPNT row shows inclusion error (only when sasaran >= 20). */
const INCLUSION_CHANCE = 0.03;

/** Fixed per-kelurahan program traits. */
export interface ProgramTraits {
  /** Program-specific reach multiplier (times the kelurahan's service level). */
  reach: Record<ProgramId, number>;
  /** Share of desil 1-4 families with a PKH component (children, pregnancy, elderly, disability). */
  pkhShare: number;
  /** Share of desil 1-4 households running or starting a street-vending business. */
  gerobakShare: number;
  /** Share of desil 1-4 households with a member wanting micro-business training. */
  trainingShare: number;
  /** Year the kelurahan's bank sampah opens (after the last demo year = none yet). */
  bankSampahOpens: number;
}

/** Draw the fixed program traits of every kelurahan of a city. */
export function buildProgramTraits(model: CityModel, random: Random): ProgramTraits[] {
  return model.kelurahan.map((m) => {
    const reach = {} as Record<ProgramId, number>;
    for (const id of PROGRAM_IDS) reach[id] = m.service * Math.exp(0.1 * random.normal());
    return {
      reach,
      pkhShare: clamp(0.55 + 0.04 * random.normal(), 0.45, 0.65),
      gerobakShare: clamp(0.06 * Math.exp(0.2 * random.normal()), 0.02, 0.12),
      trainingShare: clamp(0.1 * Math.exp(0.2 * random.normal()), 0.04, 0.18),
      // Better served kelurahan tend to have opened one earlier.
      bankSampahOpens: FIRST_YEAR + Math.floor(random.next() * 7 * (1.3 - Math.min(m.service, 1.2))),
    };
  });
}

const PKH_COVERAGE = [0.8, 0.82, 0.84, 0.85, 0.86];
const BPNT_COVERAGE = [0.72, 0.74, 0.76, 0.78, 0.8];

/** Program rows of one kelurahan for one year, in PROGRAM_IDS order. */
export function kelurahanProgramsForYear(row: IndicatorRow, traits: ProgramTraits, random: Random): ProgramRow[] {
  const k = row.tahun - FIRST_YEAR;
  const rate = row.penduduk > 0 ? row.penduduk_miskin / row.penduduk : 0;
  const wobble = (sd: number): number => Math.exp(sd * random.normal());
  const uniform = (lo: number, hi: number): number => lo + (hi - lo) * random.next();
  const active = (chance: number): boolean => random.next() < clamp(chance, 0, 0.95);

  const result: ProgramRow[] = [];
  const push = (program: ProgramId, sasaran: number, coverage: number): void => {
    let penerima = Math.round(sasaran * clamp(coverage, 0, 1));
    if (INCLUSION_PROGRAMS.has(program) && sasaran >= 20 && random.next() < INCLUSION_CHANCE) {
      const room = Math.floor(sasaran * MAX_INCLUSION_FACTOR) - sasaran;
      penerima = sasaran + random.int(1, room);
    }
    result.push({ kode: row.kode, tahun: row.tahun, program, penerima, sasaran });
  };

  const r = traits.reach;
  push('pkh', Math.round(row.rt_desil_1_4 * traits.pkhShare), Math.min(0.98, PKH_COVERAGE[k] * r.pkh * wobble(0.05)));
  push('bpnt', row.rt_desil_1_4, Math.min(0.97, BPNT_COVERAGE[k] * r.bpnt * wobble(0.05)));
  push('gerobak_usaha', Math.round(row.rt_desil_1_4 * traits.gerobakShare), active(0.45 * r.gerobak_usaha) ? uniform(0.15, 0.5) : 0);
  push('pelatihan_umkm', Math.round(row.rt_desil_1_4 * traits.trainingShare), active(0.65 * r.pelatihan_umkm) ? uniform(0.1, 0.4) : 0);
  // Eligible = this year's RTLH stock; the repairs leave the stock next year.
  push('perbaikan_rtlh', row.rtlh, Math.min(0.3, 0.09 * r.perbaikan_rtlh * wobble(0.25)));
  // Undernourished under-fives and pregnant women with chronic energy deficiency:
  // about 8.5 % of people are under five or pregnant, prevalence rises with poverty.
  push('pmt', Math.round(row.penduduk * 0.085 * (0.04 + 0.7 * rate) * wobble(0.08)), Math.min(0.98, 0.75 * r.pmt * wobble(0.08)));
  const bankYears = row.tahun - traits.bankSampahOpens;
  push('bank_sampah', row.rt_desil_1_4, bankYears >= 0 && traits.bankSampahOpens <= LAST_YEAR ? Math.min(0.4, (0.05 + 0.03 * bankYears) * r.bank_sampah * wobble(0.2)) : 0);
  push('bantuan_csr_baznas', row.rt_desil_1, active(0.5 * r.bantuan_csr_baznas) ? uniform(0.1, 0.5) * r.bantuan_csr_baznas : 0);
  return result;
}
