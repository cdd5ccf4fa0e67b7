/**
 * Shared by the real-file tests (tests/fixtures/real): opens a real public file as the browser
 * hands it over, loads its region's join targets (extracted once from the national boundary
 * file by tests/fixtures/real/make-targets.sh), and reads the file's own rows back by number so
 * an expectation can say "the row of file line N belongs on kode K" from the file itself, not
 * from what the app guessed.
 */
import { readFileSync } from 'node:fs';
import { proposeIndicators } from '../../../src/data/indicator-choices';
import type { JoinKey, JoinReport, JoinTarget } from '../../../src/data/join';
import { ROOT, type StagedTable } from '../import-pipeline/pipeline';

const REAL = `${ROOT}tests/fixtures/real/`;

/** A real fixture as a File with its own name. */
export function realFile(dir: string, name: string): File {
  return new File([readFileSync(`${REAL}${dir}/${name}`)], name);
}

/** The region's kelurahan/desa as JoinTarget (kode, nama, kecamatan), in kode order. */
export function realTargets(dir: string, name: string): JoinTarget[] {
  return JSON.parse(readFileSync(`${REAL}${dir}/${name}`, 'utf8')) as JoinTarget[];
}

/**
 * The fields of a plain comma-separated file by 1-based file line (line 1 is the header), as
 * header name -> value. Only for fixtures checked to have no quoted fields.
 */
export function csvLines(dir: string, name: string): Map<number, Record<string, string>> {
  const lines = readFileSync(`${REAL}${dir}/${name}`, 'utf8')
    .replace(/\r?\n$/, '')
    .split(/\r?\n/);
  if (lines.some((l) => l.includes('"'))) throw new Error(`${name} has quoted fields; csvLines cannot read it`);
  const header = lines[0].split(',');
  const rows = new Map<number, Record<string, string>>();
  lines.slice(1).forEach((line, i) => {
    const cells = line.split(',');
    rows.set(i + 2, Object.fromEntries(header.map((h, j) => [h, cells[j] ?? ''])));
  });
  return rows;
}

/** kode each key landed on (code, name or fuzzy), or null, by key index. */
export function landedKode(report: JoinReport, keyCount: number): (string | null)[] {
  const out: (string | null)[] = Array.from({ length: keyCount }, () => null);
  for (const m of report.matched) out[m.key] = m.kode;
  return out;
}

/** Keys whose value landed on a kelurahan outside the kecamatan the row itself names. */
export function landedInOtherKecamatan(report: JoinReport, keys: JoinKey[], targets: JoinTarget[], kecamatanOfKey: (key: JoinKey) => string): string[] {
  const byKode = new Map(targets.map((t) => [t.kode, t]));
  const plain = (s: string) => s.toUpperCase().replace(/[^A-Z]/g, '');
  return report.matched
    .filter((m) => plain(byKode.get(m.kode)!.kecamatan) !== plain(kecamatanOfKey(keys[m.key])))
    .map(
      (m) => `file line ${keys[m.key].firstRow} (${keys[m.key].nama}, ${kecamatanOfKey(keys[m.key])}) -> ${m.kode} ${byKode.get(m.kode)!.nama}, ${byKode.get(m.kode)!.kecamatan}`,
    );
}

/**
 * The indicators the import dialog proposes for a staged table (as ImportSession does after the
 * key columns: every number column but the keys, year groups as one indicator), as
 * `column -> kind`, with `[years]` after the kind of a group read over years.
 */
export function proposedKinds(staged: StagedTable): Record<string, string> {
  const keys = new Set(Object.values(staged.keys).filter((k): k is string => k !== null));
  const { indicators } = proposeIndicators({ columns: staged.table.columns, exclude: keys, prefix: staged.id, yearColumn: staged.keys.tahun, fallbackLabel: 'nilai' });
  return Object.fromEntries(indicators.map((i) => [i.column, i.years ? `${i.kind} [${i.years.map((y) => y.tahun).join(',')}]` : (i.kind ?? 'count')]));
}
