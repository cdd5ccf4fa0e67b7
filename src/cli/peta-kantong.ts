/**
 * `peta-kantong`: the app's analysis from the command line, for batch work and for checking a map
 * against GeoDa or R. Spatial weights (`weights`), spatial statistics or classes (`analyze`) and
 * join reports (`join`) with the same importers, join (src/data) and src/analysis code the app runs.
 *
 * Exit codes: 0 done; 1 an unexpected failure (a bug: please report it); 2 a problem the user can
 * fix (bad arguments, missing or unreadable files, data that cannot be analysed).
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { BoundaryLoadError } from '../data/boundaries';
import { AnalysisError } from '../analysis/errors';
import { GalError } from '../analysis/gal';
import { formatLabelsWithExtensions } from '../data/importers/formats';
import { ImportError } from '../data/importers/types';
import { analyzeCommand } from './commands/analyze';
import { METHODS } from './methods';
import { joinCommand } from './commands/join';
import { reconcileCommand } from './commands/reconcile';
import { weightsCommand } from './commands/weights';
import { householdsCommand } from './commands/households';
import { importMessage, UsageError, type Streams } from './io';

/** Exit codes of {@link main}. */
export const EXIT = { ok: 0, failure: 1, usage: 2 } as const;

export const USAGE = `peta-kantong: spatial weights, clusters and classes of kelurahan (same code as the app)

Usage:
  peta-kantong weights --boundaries FILE --type queen|rook|knn [--k K] [--snap METRES]
                       [--id COLUMN] [--islands keep|knn] --out FILE.gal
  peta-kantong analyze --boundaries FILE --data FILE --value COLUMN
                       [--denominator COLUMN [--per N]] [--year YEAR] [--sheet SHEET]
                       [--join-on COLUMN] [--boundary-key PROPERTY] [--kecamatan COLUMN]
                       [--fuzzy accept|reject] [--duplicates sum|mean|reject] [--mapping REPORT.csv]
                       --method ${METHODS.join('|')} [--value2 COLUMN (two-variable methods)]
                       [--weights FILE.gal | --type queen|rook|knn [--k K] [--snap METRES]]
                       [--islands keep|knn] [--permutations N] [--seed S] [--threads N]
                       [--alpha A] [--correction none|bonferroni|fdr] [--basis z|permutation]
                       [--scheme quantile|equal|fisher|sd|box|manual] [--classes K] [--breaks B1,B2,...]
                       --out FILE.csv|FILE.json|FILE.geojson
  peta-kantong join    --boundaries FILE --data FILE [--sheet SHEET] [--join-on COLUMN]
                       [--boundary-key PROPERTY] [--kecamatan COLUMN] [--lang id|en] --out REPORT.csv
  peta-kantong reconcile --a FILE --b FILE [--a-id COLUMN --b-id COLUMN] [--match id|nik]
                       [--min-count N] [--worklist FILE.csv|FILE.xlsx] [--lang id|en] --out FILE.csv
  peta-kantong households --data FILE|GLOB [--data FILE ...] [--kode COLUMN] [--desil COLUMN]
                       [--id COLUMN] [--deprivations COLUMN[:WEIGHT],...] [--k K] [--min-count N]
                       [--delimiter D] [--encoding utf-8|windows-1252] [--threads N]
                       [--memory-limit SIZE] --out FILE.csv
  peta-kantong --help

Files:
  --boundaries   kelurahan polygons, reprojected to lon/lat as the app does:
                 ${formatLabelsWithExtensions('geo')}
  --data         a table read as the app reads it (CSV and TSV in any delimiter, UTF-8 or
                 Windows-1252, Indonesian numbers such as 1.234,5 and 0,71; any Excel sheet):
                 ${formatLabelsWithExtensions('table')},
                 or the feature properties of a spatial file above
  --sheet        the Excel sheet to read (default: the one the app opens)
  --out          .gal for weights; .csv, .json or .geojson for analyze (JSON and GeoJSON also
                 keep the settings: seed, permutations, weights, cut-offs, kelurahan left out);
                 .csv for join (the app's join report download: ";" cells, BOM, CRLF)

Weights:
  --type         queen (default for analyze), rook or knn (k nearest centroids)
  --k            neighbours for knn (default 4)
  --snap         contiguity tolerance in metres for queen and rook (default 10)
  --id           weights: boundary property written as the .gal ids (default kode)
  --weights      analyze: a .gal file (GeoDa, spdep or peta-kantong) instead of --type; its ids
                 are values of the boundary key
  --islands      keep (default) or knn: link each kelurahan without neighbours to its nearest one

Join (the app's join: codes in any spelling, then names, the kecamatan telling equal names apart):
  --join-on      the data's key column: Kemendagri codes in any spelling, or kelurahan names.
                 Without it the key columns (code, name, kecamatan, year) are chosen as the app
                 chooses them, and the choice is printed on stderr
  --boundary-key the boundaries' key property (default kode; or the --join-on column when the
                 boundaries have a property of that name); the output's kode column
  --kecamatan    the data's kecamatan column
  --fuzzy        reject (default) or accept the similar-name suggestions; each is listed on stderr
                 with its spelling distance
  --duplicates   several rows for one kelurahan (and year): refused unless sum, mean or reject
  --mapping      a join report CSV (downloaded from the app or written by peta-kantong join):
                 a row whose kelurahan code was filled in, changed or emptied, or marked
                 "chosen by hand", is joined as it says
  --lang         join: language of the report (id, the app's default, or en)
  Rows that do not join are listed on stderr, one line per reason with example rows. A table
  of which no row joins, or with rows repeating a kelurahan and no --duplicates, is refused
  (exit 2) and nothing is written.

Data:
  --value        column to analyse; with --denominator the value is value / denominator * per
  --per          factor for a rate (default 1; 100 for a percentage, 1000 per mille)
  --year         keep the rows of this year, from the year column whatever its name's case
                 (required when the data holds several years)
  Kelurahan without a value (no row, empty cell, denominator 0) are reported on stderr and left
  out of the analysis together with their weights; their output row has an empty value.

Methods:
  moran          global Moran's I (row-standardised weights): I, expectation, variance, z,
                 p_normal (I > E[I]), p_normal_two_sided, p_permutation; .csv holds this one row,
                 .json/.geojson add each kelurahan's standardised value z and its lag
  lisa           local Moran's I: I, lag, z (standardised value), p (folded pseudo p), cluster
                 (High-High, Low-Low, Low-High, High-Low, Not significant, Isolated), neighbours
  gi, gistar     Getis-Ord Gi / Gi* (binary weights): G, z, p (folded pseudo p), p_normal,
                 cluster (Hot spot 99%/95%/90%, Cold spot 99%/95%/90%, Not significant, Isolated)
  classify       class (1 = lowest) and its lower and upper limit; all breaks in .json/.geojson

Inference:
  --permutations conditional permutations, 0 to 99999 (default 999)
  --seed         seed of the permutations (default 20250707, as the app); same seed, same p
  --threads      local methods: worker_threads sharing the permutations (default: one per core
                 when the run is long, else none); the p-values do not depend on it
  --alpha        lisa: significance cut-off (default 0.05)
  --correction   lisa, gi, gistar: none (default), bonferroni or fdr
  --basis        gi, gistar: hot spots from the analytic z (default, as ArcGIS and spdep) or from
                 the permutation p (two-sided: twice the folded pseudo p)
  --scheme       classify: quantile (default), equal, fisher, sd, box (hinge 1.5) or manual
  --classes      classify: 3 to 9 (default 5); --breaks: the cut points of --scheme manual

Reconcile (two household registers, e.g. DTSEN and P3KE, side by side per kelurahan):
  --a, --b       the registers: one row per household with an id, a kelurahan code and
                 optionally the head's NIK and a desil (names are never read)
  --a-id, --b-id the id columns (default: id_rt, id_keluarga, id_dtks, ... by name)
  --match        id: match households by id; nik: by the head's NIK with the kelurahan (default:
                 by id when the registers share any id, else by NIK). Ids and NIK are hashed
                 with a salt of this run inside DuckDB and never written
  --min-count    counts from 1 to N-1 written as "<N" (default 5; 0 writes every count)
  --worklist     the verification worklist: kelurahan, kind and the row numbers in the two
                 files ("baris 1.234 di P3KE_2024.xlsx"), no id, NIK or name; .csv in
                 Indonesian Excel's format (";" and BOM, or "," with --lang en) or .xlsx
  --out          columns kode, both, only_a, only_b, moved_in, moved_out, duplicates_a,
                 duplicates_b, desil_same, desil_differs_2plus (moves at both kelurahan of the
                 pair; duplicates: rows whose head NIK an earlier row of the same file has;
                 desil counts at register A's kelurahan)
  A register without a usable id, with an id on two rows, with codes outside the region (A's
  kab/kota), or a beneficiary list, is refused (exit 2) and nothing is written.

Households (household records too large for a browser, e.g. a province's DTSEN, aggregated per
kelurahan on this machine's native DuckDB with the app's SQL; the file is streamed, never loaded):
  --data         CSV (any delimiter, UTF-8 or Windows-1252, 1.234,5 numbers, ya/tidak) or
                 Parquet; several --data, or a glob such as 'dtsen_33*.csv' (quoted)
  --kode, --desil, --id, --deprivations
                 the columns; by default chosen as the app's import proposes them (kode wilayah
                 in any spelling; desil; id_rt; yes/no columns such as rtlh, air, sanitasi).
                 Personal-data columns (NIK, names, phone numbers, addresses) are never read
                 beyond a sample and refused as kode, desil or deprivation
  --k            Alkire-Foster cut-off in (0, 1] over the weights (default 1/3)
  --min-count    counts from 1 to N-1 households, and the shares and Alkire-Foster figures
                 drawn from them, left empty (default 5; 0 writes every count)
  --threads, --memory-limit  DuckDB's worker threads and memory (e.g. 8GB); progress on stderr
  --out          one row per kelurahan: kode, households, desil_1..10, shares, per deprivation
                 deprived_, unknown_, share_, af_ch_, then af_poor, af_h, af_a, af_m0,
                 af_contrib_; imports into the app as a kelurahan table. Written only when the
                 whole input was read: an empty, cut-off or misshapen file is refused (exit 2)

Exit codes: 0 done, 1 unexpected failure, 2 bad arguments, files or data (message on stderr).
`;

/**
 * Runs the tool with `argv` (without node and the script) and returns the exit code. Messages go
 * to `streams`; a user's mistake is one line on stderr, never a stack trace.
 */
export async function main(argv: readonly string[], streams: Streams = process): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
      (command === undefined ? streams.stderr : streams.stdout).write(USAGE);
      return command === undefined ? EXIT.usage : EXIT.ok;
    }
    if (rest.includes('--help') || rest.includes('-h')) {
      streams.stdout.write(USAGE);
      return EXIT.ok;
    }
    if (command === 'weights') return await weightsCommand(rest, streams);
    if (command === 'analyze' || command === 'analyse') return await analyzeCommand(rest, streams);
    if (command === 'join') return await joinCommand(rest, streams);
    if (command === 'reconcile') return await reconcileCommand(rest, streams);
    if (command === 'households') return await householdsCommand(rest, streams);
    throw new UsageError(`unknown command "${command}" (commands: weights, analyze, join, reconcile, households)`);
  } catch (error) {
    if (isUserError(error)) {
      const message = error instanceof ImportError ? importMessage(error) : (error as Error).message;
      streams.stderr.write(`peta-kantong: ${message}\n`);
      if (error instanceof UsageError && /^(--|unknown command|Unknown option|Option)/.test(error.message)) {
        streams.stderr.write(`Run "peta-kantong --help" for the options.\n`);
      }
      return EXIT.usage;
    }
    const debug = process.env.PETA_KANTONG_DEBUG === '1';
    streams.stderr.write(`peta-kantong: unexpected error: ${debug && error instanceof Error ? error.stack : String((error as Error)?.message ?? error)}\n`);
    if (!debug) streams.stderr.write('Set PETA_KANTONG_DEBUG=1 for the stack trace, and please report it.\n');
    return EXIT.failure;
  }
}

/**
 * Errors the user caused: bad options and files, and the analysis refusing the data (all values
 * equal, too few kelurahan, k too large), which src/analysis raises as RangeError.
 */
function isUserError(error: unknown): boolean {
  return (
    error instanceof UsageError ||
    error instanceof GalError ||
    error instanceof AnalysisError ||
    error instanceof BoundaryLoadError ||
    error instanceof ImportError ||
    error instanceof RangeError
  );
}

// Run only when executed directly (bin/peta-kantong.mjs, or tsx src/cli/peta-kantong.ts), so
// tests can import main.
if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  process.exitCode = await main(process.argv.slice(2));
}
