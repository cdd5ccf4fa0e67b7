/**
 * Program coverage over need: a program (or a Permendagri 53/2020 group) becomes two map
 * indicators, coverage (beneficiaries over eligible) and gap (eligible not reached), and can be
 * laid over any need indicator as a bivariate 3 × 3 map. Program sites are drawn on top.
 */
import { BIVARIATE_COLORS, BIVARIATE_LABELS, bivariateClasses, coverage } from '../analysis/coverage';
import { catalog, registerIndicators, type City, type IndicatorDef, type LocalText } from '../data/catalog';
import type { Database } from '../data/database';
import { demoPrograms } from '../data/demo';
import { fetchValues, type CitySummary } from '../data/indicators';
import { fetchCoverage, fetchProgramMatrix, fetchProgramYears, fetchSites, type ProgramCell, type ProgramSite } from '../data/programs';
import type { MessageKey } from '../i18n';
import type { AreaCollection } from '../data/boundaries';
import type { DatabaseHost } from './host';
import { mapOf } from './collections';
import type { CategoryMap } from './cluster-categories';

/** Virtual indicator ids: `program:cakupan:<program>` or `program:celah:grup:<group>`. */
const PREFIX = 'program:';
export const PROGRAM_DATASET = 'program';

export function isProgramIndicator(id: string): boolean {
  return id.startsWith(PREFIX);
}

function programsOf(choice: string): string[] {
  if (choice.startsWith('grup:')) {
    const group = choice.slice(5);
    return catalog.programs.filter((p) => p.group === group).map((p) => p.id);
  }
  return [choice];
}

function choiceLabel(choice: string): LocalText {
  if (choice.startsWith('grup:')) {
    const group = catalog.programGroups.find((g) => g.id === choice.slice(5));
    return group ? group.label : { id: choice, en: choice };
  }
  return catalog.programs.find((p) => p.id === choice)?.label ?? { id: choice, en: choice };
}

/** Coverage and gap of every program and group, as catalog entries (their values are computed). */
function programIndicators(): IndicatorDef[] {
  const choices = [...catalog.programs.map((p) => p.id), ...catalog.programGroups.map((g) => `grup:${g.id}`)];
  const source: LocalText = {
    id: 'Dihitung dari data program contoh (sintetis): penerima ÷ sasaran per kelurahan.',
    en: 'Computed from the sample (synthetic) program data: beneficiaries ÷ eligible per kelurahan.',
  };
  return choices.flatMap((choice): IndicatorDef[] => {
    const label = choiceLabel(choice);
    return [
      {
        id: `${PREFIX}cakupan:${choice}`,
        label: { id: `Cakupan ${label.id}`, en: `Coverage of ${label.en}` },
        unit: { id: '% sasaran', en: '% of eligible' },
        theme: 'program',
        kind: 'count',
        rate: null,
        direction: 'higher_better',
        synthetic: true,
        definition: { id: 'Penerima dibagi sasaran (yang layak menerima), dalam persen.', en: 'Beneficiaries divided by eligible, in percent.' },
        source,
      },
      {
        id: `${PREFIX}celah:${choice}`,
        label: { id: `Celah ${label.id}`, en: `Gap of ${label.en}` },
        unit: { id: 'sasaran belum terjangkau', en: 'eligible not reached' },
        theme: 'program',
        kind: 'count',
        rate: null,
        direction: 'higher_worse',
        synthetic: true,
        definition: { id: 'Sasaran dikurangi penerima (tidak kurang dari 0).', en: 'Eligible minus beneficiaries (not below 0).' },
        source,
      },
    ];
  });
}

registerIndicators(PROGRAM_DATASET, programIndicators());

/** What the program tab reads from the app (region, year, kelurahan, indicator shown) and sets (the indicator). */
export interface ProgramHost extends DatabaseHost {
  readonly city: City;
  readonly tahun: number;
  readonly kelurahan: AreaCollection | null;
  readonly indikator: string;
  setIndicator(id: string): void;
}

export class ProgramState {
  /** A program id or `grup:<group id>`. */
  choice = $state('pkh');
  /** Bivariate map of need against coverage, instead of the plain map. */
  bivariate = $state(false);
  needIndicator = $state('penduduk_miskin');
  showSites = $state(true);
  distanceMetres = $state(500);
  sites = $state.raw<ProgramSite[]>([]);
  matrix = $state.raw<ProgramCell[]>([]);
  /** Bivariate classes per kelurahan (feature order) for the current choice, need and year. */
  #bivariate = $state.raw<{ key: string; codes: Int8Array } | null>(null);

  constructor(private readonly host: ProgramHost) {}

  coverageId = $derived.by(() => `${PREFIX}cakupan:${this.choice}`);
  gapId = $derived.by(() => `${PREFIX}celah:${this.choice}`);
  bivariateKey = $derived.by(() => `${this.host.city.kode}|${this.host.tahun}|${this.choice}|${this.needIndicator}`);

  /** The bivariate map as categories (cell index = need class × 3 + coverage class). */
  categories: CategoryMap | null = $derived.by(() => {
    const current = this.#bivariate;
    if (!this.bivariate || !current || current.key !== this.bivariateKey) return null;
    const rows = [2, 1, 0].flatMap((need) =>
      [0, 1, 2].map((cov) => ({
        index: need * 3 + cov,
        label: BIVARIATE_LABELS[need][cov] as MessageKey,
        color: BIVARIATE_COLORS[need][cov],
        count: current.codes.filter((c) => c === need * 3 + cov).length,
      })),
    );
    return { codes: current.codes, rows, cutoff: 0 };
  });

  /** Chooses a program or group; a program map on screen follows the choice. */
  select(choice: string): void {
    this.choice = choice;
    const shown = this.host.indikator;
    if (isProgramIndicator(shown)) this.host.setIndicator(shown.includes(':celah:') ? this.gapId : this.coverageId);
  }

  /** The years with program data in a city. */
  async years(db: Database, kodeKota: string): Promise<number[]> {
    await demoPrograms(db);
    return fetchProgramYears(db, kodeKota);
  }

  /** Values and city summary of a program indicator (coverage in % or gap in people). */
  async compute(db: Database, query: { kodeKota: string; tahun: number; indikator: string }): Promise<{ values: Map<string, number | null>; summary: CitySummary }> {
    await demoPrograms(db);
    const [, measure, ...rest] = query.indikator.split(':');
    const choice = rest.join(':');
    const rows = await fetchCoverage(db, { ...query, programs: programsOf(choice) });
    const covered = coverage(rows);
    const values = mapOf(covered.map((r) => [r.kode, measure === 'cakupan' ? (r.coverage === null ? null : r.coverage * 100) : r.gap] as const));
    const beneficiaries = rows.reduce((a, r) => a + (r.beneficiaries ?? 0), 0);
    const eligible = rows.reduce((a, r) => a + (r.eligible !== null && r.beneficiaries !== null ? r.eligible : 0), 0);
    const cityValue = measure === 'cakupan' ? (eligible > 0 ? (beneficiaries * 100) / eligible : null) : covered.reduce((a, r) => a + (r.gap ?? 0), 0);
    return {
      values,
      summary: { jumlah: cityValue, rasio: null, kelurahanWithData: [...values.values()].filter((v) => v !== null).length, kelurahan: values.size },
    };
  }

  /** Reads what the program tab shows: sites, the program table and the bivariate classes. */
  async load(): Promise<void> {
    const kelurahan = this.host.kelurahan;
    if (!kelurahan || this.host.city.source) return;
    const db = await this.host.workspace.database();
    await demoPrograms(db);
    const query = { kodeKota: this.host.city.kode, tahun: this.host.tahun };
    const key = this.bivariateKey;
    const [sites, matrix, rows, need] = await Promise.all([
      fetchSites(db, query.kodeKota),
      fetchProgramMatrix(db, query),
      fetchCoverage(db, { ...query, programs: programsOf(this.choice) }),
      fetchValues(db, { ...query, indikator: this.needIndicator, measure: 'rasio' }),
    ]);
    this.sites = sites;
    this.matrix = matrix;
    const byKode = mapOf(coverage(rows).map((r) => [r.kode, r.coverage] as const));
    const order = kelurahan.features.map((f) => f.properties.kode);
    const { classes } = bivariateClasses(
      order.map((k) => need.get(k) ?? null),
      order.map((k) => byKode.get(k) ?? null),
    );
    this.#bivariate = { key, codes: Int8Array.from(classes, (c) => (c ? c.needClass * 3 + c.coverageClass : -1)) };
  }
}
