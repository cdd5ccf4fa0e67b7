/**
 * The app's side of an import as plain data, for tests that run the import dialog's own state
 * (ImportSession) in Node: Surakarta, the workspace calls the app makes (applied to DuckDB, its
 * indicators registered), what was stored and what the map was asked to show. One host for every
 * such test, so they exercise the same workspace behaviour.
 */
import { allIndicators, findCity, indicatorInRegion, registerIndicators, type City } from '../../../src/data/catalog';
import type { Database } from '../../../src/data/database';
import { applyStoredDataset, datasetIndicators } from '../../../src/data/dataset-apply';
import type { StoredDataset } from '../../../src/data/store';
import type { ImportHost } from '../../../src/state/import.svelte';
import { surakartaAreas, YEAR } from './pipeline';

export function surakartaImportHost(db: Database): ImportHost & { stored: StoredDataset[]; shown: string[] } {
  const city = findCity('surakarta') as City;
  const stored: StoredDataset[] = [];
  const shown: string[] = [];
  return {
    city,
    kelurahan: surakartaAreas(),
    tahun: YEAR,
    lang: 'id',
    get regionIndicators() {
      return allIndicators().filter((i) => indicatorInRegion(i, city));
    },
    workspace: {
      datasets: stored,
      database: async () => db,
      salt: async () => 'garam-uji',
      // As WorkspaceState.addDataset: applied to DuckDB, its indicators registered.
      addDataset: async (dataset, options) => {
        await applyStoredDataset(db, dataset, options);
        registerIndicators(dataset.id, datasetIndicators(dataset));
        stored.push(dataset);
      },
      addRegion: async () => {
        throw new Error('no region in this test');
      },
    },
    setIndicator: (id) => shown.push(id),
    selectCity: () => undefined,
    stored,
    shown,
  };
}
