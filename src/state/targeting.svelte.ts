/**
 * RTLH targeting for the housing office: rank kelurahan by RTLH concentration, allocate a repair
 * budget down the ranking, let the user click kelurahan in or out, explain each choice and
 * export the list. The arithmetic is src/analysis/targeting.ts; this holds the choices and the
 * inputs read from the database for the region and year on screen.
 */
import area from '@turf/area';
import { LisaCluster } from '../analysis/local-moran';
import { clickKelurahan } from '../analysis/targeting-clicks';
import { allocateBudget, rankRtlh, reasonsFor, type Cluster, type RankBy, type RankOptions, type RtlhRow } from '../analysis/targeting';
import { fetchValues } from '../data/indicators';
import { fetchProgramYears, fetchRepaired } from '../data/programs';
import { demoPrograms } from '../data/demo';
import type { AreaCollection } from '../data/boundaries';
import type { City, IndicatorDef } from '../data/catalog';
import { householdCountIndicators, offeredIndicator, rtlhUnitIndicators } from '../data/rtlh-units';
import type { AnalysisState } from './analysis.svelte';
import type { CompositeState } from './composite.svelte';
import type { DatabaseHost } from './host';
import { mapOf, setOf } from './collections';

const CLUSTERS: Partial<Record<number, Cluster>> = {
  [LisaCluster.HighHigh]: 'HH',
  [LisaCluster.HighLow]: 'HL',
  [LisaCluster.LowHigh]: 'LH',
  [LisaCluster.LowLow]: 'LL',
};

/** What RTLH targeting reads from the app: region, year, kelurahan, the indicator and LISA shown, the composite index. */
export interface TargetingHost extends DatabaseHost {
  readonly city: City;
  readonly tahun: number;
  readonly kelurahan: AreaCollection | null;
  readonly indikator: string;
  /** The indicators offered in the region, among which the counts are chosen. */
  readonly regionIndicators: IndicatorDef[];
  readonly analysis: Pick<AnalysisState, 'method' | 'categories'>;
  readonly composite: Pick<CompositeState, 'compute'>;
}

export class TargetingState {
  /** What the region offers to count RTLH units and households from (see src/data/rtlh-units.ts). */
  unitsOptions = $derived.by(() => rtlhUnitIndicators(this.host.regionIndicators));
  householdsOptions = $derived.by(() => householdCountIndicators(this.host.regionIndicators));
  /** The indicators the user chose to count RTLH units and households from. */
  #units = $state('rtlh');
  #households = $state('rumah_tangga');
  /**
   * The indicators counted: the user's choice while the region offers it, else the region's own
   * (a provinsi carries the national sample's counts, not the city's `rtlh`), so the ranking, the
   * map this tab shows and the export all use one that has values; the choice comes back with
   * the region that offers it.
   */
  get unitsIndicator(): string {
    return offeredIndicator(this.#units, this.unitsOptions) ?? this.#units;
  }
  set unitsIndicator(id: string) {
    this.#units = id;
  }
  get householdsIndicator(): string {
    return offeredIndicator(this.#households, this.householdsOptions) ?? this.#households;
  }
  set householdsIndicator(id: string) {
    this.#households = id;
  }
  by = $state<RankBy>('per100');
  notYetCovered = $state(true);
  kecamatan = $state<string[]>([]);
  minUnits = $state(0);
  tieBreak = $state<RankOptions['tieBreak']>(null);
  budgetMode = $state<'units' | 'money'>('units');
  units = $state(500);
  money = $state(10_000_000_000);
  costPerUnit = $state(20_000_000);
  /** The user's clicks (see Overrides): clicked in, kept with their units when another was, taken out. */
  include = $state.raw(setOf<string>());
  keep = $state.raw<ReadonlyMap<string, number>>(mapOf());
  exclude = $state.raw(setOf<string>());
  /** When on, clicking the map adds or removes a kelurahan instead of opening its profile. */
  editing = $state(false);

  /** Inputs read for `inputKey` (region, year, indicators). */
  rows = $state.raw<RtlhRow[]>([]);
  repairYears = $state.raw<{ from: number; to: number } | null>(null);
  loading = $state(false);
  failed = $state(false);
  #inputKey = '';
  #request = 0;

  constructor(private readonly host: TargetingHost) {}

  inputKey = $derived.by(() => `${this.host.city.kode}|${this.host.tahun}|${this.unitsIndicator}|${this.householdsIndicator}|${this.host.kelurahan?.features.length ?? 0}`);

  options: RankOptions = $derived({
    by: this.by,
    notYetCovered: this.notYetCovered && this.repairYears !== null,
    kecamatan: this.kecamatan,
    minUnits: this.minUnits,
    tieBreak: this.tieBreak,
  });
  ranked = $derived(
    rankRtlh(
      this.rows.map((r) => ({ ...r, cluster: this.#clusters.get(r.kode) ?? null })),
      this.options,
    ),
  );
  allocation = $derived(
    allocateBudget(this.ranked, this.budgetMode === 'units' ? { units: this.units } : { money: this.money, costPerUnit: this.costPerUnit }, {
      include: this.include,
      exclude: this.exclude,
      keep: this.keep,
    }),
  );
  /** Kode of the kelurahan receiving repairs, for the map's outline. */
  selectedKode = $derived(setOf(this.allocation.lines.map((l) => l.kode)));
  /** Names of pinned kelurahan outside the ranking (no RTLH data, or filtered out), so the panel can say why they got nothing. */
  pinnedNotRanked = $derived(this.allocation.includedNotRanked.map((kode) => this.rows.find((r) => r.kode === kode)?.nama ?? kode));

  /** LISA clusters of the analysis on screen, when it is a LISA map of the RTLH indicator. */
  #clusters = $derived.by(() => {
    const analysis = this.host.analysis;
    const categories = analysis.categories;
    if (analysis.method !== 'lisa' || !categories || this.host.indikator !== this.unitsIndicator) return mapOf<string, Cluster>();
    const features = this.host.kelurahan?.features ?? [];
    return mapOf(features.flatMap((f, i) => (CLUSTERS[categories.codes[i]] ? [[f.properties.kode, CLUSTERS[categories.codes[i]]] as const] : [])));
  });

  /** Why each kelurahan of the allocation was chosen. */
  reasonsOf(kode: string) {
    const row = this.ranked.find((r) => r.kode === kode);
    if (!row) return [];
    return reasonsFor(row, {
      by: this.by,
      notYetCovered: this.options.notYetCovered,
      repairYears: this.repairYears ?? undefined,
      tieBreak: this.tieBreak,
      included: this.include.has(kode),
      kept: this.keep.has(kode),
    });
  }

  /** A click on the map while editing: takes a listed kelurahan out, or pins another in with the list (see clickKelurahan). */
  toggle(kode: string): void {
    const edits = clickKelurahan({ include: this.include, keep: this.keep, exclude: this.exclude }, this.allocation.lines, kode);
    this.include = edits.include;
    this.keep = edits.keep;
    this.exclude = edits.exclude;
  }

  resetOverrides(): void {
    this.include = setOf();
    this.keep = mapOf();
    this.exclude = setOf();
  }

  /** Reads RTLH, households, past repairs and the composite index for the region and year. */
  async load(): Promise<void> {
    const key = this.inputKey;
    if (key === this.#inputKey || !this.host.kelurahan) return;
    const request = ++this.#request;
    this.loading = true;
    this.failed = false;
    try {
      const db = await this.host.workspace.database();
      await demoPrograms(db);
      const query = { kodeKota: this.host.city.kode, tahun: this.host.tahun };
      const [units, households, programYears, composite] = await Promise.all([
        fetchValues(db, { ...query, indikator: this.unitsIndicator, measure: 'jumlah' }),
        fetchValues(db, { ...query, indikator: this.householdsIndicator, measure: 'jumlah' }),
        fetchProgramYears(db, query.kodeKota),
        this.host.city.source ? Promise.resolve(null) : this.host.composite.compute(db, query),
      ]);
      // The RTLH count of a year is taken before that year's repairs (see the demo README):
      // repairs from that year on are the ones not yet in the count.
      const last = programYears.length ? programYears[programYears.length - 1] : null;
      const repairYears = last !== null && last >= query.tahun ? { from: query.tahun, to: last } : null;
      const repaired = repairYears ? await fetchRepaired(db, { kodeKota: query.kodeKota, fromYear: repairYears.from, toYear: repairYears.to }) : mapOf<string, number>();
      if (request !== this.#request) return;
      this.rows = (this.host.kelurahan?.features ?? []).map((f) => ({
        kode: f.properties.kode,
        nama: f.properties.kelurahan,
        kecamatan: f.properties.kecamatan,
        units: units.get(f.properties.kode) ?? null,
        households: households.get(f.properties.kode) ?? null,
        areaKm2: area(f) / 1e6,
        repaired: repaired.get(f.properties.kode) ?? 0,
        tieBreak: composite?.get(f.properties.kode) ?? null,
      }));
      this.repairYears = repairYears;
      this.#inputKey = key;
    } catch {
      if (request === this.#request) this.failed = true;
    } finally {
      if (request === this.#request) this.loading = false;
    }
  }
}
