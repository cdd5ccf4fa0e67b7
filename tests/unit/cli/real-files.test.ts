/**
 * Real public tables (tests/fixtures/real, with provenance) through `peta-kantong join`: the
 * report equals the app pipeline's byte for byte, so the tool joins them as the app does (the
 * CLI's old join matched none of their rows). The join needs only the kelurahan's codes and
 * names, so each region's targets become boundaries with placeholder squares.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../src/data/database';
import type { JoinTarget } from '../../../src/data/join';
import { joinReportCsv } from '../../../src/data/join-report-csv';
import { openPipelineDatabase, stageTable } from '../import-pipeline/pipeline';
import { realFile, realTargets } from '../real-files/real-fixtures';
import { repo, runCli, tempDir } from './run-cli';

const CASES: { dir: string; file: string; targets: string[] }[] = [
  { dir: 'cilacap-penduduk-desa', file: 'jml-pddk-desa-cilacap.csv', targets: ['targets-33.01.json'] },
  { dir: 'jabar-giziburuk-purwakarta', file: 'gizi-buruk-desa-purwakarta.csv', targets: ['targets-32.14.json'] },
  { dir: 'dki-kepadatan-2013', file: 'dki-kepadatan-kelurahan-2013-excerpt.csv', targets: ['targets-31.71.json', 'targets-31.72.json', 'targets-31.01.json'] },
  { dir: 'dki-kepadatan-2024', file: 'dki-kepadatan-kelurahan-2024-jakarta-timur.csv', targets: ['targets-31.75.json'] },
];

/** Targets as a GeoJSON the tool reads: one small square per kelurahan, in target order. */
function boundariesOf(targets: JoinTarget[]): string {
  const square = (i: number) => [
    [
      [106 + i * 0.001, -6],
      [106.0005 + i * 0.001, -6],
      [106.0005 + i * 0.001, -6.0005],
      [106 + i * 0.001, -6],
    ],
  ];
  const features = targets.map((t, i) => ({
    type: 'Feature',
    properties: { kode: t.kode, kelurahan: t.nama, kecamatan: t.kecamatan },
    geometry: { type: 'Polygon', coordinates: square(i) },
  }));
  return JSON.stringify({ type: 'FeatureCollection', features });
}

let db: Database;
let dir: string;
beforeAll(async () => {
  db = await openPipelineDatabase();
  dir = await tempDir();
}, 120_000);

describe.each(CASES)('$dir: the CLI joins the real file as the app does', (c) => {
  it("`peta-kantong join` writes the app pipeline's report, byte for byte", async () => {
    const targets = c.targets.flatMap((t) => realTargets(c.dir, t));
    const boundaries = join(dir, `${c.dir}.geojson`);
    await writeFile(boundaries, boundariesOf(targets));
    const staged = await stageTable(db, `nyata_${c.dir.replace(/\W+/g, '_')}`, realFile(c.dir, c.file), targets);
    const out = join(dir, `${c.dir}.csv`);
    const run = await runCli(['join', '--boundaries', boundaries, '--data', repo(`tests/fixtures/real/${c.dir}/${c.file}`), '--out', out]);
    expect(run.code, run.stderr).toBe(0);
    expect(await readFile(out, 'utf8')).toBe(joinReportCsv(staged.report, staged.joinKeys, targets, 'id'));
    // The app joins 97-100 % of these files' keys (the rest: desa missing from the boundaries, typos).
    const { code, name, fuzzy } = staged.report.counts;
    expect(code + name + fuzzy).toBeGreaterThanOrEqual(0.97 * staged.joinKeys.length);
  }, 60_000);
});
