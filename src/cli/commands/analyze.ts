/**
 * `peta-kantong analyze`: join a data table to the boundaries as the app does (join-data.ts),
 * take the value (or rate) per kelurahan, drop the kelurahan without one together with their
 * weights (reported on stderr), run one method and write one row per kelurahan.
 */
import { basename } from 'node:path';
import { DEFAULT_PERMUTATIONS, MAX_PERMUTATIONS, type Correction, type HotSpotBasis } from '../../analysis/autocorrelation';
import { DEFAULT_PERMUTATION_SEED } from '../../analysis/significance';
import { MAX_CLASSES, MIN_CLASSES, type Scheme } from '../../analysis/classify';
import { subsetWeights } from '../../analysis/subset';
import type { Weights } from '../../analysis/weights';
import { choice, numberOption, parseOptions, rejectOptions, required, text, type OptionSpec, type RawOptions } from '../args';
import { centroidsOf, describeNeighbours, describeSpec, linkIslands, summariseWeights, weightsFromAreas, weightsFromGalFile, weightsSpecOf } from '../build-weights';
import { UsageError, writeRows, type OutputRow, type Streams } from '../io';
import { JOIN_OPTION_NAMES, decideJoin, joinData, joinFlags, prepareJoin, type JoinFlags } from '../join-data';
import { describeInvalid, describeMissing, regionValues, type RegionValues, type ValueSpec } from '../kelurahan-values';
import { METHODS, defaultThreads, runMethod, type Method, type MethodSettings, type Yearly } from '../methods';
import { findMethod, localMethod } from '../../analysis/methods';
import { cliDatabase } from '../table-join';

/**
 * Default seed, the app's (src/state/analysis.svelte.ts), so the tool and the map agree on
 * pseudo p-values out of the box.
 */

export const ANALYZE_OPTIONS: OptionSpec = Object.fromEntries(
  [
    'boundaries',
    'data',
    'value',
    'value2',
    'denominator',
    'per',
    ...JOIN_OPTION_NAMES,
    'year',
    'method',
    'weights',
    'type',
    'k',
    'snap',
    'islands',
    'permutations',
    'seed',
    'threads',
    'alpha',
    'correction',
    'basis',
    'scheme',
    'classes',
    'breaks',
    'out',
  ].map((name) => [name, { type: 'string' }]),
);

/** Kelurahan from which the slow steps of a run are announced on stderr. */
const LARGE_REGION = 10_000;

const SPATIAL = ['weights', 'type', 'k', 'snap', 'islands'];
const PERMUTATION = ['permutations', 'seed', 'threads'];
const CLASSIFY = ['scheme', 'classes', 'breaks'];

/** The options that mean nothing for a method are refused rather than silently ignored. */
function checkMethodOptions(raw: RawOptions, method: Method): void {
  const reason = `to --method ${method}`;
  const local = findMethod(method);
  if (method === 'classify') rejectOptions(raw, [...SPATIAL, ...PERMUTATION, 'alpha', 'correction', 'basis'], reason);
  else rejectOptions(raw, CLASSIFY, reason);
  if (method === 'moran') rejectOptions(raw, ['alpha', 'correction', 'basis'], reason);
  // Global Moran's I permutes in this thread; only local methods split across threads.
  if (method === 'moran') rejectOptions(raw, ['threads'], `${reason} (only local methods run on threads)`);
  if (local?.kind === 'local') {
    const refused = (['alpha', 'correction', 'basis'] as const).filter((o) => !local.options.includes(o));
    // Hot spots come at fixed 90/95/99 % confidence, as ArcGIS bins them.
    const why = refused.includes('alpha') ? `${reason} (hot spots are binned at 90, 95 and 99 %)` : reason;
    rejectOptions(
      raw,
      refused.filter((o) => o === 'alpha'),
      why,
    );
    rejectOptions(
      raw,
      refused.filter((o) => o !== 'alpha'),
      reason,
    );
  }
  if (!local?.secondVariable) rejectOptions(raw, ['value2'], reason);
  // A yearly method reads every year of the data's year column.
  if (local?.kind === 'local' && local.yearly) rejectOptions(raw, ['year', 'permutations', 'seed', 'threads'], `${reason} (it reads every year the data holds)`);
  if (raw.weights !== undefined) rejectOptions(raw, ['type', 'k', 'snap'], 'together with --weights');
}

function methodSettings(raw: RawOptions): MethodSettings {
  const permutations = numberOption(raw, 'permutations', { min: 0, max: MAX_PERMUTATIONS, integer: true }, DEFAULT_PERMUTATIONS);
  const scheme = choice<Scheme>(raw, 'scheme', ['quantile', 'equal', 'fisher', 'sd', 'box', 'manual'], 'quantile');
  if (scheme === 'box') rejectOptions(raw, ['classes'], 'to --scheme box (its classes are fixed)');
  if (scheme === 'manual') rejectOptions(raw, ['classes'], 'to --scheme manual (the breaks make the classes)');
  if (scheme !== 'manual') rejectOptions(raw, ['breaks'], `to --scheme ${scheme} (only to manual)`);
  const basisGiven = choice<HotSpotBasis>(raw, 'basis', ['z', 'permutation']);
  if (basisGiven === 'permutation' && permutations === 0) throw new UsageError('--basis permutation needs --permutations of at least 1');
  return {
    permutations,
    seed: numberOption(raw, 'seed', { min: 0, max: 4294967295, integer: true }, DEFAULT_PERMUTATION_SEED),
    alpha: numberOption(raw, 'alpha', { min: 0, max: 1, minExclusive: true, maxExclusive: true }, 0.05),
    correction: choice<Correction>(raw, 'correction', ['none', 'bonferroni', 'fdr'], 'none'),
    basis: basisGiven ?? 'z',
    scheme,
    classes: numberOption(raw, 'classes', { min: MIN_CLASSES, max: MAX_CLASSES, integer: true }, 5),
    breaks: scheme === 'manual' ? manualBreaks(raw) : undefined,
  };
}

/** `--breaks 5,10,20`: the cut points between classes. */
function manualBreaks(raw: RawOptions): number[] {
  const list = required(raw, 'breaks', 'with cut points, e.g. 5,10,20,');
  const numbers = list.split(',').map((part) => Number(part.trim()));
  if (numbers.some((n, i) => !Number.isFinite(n) || list.split(',')[i].trim() === '')) {
    throw new UsageError(`--breaks must be numbers separated by commas, got "${list}"`);
  }
  return numbers;
}

/** Everything the command needs from the arguments, checked before any file is read. */
interface AnalyzeArgs {
  boundaries: string;
  data: string;
  out: string;
  method: Method;
  value: ValueSpec;
  /** The second variable of a bivariate method (a column, as is). */
  value2?: string;
  join: JoinFlags;
  year?: number;
  weightsFile?: string;
  islands: 'keep' | 'knn';
  settings: MethodSettings;
  /** worker_threads for a local method's permutations; undefined = by the size of the run (defaultThreads). */
  threads?: number;
  raw: RawOptions;
}

function analyzeArgs(args: readonly string[]): AnalyzeArgs {
  const raw = parseOptions(args, ANALYZE_OPTIONS);
  const method = choice(raw, 'method', METHODS);
  if (method === undefined) throw new UsageError(`--method ${METHODS.join('|')} is required`);
  checkMethodOptions(raw, method);
  const value2 = findMethod(method)?.secondVariable ? required(raw, 'value2', `COLUMN (--method ${method} compares two variables)`) : undefined;
  const denominator = text(raw, 'denominator');
  if (denominator === undefined) rejectOptions(raw, ['per'], 'without --denominator');
  return {
    boundaries: required(raw, 'boundaries', 'FILE (GeoJSON, FlatGeobuf or zipped Shapefile)'),
    data: required(raw, 'data', 'FILE (CSV, TSV, Excel, Parquet, GeoJSON, FlatGeobuf or zipped Shapefile)'),
    out: required(raw, 'out', 'FILE.csv, FILE.json or FILE.geojson'),
    method,
    value: {
      value: required(raw, 'value', 'COLUMN'),
      denominator,
      per: numberOption(raw, 'per', { min: 0, minExclusive: true }, 1),
    },
    value2,
    join: joinFlags(raw),
    year: numberOption(raw, 'year', { integer: true }),
    weightsFile: text(raw, 'weights'),
    islands: choice(raw, 'islands', ['keep', 'knn'] as const, 'keep'),
    settings: methodSettings(raw),
    threads: numberOption(raw, 'threads', { min: 1, max: 256, integer: true }),
    raw,
  };
}

/** Runs the analyze command; returns the exit code. */
export async function analyzeCommand(args: readonly string[], streams: Streams): Promise<number> {
  const a = analyzeArgs(args);
  const warn = (message: string) => streams.stderr.write(`peta-kantong: ${message}\n`);
  // Spatial weights options are checked before the slow reads, so a typo fails at once.
  const spec = a.method === 'classify' || a.weightsFile ? null : weightsSpecOf(a.raw, 'queen');

  const columns: [string | undefined, string][] = [
    [a.value.value, '--value'],
    [a.value.denominator, '--denominator'],
    [a.value2, '--value2'],
  ];
  const yearlyMethod = findMethod(a.method)?.kind === 'local' && localMethod(a.method).yearly === true;
  const joined = yearlyMethod
    ? await decideJoin(await prepareJoin(a.boundaries, a.data, a.join, warn, { columns, oneYear: false }), a.join, warn, a.data)
    : await joinData(a.boundaries, a.data, a.join, warn, { year: a.year, columns });
  const { region, mapping } = joined;
  const db = await cliDatabase();
  // Columns by year (t_2016 … t_2019) are read as the named year's column.
  const [value, denominator, value2] = joined.columns;
  const valueSpec = { ...a.value, value: value!, denominator };
  let yearly: Yearly | null = null;
  let valued: RegionValues;
  if (yearlyMethod) {
    const years = joined.join.years;
    if (years.length < 2) throw new UsageError(`${a.data}: --method ${a.method} needs a year column with at least two years (found ${years.join(', ') || 'none'})`);
    const perYear: RegionValues[] = [];
    for (const year of years) perYear.push(await regionValues(db, joined.join, region, { mapping, spec: valueSpec, duplicates: joined.decisions.duplicates, year }));
    valued = everyYear(perYear, years);
    yearly = { years, values: perYear.map((v) => v.values) };
  } else valued = await regionValues(db, joined.join, region, { mapping, spec: valueSpec, duplicates: joined.decisions.duplicates });
  for (const invalid of valued.invalid) warn(describeInvalid(invalid));
  // A bivariate method needs both values: a kelurahan missing the second is left out too.
  const second = value2 ? await regionValues(db, joined.join, region, { mapping, spec: { value: value2, per: 1 }, duplicates: joined.decisions.duplicates }) : null;
  if (second) {
    for (const invalid of second.invalid) warn(describeInvalid(invalid));
    const seen = new Set(valued.missing.map((m) => m.index));
    valued.missing.push(...second.missing.filter((m) => !seen.has(m.index)));
    valued.values = valued.values.map((v, i) => (Number.isFinite(second.values[i]) ? v : Number.NaN));
  }
  if (valued.missing.length > 0) warn(describeMissing(valued.missing, region));
  const { ids, names, areas } = region;
  const keep = Array.from(valued.values, (v) => Number.isFinite(v));
  const kept = keep.flatMap((k, i) => (k ? [i] : []));
  if (kept.length === 0) throw new UsageError(`no kelurahan has a value of ${valueSpec.value}: nothing to analyse`);
  const x = Float64Array.from(kept, (i) => valued.values[i]);

  let weights: Weights | null = null;
  let weightsInfo: Record<string, unknown> = {};
  if (a.method !== 'classify') {
    // A provinsi or all of Indonesia takes a while (the national queen weights: about a minute).
    if (!a.weightsFile && ids.length >= LARGE_REGION) warn(`building ${describeSpec(spec!)} weights of ${ids.length} kelurahan ...`);
    const full = a.weightsFile ? (await weightsFromGalFile(a.weightsFile, areas, region.boundaryKey)).weights : weightsFromAreas(areas, spec!);
    weights = subsetWeights(full, keep).weights;
    const keptIds = kept.map((i) => ids[i]);
    let linked: string[] = [];
    if (a.islands === 'knn') {
      const all = centroidsOf(areas);
      const result = linkIslands(weights, Float64Array.from(kept.flatMap((i) => [all[2 * i], all[2 * i + 1]])));
      weights = result.weights;
      linked = result.linked.map((k) => keptIds[k]);
      if (linked.length > 0) warn(`${linked.length} island(s) linked to their nearest kelurahan (--islands knn): ${linked.join(', ')}`);
    }
    const summary = summariseWeights(weights);
    if (summary.islands.length > 0) warn(`weights among the kelurahan analysed: ${describeNeighbours(summary, keptIds)}`);
    weightsInfo = {
      weights: a.weightsFile ? { file: basename(a.weightsFile) } : { type: spec!.type, ...(spec!.type === 'knn' ? { k: spec!.k } : { snap_metres: spec!.snapMetres }) },
      islands_policy: a.islands,
      islands: summary.islands.map((k) => keptIds[k]),
      islands_linked: linked,
    };
  }

  // In kelurahan-code order, as the app's worker runs it: each kelurahan's permutation stream
  // then follows its code, not its place in the boundary file.
  const kodes = areas.features.map((f, i) => String(f.properties?.kode ?? ids[i]));
  const y = second ? Float64Array.from(kept, (i) => second.values[i]) : null;
  // Only a local method's permutations run on threads (this thread for a short run unless --threads).
  const local = findMethod(a.method);
  const permutes = local?.kind === 'local' && local.permutes !== false && a.settings.permutations > 0;
  const threads = permutes ? (a.threads ?? defaultThreads(weights!, a.settings.permutations)) : 0;
  const result = await runMethod(
    a.method,
    x,
    weights,
    a.settings,
    kept.map((i) => kodes[i]),
    y,
    yearly && { years: yearly.years, values: yearly.values.map((v) => Float64Array.from(kept, (i) => v[i])) },
    { threads, onProgress: threads > 0 ? permutationProgress(a.method, threads, warn) : undefined },
  );
  for (const warning of result.warnings) warn(warning);

  const rows: OutputRow[] = areas.features.map((_, i) => ({ kode: ids[i], nama: names[i], value: null, ...result.empty }));
  kept.forEach((i, k) => Object.assign(rows[i], { value: x[k] }, result.rows[k]));
  const extra = {
    tool: 'peta-kantong analyze',
    method: a.method,
    boundaries: basename(a.boundaries),
    data: basename(a.data),
    value: valueSpec.value,
    ...(value2 ? { value2 } : {}),
    denominator: valueSpec.denominator ?? null,
    per: a.value.denominator ? a.value.per : null,
    join_on: joined.join.keys,
    boundary_key: region.boundaryKey,
    year: yearly ? null : joined.year,
    ...(yearly ? { years: yearly.years } : {}),
    analysed: kept.length,
    left_out: valued.missing.map((m) => ({ kode: ids[m.index], reason: m.reason })),
    ...weightsInfo,
    ...result.extra,
  };
  const csvMoran = a.method === 'moran' && a.out.toLowerCase().endsWith('.csv');
  await writeRows(a.out, csvMoran ? [result.summaryRow!] : rows, areas, extra);

  const when = yearly ? ` (tahun ${yearly.years[0]}-${yearly.years[yearly.years.length - 1]})` : joined.year === null ? '' : ` (tahun ${joined.year})`;
  const on = `${kept.length} of ${ids.length} kelurahan${when}`;
  const how = a.method === 'classify' ? '' : `, ${a.weightsFile ? basename(a.weightsFile) : describeSpec(spec!)}`;
  const what = (valueSpec.denominator ? `${valueSpec.value} / ${valueSpec.denominator} * ${a.value.per}` : valueSpec.value) + (value2 ? ` with ${value2}` : '');
  streams.stdout.write(`${a.out}: ${a.method} of ${what} on ${on}${how}; ${result.summary}\n`);
  return 0;
}

/**
 * Progress of a threaded run on stderr, one line per tenth (a national LISA takes tens of seconds;
 * one line per step, not a redrawn line, so a log file stays readable).
 */
function permutationProgress(method: Method, threads: number, warn: (message: string) => void): (fraction: number) => void {
  const started = performance.now();
  let shown = 0;
  return (fraction) => {
    const tenth = Math.floor(fraction * 10 + 1e-9);
    if (tenth <= shown) return;
    shown = tenth;
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    warn(`${method}: permutations ${tenth * 10}% done on ${threads} thread${threads === 1 ? '' : 's'} (${seconds} s)`);
  };
}

/**
 * The values of a yearly method: the last year's, where a kelurahan has a value in every year
 * (emerging hot spots need a complete space-time cube); a kelurahan missing a year is reported
 * with the first year it misses.
 */
function everyYear(perYear: RegionValues[], years: number[]): RegionValues {
  const last = perYear[perYear.length - 1];
  const values = Float64Array.from(last.values);
  const missing: RegionValues['missing'] = [];
  for (let index = 0; index < values.length; index++) {
    const t = perYear.findIndex((v) => !Number.isFinite(v.values[index]));
    if (t < 0) continue;
    values[index] = Number.NaN;
    const reason = perYear[t].missing.find((m) => m.index === index)?.reason ?? 'no value';
    missing.push({ index, reason: `${years[t]}: ${reason}` });
  }
  // Invalid cells are counted over the whole table (every year) by each read: report them once.
  return { values, missing, invalid: last.invalid };
}
