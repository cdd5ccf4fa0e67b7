/**
 * Water and sanitation gaps: households without safe drinking water and without proper
 * sanitation, the households still to reach for a target the user sets (default universal
 * access), kecamatan and city summaries from summed counts, and the kelurahan where both gaps
 * are worst. "Still to reach" is a map indicator of its own, so legend, table and tooltip work.
 */
import { rollup } from '../analysis/rollup';
import { quantileBreaks } from '../analysis/classify';
import { registerIndicators, type City, type IndicatorDef } from '../data/catalog';
import type { Database } from '../data/database';
import { fetchValues, type CitySummary } from '../data/indicators';
import type { AreaCollection } from '../data/boundaries';
import type { DatabaseHost } from './host';
import { mapOf, sumsBy } from './collections';

export type Service = 'air' | 'sanitasi';
const SOURCE_INDICATOR: Record<Service, string> = { air: 'rt_tanpa_air_layak', sanitasi: 'rt_tanpa_sanitasi_layak' };
const HOUSEHOLDS = 'rumah_tangga';
const PREFIX = 'akses:';

export function isAccessIndicator(id: string): boolean {
  return id.startsWith(PREFIX);
}

function accessIndicators(): IndicatorDef[] {
  const source = { id: 'Dihitung dari data contoh (sintetis) rumah tangga tanpa akses.', en: 'Computed from the sample (synthetic) households without access.' };
  return (['air', 'sanitasi'] as const).map((service) => ({
    id: `${PREFIX}${service}`,
    label:
      service === 'air'
        ? { id: 'Rumah tangga yang masih perlu dijangkau: air minum layak', en: 'Households still to reach: safe drinking water' }
        : { id: 'Rumah tangga yang masih perlu dijangkau: sanitasi layak', en: 'Households still to reach: proper sanitation' },
    unit: { id: 'rumah tangga', en: 'households' },
    theme: 'air_sanitasi',
    kind: 'count',
    rate: null,
    direction: 'higher_worse',
    definition: {
      id: 'Rumah tangga tanpa akses dikurangi yang boleh tetap tanpa akses menurut target (0 bila target 100%).',
      en: 'Households without access minus those the target allows to remain without it (0 at a 100% target).',
    },
    source,
    dataset: 'akses',
    synthetic: true,
  }));
}

registerIndicators('akses', accessIndicators());

/** Households still to reach for `target` % access: without − households × (1 − target). */
export function stillToReach(without: number | null, households: number | null, targetPercent: number): number | null {
  if (without === null || households === null) return null;
  return Math.max(0, Math.ceil(without - households * (1 - targetPercent / 100) - 1e-9));
}

export interface AccessRow {
  kode: string;
  nama: string;
  kecamatan: string;
  households: number | null;
  without: Record<Service, number | null>;
  toReach: Record<Service, number | null>;
}

/** What the access tab reads from the app: the region, year and kelurahan shown. */
export interface AccessHost extends DatabaseHost {
  readonly city: City;
  readonly tahun: number;
  readonly kelurahan: AreaCollection | null;
}

export class AccessState {
  /** Target access in percent of households, per service. */
  target = $state<Record<Service, number>>({ air: 100, sanitasi: 100 });
  rows = $state.raw<AccessRow[]>([]);
  #loadedKey = '';

  constructor(private readonly host: AccessHost) {}

  key = $derived.by(() => `${this.host.city.kode}|${this.host.tahun}|${this.target.air}|${this.target.sanitasi}`);

  /** Kecamatan and city figures: counts summed, shares from summed counts (never averaged). */
  summary = $derived.by(() => {
    const per = (service: Service) =>
      rollup(
        this.rows.map((r) => ({ group: r.kecamatan, count: r.without[service], denominator: r.households })),
        100,
      );
    const reach = (service: Service) =>
      sumsBy(
        this.rows,
        (r) => r.kecamatan,
        (r) => r.toReach[service] ?? 0,
      );
    return { air: per('air'), sanitasi: per('sanitasi'), reachAir: reach('air'), reachSanitasi: reach('sanitasi') };
  });

  /** Kelurahan in the top fifth of both shares: where both gaps are worst. */
  bothWorst = $derived.by(() => {
    const share = (r: AccessRow, s: Service) => (r.households && r.without[s] !== null ? (r.without[s]! * 100) / r.households : null);
    const cut = (s: Service) => {
      const values = this.rows.map((r) => share(r, s)).filter((v): v is number => v !== null);
      const breaks = quantileBreaks(values, 5);
      return breaks.length >= 2 ? breaks[breaks.length - 2] : Infinity;
    };
    const air = cut('air');
    const sanitasi = cut('sanitasi');
    return this.rows.filter((r) => (share(r, 'air') ?? -1) >= air && (share(r, 'sanitasi') ?? -1) >= sanitasi);
  });

  /** Values of a still-to-reach indicator for the map. */
  async compute(db: Database, query: { kodeKota: string; tahun: number; indikator: string }): Promise<{ values: Map<string, number | null>; summary: CitySummary }> {
    const service = query.indikator.slice(PREFIX.length) as Service;
    const [without, households] = await Promise.all([
      fetchValues(db, { ...query, indikator: SOURCE_INDICATOR[service], measure: 'jumlah' }),
      fetchValues(db, { ...query, indikator: HOUSEHOLDS, measure: 'jumlah' }),
    ]);
    const values = mapOf([...households.keys()].map((kode) => [kode, stillToReach(without.get(kode) ?? null, households.get(kode) ?? null, this.target[service])] as const));
    const known = [...values.values()].filter((v): v is number => v !== null);
    return { values, summary: { jumlah: known.reduce((a, b) => a + b, 0), rasio: null, kelurahanWithData: known.length, kelurahan: values.size } };
  }

  /** Reads households and both counts for the summary tables. */
  async load(): Promise<void> {
    const key = this.key;
    if (key === this.#loadedKey || !this.host.kelurahan || this.host.city.source) return;
    const db = await this.host.workspace.database();
    const query = { kodeKota: this.host.city.kode, tahun: this.host.tahun, measure: 'jumlah' as const };
    const [households, air, sanitasi] = await Promise.all([
      fetchValues(db, { ...query, indikator: HOUSEHOLDS }),
      fetchValues(db, { ...query, indikator: SOURCE_INDICATOR.air }),
      fetchValues(db, { ...query, indikator: SOURCE_INDICATOR.sanitasi }),
    ]);
    this.rows = (this.host.kelurahan?.features ?? []).map((f) => {
      const kode = f.properties.kode;
      const h = households.get(kode) ?? null;
      const without = { air: air.get(kode) ?? null, sanitasi: sanitasi.get(kode) ?? null };
      return {
        kode,
        nama: f.properties.kelurahan,
        kecamatan: f.properties.kecamatan,
        households: h,
        without,
        toReach: { air: stillToReach(without.air, h, this.target.air), sanitasi: stillToReach(without.sanitasi, h, this.target.sanitasi) },
      };
    });
    this.#loadedKey = key;
  }
}
