/** The Jawa Barat open-data style fixture (tests/fixtures/real/jabar-opendata) as rows and join targets. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { JoinTarget } from '../../../src/data/join';

const dir = fileURLToPath(new URL('../../fixtures/real/jabar-opendata/', import.meta.url));

/** The fixture has no quoted cells (checked by its generator's output), so a split is exact. */
function readCsv(name: string): string[][] {
  return readFileSync(`${dir}${name}`, 'utf8')
    .trim()
    .split('\n')
    .map((line) => line.split(','));
}

export function jabarTable(): { header: string[]; rows: string[][]; bytes: Uint8Array } {
  const [header, ...rows] = readCsv('desa-jabar-opendata.csv');
  return { header, rows, bytes: readFileSync(`${dir}desa-jabar-opendata.csv`) };
}

/** The kelurahan of one kab/kota ("32.04"), as the region's boundaries give them. */
export function jabarTargets(kabKota: string): JoinTarget[] {
  return readCsv('targets.csv')
    .slice(1)
    .filter((c) => c[3] === kabKota)
    .map(([kode, nama, kecamatan]) => ({ kode, nama, kecamatan }));
}
