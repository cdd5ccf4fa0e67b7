/**
 * RTLH targeting for Disperumkimtan: rank kelurahan by how concentrated their uninhabitable
 * houses (rumah tidak layak huni) are, allocate a repair budget greedily down that ranking, and
 * say why each kelurahan was chosen. Pure: plain objects in, plain objects out; reasons are
 * message keys with parameters, turned into words by the caller through i18n.
 */

/** LISA cluster of a kelurahan (from the analysis core), used as a tie-breaker and a reason. */
export type Cluster = 'HH' | 'HL' | 'LH' | 'LL';

/** One kelurahan's RTLH facts, as the state gathers them from `ukuran`, the geometry and `program`. */
export interface RtlhRow {
  kode: string;
  nama: string;
  kecamatan: string;
  /** RTLH units recorded (null = no data: the kelurahan is not ranked). */
  units: number | null;
  households: number | null;
  /** Area from the geometry (km²), for units per km². */
  areaKm2: number | null;
  /**
   * Units repaired by the RTLH program in the years the caller chose. Only repairs made AFTER the
   * RTLH count was taken should be passed: in the demo data a repaired house already leaves the
   * next year's RTLH count, so subtracting earlier repairs would count them twice.
   */
  repaired: number;
  /** Composite index (higher = needier), for breaking ties. */
  tieBreak?: number | null;
  cluster?: Cluster | null;
}

export type RankBy = 'units' | 'per100' | 'perKm2';

export interface RankOptions {
  by: RankBy;
  /** Subtract `repaired` from `units` (floor 0) before ranking and allocating. */
  notYetCovered: boolean;
  /** Keep only these kecamatan (by name, as in `RtlhRow.kecamatan`); empty or absent = all. */
  kecamatan?: string[];
  /** Keep only kelurahan with at least this many remaining units. */
  minUnits?: number;
  /** What orders kelurahan with equal scores: composite index (higher first) or LISA cluster (HH, HL, LH, LL, none). */
  tieBreak?: 'composite' | 'cluster' | null;
}

/** A ranked kelurahan: its facts, its score, its place in the filtered ranking and in the whole city. */
export interface RankedRow extends RtlhRow {
  /** 1 = first to receive repairs. Rows tied on score and tie-breaker share a rank (1, 2, 2, 4). */
  rank: number;
  /** The value ranked on (remaining units, remaining units per 100 households, or per km²). */
  score: number;
  /** Units still to repair: units − repaired (floor 0) when `notYetCovered`, else units. */
  remaining: number;
  /** Remaining units per 100 households and per km², whatever `by` is (null when the denominator is missing or 0). */
  per100: number | null;
  perKm2: number | null;
  /** Number of kelurahan in this (filtered) ranking. */
  n: number;
  /** Rank and count among every kelurahan of the city with a score, before the kecamatan and minimum filters (for reasons). */
  cityRank: number;
  cityN: number;
  /** Remaining units summed over every kelurahan of the city with RTLH data (before filters): the base of "share of the city's RTLH". */
  cityRemaining: number;
}

const CLUSTER_ORDER: Record<Cluster, number> = { HH: 4, HL: 3, LH: 2, LL: 1 };

function ratio(numerator: number, denominator: number | null, per: number): number | null {
  return denominator === null || !(denominator > 0) ? null : (numerator * per) / denominator;
}

function tieValue(row: RtlhRow, tieBreak: RankOptions['tieBreak']): number {
  if (tieBreak === 'composite') return typeof row.tieBreak === 'number' && Number.isFinite(row.tieBreak) ? row.tieBreak : -Infinity;
  if (tieBreak === 'cluster') return row.cluster ? CLUSTER_ORDER[row.cluster] : 0;
  return 0;
}

/** Competition ranks (1, 2, 2, 4) over rows already sorted, equal when `same` says so. */
function competitionRanks<T>(sorted: readonly T[], same: (a: T, b: T) => boolean): number[] {
  const ranks: number[] = [];
  sorted.forEach((row, i) => ranks.push(i > 0 && same(sorted[i - 1], row) ? ranks[i - 1] : i + 1));
  return ranks;
}

/**
 * Ranks kelurahan by RTLH concentration, neediest first. Kelurahan without RTLH data, or without
 * the denominator of the chosen measure (households, area), are left out: they cannot be placed.
 * Order: score descending, then the tie-breaker descending, then kode (so the order, and thus an
 * allocation, is the same on every run); rows equal on score and tie-breaker share a rank.
 */
export function rankRtlh(rows: RtlhRow[], options: RankOptions): RankedRow[] {
  const scored = rows.flatMap((row) => {
    if (row.units === null || !Number.isFinite(row.units)) return [];
    const remaining = options.notYetCovered ? Math.max(row.units - Math.max(row.repaired, 0), 0) : row.units;
    const per100 = ratio(remaining, row.households, 100);
    const perKm2 = ratio(remaining, row.areaKm2, 1);
    const score = options.by === 'units' ? remaining : options.by === 'per100' ? per100 : perKm2;
    return [{ row, remaining, per100, perKm2, score, tie: tieValue(row, options.tieBreak) }];
  });
  const cityRemaining = scored.reduce((sum, s) => sum + s.remaining, 0);
  const withScore = scored.filter((s): s is typeof s & { score: number } => s.score !== null);
  const order = (a: (typeof withScore)[number], b: (typeof withScore)[number]) =>
    b.score - a.score || b.tie - a.tie || (a.row.kode < b.row.kode ? -1 : a.row.kode > b.row.kode ? 1 : 0);
  const same = (a: (typeof withScore)[number], b: (typeof withScore)[number]) => a.score === b.score && a.tie === b.tie;

  const city = [...withScore].sort(order);
  const cityRanks = competitionRanks(city, same);
  const cityRankOf = new Map(city.map((s, i) => [s.row.kode, cityRanks[i]]));

  const kecamatan = options.kecamatan?.length ? new Set(options.kecamatan) : null;
  const minUnits = options.minUnits ?? 0;
  const kept = city.filter((s) => (!kecamatan || kecamatan.has(s.row.kecamatan)) && s.remaining >= minUnits);
  const ranks = competitionRanks(kept, same);
  return kept.map((s, i) => ({
    ...s.row,
    rank: ranks[i],
    score: s.score,
    remaining: s.remaining,
    per100: s.per100,
    perKm2: s.perKm2,
    n: kept.length,
    cityRank: cityRankOf.get(s.row.kode)!,
    cityN: city.length,
    cityRemaining,
  }));
}

/** A budget in units, or in money with a cost per unit (both may be given: the smaller binds). */
export interface Budget {
  units?: number;
  money?: number;
  costPerUnit?: number;
}

/**
 * The user's clicks. `include`: clicked in, always allocated in full. `keep`: kelurahan that were
 * on the list when another was clicked in, with the units they had then: they keep at least those
 * units, so an addition never displaces them. `exclude`: taken out, never allocated.
 */
export interface Overrides {
  include: Set<string>;
  exclude: Set<string>;
  keep?: ReadonlyMap<string, number>;
}

/** What is wrong with a budget, as a message key of src/i18n/modules/targeting.ts. */
export type BudgetIssue = 'targeting.budget.missing' | 'targeting.budget.costMissing' | 'targeting.budget.negative';

/** One kelurahan receiving repairs. */
export interface AllocationLine {
  kode: string;
  nama: string;
  kecamatan: string;
  rank: number;
  /** Units allocated. */
  units: number;
  /** Households reached: one repaired unit is one household's house, so this equals `units`. */
  households: number;
  /** units × cost per unit, when a cost per unit was given. */
  cost: number | null;
  /** Remaining units before and after this allocation. */
  remaining: number;
  remainingAfter: number;
  /** True when the budget ran out inside this kelurahan. */
  partial: boolean;
  /** True when the user pinned it (clicked in, or kept when another was): served before the ranking, whatever the budget. */
  included: boolean;
}

/**
 * What the budget lacks to repair every pinned kelurahan in full: units, and rupiah when a cost
 * per unit is known (with a money budget: pinned units × cost − money, so the part of the budget
 * below one unit's cost counts).
 */
export interface Shortfall {
  units: number;
  money: number | null;
}

export interface Allocation {
  /** Kelurahan receiving units, in allocation order (user inclusions first, then rank order). */
  lines: AllocationLine[];
  /** Units the budget buys: `units`, or floor(money / costPerUnit), the smaller if both; 0 when the budget is unusable. */
  budgetUnits: number;
  issue: BudgetIssue | null;
  /** Set when the pinned kelurahan alone need more than the budget: they all stay, and this says by how much it falls short. */
  shortfall: Shortfall | null;
  totals: {
    units: number;
    /** Equal to `units` (one unit = one household's house). */
    households: number;
    cost: number | null;
    /** Allocated units over the city's remaining RTLH (null when the city has none). */
    shareOfCity: number | null;
    /** The city's remaining RTLH not covered by this allocation. */
    uncoveredCity: number;
    /** Remaining RTLH of the ranked (filtered) kelurahan not covered. */
    uncoveredRanked: number;
    /** Units of the budget not used (when every ranked kelurahan is covered); 0 when pinned kelurahan overrun it. */
    unitsLeft: number;
    /** Money not spent (including the remainder below one unit's cost, 0 on an overrun); null without a money budget. */
    moneyLeft: number | null;
  };
  /** Included kode that are not in the ranking (no data, or filtered out): they received nothing. */
  includedNotRanked: string[];
}

function budgetUnits(budget: Budget): { units: number; issue: BudgetIssue | null } {
  const values = [budget.units, budget.money, budget.costPerUnit];
  if (values.some((v) => v !== undefined && !(Number.isFinite(v) && v >= 0))) return { units: 0, issue: 'targeting.budget.negative' };
  const limits: number[] = [];
  if (budget.units !== undefined) limits.push(Math.floor(budget.units));
  if (budget.money !== undefined) {
    if (!(budget.costPerUnit !== undefined && budget.costPerUnit > 0)) return { units: 0, issue: 'targeting.budget.costMissing' };
    limits.push(Math.floor(budget.money / budget.costPerUnit));
  }
  if (limits.length === 0) return { units: 0, issue: 'targeting.budget.missing' };
  return { units: Math.min(...limits), issue: null };
}

/**
 * Allocates a repair budget. The user's clicks are decisions, so pinned kelurahan (clicked in, or
 * kept when another was) are served first, in rank order among themselves, each with the units it
 * is promised (clicked in: all its remaining units; kept: the units it had), even beyond the
 * budget: none is ever dropped to make room for another, and `shortfall` says what the budget
 * lacks. What budget remains then goes greedily down the ranking, topping up kept kelurahan too:
 * each gets min(its remaining units, what is left). Excluded ones are skipped (exclusion wins).
 * An unusable budget (no amount, money without a cost per unit, a negative number) gives the
 * ranking nothing, keeps the pinned kelurahan, and names the problem in `issue` (no shortfall:
 * the budget is unknown).
 */
export function allocateBudget(ranked: RankedRow[], budget: Budget, overrides?: Overrides): Allocation {
  const { units: capacity, issue } = budgetUnits(budget);
  const include = overrides?.include ?? new Set<string>();
  const exclude = overrides?.exclude ?? new Set<string>();
  const keep = overrides?.keep ?? new Map<string, number>();
  const eligible = ranked.filter((r) => !exclude.has(r.kode));
  const promised = (r: RankedRow) => (include.has(r.kode) ? r.remaining : Math.min(Math.max(keep.get(r.kode) ?? 0, 0), r.remaining));
  const pinned = eligible.filter((r) => include.has(r.kode) || keep.has(r.kode));
  const cost = budget.costPerUnit !== undefined && budget.costPerUnit > 0 && issue === null ? budget.costPerUnit : null;

  // Pinned kelurahan stay listed even with nothing left to repair, so a click always shows.
  const units = new Map(pinned.map((r) => [r.kode, promised(r)]));
  const pinnedUnits = [...units.values()].reduce((sum, u) => sum + u, 0);
  let left = capacity - pinnedUnits;
  for (const row of eligible) {
    if (left <= 0) break;
    const extra = Math.min(row.remaining - (units.get(row.kode) ?? 0), left);
    if (extra <= 0) continue;
    left -= extra;
    units.set(row.kode, (units.get(row.kode) ?? 0) + extra);
  }
  const isPinned = (r: RankedRow) => include.has(r.kode) || keep.has(r.kode);
  const lines: AllocationLine[] = [...pinned, ...eligible.filter((r) => !isPinned(r) && units.has(r.kode))].map((row) => {
    const u = units.get(row.kode)!;
    return {
      kode: row.kode,
      nama: row.nama,
      kecamatan: row.kecamatan,
      rank: row.rank,
      units: u,
      households: u,
      cost: cost === null ? null : u * cost,
      remaining: row.remaining,
      remainingAfter: row.remaining - u,
      partial: u < row.remaining,
      included: isPinned(row),
    };
  });

  const allocated = lines.reduce((sum, l) => sum + l.units, 0);
  const short = issue === null ? Math.max(pinnedUnits - capacity, 0) : 0;
  const moneyShort = cost === null ? null : budget.money !== undefined ? Math.max(pinnedUnits * cost - budget.money, 0) : short * cost;
  const cityRemaining = ranked.length ? ranked[0].cityRemaining : 0;
  const rankedRemaining = ranked.reduce((sum, r) => sum + r.remaining, 0);
  const rankedKode = new Set(ranked.map((r) => r.kode));
  return {
    lines,
    budgetUnits: capacity,
    issue,
    shortfall: short > 0 ? { units: short, money: moneyShort } : null,
    totals: {
      units: allocated,
      households: allocated,
      cost: cost === null ? null : allocated * cost,
      shareOfCity: cityRemaining > 0 ? allocated / cityRemaining : null,
      uncoveredCity: Math.max(cityRemaining - allocated, 0),
      uncoveredRanked: rankedRemaining - allocated,
      unitsLeft: Math.max(capacity - allocated, 0),
      moneyLeft: budget.money !== undefined && cost !== null ? Math.max(budget.money - allocated * cost, 0) : null,
    },
    includedNotRanked: [...new Set([...include, ...keep.keys()])].filter((k) => !rankedKode.has(k) && !exclude.has(k)).sort(),
  };
}

/** A reason as a message key and its parameters; the caller formats numbers (formatNumber) and translates. */
export interface Reason {
  key: TargetingReasonKey;
  params: Record<string, string | number>;
}

export type TargetingReasonKey =
  | 'targeting.reason.units'
  | 'targeting.reason.per100'
  | 'targeting.reason.perKm2'
  | 'targeting.reason.count'
  | 'targeting.reason.remaining'
  | 'targeting.reason.cluster.HH'
  | 'targeting.reason.cluster.HL'
  | 'targeting.reason.cluster.LH'
  | 'targeting.reason.cluster.LL'
  | 'targeting.reason.composite'
  | 'targeting.reason.repaired'
  | 'targeting.reason.included'
  | 'targeting.reason.kept';

/** What the reasons need beyond the row: the ranking measure and the repair years looked at. */
export interface ReasonContext {
  by: RankBy;
  /** Years whose repairs `repaired` sums (omit when no program data was used). */
  repairYears?: { from: number; to: number };
  notYetCovered?: boolean;
  /** Say the composite index when it was the tie-breaker. */
  tieBreak?: RankOptions['tieBreak'];
  /** The kelurahan was clicked in by the user. */
  included?: boolean;
  /** The kelurahan was on the list when the user clicked another in, and was kept there (pinned) rather than displaced. */
  kept?: boolean;
}

const round1 = (v: number) => Math.round(v * 10) / 10;

/**
 * Why a kelurahan is on the list, most important first: its score with its rank in the whole
 * city ("41.2 per 100 households, rank 2 of 54"), the raw count when the score is a rate, what
 * remains after repairs, its LISA cluster, its composite index when that broke ties, the repairs
 * done in the years looked at, and whether the user added it or kept it while adding another.
 * Rates are rounded to one decimal.
 */
export function reasonsFor(row: RankedRow, context: ReasonContext): Reason[] {
  const reasons: Reason[] = [];
  const place = { rank: row.cityRank, n: row.cityN };
  if (context.by === 'units') reasons.push({ key: 'targeting.reason.units', params: { value: row.remaining, ...place } });
  else {
    const value = context.by === 'per100' ? row.per100 : row.perKm2;
    reasons.push({ key: `targeting.reason.${context.by}`, params: { value: round1(value ?? row.score), ...place } });
    reasons.push({ key: 'targeting.reason.count', params: { units: row.remaining } });
  }
  if (context.notYetCovered && row.units !== null && row.remaining < row.units) {
    reasons.push({ key: 'targeting.reason.remaining', params: { remaining: row.remaining, units: row.units } });
  }
  if (row.cluster) reasons.push({ key: `targeting.reason.cluster.${row.cluster}`, params: { cluster: row.cluster } });
  if (context.tieBreak === 'composite' && typeof row.tieBreak === 'number' && Number.isFinite(row.tieBreak)) {
    reasons.push({ key: 'targeting.reason.composite', params: { value: Math.round(row.tieBreak * 1000) / 1000 } });
  }
  if (context.repairYears) {
    reasons.push({ key: 'targeting.reason.repaired', params: { units: row.repaired, from: context.repairYears.from, to: context.repairYears.to } });
  }
  if (context.included) reasons.push({ key: 'targeting.reason.included', params: {} });
  else if (context.kept) reasons.push({ key: 'targeting.reason.kept', params: {} });
  return reasons;
}
