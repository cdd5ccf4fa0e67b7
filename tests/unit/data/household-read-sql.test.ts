/**
 * The shared household SQL (src/data/household-read-sql.ts) gives, on DuckDB-WASM and on native
 * DuckDB alike, the typed values the app's JavaScript rules give the same cells: kode wilayah
 * (kode-wilayah.ts), desil as a number (numbers.ts), yes/no deprivations. Checked row by row on
 * the demo household file and on real-looking Indonesian exports of it (semicolons, BOM and CRLF,
 * Windows-1252, 1.234,5 numbers, Ya/Tidak, codes in other spellings), each read by the app's own
 * JavaScript reader for the expected values.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { toRows, type Database } from '../../../src/data/database';
import { proposeHouseholdColumns } from '../../../src/data/household-columns';
import {
  desilRuleSql,
  desilSql,
  householdsSelectSql,
  householdSourceSql,
  kodeRuleSql,
  kodeSql,
  probeHouseholdFile,
  type HouseholdSource,
} from '../../../src/data/household-read-sql';
import { DelimitedParser } from '../../../src/data/importers/delimited';
import { booleanRuleSql, booleanSql, FALSE_WORDS, parseBoolean, parseNumber, plainBooleanSpellings, TRUE_WORDS } from '../../../src/data/importers/numbers';
import { readTable } from '../../../src/data/importers/read-table';
import { cp1252ToUtf8 } from '../../../src/data/importers/text';
import { windows1252 } from '../../fixtures/windows-1252';
import { formatKemendagri, normalizeKode } from '../../../src/data/kode-wilayah';
import { useBothEngines } from '../both-engines';

const ROOT = new URL('../../../', import.meta.url).pathname;
const DEMO = readFileSync(`${ROOT}data/demo/rumah_tangga_surakarta.csv`, 'utf8');
const DEPRIVATIONS = ['rtlh', 'tanpa_air_layak', 'tanpa_sanitasi_layak', 'anak_tidak_sekolah', 'tanpa_penghasilan', 'kepala_perempuan'];

/** Codes as people and programs write them, and what is not a code. */
const KODE_CORPUS = [
  '3372031002',
  '33.72.03.1002',
  '33 72 03 1002',
  ' 33-72-03-1002 ',
  '33.72.03.1002.',
  "'3372031002",
  '‘3372031002’',
  '"33.72.03.1002"',
  '3372031002.0',
  '3372031002,00',
  '3.372031002E+09',
  '3,372031002e9',
  '3.37203E+09',
  '33720310020',
  '337203100',
  '33.72.03',
  '33 720 310 02',
  '33/72/03/1002',
  '33_72_03_1002',
  '33\u00a072\u00a003\u00a01002',
  '\ufeff3372031002',
  'Kode 3372031002',
  '33.72.03.1002a',
  '',
  '   ',
  '-',
  'n/a',
];

/**
 * Cells for the fast paths: every spelling a fast path answers, and near misses it must leave to
 * the rule (spaces, other case, other digits, a character too many or too few).
 */
const FAST_CORPUS: Record<'kode' | 'desil' | 'yesNo', (string | null)[]> = {
  kode: [...KODE_CORPUS, '1101012001', '11.01.01.2001', '33.72.03.100', '33.72.03.10021', '33.72.031002', ' 33.72.03.1002', '3372031002 ', '33.72.03.1002\n', '33,72,03,1002', '33-72-03.1002', '33x72x03.1002', null],
  desil: ['1', '2', '9', '10', '0', '11', '007', '123456789', '1234567890', ' 5', '5 ', '5,0', '5.0', '+5', '-5', '1.234', '1.234,5', "'5", '(5)', '5%', '', ' ', 'lima', null],
  yesNo: [
    ...plainBooleanSpellings([...TRUE_WORDS, ...FALSE_WORDS]),
    ' ya',
    'tidak ',
    'yA',
    'tIdak',
    'TIDAK  ADA',
    'Tidak ada ',
    '\u00a0Ya',
    'ya\t',
    '2',
    '01',
    'mungkin',
    '',
    ' ',
    null,
  ],
};

/** The demo file as an Indonesian office exports it: `;`, CRLF, BOM, Ya/Tidak, desil `2,0`, dotless codes, a dash for unknown. */
function indonesianExport(text: string, lines: number): string {
  const rows = text.trim().split('\n').slice(0, lines);
  const out = rows.map((row, i) => {
    const cells = row.split(',');
    if (i === 0) return cells.join(';');
    const kode = cells[3];
    if (i % 3 === 0) cells[3] = kode.replaceAll('.', '');
    if (i % 7 === 0) cells[3] = kode.replaceAll('.', ' ');
    if (i % 5 === 0) cells[5] = `${cells[5]},0`;
    if (i % 11 === 0) cells[5] = '-';
    if (i % 13 === 0) cells[6] = '';
    for (let c = 6; c < cells.length; c++) cells[c] = cells[c] === 'ya' ? 'Ya' : cells[c] === 'tidak' ? 'Tidak' : cells[c];
    if (i % 4 === 0) cells[2] = `"${cells[2]}; Bpk."`;
    return cells.join(';');
  });
  return '\uFEFF' + out.join('\r\n') + '\r\n';
}

interface Typed {
  id_rt: string | null;
  kode: string | null;
  desil: number | null;
  [deprivation: string]: string | number | boolean | null;
}

/** The expected typed rows: the file read by the app's JavaScript reader, each cell by the app's JavaScript rules. */
async function expectedRows(bytes: Uint8Array, name: string): Promise<Typed[]> {
  const table = await readTable(new File([bytes.slice()], name));
  const rows: string[][] = [];
  const parser = new DelimitedParser(',', (cells) => rows.push(cells));
  parser.push(new TextDecoder().decode(table.csv));
  parser.end();
  const header = rows[0];
  const at = (name: string) => header.indexOf(name);
  const desilFormat = table.columns[at('desil')].numberFormat;
  return rows.slice(1).map((r) => {
    const kode = normalizeKode(r[at('kode_kelurahan')]);
    const desil = parseNumber(r[at('desil')], desilFormat);
    const row: Typed = { id_rt: r[at('id_rt')].trim() || null, kode: kode === null ? null : formatKemendagri(kode), desil: typeof desil === 'number' ? Math.round(desil) : null };
    for (const d of DEPRIVATIONS) row[d] = parseBoolean(r[at(d)]) ?? null;
    return row;
  });
}

/** The typed rows of the shared SQL over `source`, columns chosen as the CLI and the dialog choose them. */
async function sqlRows(db: Database, source: HouseholdSource): Promise<Typed[]> {
  const probe = await probeHouseholdFile(db, source);
  const proposal = proposeHouseholdColumns(probe.header, probe.sample);
  const types = new Map(probe.header.map((h, i) => [h, probe.types[i]] as const));
  const select = householdsSelectSql(
    source,
    {
      kode: 'kode_kelurahan',
      id: 'id_rt',
      desil: { column: 'desil', numberFormat: proposal.profiles[probe.header.indexOf('desil')].numberFormat },
      deprivations: DEPRIVATIONS.map((d) => ({ source: d, column: d })),
    },
    types,
  );
  return toRows(await db.query(`SELECT id_rt, kode, desil, ${DEPRIVATIONS.join(', ')} FROM (${select})`)) as Typed[];
}

/** Test files; a Windows-1252 one is read by both engines from its UTF-8 copy, as the app and the CLI read it. */
const FILES: { name: string; bytes: () => Uint8Array; windows?: true; delimiter: string }[] = [
  { name: 'rumah_tangga_surakarta.csv', bytes: () => new TextEncoder().encode(DEMO), delimiter: ',' },
  { name: 'excel-utf8-bom.csv', bytes: () => new TextEncoder().encode(indonesianExport(DEMO, 4000)), delimiter: ';' },
  { name: 'excel-1252.csv', bytes: () => windows1252(indonesianExport(DEMO, 4000).slice(1).replace('Joko', 'José “Joko” – Rp€')), windows: true, delimiter: ';' },
];

describe('household SQL on both engines', () => {
  const engines = useBothEngines('pkk-household-sql');

  it('kodeSql reads every code as kode-wilayah.ts does', async () => {
    const { wasm, native } = engines;
    const values = KODE_CORPUS.map((c, i) => `(${i}, '${c.replaceAll("'", "''")}')`).join(', ');
    const expected = KODE_CORPUS.map((c) => {
      const digits = normalizeKode(c);
      return digits === null ? null : formatKemendagri(digits);
    });
    // Both kinds of answer occur, so the comparison can fail either way.
    expect(expected.filter((k) => k === null).length).toBeGreaterThan(5);
    expect(expected.filter((k) => k === '33.72.03.1002').length).toBeGreaterThan(10);
    for (const db of [wasm, native]) {
      const rows = toRows(await db.query(`SELECT i, ${kodeSql('v')} AS k FROM (VALUES ${values}) t(i, v) ORDER BY i`));
      expect(rows.map((r) => r.k)).toEqual(expected);
    }
  });

  it.each([
    { cells: 'kode' as const, fast: kodeSql, rule: kodeRuleSql },
    { cells: 'desil' as const, fast: (v: string) => desilSql(v, 'id'), rule: (v: string) => desilRuleSql(v, 'id') },
    { cells: 'desil' as const, fast: (v: string) => desilSql(v, 'en'), rule: (v: string) => desilRuleSql(v, 'en') },
    { cells: 'yesNo' as const, fast: booleanSql, rule: booleanRuleSql },
  ])('the $cells fast path answers every cell as the rule does, on both engines', async ({ cells, fast, rule }) => {
    const { wasm, native } = engines;
    const corpus = FAST_CORPUS[cells];
    const values = corpus.map((c, i) => `(${i}, ${c === null ? 'NULL::VARCHAR' : `'${c.replaceAll("'", "''")}'`})`).join(', ');
    const sql = `SELECT ${fast('v')} AS fast, ${rule('v')} AS rule FROM (VALUES ${values}) t(i, v) ORDER BY i`;
    for (const db of [wasm, native]) {
      const rows = toRows(await db.query(sql));
      expect(rows).toHaveLength(corpus.length);
      rows.forEach((r, i) => expect(r.fast, `${db === wasm ? 'WASM' : 'native'}: ${JSON.stringify(corpus[i])}`).toEqual(r.rule));
      // Both answers occur (a value and NULL), so an always-NULL fast path cannot pass.
      expect(rows.some((r) => r.rule === null)).toBe(true);
      expect(rows.filter((r) => r.rule !== null).length).toBeGreaterThan(3);
    }
    if (cells === 'yesNo') {
      // The rule itself is still parseBoolean's.
      const rows = toRows(await native.query(sql));
      rows.forEach((r, i) => expect(r.rule, JSON.stringify(corpus[i])).toBe(corpus[i] === null ? null : (parseBoolean(corpus[i] as string) ?? null)));
    }
  });

  it.each(FILES)('$name: typed rows equal the JavaScript rules on both engines', async ({ name, bytes, windows, delimiter }) => {
    const { wasm, native, dir } = engines;
    const content = bytes();
    const expected = await expectedRows(content, name);
    expect(expected.length).toBeGreaterThan(3000);
    // The cells the export changed are read: dotless and spaced codes, `2,0`, `-`, Ya/Tidak, an empty cell.
    expect(expected.some((r) => r.desil === null)).toBe(name !== 'rumah_tangga_surakarta.csv');
    expect(expected.every((r) => r.kode !== null)).toBe(true);
    const read = windows ? cp1252ToUtf8(content) : content;
    await wasm.registerFileBuffer(name, read.slice());
    writeFileSync(join(dir, name), read);
    const onWasm = await sqlRows(wasm, { files: [name], format: 'csv', delimiter });
    const onNative = await sqlRows(native, { files: [join(dir, name)], format: 'csv', delimiter });
    expect(onWasm).toEqual(expected);
    expect(onNative).toEqual(expected);
  }, 120_000);

  it('reads a list of files as one source, by column name', async () => {
    const { native, dir } = engines;
    const [a, b] = ['satu.csv', 'dua.csv'];
    const lines = DEMO.trim().split('\n');
    writeFileSync(join(dir, a), `${lines.slice(0, 101).join('\n')}\n`);
    // The second file has its columns in another order.
    const header = lines[0].split(',');
    const order = [...header].reverse();
    const reordered = [order.join(','), ...lines.slice(101, 201).map((l) => order.map((h) => l.split(',')[header.indexOf(h)]).join(','))];
    writeFileSync(join(dir, b), `${reordered.join('\n')}\n`);
    const source: HouseholdSource = { files: [join(dir, a), join(dir, b)], format: 'csv', delimiter: ',' };
    // Files may be read in parallel: rows compared by household id.
    const byId = (rows: Typed[]) => [...rows].sort((x, y) => String(x.id_rt).localeCompare(String(y.id_rt)));
    const rows = await sqlRows(native, source);
    expect(rows).toHaveLength(200);
    expect(byId(rows)).toEqual(byId(await expectedRows(new TextEncoder().encode(`${lines.slice(0, 201).join('\n')}\n`), 'x.csv')));
  }, 120_000);

  it('reads Parquet on native DuckDB with the same values as its CSV', async () => {
    const { native, dir } = engines;
    const csv = join(dir, 'rumah_tangga_surakarta.csv');
    writeFileSync(csv, DEMO);
    const parquet = join(dir, 'rt.parquet');
    // Typed as a program writes Parquet: desil an integer, deprivations booleans.
    await native.exec(`COPY (SELECT * REPLACE (desil::INTEGER AS desil, ${DEPRIVATIONS.map((d) => `${d} = 'ya' AS ${d}`).join(', ')}) FROM read_csv('${csv}', all_varchar = true)) TO '${parquet}' (FORMAT parquet)`);
    const probe = await probeHouseholdFile(native, { files: [parquet], format: 'parquet' });
    expect(probe.types[probe.header.indexOf('desil')]).toBe('INTEGER');
    expect(probe.types[probe.header.indexOf('rtlh')]).toBe('BOOLEAN');
    expect(await sqlRows(native, { files: [parquet], format: 'parquet' })).toEqual(await sqlRows(native, { files: [csv], format: 'csv', delimiter: ',' }));
  }, 120_000);

  it('never pads a short row: a cut-off CSV is an error, not a complete file', async () => {
    const { wasm } = engines;
    const cut = DEMO.slice(0, DEMO.lastIndexOf('\n', DEMO.length - 2) + 30);
    await wasm.registerFileText('cut.csv', cut);
    await expect(wasm.query(`SELECT count(*) FROM ${householdSourceSql({ files: ['cut.csv'], format: 'csv', delimiter: ',' })}`)).rejects.toThrow(/column|line/i);
  });
});
