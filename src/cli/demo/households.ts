/**
 * Synthetic household register (one row per household, as a DTSEN extract) and beneficiary list
 * for one demo city, consistent with the city's kelurahan indicators: per kelurahan, the rows in
 * desil 1-4 and desil 1, and the rows with RTLH, without safe water, without proper sanitation,
 * and the desil 1-4 rows headed by a woman, equal the counts of `indikator.csv` for that year.
 * Beneficiary rows per kelurahan, program and year equal `penerima` of `program.csv`.
 *
 * The register holds desil 1-5 only, which keeps the file small: desil 5 is the band just above
 * the usual eligibility line, where inclusion errors come from. Every RTLH, water and sanitation
 * deprivation of the kelurahan is placed in these rows (a simplification: in reality some
 * better-off households lack them too). RTLH counts houses: each RTLH house is carried by one
 * household of the register.
 *
 * Names and NIK are invented from small lists and random numbers; they belong to nobody. Pure
 * and seeded: same inputs and seed, same rows.
 */
import { createRandom, deriveSeed, type Random } from '../../analysis/random';
import { compareKode } from './city-model';
import type { IndicatorRow, ProgramId, ProgramRow } from './types';

/** Deprivation columns of the register, in file order (values `ya`/`tidak`). */
export const DEPRIVATION_COLUMNS = ['rtlh', 'tanpa_air_layak', 'tanpa_sanitasi_layak', 'anak_tidak_sekolah', 'tanpa_penghasilan'] as const;
export type DeprivationColumn = (typeof DEPRIVATION_COLUMNS)[number];

/** Columns of `rumah_tangga_<city>.csv`, in file order. */
export const HOUSEHOLD_HEADER = ['id_rt', 'nik_kepala', 'nama_kepala', 'kode_kelurahan', 'kelurahan', 'desil', ...DEPRIVATION_COLUMNS, 'kepala_perempuan'] as const;

/** Programs of the beneficiary list: those paid to households by name. */
export const BENEFICIARY_PROGRAMS: readonly ProgramId[] = ['pkh', 'bpnt', 'perbaikan_rtlh', 'bantuan_csr_baznas'];
/** Years of the list per program: the large cash programs only for the register's year, to keep the file small. */
export function beneficiaryYears(program: ProgramId, year: number): number[] {
  return program === 'pkh' || program === 'bpnt' ? [year] : [year - 2, year - 1, year];
}

export interface HouseholdRecord {
  id_rt: string;
  nik_kepala: string;
  nama_kepala: string;
  kode_kelurahan: string;
  kelurahan: string;
  desil: number;
  rtlh: boolean;
  tanpa_air_layak: boolean;
  tanpa_sanitasi_layak: boolean;
  anak_tidak_sekolah: boolean;
  tanpa_penghasilan: boolean;
  kepala_perempuan: boolean;
}

export interface BeneficiaryRecord {
  id_rt: string;
  program: ProgramId;
  tahun: number;
}

export interface HouseholdDemo {
  households: HouseholdRecord[];
  beneficiaries: BeneficiaryRecord[];
}

const MALE_GIVEN = [
  'Agus',
  'Bambang',
  'Budi',
  'Darmaji',
  'Eko',
  'Hadi',
  'Heru',
  'Joko',
  'Mulyono',
  'Slamet',
  'Sugeng',
  'Suparno',
  'Teguh',
  'Wahyu',
  'Yanto',
  'Rudi',
  'Sutrisno',
  'Bayu',
  'Dwi',
  'Muhammad',
];
const MALE_FAMILY = ['Santoso', 'Wibowo', 'Setiawan', 'Hartono', 'Prasetyo', 'Purnomo', 'Nugroho', 'Kurniawan', 'Susanto', 'Saputra', 'Hidayat', 'Gunawan'];
const FEMALE_GIVEN = ['Sri', 'Siti', 'Dewi', 'Endang', 'Yuni', 'Tri', 'Wulan', 'Ratna', 'Sumarni', 'Suparmi', 'Rina', 'Nur', 'Sulastri', 'Tutik', 'Ani', 'Lestari'];
const FEMALE_FAMILY = ['Rahayu', 'Wahyuni', 'Handayani', 'Lestari', 'Suryani', 'Astuti', 'Wulandari', 'Puspitasari', 'Rahmawati', 'Kusumawati', 'Susilowati', 'Mulyani'];

function pickFrom<T>(random: Random, list: readonly T[]): T {
  return list[Math.floor(random.next() * list.length)];
}

/** An invented name: a given name and a family name, now and then with a second given name. */
export function inventName(random: Random, female: boolean): string {
  const given = female ? FEMALE_GIVEN : MALE_GIVEN;
  const family = female ? FEMALE_FAMILY : MALE_FAMILY;
  const first = pickFrom(random, given);
  let second = pickFrom(random, given);
  if (second === first) second = pickFrom(random, family);
  const last = pickFrom(random, family);
  return random.next() < 0.25 && second !== last ? `${first} ${second} ${last}` : `${first} ${last}`;
}

/**
 * An invented NIK with the real structure: province+city (3372), kecamatan, birth date DDMMYY
 * (women: day + 40), and a 4-digit serial. Unique within `used`.
 */
export function inventNik(random: Random, kodeKecamatan: string, female: boolean, year: number, used: Set<string>): string {
  const region = kodeKecamatan.replace(/\./g, '');
  for (;;) {
    const age = random.int(23, 80);
    const born = year - age;
    const month = random.int(1, 12);
    const day = random.int(1, 28) + (female ? 40 : 0);
    const serial = random.int(1, 9999);
    const nik = `${region}${String(day).padStart(2, '0')}${String(month).padStart(2, '0')}${String(born % 100).padStart(2, '0')}${String(serial).padStart(4, '0')}`;
    if (!used.has(nik)) {
      used.add(nik);
      return nik;
    }
  }
}

/**
 * Exactly `count` indices chosen without replacement, each with probability growing with its
 * weight (Efraimidis-Spirakis: the largest keys log(u) / w). Returns a membership mask.
 */
function chooseWeighted(random: Random, weights: readonly number[], count: number): boolean[] {
  if (count > weights.length) throw new Error(`cannot choose ${count} of ${weights.length}`);
  const keyed = weights.map((w, i) => ({ i, key: Math.log(1 - random.next()) / w }));
  keyed.sort((a, b) => b.key - a.key || a.i - b.i);
  const mask = new Array<boolean>(weights.length).fill(false);
  for (let r = 0; r < count; r++) mask[keyed[r].i] = true;
  return mask;
}

function logistic(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

/** A household being built, before it is numbered. */
interface Draft {
  desil: number;
  hardship: number;
  flags: Record<DeprivationColumn, boolean>;
  female: boolean;
}

/** The register rows of one kelurahan, with every catalog count met exactly. */
function kelurahanHouseholds(row: IndicatorRow, random: Random, usedNik: Set<string>): HouseholdRecord[] {
  const n14 = row.rt_desil_1_4;
  const n1 = row.rt_desil_1;
  const needed = Math.max(row.rtlh, row.rt_tanpa_air_layak, row.rt_tanpa_sanitasi_layak);
  // One decile's worth above desil 4, widened when the deprivation counts need more rows.
  const n5 = Math.max(Math.round(((n14 - n1) / 3) * (0.8 + 0.3 * random.next())), Math.ceil(needed / 0.85) - n14, 0);
  if (row.rt_miskin_kepala_perempuan > n14) throw new Error(`${row.kode}: more female-headed poor households than desil 1-4`);

  const drafts: Draft[] = [];
  const push = (desil: number): void => {
    // Hardship: lower desil is harder, plus household-level luck.
    const hardship = 0.55 * (3 - desil) + random.normal();
    drafts.push({
      desil,
      hardship,
      female: false,
      flags: { rtlh: false, tanpa_air_layak: false, tanpa_sanitasi_layak: false, anak_tidak_sekolah: false, tanpa_penghasilan: false },
    });
  };
  for (let i = 0; i < n1; i++) push(1);
  for (let i = 0; i < n14 - n1; i++) push(2 + Math.floor(3 * random.next()));
  for (let i = 0; i < n5; i++) push(5);

  // Deprivations with exact counts, each more likely where earlier ones are present.
  const z = drafts.map((d) => d.hardship);
  const rtlh = chooseWeighted(
    random,
    z.map((h) => Math.exp(0.9 * h)),
    row.rtlh,
  );
  const sanitasi = chooseWeighted(
    random,
    z.map((h, i) => Math.exp(0.8 * h + 1.3 * +rtlh[i])),
    row.rt_tanpa_sanitasi_layak,
  );
  const air = chooseWeighted(
    random,
    z.map((h, i) => Math.exp(0.7 * h + 0.8 * +rtlh[i] + 1.0 * +sanitasi[i])),
    row.rt_tanpa_air_layak,
  );
  const poorIdx = drafts.map((d, i) => (d.desil <= 4 ? i : -1)).filter((i) => i >= 0);
  const femalePoor = chooseWeighted(
    random,
    poorIdx.map((i) => Math.exp(0.3 * z[i])),
    row.rt_miskin_kepala_perempuan,
  );
  poorIdx.forEach((i, r) => (drafts[i].female = femalePoor[r]));
  drafts.forEach((d, i) => {
    if (d.desil === 5) d.female = random.next() < 0.15;
    d.flags.rtlh = rtlh[i];
    d.flags.tanpa_sanitasi_layak = sanitasi[i];
    d.flags.tanpa_air_layak = air[i];
    // No catalog count for these two: drawn by probability, correlated with hardship and the house.
    d.flags.anak_tidak_sekolah = random.next() < logistic(-3.2 + 0.7 * d.hardship + 0.6 * +rtlh[i]);
    d.flags.tanpa_penghasilan = random.next() < logistic(-2.8 + 0.6 * d.hardship + 0.7 * +d.female);
  });

  // Shuffle so that the numbering says nothing about desil or deprivation.
  for (let i = drafts.length - 1; i > 0; i--) {
    const j = Math.floor(random.next() * (i + 1));
    [drafts[i], drafts[j]] = [drafts[j], drafts[i]];
  }
  const base = row.kode.replace(/\./g, '');
  return drafts.map((d, i) => ({
    id_rt: `RT${base}-${String(i + 1).padStart(6, '0')}`,
    nik_kepala: inventNik(random, row.kode_kecamatan, d.female, row.tahun, usedNik),
    nama_kepala: inventName(random, d.female),
    kode_kelurahan: row.kode,
    kelurahan: row.kelurahan,
    desil: d.desil,
    ...d.flags,
    kepala_perempuan: d.female,
  }));
}

/** Shares of beneficiaries per program that are inclusion errors (desil 5) and unknown ids. */
const ERROR_RATES: Record<string, { inclusion: [number, number]; unknown: [number, number] }> = {
  pkh: { inclusion: [0.1, 0.22], unknown: [0.02, 0.05] },
  bpnt: { inclusion: [0.12, 0.25], unknown: [0.02, 0.05] },
  perbaikan_rtlh: { inclusion: [0.05, 0.15], unknown: [0, 0.03] },
  bantuan_csr_baznas: { inclusion: [0.1, 0.3], unknown: [0.02, 0.08] },
};

/**
 * Beneficiaries of one kelurahan, program and year: `penerima` rows, of which a drawn share are
 * desil 5 households (inclusion error) and ids not in the register (moved, died, or mistyped);
 * the rest come from desil 1-4, favouring the households the program is for.
 */
function kelurahanBeneficiaries(households: readonly HouseholdRecord[], program: ProgramRow, registerYear: number, random: Random): BeneficiaryRecord[] {
  const rates = ERROR_RATES[program.program];
  const uniform = ([lo, hi]: [number, number]): number => lo + (hi - lo) * random.next();
  const total = program.penerima;
  const unknown = Math.round(total * uniform(rates.unknown));
  const notEligiblePool = households.filter((h) => h.desil > 4);
  const inclusion = Math.min(Math.round(total * uniform(rates.inclusion)), notEligiblePool.length);
  const eligiblePool = households.filter((h) => h.desil <= 4);
  const fromEligible = Math.min(total - unknown - inclusion, eligiblePool.length);
  // Who the program favours among the eligible.
  const favour = (h: HouseholdRecord): number => {
    switch (program.program) {
      case 'pkh':
        return Math.exp(1.2 * +h.anak_tidak_sekolah + 0.4 * (4 - h.desil));
      case 'perbaikan_rtlh':
        // Houses repaired before the register's year are no longer RTLH in it.
        return Math.exp(2.5 * (program.tahun === registerYear ? +h.rtlh : 1 - +h.rtlh) + 0.3 * (4 - h.desil));
      case 'bantuan_csr_baznas':
        return Math.exp(2 * +(h.desil === 1));
      default:
        return Math.exp(0.4 * (4 - h.desil));
    }
  };
  const out: BeneficiaryRecord[] = [];
  const take = (pool: readonly HouseholdRecord[], count: number, weight: (h: HouseholdRecord) => number): void => {
    const mask = chooseWeighted(random, pool.map(weight), count);
    pool.forEach((h, i) => mask[i] && out.push({ id_rt: h.id_rt, program: program.program, tahun: program.tahun }));
  };
  take(eligiblePool, fromEligible, favour);
  take(notEligiblePool, inclusion, favour);
  const base = program.kode.replace(/\./g, '');
  const used = new Set<number>();
  const missing = total - fromEligible - inclusion;
  while (used.size < missing) {
    const seq = households.length + random.int(1, Math.max(50, 3 * missing));
    if (used.has(seq)) continue;
    used.add(seq);
    out.push({ id_rt: `RT${base}-${String(seq).padStart(6, '0')}`, program: program.program, tahun: program.tahun });
  }
  return out;
}

/**
 * The household register and beneficiary list of one city.
 * @param indicators the city's rows of `indikator.csv` for `year` (other rows are ignored)
 * @param programs the city's rows of `program.csv` (the years the list needs are used)
 * @param seed e.g. the demo's DEFAULT_SEED; each kelurahan draws from its own stream
 */
export function generateHouseholds(indicators: readonly IndicatorRow[], programs: readonly ProgramRow[], year: number, seed: number): HouseholdDemo {
  const rows = indicators.filter((r) => r.tahun === year).sort((a, b) => compareKode(a.kode, b.kode));
  const usedNik = new Set<string>();
  const households: HouseholdRecord[] = [];
  const beneficiaries: BeneficiaryRecord[] = [];
  const programIndex = new Map(programs.map((p) => [`${p.kode}|${p.program}|${p.tahun}`, p]));
  for (const row of rows) {
    const own = kelurahanHouseholds(row, createRandom(deriveSeed(seed, row.kode, 'households')), usedNik);
    households.push(...own);
    const random = createRandom(deriveSeed(seed, row.kode, 'beneficiaries'));
    for (const program of BENEFICIARY_PROGRAMS) {
      for (const tahun of beneficiaryYears(program, year)) {
        const p = programIndex.get(`${row.kode}|${program}|${tahun}`);
        if (!p) throw new Error(`program.csv has no ${program} ${tahun} row for ${row.kode}`);
        beneficiaries.push(...kelurahanBeneficiaries(own, p, year, random));
      }
    }
  }
  const programOrder = new Map(BENEFICIARY_PROGRAMS.map((p, i) => [p, i]));
  households.sort((a, b) => (a.id_rt < b.id_rt ? -1 : a.id_rt > b.id_rt ? 1 : 0));
  beneficiaries.sort((a, b) => (a.id_rt < b.id_rt ? -1 : a.id_rt > b.id_rt ? 1 : 0) || programOrder.get(a.program)! - programOrder.get(b.program)! || a.tahun - b.tahun);
  return { households, beneficiaries };
}

const yesNo = (b: boolean): string => (b ? 'ya' : 'tidak');

/** The two CSV files (UTF-8, comma, LF, final LF; no field needs quoting). */
export function renderHouseholdFiles(data: HouseholdDemo): { households: string; beneficiaries: string } {
  const hh = data.households.map((h) =>
    [h.id_rt, h.nik_kepala, h.nama_kepala, h.kode_kelurahan, h.kelurahan, String(h.desil), ...DEPRIVATION_COLUMNS.map((c) => yesNo(h[c])), yesNo(h.kepala_perempuan)].join(','),
  );
  const ben = data.beneficiaries.map((b) => `${b.id_rt},${b.program},${b.tahun}`);
  return {
    households: [HOUSEHOLD_HEADER.join(','), ...hh].join('\n') + '\n',
    beneficiaries: ['id_rt,program,tahun', ...ben].join('\n') + '\n',
  };
}
