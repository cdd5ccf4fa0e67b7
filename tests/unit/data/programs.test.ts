import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { openNodeDatabase } from '../../../src/cli/node-db';
import type { Database } from '../../../src/data/database';
import { fetchCoverage, fetchProgramMatrix, fetchProgramYears, fetchRepaired, fetchSites, loadPrograms, loadSites } from '../../../src/data/programs';

const programCsv = readFileSync(new URL('../../../data/demo/program.csv', import.meta.url), 'utf8');
const sitesCsv = readFileSync(new URL('../../../data/demo/lokasi_program.csv', import.meta.url), 'utf8');

// The independent computation: the CSV parsed by hand (no quoted fields in program.csv).
const programRows = programCsv
  .trim()
  .split('\n')
  .slice(1)
  .map((line) => {
    const [kode, tahun, program, penerima, sasaran] = line.split(',');
    return { kode, tahun: Number(tahun), program, penerima: Number(penerima), sasaran: Number(sasaran) };
  });

function sumBy(filter: (r: (typeof programRows)[number]) => boolean, field: 'penerima' | 'sasaran') {
  const sums = new Map<string, number>();
  for (const r of programRows) if (filter(r)) sums.set(r.kode, (sums.get(r.kode) ?? 0) + r[field]);
  return sums;
}

let db: Database;
beforeAll(async () => {
  db = await openNodeDatabase();
  await loadPrograms(db, programCsv);
  await loadSites(db, sitesCsv);
}, 120_000);

describe('program tables from the demo CSVs', () => {
  it('sums a group of programs per kelurahan as the CSV does', async () => {
    const programs = ['pkh', 'bpnt']; // the bantuan_sosial group of the catalog
    const rows = await fetchCoverage(db, { kodeKota: '33.72', tahun: 2024, programs });
    const pick = (r: (typeof programRows)[number]) => r.kode.startsWith('33.72.') && r.tahun === 2024 && programs.includes(r.program);
    const penerima = sumBy(pick, 'penerima');
    const sasaran = sumBy(pick, 'sasaran');
    expect(rows).toHaveLength(54);
    expect(rows.map((r) => r.kode)).toEqual([...penerima.keys()].sort());
    for (const row of rows) {
      expect(row.beneficiaries, row.kode).toBe(penerima.get(row.kode));
      expect(row.eligible, row.kode).toBe(sasaran.get(row.kode));
    }
    // codes stay text with their dots, and no other city leaks in
    expect(rows.every((r) => /^33\.72\.\d{2}\.\d{4}$/.test(r.kode))).toBe(true);
    expect(await fetchCoverage(db, { kodeKota: '33.72', tahun: 2024, programs: [] })).toEqual([]);
    expect(await fetchCoverage(db, { kodeKota: '33.72', tahun: 2024, programs: ["x' OR '1'='1"] })).toEqual([]);
  });

  it('sums RTLH repairs over a range of years', async () => {
    const repaired = await fetchRepaired(db, { kodeKota: '33.72', fromYear: 2023, toYear: 2025 });
    const expected = sumBy((r) => r.kode.startsWith('33.72.') && r.program === 'perbaikan_rtlh' && r.tahun >= 2023 && r.tahun <= 2025, 'penerima');
    expect(repaired).toEqual(expected);
    expect(repaired.size).toBe(54);
    // a range outside the data gives nothing
    expect((await fetchRepaired(db, { kodeKota: '33.72', fromYear: 2010, toYear: 2015 })).size).toBe(0);
  });

  it('lists which programs reach which kelurahan', async () => {
    const cells = await fetchProgramMatrix(db, { kodeKota: '35.74', tahun: 2025 });
    const csvCells = programRows.filter((r) => r.kode.startsWith('35.74.') && r.tahun === 2025);
    expect(cells).toHaveLength(csvCells.length);
    const reached = csvCells
      .filter((r) => r.penerima > 0)
      .map((r) => `${r.kode}/${r.program}`)
      .sort();
    expect(
      cells
        .filter((c) => c.reached)
        .map((c) => `${c.kode}/${c.program}`)
        .sort(),
    ).toEqual(reached);
    // the demo has gaps: some programs reach no one in some kelurahan
    expect(cells.some((c) => !c.reached)).toBe(true);
    expect(await fetchProgramYears(db, '33.72')).toEqual([2021, 2022, 2023, 2024, 2025]);
  });

  it('reads the program sites of one city', async () => {
    const sites = await fetchSites(db, '33.72');
    expect(sites.map((s) => s.id)).toEqual(['LP-3372-01', 'LP-3372-02', 'LP-3372-03', 'LP-3372-04', 'LP-3372-05', 'LP-3372-06', 'LP-3372-07', 'LP-3372-08']);
    expect(sites[2]).toEqual({
      id: 'LP-3372-03',
      program: 'perbaikan_rtlh',
      nama: 'Posko Penataan Kawasan Semanggi',
      kode: '33.72.03.1002',
      lat: -7.587576,
      lon: 110.840287,
      tahun: 2021,
    });
  });

  it('keeps missing numbers as null', async () => {
    const own = await openNodeDatabase();
    await loadPrograms(own, 'kode,tahun,program,penerima,sasaran\n33.72.01.1001,2025,pkh,,10\n33.72.01.1001,2025,bpnt,,\n33.72.01.1002,2025,pkh,4,0\n');
    expect(await fetchCoverage(own, { kodeKota: '33.72', tahun: 2025, programs: ['pkh', 'bpnt'] })).toEqual([
      { kode: '33.72.01.1001', beneficiaries: null, eligible: 10 },
      { kode: '33.72.01.1002', beneficiaries: 4, eligible: 0 },
    ]);
    const matrix = await fetchProgramMatrix(own, { kodeKota: '33.72', tahun: 2025 });
    expect(matrix.map((c) => c.reached)).toEqual([false, false, true]);
  }, 30_000);
});
