/**
 * Poverty pockets year by year (issue 18, item 2): TKPKD's "jumlah kantong kemiskinan" made
 * countable. A pocket is a connected group, by the spatial weights, of kelurahan that LISA calls
 * significant High-High in that year (GeoDa's cluster map, the same settings every year). Pockets
 * of consecutive years are matched by the kelurahan they share, so each keeps a letter (A, B, …)
 * and the brief can say "pocket A persisted, B disappeared". The count depends on the significance
 * settings, so {@link pocketSensitivity} recounts it at other levels and with FDR.
 */
import { LisaCluster, lisaClusters, type LisaClusters } from './local-moran';
import type { Correction } from './significance';
import type { Weights } from './weights';

/** What LISA's classification reads from one year's statistic (feature order, NaN where missing). */
export type LisaYear = Parameters<typeof lisaClusters>[0];

/** How a pocket relates to the year before. */
export type PocketStatus = 'new' | 'persisted' | 'reappeared' | 'split';

export interface Pocket {
  /** Its letter, kept from year to year while it persists (A, B, …, Z, AA, …). */
  id: string;
  /** Indices (into the weights' observations) of its kelurahan, ascending. */
  members: number[];
  status: PocketStatus;
  /** Letters of other pockets of the year before that joined it (a merge). */
  merged: string[];
}

export interface PocketYear {
  year: number;
  /** The p cut-off LISA applied that year. */
  cutoff: number;
  /** Pockets, largest first (ties by their lowest index). */
  pockets: Pocket[];
  /** Letters of pockets of the year before that have no successor this year. */
  disappeared: string[];
}

/** The letter of the k-th pocket (0 → A, 25 → Z, 26 → AA). */
export function pocketLetter(k: number): string {
  let s = '';
  let n = k + 1;
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/**
 * Connected groups of the observations where `inPocket` is true, neighbours by `weights` (both
 * directions count, so asymmetric weights such as KNN still join a pair). Groups are sorted
 * largest first, then by lowest index; members ascending.
 */
export function connectedGroups(weights: Pick<Weights, 'n' | 'offsets' | 'indices'>, inPocket: (i: number) => boolean): number[][] {
  const parent = Int32Array.from({ length: weights.n }, (_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]];
    return i;
  };
  for (let i = 0; i < weights.n; i++) {
    if (!inPocket(i)) continue;
    for (let k = weights.offsets[i]; k < weights.offsets[i + 1]; k++) {
      const j = weights.indices[k];
      if (!inPocket(j)) continue;
      const a = find(i);
      const b = find(j);
      if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
    }
  }
  const groups = new Map<number, number[]>();
  for (let i = 0; i < weights.n; i++) if (inPocket(i)) groups.set(find(i), [...(groups.get(find(i)) ?? []), i]);
  return [...groups.values()].sort((a, b) => b.length - a.length || a[0] - b[0]);
}

/** The High-High pockets of one year's LISA at a significance setting. */
export function pocketsOf(weights: Pick<Weights, 'n' | 'offsets' | 'indices'>, clusters: Pick<LisaClusters, 'cluster'>): number[][] {
  return connectedGroups(weights, (i) => clusters.cluster[i] === LisaCluster.HighHigh);
}

const shared = (a: readonly number[], b: ReadonlySet<number>) => a.reduce((s, i) => s + (b.has(i) ? 1 : 0), 0);

/**
 * Gives each year's groups their letters. A group takes the letter of the pocket of the year
 * before with which it shares the most kelurahan (a pocket that split keeps its letter in the part
 * sharing most, ties to the larger part, then to the lower index; the other parts are new letters
 * marked `split`); other pockets of the year before it overlaps are recorded as `merged` into it.
 * A group sharing nothing with the year before but some kelurahan with a pocket last seen earlier
 * takes that letter back (`reappeared`); otherwise it gets the next free letter (`new`).
 */
export function trackPockets(years: readonly { year: number; cutoff: number; groups: number[][] }[]): PocketYear[] {
  const out: PocketYear[] = [];
  /** Last membership of every letter ever given. */
  const last = new Map<string, Set<number>>();
  let next = 0;
  let before: Pocket[] = [];
  for (const { year, cutoff, groups } of years) {
    const previous = before.map((p) => ({ id: p.id, set: new Set(p.members) }));
    // Each pocket of last year hands its letter to the group sharing most with it.
    const heir = new Map<string, number>();
    for (const p of previous) {
      let best = -1;
      let bestShared = 0;
      groups.forEach((g, k) => {
        const s = shared(g, p.set);
        if (s > bestShared || (s === bestShared && s > 0 && g.length > groups[best].length)) {
          best = k;
          bestShared = s;
        }
      });
      if (best >= 0) heir.set(p.id, best);
    }
    const alive = new Set(before.map((p) => p.id));
    const pockets: Pocket[] = [];
    groups.forEach((g, k) => {
      const overlapping = previous.filter((p) => shared(g, p.set) > 0);
      // Among the letters this group inherits, the one sharing most (a merge keeps the biggest).
      const inherited = overlapping
        .filter((p) => heir.get(p.id) === k)
        .sort((a, b) => shared(g, b.set) - shared(g, a.set) || a.id.length - b.id.length || a.id.localeCompare(b.id));
      if (inherited.length > 0) {
        pockets.push({ id: inherited[0].id, members: g, status: 'persisted', merged: inherited.slice(1).map((p) => p.id) });
      } else if (overlapping.length > 0) {
        pockets.push({ id: pocketLetter(next++), members: g, status: 'split', merged: [] });
      } else {
        const back = [...last]
          .filter(([id, set]) => !alive.has(id) && shared(g, set) > 0)
          .sort((a, b) => shared(g, b[1]) - shared(g, a[1]) || a[0].length - b[0].length || a[0].localeCompare(b[0]))[0];
        if (back) alive.add(back[0]);
        pockets.push(back ? { id: back[0], members: g, status: 'reappeared', merged: [] } : { id: pocketLetter(next++), members: g, status: 'new', merged: [] });
      }
    });
    const kept = new Set(pockets.map((p) => p.id));
    const merged = new Set(pockets.flatMap((p) => p.merged));
    const disappeared = before.map((p) => p.id).filter((id) => !kept.has(id) && !merged.has(id));
    for (const p of pockets) last.set(p.id, new Set(p.members));
    out.push({ year, cutoff, pockets, disappeared });
    before = pockets;
  }
  return out;
}

/** Pockets of every year at one significance setting, with their letters tracked across years. */
export function pocketsByYear(
  weights: Pick<Weights, 'n' | 'offsets' | 'indices'>,
  years: readonly { year: number; lisa: LisaYear }[],
  alpha: number,
  correction: Correction,
): PocketYear[] {
  return trackPockets(
    years.map(({ year, lisa }) => {
      const clusters = lisaClusters(lisa, alpha, correction);
      return { year, cutoff: clusters.cutoff, groups: pocketsOf(weights, clusters) };
    }),
  );
}

/** The significance settings the sensitivity table recounts pockets at. */
export const SENSITIVITY_ALPHAS = [0.01, 0.05, 0.1] as const;
export const SENSITIVITY_CORRECTIONS: readonly Correction[] = ['none', 'fdr'];

export interface SensitivityRow {
  alpha: number;
  correction: Correction;
  /** Pocket count per year, in the order of the years given. */
  counts: number[];
}

/** The number of pockets per year at each α of {@link SENSITIVITY_ALPHAS}, without and with FDR. */
export function pocketSensitivity(weights: Pick<Weights, 'n' | 'offsets' | 'indices'>, years: readonly { year: number; lisa: LisaYear }[]): SensitivityRow[] {
  return SENSITIVITY_CORRECTIONS.flatMap((correction) =>
    SENSITIVITY_ALPHAS.map((alpha) => ({
      alpha,
      correction,
      counts: years.map(({ lisa }) => pocketsOf(weights, lisaClusters(lisa, alpha, correction)).length),
    })),
  );
}
