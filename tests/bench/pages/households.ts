/**
 * One million synthetic household rows aggregated to kelurahan indicators, twice: in the app's
 * own DuckDB-WASM (src/data/db.ts, the same worker and bundle the app uses) and in a plain
 * JavaScript loop over rows parsed from the same CSV text. Both must give the same numbers.
 */
import { getDatabase } from '../../../src/data/db';
import { toRows } from '../../../src/data/database';
import type { HouseholdTimes, HouseholdsApi } from './api';
import { aggregateRows, parseHouseholds, type KelurahanAggregate } from './households-js';

/** The columns, typed, so DuckDB does not sniff (the JavaScript side knows the schema too). */
const LOAD_SQL = `CREATE OR REPLACE TABLE rumah_tangga AS SELECT * FROM read_csv('rumah_tangga.csv', header = true,
  columns = {'id_rumah_tangga': 'INTEGER', 'kode': 'VARCHAR', 'desil': 'TINYINT', 'rumah_layak': 'TINYINT',
             'air_layak': 'TINYINT', 'sanitasi_layak': 'TINYINT', 'jumlah_anggota': 'TINYINT'})`;

const AGGREGATE_SQL = `SELECT kode,
    count(*)::INTEGER AS rumah_tangga,
    (count(*) FILTER (WHERE desil <= 4))::INTEGER AS rt_desil_1_4,
    (count(*) FILTER (WHERE desil = 1))::INTEGER AS rt_desil_1,
    (count(*) FILTER (WHERE air_layak = 0))::INTEGER AS rt_tanpa_air_layak,
    (count(*) FILTER (WHERE sanitasi_layak = 0))::INTEGER AS rt_tanpa_sanitasi_layak,
    (count(*) FILTER (WHERE rumah_layak = 0))::INTEGER AS rtlh,
    sum(jumlah_anggota)::INTEGER AS penduduk
  FROM rumah_tangga GROUP BY kode`;

interface Timed<T> {
  value: T;
  ms: number;
}

async function timed<T>(work: () => Promise<T> | T): Promise<Timed<T>> {
  const start = performance.now();
  const value = await work();
  return { value, ms: performance.now() - start };
}

async function inDuckdb(text: string) {
  const start = await timed(() => getDatabase());
  const db = start.value;
  const register = await timed(() => db.registerFileText('rumah_tangga.csv', text));
  const create = await timed(() => db.exec(LOAD_SQL));
  const query = await timed(async () => toRows(await db.query(AGGREGATE_SQL)) as unknown as KelurahanAggregate[]);
  return { start: start.ms, load: register.ms + create.ms, register: register.ms, query: query.ms, result: query.value };
}

async function inJavascript(text: string) {
  const parse = await timed(() => parseHouseholds(text));
  const loop = await timed(() => aggregateRows(parse.value));
  return { parse: parse.ms, loop: loop.ms, rows: parse.value.length, result: loop.value };
}

/** Whether two aggregate lists hold the same numbers for the same kelurahan. */
function sameAggregates(a: KelurahanAggregate[], b: KelurahanAggregate[]): boolean {
  if (a.length !== b.length) return false;
  const byKode = new Map(b.map((row) => [row.kode, row]));
  return a.every((row) => {
    const other = byKode.get(row.kode);
    return other !== undefined && (Object.keys(row) as (keyof KelurahanAggregate)[]).every((k) => row[k] === other[k]);
  });
}

const api: HouseholdsApi = {
  async run(url, duckdbFirst) {
    const fetched = await timed(async () => (await fetch(url)).text());
    const text = fetched.value;
    // The order alternates between runs so neither side always gets the fresher heap.
    let duck: Awaited<ReturnType<typeof inDuckdb>>;
    let js: Awaited<ReturnType<typeof inJavascript>>;
    if (duckdbFirst) {
      duck = await inDuckdb(text);
      js = await inJavascript(text);
    } else {
      js = await inJavascript(text);
      duck = await inDuckdb(text);
    }
    const times: HouseholdTimes = {
      fetch: fetched.ms,
      duckdbStart: duck.start,
      duckdbLoad: duck.load,
      duckdbRegister: duck.register,
      duckdbQuery: duck.query,
      jsParse: js.parse,
      jsLoop: js.loop,
      rows: js.rows,
      kelurahan: duck.result.length,
      agree: sameAggregates(duck.result, js.result),
    };
    return times;
  },
};
(window as unknown as { bench: HouseholdsApi }).bench = api;
