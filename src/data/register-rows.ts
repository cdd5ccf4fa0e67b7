/**
 * A household register's rows reduced for reconciliation (issue 19), shared by the app and the
 * CLI: which columns hold the household id, the head's NIK, the kelurahan code and the desil;
 * the salted hashes of id and NIK computed by DuckDB (in the browser, its worker), so neither
 * leaves the database; and the refusals of a file that cannot be reconciled (no usable id,
 * colliding ids, codes that do not read or lie outside the region, a beneficiary list). A
 * refused file yields nothing: the caller stores no part of it.
 */
import type { RegisterRow } from '../analysis/reconcile';
import { toRows, type Database } from './database';
import { loadRawTable, rawTable } from './datasets';
import { ImportError, type ImportedTable } from './importers/types';
import { formatKemendagri, kabKotaOf, normalizeKode } from './kode-wilayah';
import { sqlIdentifier, sqlLiteral } from './sql';

/** The register's columns that reconciling reads (names, addresses and the rest are never read). */
export interface RegisterColumns {
  id: string;
  nik: string | null;
  kode: string;
  desil: string | null;
}

const squash = (name: string) => name.toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_|_$/g, '');
/** Household id columns of DTKS/DTSEN, P3KE and city registers, most specific first. */
const ID_NAMES = ['id_rt', 'id_rumah_tangga', 'id_keluarga', 'id_keluarga_p3ke', 'id_dtks', 'id_dtsen', 'id_p3ke', 'idsemesta', 'id_semesta', 'no_kk', 'nomor_kk', 'id'];
/** Columns that make a table a beneficiary list rather than a register. */
const PROGRAM_NAMES = ['program', 'jenis_bantuan', 'bantuan', 'nama_program', 'program_bantuan'];

/**
 * The columns of a register, chosen by name. `id` chooses the id column (the CLI's --a-id);
 * throws ImportError `reconcile.*` when the table is a beneficiary list or lacks an id or code.
 */
export function registerColumns(header: readonly string[], file: string, id?: string): RegisterColumns {
  const names = header.map(squash);
  const find = (test: (n: string) => boolean) => {
    const i = names.findIndex(test);
    return i < 0 ? null : header[i];
  };
  const kode = find((n) => /^kode_(kelurahan|kel|desa|desa_kelurahan|wilayah)$/.test(n)) ?? find((n) => n === 'kode');
  const program = find((n) => PROGRAM_NAMES.includes(n));
  const columns = header.join(', ');
  if (program !== null && kode === null) throw new ImportError('reconcile.beneficiaryList', { file, column: program });
  let idColumn: string | null;
  if (id !== undefined) {
    idColumn = header.find((h) => h === id) ?? header.find((h) => squash(h) === squash(id)) ?? null;
  } else {
    idColumn = null;
    for (const wanted of ID_NAMES) {
      idColumn = find((n) => n === wanted);
      if (idColumn !== null) break;
    }
  }
  if (idColumn === null) throw new ImportError('reconcile.noId', { file, columns });
  if (kode === null) throw new ImportError('reconcile.noKode', { file, columns });
  return { id: idColumn, nik: find((n) => /(^|_)nik(_|$)/.test(n)), kode, desil: find((n) => n.includes('desil')) };
}

/** Reading one register. */
export interface RegisterSpec {
  /** The import's id: its rows are in `mentah_<id>` (datasets.loadRawTable). */
  tableId: string;
  file: string;
  /** 1-based header row in the file: data row i (0-based) is file row headerRow + 1 + i. */
  headerRow: number;
  columns: RegisterColumns;
}

/**
 * An imported table (any importer) loaded as register `tableId`, its columns chosen by name or
 * `id`; refused before anything is loaded when it is not a register.
 */
export async function loadRegister(db: Database, table: ImportedTable, tableId: string, id?: string): Promise<RegisterSpec> {
  const columns = registerColumns(
    table.columns.map((c) => c.name),
    table.file,
    id,
  );
  await loadRawTable(db, tableId, table.csv);
  return { tableId, file: table.file, headerRow: table.headerRow, columns };
}

/** Drops a register's raw table (replaced or refused). */
export async function dropRegister(db: Database, tableId: string): Promise<void> {
  await db.exec(`DROP TABLE IF EXISTS ${rawTable(tableId)}`);
}

/** A register's rows with hashes of id and NIK; `key` is the id hash (see {@link keyedByNik}). */
export interface HashedRegister {
  file: string;
  rows: RegisterRow[];
}

/**
 * Reads a register's rows with salted SHA-256 hashes of the id and the head's NIK, checking
 * every row; `region` is the kab/kota (4 digits, e.g. 3372) every code must lie in, or null to
 * take the one most rows have. Throws ImportError `reconcile.*` on the first kind of bad row.
 */
export async function readRegister(db: Database, spec: RegisterSpec, salt: string, region: string | null): Promise<{ register: HashedRegister; region: string }> {
  const c = spec.columns;
  const hash = (column: string, label: string) => `sha256(${sqlLiteral(`${salt}|${label}|`)} || trim(${sqlIdentifier(column)}))`;
  const text = (column: string | null) => (column === null ? 'NULL::VARCHAR' : `trim(${sqlIdentifier(column)})`);
  const rows = toRows(
    await db.query(`
      SELECT rowid AS i, ${text(c.kode)} AS kode, coalesce(${text(c.id)}, '') = '' AS no_id,
             ${hash(c.id, 'id')} AS id_hash,
             ${c.nik === null ? 'NULL::VARCHAR' : `CASE WHEN coalesce(${text(c.nik)}, '') = '' THEN NULL ELSE ${hash(c.nik, 'nik')} END`} AS nik_hash,
             ${c.desil === null ? 'NULL::INTEGER' : `TRY_CAST(TRY_CAST(replace(${text(c.desil)}, ',', '.') AS DOUBLE) AS INTEGER)`} AS desil
      FROM ${rawTable(spec.tableId)} ORDER BY rowid`),
  );
  const fileRow = (i: number) => spec.headerRow + 1 + i;
  const noId = rows.filter((r) => r.no_id === true);
  if (noId.length > 0) throw new ImportError('reconcile.emptyId', { file: spec.file, count: noId.length, row: fileRow(Number(noId[0].i)) });

  const kodes = rows.map((r) => normalizeKode(r.kode === null ? null : String(r.kode)));
  const unreadable = kodes.map((k, i) => (k === null ? i : -1)).filter((i) => i >= 0);
  if (unreadable.length > 0) {
    const first = unreadable[0];
    throw new ImportError('reconcile.badKode', { file: spec.file, count: unreadable.length, row: fileRow(Number(rows[first].i)), value: String(rows[first].kode ?? '') });
  }
  const regionOf = region ?? majority(kodes.map((k) => kabKotaOf(k!)));
  const outside = kodes.map((k, i) => (kabKotaOf(k!) !== regionOf ? i : -1)).filter((i) => i >= 0);
  if (outside.length > 0) {
    const first = outside[0];
    throw new ImportError('reconcile.outsideRegion', {
      file: spec.file,
      count: outside.length,
      region: `${regionOf.slice(0, 2)}.${regionOf.slice(2)}`,
      row: fileRow(Number(rows[first].i)),
      kode: formatKemendagri(kodes[first]!),
    });
  }

  const seen = new Map<string, number>();
  const collisions: { row: number; first: number }[] = [];
  const out: RegisterRow[] = rows.map((r, index) => {
    const row = fileRow(Number(r.i));
    const key = String(r.id_hash);
    const first = seen.get(key);
    if (first === undefined) seen.set(key, row);
    else collisions.push({ row, first });
    const desil = r.desil === null ? null : Number(r.desil);
    return { row, kode: formatKemendagri(kodes[index]!), key, nik: r.nik_hash === null ? null : String(r.nik_hash), desil };
  });
  if (collisions.length > 0) throw new ImportError('reconcile.idCollision', { file: spec.file, count: collisions.length, row: collisions[0].row, first: collisions[0].first });
  return { register: { file: spec.file, rows: out }, region: regionOf };
}

/** The most frequent value (ties: the smallest). */
function majority(values: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts.entries()].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1))[0][0];
}

/**
 * The same rows keyed by the head's NIK together with the kelurahan, for registers whose ids
 * differ: a row without NIK gets a key of its own that matches nothing.
 */
export function keyedByNik(register: HashedRegister): HashedRegister {
  return { ...register, rows: register.rows.map((r) => ({ ...r, key: r.nik === null ? `no-nik|${register.file}|${r.row}` : `${r.nik}|${r.kode}` })) };
}

/** How many keys of `a` also occur in `b` (to tell whether the two registers share ids). */
export function sharedKeys(a: HashedRegister, b: HashedRegister): number {
  const keys = new Set(b.rows.map((r) => r.key));
  return a.rows.reduce((n, r) => n + +keys.has(r.key), 0);
}
