/**
 * A file of the large synthetic register generator (src/cli/generate-register-scale.ts) imports
 * through the app's own household path, the import dialog's state (ImportSession) run in Node as
 * in tests/unit/state/import-session.test.ts: recognised as household records with its id, desil
 * and the five deprivations, nothing flagged personal, every row joined to Surakarta's kelurahan,
 * and the kelurahan figures the app stores equal to counts taken straight from the file.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readDesaCodes } from '../../../src/cli/desa-codes';
import { generateRegisterScale } from '../../../src/cli/generate-register-scale';
import { toRows } from '../../../src/data/database';
import { aggregateTable } from '../../../src/data/dataset-apply';
import { readTable } from '../../../src/data/importers/read-table';
import { ImportSession, type ImportReaders } from '../../../src/state/import.svelte';
import { openPipelineDatabase, ROOT } from '../import-pipeline/pipeline';
import { surakartaImportHost } from '../import-pipeline/import-host';

const ROWS = 3000;
const DEPRIVATIONS = ['rtlh', 'tanpa_air_layak', 'tanpa_sanitasi_layak', 'anak_tidak_sekolah', 'tanpa_penghasilan'];
const dir = mkdtempSync(join(tmpdir(), 'pkk-scale-import-'));

const nodeReaders: ImportReaders = {
  table: (file, options, hooks) => readTable(file, options, hooks?.onProgress),
  geo: () => Promise.reject(new Error('no geo file in this test')),
};

/** Per kelurahan: households, desil unknown and each deprivation's `ya`, counted from the CSV text. */
function countsOf(csv: string): Map<string, Record<string, number>> {
  const [header, ...lines] = csv.trimEnd().split('\n');
  const names = header.split(',');
  const at = (name: string) => names.indexOf(name);
  const counts = new Map<string, Record<string, number>>();
  for (const line of lines) {
    const cells = line.split(',');
    const c = counts.get(cells[at('kode_kelurahan')]) ?? { households: 0, desil_unknown: 0, ...Object.fromEntries(DEPRIVATIONS.map((d) => [d, 0])) };
    c.households++;
    if (cells[at('desil')] === '') c.desil_unknown++;
    for (const d of DEPRIVATIONS) if (cells[at(d)] === 'ya') c[d]++;
    counts.set(cells[at('kode_kelurahan')], c);
  }
  return counts;
}

describe('a generated register through the app’s household import', () => {
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  for (const format of ['csv', 'parquet'] as const) {
    it(`imports the ${format} file as household records and stores the file’s counts per kelurahan`, async () => {
      const codes = await readDesaCodes(join(ROOT, 'data/demo/indikator.csv'), '33.72');
      const name = `rumah_tangga_SINTETIS.${format}`;
      // One cell in a hundred unknown, so the import's unknown-value paths are exercised too.
      const common = { rows: ROWS, codes, seed: 5, missing: 0.01 };
      await generateRegisterScale({ ...common, out: join(dir, name), format });
      await generateRegisterScale({ ...common, out: join(dir, 'pembanding_SINTETIS.csv'), format: 'csv' });
      const expected = countsOf(readFileSync(join(dir, 'pembanding_SINTETIS.csv'), 'utf8'));

      const db = await openPipelineDatabase();
      const host = surakartaImportHost(db);
      const session = new ImportSession(host, nodeReaders);
      await session.begin(new File([readFileSync(join(dir, name))], name));
      expect(session.error).toBeNull();
      expect(session.kind).toBe('households');
      expect(session.personal).toEqual([]);
      expect(session.keys.kode).toBe('kode_kelurahan');
      expect(session.households.idColumn).toBe('id_rt');
      expect(session.households.desilColumn).toBe('desil');
      expect(session.households.deprivations.map((d) => d.source)).toEqual(DEPRIVATIONS);

      await session.join();
      expect(session.error).toBeNull();
      expect(session.report?.matched).toHaveLength(54);
      expect(session.report?.unmatched ?? []).toHaveLength(0);

      await session.commit();
      expect(session.error).toBeNull();
      expect(host.stored.map((d) => d.kind)).toEqual(['households']);
      const columns = DEPRIVATIONS.map((d) => `deprived_${d}`);
      const rows = toRows(await db.query(`SELECT kode, households, desil_unknown, ${columns.join(', ')} FROM ${aggregateTable(host.stored[0].id)} ORDER BY kode`));
      expect(rows).toHaveLength(expected.size);
      for (const row of rows) {
        const e = expected.get(String(row.kode))!;
        expect(
          {
            households: Number(row.households),
            desil_unknown: Number(row.desil_unknown),
            ...Object.fromEntries(DEPRIVATIONS.map((d) => [d, Number(row[`deprived_${d}`])])),
          },
          String(row.kode),
        ).toEqual(e);
      }
    }, 180_000);
  }
});
