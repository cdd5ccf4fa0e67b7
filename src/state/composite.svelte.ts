/**
 * The composite poverty-pocket index the user builds: which indicators (as rates), which
 * direction, what weight, which normalisation. Starts from the preset "Indeks kantong
 * kemiskinan"; weights are always shown, normalised to sum to 1.
 */
import { compositeIndex, normaliseWeights, type CompositeIndex, type IndexDirection, type Normalisation } from '../analysis/composite';
import { POVERTY_POCKET_INDEX } from '../analysis/presets';
import { catalog } from '../data/catalog';
import type { Database } from '../data/database';
import { fetchValues } from '../data/indicators';
import { mapOf } from './collections';

export interface Component {
  id: string;
  direction: IndexDirection;
  weight: number;
  included: boolean;
}

/** Indicators that can join the index: those with a rate, so kelurahan of any size compare. */
export const CANDIDATES = catalog.indicators.filter((i) => i.rate !== null);

function presetComponents(): Component[] {
  const preset = new Map(POVERTY_POCKET_INDEX.indicators.map((i) => [i.id, i]));
  return CANDIDATES.map((i) => ({
    id: i.id,
    direction: preset.get(i.id)?.direction ?? (i.direction === 'higher_better' ? 'higher_better' : 'higher_worse'),
    weight: preset.get(i.id)?.weight ?? 1,
    included: preset.has(i.id),
  }));
}

export class CompositeState {
  components = $state<Component[]>(presetComponents());
  normalisation = $state<Normalisation>(POVERTY_POCKET_INDEX.normalisation);
  /** The last computed index, with the kelurahan codes in its order. */
  result = $state.raw<{ key: string; kode: string[]; index: CompositeIndex } | null>(null);

  included = $derived(this.components.filter((c) => c.included && c.weight > 0));
  /** Weights as used (summing to 1), by indicator id. */
  effectiveWeights = $derived.by(() => {
    const weights = normaliseWeights(this.included.map((c) => c.weight));
    return mapOf(this.included.map((c, i) => [c.id, weights[i]] as const));
  });
  /** Changes whenever the index would change. */
  key = $derived(`${this.normalisation}:${this.included.map((c) => `${c.id}/${c.direction}/${c.weight}`).join(',')}`);

  reset(): void {
    this.components = presetComponents();
    this.normalisation = POVERTY_POCKET_INDEX.normalisation;
  }

  /** The index per kelurahan of a city and year; the rates come from SQL. */
  async compute(db: Database, query: { kodeKota: string; tahun: number }): Promise<Map<string, number | null>> {
    const key = `${this.key}|${query.kodeKota}|${query.tahun}`;
    const components = this.included;
    if (components.length === 0) return mapOf<string, number | null>([]);
    const rates = await Promise.all(components.map((c) => fetchValues(db, { ...query, indikator: c.id, measure: 'rasio' })));
    const kode = [...rates[0].keys()].sort();
    const index = compositeIndex(
      components.map((c, k) => ({
        id: c.id,
        direction: c.direction,
        weight: c.weight,
        values: kode.map((code) => rates[k].get(code) ?? Number.NaN),
      })),
      this.normalisation,
    );
    this.result = { key, kode, index };
    return mapOf(kode.map((code, i) => [code, Number.isFinite(index.index[i]) ? index.index[i] : null] as const));
  }

  /** Each included indicator's contribution to one kelurahan's index. */
  contributionsOf(kode: string): { id: string; weight: number; score: number; contribution: number }[] {
    const result = this.result;
    if (!result) return [];
    const i = result.kode.indexOf(kode);
    if (i < 0) return [];
    return result.index.ids.map((id, k) => ({
      id,
      weight: result.index.weights[k],
      score: result.index.scores[k][i],
      contribution: result.index.contributions[k][i],
    }));
  }
}
