/**
 * Matching the rows of an imported table to the kelurahan of the chosen region, by
 * Kemendagri code first and by name otherwise (inside the row's kecamatan when it names one),
 * and the join report the user reviews before anything is committed. Pure: the caller groups
 * the rows into distinct keys (with DuckDB) and
 * applies the resulting key → kode mapping.
 */
import { FuzzyIndex, osaDistance } from '../analysis/text-distance';
import { kabKotaOf, looksLikeBps, normalizeKode, parseKode } from './kode-wilayah';
import { nameForms, normalizeName } from './place-names';
import { ImportError } from './importers/types';

/** A kelurahan of the chosen region that rows can join to. */
export interface JoinTarget {
  /** PP.KK.CC.DDDD */
  kode: string;
  nama: string;
  kecamatan: string;
}

/** One distinct key of the table (rows with the same key are grouped by the caller). */
export interface JoinKey {
  /** As written in the file: any spelling of a code, or a number from Excel. */
  kode: string | number | null;
  nama: string | null;
  /** A kecamatan name, or its code (33.72.03). */
  kecamatan: string | null;
  /** Optional period: duplicates are counted per (kelurahan, tahun). */
  tahun: number | null;
  /** How many rows have this key, and the first of them (1-based file row) for messages. */
  rows: number;
  firstRow: number;
}

export type MatchHow = 'code' | 'name' | 'fuzzy' | 'manual';

export interface KeyMatch {
  /** Index into keys. */
  key: number;
  /** The target's kode, as the target wrote it. */
  kode: string;
  how: MatchHow;
  /** Edit distance between the normalised names; 0 for exact matches. */
  distance: number;
}

export type UnmatchedReason =
  | 'empty'
  | 'bps-code'
  | 'unknown-code'
  | 'other-region'
  | 'no-name-match'
  | 'ambiguous-name'
  | 'unreliable-number'
  /** The name exists in the region, but not in the kecamatan the row names: a conflict for the user. */
  | 'other-kecamatan'
  /** The row names a kecamatan that is not one of the region's. */
  | 'outside-region';

export interface UnmatchedKey {
  key: number;
  reason: UnmatchedReason;
  /**
   * Target kode the name could mean (in target order): for ambiguous names, and for
   * 'other-kecamatan' the kelurahan of that name in the other kecamatan.
   */
  candidates: string[];
  /** For 'other-kecamatan': the kelurahan of the written kecamatan spelled most like the name. */
  near?: { candidates: string[]; distance: number };
}

/**
 * Why a key's kecamatan did not bound its candidates although one was written: it is near
 * the names of several kecamatan ('ambiguous', those listed), or it cannot be checked
 * ('unrecognised': a code that is not a 6-digit kecamatan code, or targets without kecamatan
 * names). Such keys are matched across the whole region, as if no kecamatan were written.
 */
export interface KecamatanFallback {
  key: number;
  why: 'ambiguous' | 'unrecognised';
  /** Kecamatan names of the targets the written one may mean ('ambiguous' only). */
  kecamatan: string[];
}

/** More than one row for one kelurahan (and year). */
export interface DuplicateGroup {
  kode: string;
  tahun: number | null;
  /** Indices into keys, ascending. */
  keys: number[];
  /** Rows of all those keys together. */
  rows: number;
}

export type CodeSystem = 'kemendagri' | 'bps' | 'none' | 'mixed';

export interface JoinReport {
  /** Code, name and fuzzy matches (fuzzy ones pending a decision), by key. */
  matched: KeyMatch[];
  unmatched: UnmatchedKey[];
  /** Only when options.oneRowPerKelurahan (the default); fuzzy matches count as accepted. */
  duplicates: DuplicateGroup[];
  /** Target kode with no row at all (fuzzy matches count as accepted), in target order. */
  missing: string[];
  /**
   * What the code column holds: `kemendagri` when codes match the region, `bps` when none do
   * but they read as BPS codes (the join then falls back to names), `mixed` when both occur,
   * `none` when no key has a code of either kind.
   */
  codeSystem: CodeSystem;
  /** Counts of keys (not rows), except `duplicates` (groups), `missing` (kelurahan) and `rows`. */
  counts: { code: number; name: number; fuzzy: number; unmatched: number; duplicates: number; missing: number; rows: number };
  /** Per key, what resolveJoin needs to recount duplicates after the user's decisions. */
  keyRows: { tahun: number | null; rows: number; firstRow: number }[];
  /** Whether duplicates were looked for. */
  oneRowPerKelurahan: boolean;
  /** Every target's kode in target order: what a hand-chosen kode may be. */
  targetKode: string[];
  /** Keys whose written kecamatan could not bound the match, ascending by key; absent when none. */
  kecamatanFallback?: KecamatanFallback[];
}

export interface JoinOptions {
  /** The table should have one row per kelurahan (and year); default true. */
  oneRowPerKelurahan?: boolean;
  /** Largest edit distance offered as a fuzzy suggestion; default 2 (short names get less). */
  maxFuzzyDistance?: number;
}

/** Everything about the targets that matching looks up, built once per report. */
interface TargetIndex {
  targets: JoinTarget[];
  byDigits: Map<string, number>;
  kabKota: Set<string>;
  /** Normalised name form → targets with that form. */
  byName: Map<string, number[]>;
  /** Distinct name forms for fuzzy search, and the targets of each. */
  forms: string[];
  formTargets: number[][];
  fuzzy: FuzzyIndex | null;
  /** Fuzzy answers by scope and name form: a table repeats each name once per year. */
  nearestOf: Map<string, Nearest | null>;
  /** Each target's kab/kota (4 digits of its code). */
  kabKotaDigits: string[];
  /** Targets by normalised kecamatan name, by kecamatan code (6 digits) and by kab/kota (4 digits). */
  byKecamatanName: Map<string, number[]>;
  byKecamatanDigits: Map<string, number[]>;
  byKabKota: Map<string, number[]>;
  /** Each target's main name form. */
  targetForm: string[];
  /** Whether every target has a kecamatan name, so that a name not among them is outside. */
  kecamatanNamed: boolean;
  /** Verdicts on kecamatan as written: a table repeats each one on many rows. */
  kecamatanOf: Map<string, KecamatanVerdict>;
}

function groupBy(values: string[]): Map<string, number[]> {
  const groups = new Map<string, number[]>();
  values.forEach((value, i) => {
    const list = groups.get(value);
    if (list) list.push(i);
    else groups.set(value, [i]);
  });
  return groups;
}

function indexTargets(targets: JoinTarget[]): TargetIndex {
  const byDigits = new Map<string, number>();
  const kabKota = new Set<string>();
  const byName = new Map<string, number[]>();
  targets.forEach((target, i) => {
    const digits = normalizeKode(target.kode);
    if (digits) {
      byDigits.set(digits, i);
      kabKota.add(kabKotaOf(digits));
    }
    for (const form of nameForms(target.nama)) {
      const list = byName.get(form);
      if (!list) byName.set(form, [i]);
      else if (!list.includes(i)) list.push(i);
    }
  });
  const forms = [...byName.keys()];
  const kecamatanName = targets.map((t) => normalizeName(t.kecamatan, 'kecamatan'));
  const kecamatanDigits = targets.map((t) => t.kode.replace(/\D/g, '').slice(0, 6));
  return {
    targets,
    byDigits,
    kabKota,
    byName,
    forms,
    formTargets: forms.map((f) => byName.get(f) as number[]),
    fuzzy: null,
    nearestOf: new Map(),
    kabKotaDigits: kecamatanDigits.map((d) => d.slice(0, 4)),
    byKecamatanName: groupBy(kecamatanName),
    byKecamatanDigits: groupBy(kecamatanDigits),
    byKabKota: groupBy(kecamatanDigits.map((d) => d.slice(0, 4))),
    targetForm: targets.map((t) => normalizeName(t.nama)),
    kecamatanNamed: targets.length > 0 && kecamatanName.every((name) => name !== ''),
    kecamatanOf: new Map(),
  };
}

/** What a key's code says on its own. */
type CodeVerdict =
  | { kind: 'match'; target: number }
  | { kind: 'none' }
  | { kind: 'reason'; reason: 'bps-code' | 'unknown-code' | 'other-region' | 'unreliable-number' };

function judgeCode(raw: JoinKey['kode'], index: TargetIndex): CodeVerdict {
  const parsed = parseKode(raw);
  if (parsed.kind === 'empty') return { kind: 'none' };
  if (parsed.kind === 'unreliable-number') return { kind: 'reason', reason: 'unreliable-number' };
  if (parsed.kind === 'invalid') return { kind: 'reason', reason: 'unknown-code' };
  const { digits, layout } = parsed;
  // Written 2-2-3-3 is BPS even when the digits happen to equal a Kemendagri code.
  const target = layout === 'bps' ? undefined : index.byDigits.get(digits);
  if (target !== undefined) return { kind: 'match', target };
  if (!index.kabKota.has(kabKotaOf(digits))) return { kind: 'reason', reason: 'other-region' };
  if (layout === 'bps' || looksLikeBps(digits)) return { kind: 'reason', reason: 'bps-code' };
  return { kind: 'reason', reason: 'unknown-code' };
}

/**
 * What a key's kecamatan says about where its kelurahan lies. `scope`: a kecamatan of the
 * targets (by name or 6-digit code; the targets of every kecamatan of that name). `outside`:
 * written, but not a kecamatan of the targets. `fallback`: written, but it cannot bound the
 * match (see KecamatanFallback; `targets` are those of the kecamatan it may mean). `none`:
 * not written.
 */
type KecamatanVerdict =
  | { kind: 'none' }
  | { kind: 'scope'; id: string; targets: number[] }
  | { kind: 'outside' }
  | { kind: 'fallback'; why: KecamatanFallback['why']; targets: number[]; names: string[] };

function judgeKecamatan(raw: string | null, index: TargetIndex): KecamatanVerdict {
  if (!raw || raw.trim() === '') return { kind: 'none' };
  let verdict = index.kecamatanOf.get(raw);
  if (!verdict) {
    verdict = judgeKecamatanText(raw, index);
    index.kecamatanOf.set(raw, verdict);
  }
  return verdict;
}

function judgeKecamatanText(raw: string, index: TargetIndex): KecamatanVerdict {
  const digits = raw.replace(/[\s.\-'’]/g, '');
  if (/^\d+$/.test(digits)) {
    if (digits.length !== 6) return { kind: 'fallback', why: 'unrecognised', targets: [], names: [] };
    const targets = index.byKecamatanDigits.get(digits);
    return targets ? { kind: 'scope', id: `kec:${digits}`, targets } : { kind: 'outside' };
  }
  const name = normalizeName(raw, 'kecamatan');
  if (name === '') return { kind: 'none' };
  const exact = index.byKecamatanName.get(name);
  if (exact) return { kind: 'scope', id: `kec:${name}`, targets: exact };
  if (!index.kecamatanNamed) return { kind: 'fallback', why: 'unrecognised', targets: [], names: [] };
  // "Pasar Kliwon" typed "Pasar Kliwoon": one slip in a longer kecamatan name still tells.
  const near = name.length >= 5 ? [...index.byKecamatanName.keys()].filter((own) => osaDistance(own, name, 1) <= 1) : [];
  if (near.length === 0) return { kind: 'outside' };
  const targets = near.flatMap((own) => index.byKecamatanName.get(own) as number[]).sort((a, b) => a - b);
  if (near.length === 1) return { kind: 'scope', id: `kec:${near[0]}`, targets };
  const names = [...new Set(targets.map((t) => index.targets[t].kecamatan))];
  return { kind: 'fallback', why: 'ambiguous', targets, names };
}

/** The largest distance worth suggesting for a name of this length: 0 for 3 letters, 1 up to 7. */
function fuzzyBudget(length: number, max: number): number {
  const budget = length <= 3 ? 0 : length <= 7 ? 1 : 2;
  return Math.min(budget, max);
}

/** The targets whose names are nearest to a form, and how near. */
interface Nearest {
  targets: number[];
  distance: number;
}

/** Above this many targets a scope is searched through the index instead of one by one. */
const SCOPE_SCAN_LIMIT = 2000;

/**
 * Where a misspelt name is looked for when the key's kecamatan does not say (a kecamatan
 * that does is searched alone, see judgeName): when the key's code names a kab/kota of the
 * targets (a BPS or outdated code still starts with PP.KK), only in that kab/kota, since
 * across Indonesia a misspelt "Sidomulyo" is near hundreds of places. Else everywhere (null).
 */
function fuzzyScope(key: JoinKey, index: TargetIndex): { id: string; targets: number[] } | null {
  const digits = normalizeKode(key.kode);
  const inKabKota = digits ? index.byKabKota.get(digits.slice(0, 4)) : undefined;
  if (inKabKota && inKabKota.length <= SCOPE_SCAN_LIMIT && inKabKota.length < index.targets.length) {
    return { id: `kab:${digits?.slice(0, 4)}`, targets: inKabKota };
  }
  return null;
}

/** The nearest names among a few targets, measured one by one. */
function nearestIn(targets: number[], form: string, budget: number, index: TargetIndex): Nearest | null {
  let best = budget;
  let found: number[] = [];
  for (const t of targets) {
    const distance = osaDistance(form, index.targetForm[t], best);
    if (distance < best) {
      best = distance;
      found = [t];
    } else if (distance === best) {
      found.push(t);
    }
  }
  return found.length > 0 ? { targets: found.sort((a, b) => a - b), distance: best } : null;
}

/** The nearest names among all targets, through the q-gram index. */
function nearestAnywhere(form: string, budget: number, index: TargetIndex): Nearest | null {
  index.fuzzy ??= new FuzzyIndex(index.forms);
  const nearest = index.fuzzy.nearest(form, budget);
  if (!nearest) return null;
  const targets = [...new Set(nearest.ids.flatMap((id) => index.formTargets[id]))].sort((a, b) => a - b);
  return { targets, distance: nearest.distance };
}

type NameVerdict =
  | { kind: 'match'; target: number; how: 'name' | 'fuzzy'; distance: number }
  | { kind: 'ambiguous'; targets: number[] }
  | { kind: 'other-kecamatan'; targets: number[]; near: Nearest | null }
  | { kind: 'outside' }
  | { kind: 'no-match' }
  | { kind: 'none' };

/** The nearest names within a scope, remembered by scope and form. */
function nearestCached(scope: { id: string; targets: number[] } | null, form: string, budget: number, index: TargetIndex): Nearest | null {
  const cacheKey = `${scope?.id ?? ''}|${form}`;
  let nearest = index.nearestOf.get(cacheKey);
  if (nearest === undefined) {
    nearest = scope ? nearestIn(scope.targets, form, budget, index) : nearestAnywhere(form, budget, index);
    index.nearestOf.set(cacheKey, nearest);
  }
  return nearest;
}

function oneOrAmbiguous(targets: number[], how: 'name' | 'fuzzy', distance: number): NameVerdict {
  return targets.length === 1
    ? { kind: 'match', target: targets[0], how, distance }
    : { kind: 'ambiguous', targets: [...targets].sort((a, b) => a - b) };
}

/**
 * Inside a known kecamatan: its kelurahan only, by name (spelling rules included), then by
 * spelling distance. A name found only in another kecamatan of the same kab/kota is a
 * conflict, never a match: the row says one kecamatan and the name another (BPS and
 * Kemendagri spell the desa of two kecamatan of Cilacap the other way round, "Purwodadi" and
 * "Purwadadi"). The same name in another kab/kota is a namesake, not a candidate.
 */
function judgeNameInKecamatan(forms: string[], scope: { id: string; targets: number[] }, index: TargetIndex, maxFuzzy: number): NameVerdict {
  const inside = new Set(scope.targets);
  const kabKota = new Set(scope.targets.map((t) => index.kabKotaDigits[t]));
  let elsewhere: number[] = [];
  for (const form of forms) {
    const exact = index.byName.get(form);
    if (!exact) continue;
    const here = exact.filter((t) => inside.has(t));
    if (here.length > 0) return oneOrAmbiguous(here, 'name', 0);
    if (elsewhere.length === 0) elsewhere = exact.filter((t) => kabKota.has(index.kabKotaDigits[t])).sort((a, b) => a - b);
  }
  const form = forms[0];
  const budget = fuzzyBudget(form.length, maxFuzzy);
  const near = budget >= 1 ? nearestCached(scope, form, budget, index) : null;
  if (elsewhere.length > 0) return { kind: 'other-kecamatan', targets: elsewhere, near };
  return near ? oneOrAmbiguous(near.targets, 'fuzzy', near.distance) : { kind: 'no-match' };
}

/**
 * Without a kecamatan to bound it: across the region, a kecamatan the key may mean (an
 * ambiguous one) picking among equal names, then fuzzily within the kab/kota of the key's code.
 */
function judgeNameInRegion(key: JoinKey, forms: string[], mayMean: number[], index: TargetIndex, maxFuzzy: number): NameVerdict {
  const mayMeanSet = new Set(mayMean);
  const narrow = (candidates: number[]) => {
    const inside = candidates.length > 1 ? candidates.filter((t) => mayMeanSet.has(t)) : [];
    return inside.length > 0 ? inside : candidates;
  };
  for (const form of forms) {
    const exact = index.byName.get(form);
    if (exact) return oneOrAmbiguous(narrow(exact), 'name', 0);
  }
  const form = forms[0];
  const budget = fuzzyBudget(form.length, maxFuzzy);
  if (budget < 1 || index.forms.length === 0) return { kind: 'no-match' };
  const nearest = nearestCached(fuzzyScope(key, index), form, budget, index);
  return nearest ? oneOrAmbiguous(narrow(nearest.targets), 'fuzzy', nearest.distance) : { kind: 'no-match' };
}

function judgeName(key: JoinKey, kecamatan: KecamatanVerdict, index: TargetIndex, maxFuzzy: number): NameVerdict {
  const forms = nameForms(key.nama);
  if (forms.length === 0) return { kind: 'none' };
  if (kecamatan.kind === 'outside') return { kind: 'outside' };
  if (kecamatan.kind === 'scope') return judgeNameInKecamatan(forms, kecamatan, index, maxFuzzy);
  return judgeNameInRegion(key, forms, kecamatan.kind === 'fallback' ? kecamatan.targets : [], index, maxFuzzy);
}

function duplicateGroups(
  kodeOfKey: (string | null)[],
  keyRows: JoinReport['keyRows'],
): DuplicateGroup[] {
  const groups = new Map<string, DuplicateGroup>();
  kodeOfKey.forEach((kode, key) => {
    if (kode === null) return;
    const tahun = keyRows[key].tahun;
    const id = `${kode}|${tahun ?? ''}`;
    const group = groups.get(id);
    if (group) {
      group.keys.push(key);
      group.rows += keyRows[key].rows;
    } else {
      groups.set(id, { kode, tahun, keys: [key], rows: keyRows[key].rows });
    }
  });
  return [...groups.values()].filter((g) => g.rows > 1);
}

/**
 * Matches every key to a kelurahan of `targets` and reports how, before anything is joined.
 *
 * A key's code decides when it is a code of the region. A code of another kab/kota leaves the
 * key unmatched ('other-region'): its name might exist here too, but it means a different
 * place. Otherwise (no code, a BPS code, an unknown code, a number Excel mangled) the name is
 * tried, kecamatan first: when the key names a kecamatan of the targets (by the same name
 * rules, one slip allowed in a long name, or by its 6-digit code), only that kecamatan's
 * kelurahan are candidates, exactly after normalisation and then fuzzily (a suggestion the
 * user accepts or rejects); the name found only in another kecamatan is a conflict
 * ('other-kecamatan'), and a kecamatan that is not the region's leaves the key out
 * ('outside-region'). Without a usable kecamatan (none written, or one that is ambiguous or
 * cannot be checked, listed in kecamatanFallback) the whole region is searched, fuzzily within
 * the kab/kota the key's code names when it names one. Of the reasons a key stays unmatched,
 * those with candidates to choose from come first, then the kecamatan outside the region, then
 * the code's problem, then the name's.
 */
export function buildJoinReport(keys: JoinKey[], targets: JoinTarget[], options: JoinOptions = {}): JoinReport {
  const oneRowPerKelurahan = options.oneRowPerKelurahan ?? true;
  const maxFuzzy = options.maxFuzzyDistance ?? 2;
  const index = indexTargets(targets);
  const matched: KeyMatch[] = [];
  const unmatched: UnmatchedKey[] = [];
  const kecamatanFallback: KecamatanFallback[] = [];
  let kemendagriCodes = 0;
  let bpsCodes = 0;

  keys.forEach((key, i) => {
    const code = judgeCode(key.kode, index);
    if (code.kind === 'match') {
      kemendagriCodes += 1;
      matched.push({ key: i, kode: targets[code.target].kode, how: 'code', distance: 0 });
      return;
    }
    if (code.kind === 'reason' && code.reason === 'bps-code') bpsCodes += 1;
    if (code.kind === 'reason' && code.reason === 'other-region') {
      unmatched.push({ key: i, reason: 'other-region', candidates: [] });
      return;
    }
    const kecamatan = judgeKecamatan(key.kecamatan, index);
    if (kecamatan.kind === 'fallback' && nameForms(key.nama).length > 0) {
      kecamatanFallback.push({ key: i, why: kecamatan.why, kecamatan: kecamatan.names });
    }
    const name = judgeName(key, kecamatan, index, maxFuzzy);
    const kodeOf = (list: number[]) => list.map((t) => targets[t].kode);
    if (name.kind === 'match') {
      matched.push({ key: i, kode: targets[name.target].kode, how: name.how, distance: name.distance });
    } else if (name.kind === 'ambiguous') {
      unmatched.push({ key: i, reason: 'ambiguous-name', candidates: kodeOf(name.targets) });
    } else if (name.kind === 'other-kecamatan') {
      const miss: UnmatchedKey = { key: i, reason: 'other-kecamatan', candidates: kodeOf(name.targets) };
      if (name.near) miss.near = { candidates: kodeOf(name.near.targets), distance: name.near.distance };
      unmatched.push(miss);
    } else if (name.kind === 'outside') {
      unmatched.push({ key: i, reason: 'outside-region', candidates: [] });
    } else {
      const reason: UnmatchedReason =
        code.kind === 'reason' ? code.reason : name.kind === 'no-match' ? 'no-name-match' : 'empty';
      unmatched.push({ key: i, reason, candidates: [] });
    }
  });

  const keyRows = keys.map((k) => ({ tahun: k.tahun, rows: k.rows, firstRow: k.firstRow }));
  const kodeOfKey: (string | null)[] = keys.map(() => null);
  for (const m of matched) kodeOfKey[m.key] = m.kode;
  const duplicates = oneRowPerKelurahan ? duplicateGroups(kodeOfKey, keyRows) : [];
  const seen = new Set(matched.map((m) => m.kode));
  const missing = targets.map((t) => t.kode).filter((kode) => !seen.has(kode));
  const codeSystem: CodeSystem =
    kemendagriCodes > 0 && bpsCodes > 0 ? 'mixed' : bpsCodes > 0 ? 'bps' : kemendagriCodes > 0 ? 'kemendagri' : 'none';
  const countHow = (how: MatchHow) => matched.filter((m) => m.how === how).length;

  return {
    matched,
    unmatched,
    duplicates,
    missing,
    codeSystem,
    counts: {
      code: countHow('code'),
      name: countHow('name'),
      fuzzy: countHow('fuzzy'),
      unmatched: unmatched.length,
      duplicates: duplicates.length,
      missing: missing.length,
      rows: keys.reduce((sum, k) => sum + k.rows, 0),
    },
    keyRows,
    oneRowPerKelurahan,
    targetKode: targets.map((t) => t.kode),
    // Only when there is one, so that reports of tables without the problem stay as they were.
    ...(kecamatanFallback.length > 0 ? { kecamatanFallback } : {}),
  };
}

/** The user's decisions on a join report. */
export interface JoinDecisions {
  /** Per key of a fuzzy match; a fuzzy match without a decision is not joined. */
  fuzzy: Record<number, 'accept' | 'reject'>;
  /** Per key: the kode chosen by hand (any spelling), or null to leave the key out. Overrides every match. */
  manual: Record<number, string | null>;
  /** What to do with several rows for one kelurahan (and year): the caller sums or averages them. */
  duplicates: 'sum' | 'mean' | 'reject';
}

export type DropReason = 'fuzzy-rejected' | 'duplicate-rejected' | 'unmatched';

export interface ResolvedJoin {
  /** Per key, the target kode its rows join to, or null. */
  kodeOfKey: (string | null)[];
  /** Keys left out, and why, ascending by key. */
  dropped: { key: number; why: DropReason }[];
  /** Duplicate groups that remain after the decisions (empty when they were rejected). */
  duplicates: DuplicateGroup[];
  /** Target kode that no key joins to after the decisions, in target order. */
  missing: string[];
}

/**
 * The final key → kode mapping after the user's decisions: rejected or undecided fuzzy
 * matches and, with `duplicates: 'reject'`, every key of a duplicated kelurahan are left out.
 * A hand-chosen kode must be one of the report's targets; otherwise an ImportError
 * ('join.error.manualUnknownKode') names it and the key's row.
 */
export function resolveJoin(report: JoinReport, decisions: JoinDecisions): ResolvedJoin {
  const kodeByDigits = new Map(report.targetKode.map((kode) => [normalizeKode(kode) ?? kode, kode]));

  const kodeOfKey: (string | null)[] = report.keyRows.map(() => null);
  const why = new Map<number, DropReason>();
  for (const m of report.matched) {
    if (m.how === 'fuzzy' && decisions.fuzzy[m.key] !== 'accept') why.set(m.key, 'fuzzy-rejected');
    else kodeOfKey[m.key] = m.kode;
  }
  for (const u of report.unmatched) why.set(u.key, 'unmatched');

  for (const [keyText, chosen] of Object.entries(decisions.manual)) {
    const key = Number(keyText);
    if (!(key >= 0 && key < kodeOfKey.length)) continue;
    if (chosen === null) {
      kodeOfKey[key] = null;
      why.set(key, 'unmatched');
      continue;
    }
    const kode = kodeByDigits.get(normalizeKode(chosen) ?? chosen);
    if (!kode) throw new ImportError('join.error.manualUnknownKode', { kode: chosen, row: report.keyRows[key].firstRow });
    kodeOfKey[key] = kode;
    why.delete(key);
  }

  let duplicates = report.oneRowPerKelurahan ? duplicateGroups(kodeOfKey, report.keyRows) : [];
  if (decisions.duplicates === 'reject' && duplicates.length > 0) {
    for (const group of duplicates) {
      for (const key of group.keys) {
        kodeOfKey[key] = null;
        why.set(key, 'duplicate-rejected');
      }
    }
    duplicates = [];
  }

  const joined = new Set(kodeOfKey.filter((k): k is string => k !== null));
  const missing = report.targetKode.filter((kode) => !joined.has(kode));
  return {
    kodeOfKey,
    dropped: [...why.entries()].sort((a, b) => a[0] - b[0]).map(([key, reason]) => ({ key, why: reason })),
    duplicates,
    missing,
  };
}

export { guessKeyColumns, type KeyColumns } from './join-columns';
