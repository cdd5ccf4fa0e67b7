/**
 * Two synthetic household registers of one demo city, a DTSEN-like one (A) and a P3KE-like one
 * (B), drawn from the synthetic household register so that reconciling them has known answers:
 * the generator records, per kelurahan, how many households it put in both, in one only, in a
 * different kelurahan (moved), twice under one NIK (duplicates), and with which desil in each.
 * Tests assert that the reconciliation finds exactly these counts.
 *
 * A is a seeded quarter of the register (an extract keeps the files small) with its ids; B
 * carries the same household id for the households it shares with A (P3KE was built from the
 * DTKS ids), its own `P3KE-` ids for households A lacks, and its own column names. Every row is
 * marked SINTETIS, and the file names say so. Names and NIK are invented; they belong to nobody.
 */
import { createRandom, deriveSeed, type Random } from '../../analysis/random';
import type { ReconcileCounts } from '../../analysis/reconcile';
import { inventName, inventNik, type HouseholdRecord } from './households';

/** Columns of the DTSEN-like register, in file order. */
export const REGISTER_A_HEADER = ['id_rt', 'nik_kepala', 'nama_kepala', 'kode_kelurahan', 'kelurahan', 'desil', 'keterangan'] as const;
/** Columns of the P3KE-like register, in file order (its own names, as P3KE's export has). */
export const REGISTER_B_HEADER = ['id_keluarga', 'nik_kepala_keluarga', 'nama_kepala_keluarga', 'kode_kelurahan', 'kelurahan', 'desil_kesejahteraan', 'keterangan'] as const;
/** The label every row carries. */
export const SYNTHETIC_LABEL = 'SINTETIS';

/** One row of either register. */
export interface RegisterRecord {
  id: string;
  nik: string;
  nama: string;
  kode: string;
  kelurahan: string;
  desil: number;
}

/** What the generator planted in one kelurahan (moves counted on both sides of the pair): the counts reconciliation must find, in its own shape. */
export type PlantedCounts = Omit<ReconcileCounts, 'kode' | 'desilCompared'>;

export interface SyntheticRegisters {
  a: RegisterRecord[];
  b: RegisterRecord[];
  /** Planted counts per kelurahan code, for every kelurahan of the register. */
  planted: Map<string, PlantedCounts>;
  /** Moved households per "from|to" pair (A's kelurahan, B's kelurahan). */
  moves: Map<string, number>;
}

/** Shares the generator plants. */
const SHARE = { sample: 0.25, notInP3keDesil14: 0.1, inP3keDesil5: 0.3, moved: 0.03, desilOff1: 0.2, desilOff2plus: 0.1, newInP3ke: 0.05, duplicateA: 0.005, duplicateB: 0.01 };

const empty = (): PlantedCounts => ({ both: 0, onlyA: 0, onlyB: 0, movedIn: 0, movedOut: 0, duplicatesA: 0, duplicatesB: 0, desilSame: 0, desilDiffers2plus: 0 });

/** A desil differing from `d` by exactly `by` (upwards when it fits in 1-10, else downwards). */
function shifted(d: number, by: number, random: Random): number {
  const up = d + by <= 10;
  const down = d - by >= 1;
  return up && (!down || random.next() < 0.5) ? d + by : d - by;
}

const kecamatanOf = (kode: string): string => kode.split('.').slice(0, 3).join('.');

/**
 * The two registers drawn from `households` (the synthetic register, sorted by id).
 * @param year the register's year (for the invented NIK of new P3KE households)
 */
export function generateRegisters(households: readonly HouseholdRecord[], year: number, seed: number): SyntheticRegisters {
  const random = createRandom(deriveSeed(seed, 'registers'));
  const usedNik = new Set(households.map((h) => h.nik_kepala));
  const kodes = [...new Set(households.map((h) => h.kode_kelurahan))].sort();
  const names = new Map(households.map((h) => [h.kode_kelurahan, h.kelurahan]));
  const planted = new Map(kodes.map((k) => [k, empty()]));
  const moves = new Map<string, number>();
  const a: RegisterRecord[] = [];
  const b: RegisterRecord[] = [];
  const count = (kode: string, key: keyof PlantedCounts) => planted.get(kode)![key]++;
  const serial = new Map<string, number>();
  const newId = (prefix: string, kode: string) => {
    const n = (serial.get(prefix + kode) ?? 0) + 1;
    serial.set(prefix + kode, n);
    return `${prefix}${kode.replace(/\./g, '')}-${String(n).padStart(5, '0')}`;
  };

  for (const h of households) {
    if (random.next() >= SHARE.sample) continue;
    const row: RegisterRecord = { id: h.id_rt, nik: h.nik_kepala, nama: h.nama_kepala, kode: h.kode_kelurahan, kelurahan: h.kelurahan, desil: h.desil };
    a.push(row);
    if (random.next() < SHARE.duplicateA) {
      // The same head registered again under a new household id (only in A).
      a.push({ ...row, id: newId('RTD', row.kode) });
      count(row.kode, 'duplicatesA');
      count(row.kode, 'onlyA');
    }
    const inB = random.next() < (h.desil <= 4 ? 1 - SHARE.notInP3keDesil14 : SHARE.inP3keDesil5);
    if (!inB) {
      count(row.kode, 'onlyA');
      continue;
    }
    let kode = row.kode;
    if (random.next() < SHARE.moved) {
      const others = kodes.filter((k) => k !== row.kode);
      kode = others[Math.floor(random.next() * others.length)];
      count(row.kode, 'movedOut');
      count(kode, 'movedIn');
      moves.set(`${row.kode}|${kode}`, (moves.get(`${row.kode}|${kode}`) ?? 0) + 1);
    } else count(row.kode, 'both');
    const u = random.next();
    const desil =
      u < SHARE.desilOff2plus
        ? shifted(row.desil, 2 + Math.floor(2 * random.next()), random)
        : u < SHARE.desilOff2plus + SHARE.desilOff1
          ? shifted(row.desil, 1, random)
          : row.desil;
    if (desil === row.desil) count(row.kode, 'desilSame');
    else if (Math.abs(desil - row.desil) >= 2) count(row.kode, 'desilDiffers2plus');
    b.push({ ...row, kode, kelurahan: names.get(kode)!, desil });
  }

  // Households only P3KE holds: new ids and people, a share of each kelurahan's P3KE rows.
  const inB = new Map<string, number>();
  for (const r of b) inB.set(r.kode, (inB.get(r.kode) ?? 0) + 1);
  for (const kode of kodes) {
    const n = Math.round((inB.get(kode) ?? 0) * SHARE.newInP3ke);
    for (let i = 0; i < n; i++) {
      const female = random.next() < 0.3;
      b.push({
        id: newId('P3KE-', kode),
        nik: inventNik(random, kecamatanOf(kode), female, year, usedNik),
        nama: inventName(random, female),
        kode,
        kelurahan: names.get(kode)!,
        desil: random.int(1, 4),
      });
      count(kode, 'onlyB');
    }
  }
  // The same head entered twice in P3KE under two ids.
  for (const r of [...b]) {
    if (random.next() >= SHARE.duplicateB) continue;
    b.push({ ...r, id: newId('P3KE-', r.kode) });
    count(r.kode, 'duplicatesB');
    count(r.kode, 'onlyB');
  }
  const byKodeThenId = (x: RegisterRecord, y: RegisterRecord) => (x.kode < y.kode ? -1 : x.kode > y.kode ? 1 : x.id < y.id ? -1 : x.id > y.id ? 1 : 0);
  a.sort(byKodeThenId);
  b.sort(byKodeThenId);
  return { a, b, planted, moves };
}

/** The two registers as CSV files (UTF-8, comma, LF; no field needs quoting). */
export function renderRegisterFiles(registers: SyntheticRegisters): { a: string; b: string } {
  const render = (header: readonly string[], rows: readonly RegisterRecord[]) =>
    [header.join(','), ...rows.map((r) => [r.id, r.nik, r.nama, r.kode, r.kelurahan, String(r.desil), SYNTHETIC_LABEL].join(','))].join('\n') + '\n';
  return { a: render(REGISTER_A_HEADER, registers.a), b: render(REGISTER_B_HEADER, registers.b) };
}
