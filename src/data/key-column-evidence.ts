/**
 * What one column of an imported table holds, measured against the region's boundaries: how
 * many of its distinct values are Kemendagri codes, BPS codes, kelurahan names, kecamatan
 * names or codes of the region, or years, and how many of the region's kelurahan (or kecamatan)
 * those values name. join-columns.ts chooses the key columns from these counts; the dialog and
 * the CLI show them as the reason for the choice.
 */
import { kabKotaOf, looksLikeBps, parseKode } from './kode-wilayah';
import type { JoinTarget } from './join';
import { normalizeName } from './place-names';

/** The region's keys, built once per table. */
export interface RegionKeys {
  /** 10-digit Kemendagri codes of the kelurahan. */
  kode: Set<string>;
  /** 4-digit kab/kota parts: BPS numbers kab/kota as Kemendagri does, so its desa codes start alike. */
  kabKota: Set<string>;
  /** Normalised kelurahan name → how many kelurahan bear it (names repeat across kecamatan). */
  names: Map<string, number>;
  kecamatanNames: Set<string>;
  /** 6-digit Kemendagri kecamatan codes. */
  kecamatanCodes: Set<string>;
  kelurahanCount: number;
  kecamatanCount: number;
}

export function regionKeysOf(targets: JoinTarget[]): RegionKeys {
  const names = new Map<string, number>();
  for (const t of targets) {
    const name = normalizeName(t.nama);
    names.set(name, (names.get(name) ?? 0) + 1);
  }
  const kecamatanCodes = new Set(targets.map((t) => t.kode.replace(/\D/g, '').slice(0, 6)));
  return {
    kode: new Set(targets.map((t) => t.kode.replace(/\D/g, ''))),
    kabKota: new Set(targets.map((t) => kabKotaOf(t.kode))),
    names,
    kecamatanNames: new Set(targets.map((t) => normalizeName(t.kecamatan, 'kecamatan'))),
    kecamatanCodes,
    kelurahanCount: targets.length,
    kecamatanCount: kecamatanCodes.size,
  };
}

/** A count of distinct values of one kind, and how much of the region they name. */
export interface Tally {
  matched: number;
  /** Kelurahan (or, for kecamatan tallies, kecamatan) of the region these values name. */
  covers: number;
}

export interface ColumnTally {
  /** Distinct filled values looked at. */
  of: number;
  kemendagri: Tally;
  /** BPS codes cannot be mapped to kelurahan here, so `covers` counts the codes themselves. */
  bps: Tally;
  /** Numbers Excel wrote as 3.37203E+09: codes whose last digits are lost. */
  spoiled: Tally;
  kelurahanNames: Tally;
  /** Values that are kelurahan names of the region and not also kecamatan names of it. */
  onlyKelurahanNames: number;
  kecamatanNames: Tally;
  kecamatanCodes: Tally;
  years: Tally;
  /** Values that read as a 10-digit code of any region (or a code Excel spoiled). */
  codeLike: number;
  /** Values with letters: names of some place, or anything else but numbers. */
  textLike: number;
}

/** Distinct trimmed non-empty cells of column `c`, in order of first appearance. */
export function distinctValues(rows: string[][], c: number): string[] {
  const seen = new Set<string>();
  for (const row of rows) {
    const cell = (row[c] ?? '').trim();
    if (cell !== '') seen.add(cell);
  }
  return [...seen];
}

const YEAR = /^(\d{4})(?:[.,]0+)?$/;

/** A value's comparable forms as kelurahan and as kecamatan name. */
export type NameForms = Map<string, { name: string; kecamatan: string }>;

/**
 * Tallies the distinct values of one column against the region. `forms` carries name forms
 * from column to column: the BPS and Kemendagri name columns mostly hold the same names, and
 * normalising is most of the cost.
 */
export function tallyColumn(values: string[], region: RegionKeys, forms: NameForms = new Map()): ColumnTally {
  const kemendagri = new Set<string>();
  let kemendagriValues = 0;
  let bps = 0;
  let spoiled = 0;
  let names = 0;
  let onlyNames = 0;
  const namesSeen = new Set<string>();
  let kecNames = 0;
  const kecSeen = new Set<string>();
  let kecCodes = 0;
  const kecCodesSeen = new Set<string>();
  let years = 0;
  let codeLike = 0;
  let numeric = 0;

  for (const value of values) {
    const year = YEAR.exec(value);
    if (year && Number(year[1]) >= 1990 && Number(year[1]) <= 2100) years += 1;
    // Digits-only values are codes or numbers, never place names: skip the name rules.
    if (/^[\d\s.\-'’E+e,]+$/.test(value)) {
      numeric += 1;
      // Shorter than "320401" it is a row number or a count, however many there are.
      if (value.length < 6) continue;
      const parsed = parseKode(value);
      if (parsed.kind === 'unreliable-number' || parsed.kind === 'kode') codeLike += 1;
      if (parsed.kind === 'unreliable-number') spoiled += 1;
      else if (parsed.kind === 'kode') {
        const inRegion = region.kabKota.has(kabKotaOf(parsed.digits));
        if (parsed.layout !== 'bps' && region.kode.has(parsed.digits)) {
          kemendagriValues += 1;
          kemendagri.add(parsed.digits);
        } else if (inRegion && (parsed.layout === 'bps' || looksLikeBps(parsed.digits))) bps += 1;
      }
      const kecDigits = value.replace(/[\s.\-'’]/g, '');
      if (region.kecamatanCodes.has(kecDigits)) {
        kecCodes += 1;
        kecCodesSeen.add(kecDigits);
      }
      continue;
    }
    let known = forms.get(value);
    if (!known) {
      known = { name: normalizeName(value), kecamatan: normalizeName(value, 'kecamatan') };
      forms.set(value, known);
    }
    const { name, kecamatan: kecName } = known;
    const isKecamatan = region.kecamatanNames.has(kecName);
    if (region.names.has(name)) {
      names += 1;
      namesSeen.add(name);
      if (!isKecamatan) onlyNames += 1;
    }
    if (isKecamatan) {
      kecNames += 1;
      kecSeen.add(kecName);
    }
  }
  let namesCover = 0;
  for (const name of namesSeen) namesCover += region.names.get(name) ?? 0;
  return {
    of: values.length,
    kemendagri: { matched: kemendagriValues, covers: kemendagri.size },
    bps: { matched: bps, covers: bps },
    spoiled: { matched: spoiled, covers: 0 },
    kelurahanNames: { matched: names, covers: namesCover },
    onlyKelurahanNames: onlyNames,
    kecamatanNames: { matched: kecNames, covers: kecSeen.size },
    kecamatanCodes: { matched: kecCodes, covers: kecCodesSeen.size },
    years: { matched: years, covers: 0 },
    codeLike,
    textLike: values.length - numeric,
  };
}
