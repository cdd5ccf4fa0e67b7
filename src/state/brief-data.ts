/**
 * The numbers the rakor brief needs from the database (issue 18, item 3): the region's figures
 * this year and the year before as summed counts and rates of summed counts (never means of
 * kelurahan rates), and need beside program coverage per kelurahan. Plain async functions over a
 * small host, so the brief's builder (src/ui/brief-model.ts) gets plain values and any region the
 * app opens (demo or imported) works the same way.
 */
import { findIndicator, showsSyntheticData, type City, type IndicatorDef, type Lang } from '../data/catalog';
import { fetchCitySummary, fetchValues } from '../data/indicators';
import { labelWithUnit } from '../data/indicator-label';
import type { AreaCollection } from '../data/boundaries';
import { isProgramIndicator } from './program.svelte';
import { isAccessIndicator } from './access.svelte';
import type { DatabaseHost } from './host';

/** One city figure: the summed count and its rate (summed count over summed denominator). */
export interface BriefFigure {
  label: string;
  /** Unit of the count ("jiwa") and of the rate ("%"), in the brief's language. */
  unit: string;
  rateUnit: string | null;
  now: { count: number | null; rate: number | null };
  before: { count: number | null; rate: number | null } | null;
}

export interface BriefAttention {
  need: string;
  /** The program whose coverage is compared (null: no coverage data for this region). */
  program: string | null;
  cityNeed: number | null;
  cityCoverage: number | null;
  /** Every kelurahan with its need and coverage (coverage null when unknown). */
  rows: { nama: string; kecamatan: string; need: number | null; coverage: number | null }[];
}

/** What the brief reads from the app. */
export interface BriefDataHost extends DatabaseHost {
  readonly city: City;
  readonly tahun: number;
  readonly lang: Lang;
  readonly indicator: IndicatorDef;
  readonly regionIndicators: IndicatorDef[];
  readonly kelurahan: AreaCollection | null;
  readonly program: {
    readonly coverageId: string;
    compute(
      db: Awaited<ReturnType<DatabaseHost['workspace']['database']>>,
      query: { kodeKota: string; tahun: number; indikator: string },
    ): Promise<{ values: Map<string, number | null>; summary: { jumlah: number | null } }>;
  };
}

/**
 * Whether the brief carries the synthetic-data notice: the indicator on the map is the demo's
 * (as the map's badge says), or the coverage it ranks by comes from the demo's synthetic
 * program data. The user's own data in their own region carries none.
 */
export function briefSynthetic(host: Pick<BriefDataHost, 'indicator' | 'city'>, attention: BriefAttention | null): boolean {
  return showsSyntheticData(host.indicator, host.city) || attention?.program != null;
}

/** Most figures in the brief's first section. */
export const FIGURE_LIMIT = 6;

/** The indicators whose city figures the brief gives: the one on the map first, then the region's other summed, directed counts with a rate. */
export function figureIndicators(host: Pick<BriefDataHost, 'indicator' | 'regionIndicators'>): IndicatorDef[] {
  const summed = (i: IndicatorDef) => i.kind === 'count' && i.rate !== null && !isProgramIndicator(i.id) && !isAccessIndicator(i.id);
  const first = summed(host.indicator) ? [host.indicator] : [];
  const others = host.regionIndicators.filter((i) => summed(i) && i.direction === 'higher_worse' && i.id !== host.indicator.id);
  return [...first, ...others].slice(0, FIGURE_LIMIT);
}

/** The region's figures in `year` and `previous` (null: one year only). */
export async function briefFigures(host: BriefDataHost, year: number, previous: number | null): Promise<BriefFigure[]> {
  const db = await host.workspace.database();
  const kodeKota = host.city.kode;
  const out: BriefFigure[] = [];
  for (const indicator of figureIndicators(host)) {
    const [now, before] = await Promise.all([
      fetchCitySummary(db, { kodeKota, tahun: year, indikator: indicator.id }),
      previous === null ? Promise.resolve(null) : fetchCitySummary(db, { kodeKota, tahun: previous, indikator: indicator.id }),
    ]);
    if (now.kelurahanWithData === 0) continue;
    out.push({
      label: indicator.label[host.lang],
      unit: indicator.unit[host.lang],
      rateUnit: indicator.rate?.unit[host.lang] ?? null,
      now: { count: now.jumlah, rate: now.rasio },
      before: before && before.kelurahanWithData > 0 ? { count: before.jumlah, rate: before.rasio } : null,
    });
  }
  return out;
}

/**
 * Need (the indicator on the map, as a rate where it has one) and the chosen program's coverage
 * per kelurahan in `year`, with the city figures they are compared with. Coverage is null where
 * the region has no program data (imported regions, years without programs).
 */
export async function briefAttention(host: BriefDataHost, year: number): Promise<BriefAttention | null> {
  const need = host.indicator;
  const features = host.kelurahan?.features ?? [];
  if (features.length === 0 || need.direction !== 'higher_worse' || isProgramIndicator(need.id) || isAccessIndicator(need.id)) return null;
  const db = await host.workspace.database();
  const query = { kodeKota: host.city.kode, tahun: year };
  const measure = need.rate ? 'rasio' : 'jumlah';
  const [needValues, needCity] = await Promise.all([fetchValues(db, { ...query, indikator: need.id, measure }), fetchCitySummary(db, { ...query, indikator: need.id })]);
  let coverage: { values: Map<string, number | null>; city: number | null } | null = null;
  if (!host.city.source) {
    try {
      const computed = await host.program.compute(db, { ...query, indikator: host.program.coverageId });
      if ([...computed.values.values()].some((v) => v !== null)) coverage = { values: computed.values, city: computed.summary.jumlah };
    } catch {
      // No program data for this region or year: the brief ranks by need alone and says so.
    }
  }
  const needUnit = need.rate ? need.rate.unit[host.lang] : need.unit[host.lang];
  return {
    need: labelWithUnit(need.label[host.lang], needUnit),
    program: coverage ? `${findIndicator(host.program.coverageId)?.label[host.lang] ?? host.program.coverageId} (%)` : null,
    cityNeed: measure === 'rasio' ? needCity.rasio : needCity.jumlah,
    cityCoverage: coverage?.city ?? null,
    rows: features.map((f) => ({
      nama: f.properties.kelurahan,
      kecamatan: f.properties.kecamatan,
      need: needValues.get(f.properties.kode) ?? null,
      coverage: coverage?.values.get(f.properties.kode) ?? null,
    })),
  };
}
