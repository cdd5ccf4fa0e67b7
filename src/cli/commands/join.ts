/**
 * `peta-kantong join`: the join report of a data table against the boundaries, written in the
 * app's download format (src/data/join-report-csv.ts), so a table can be checked, and the report
 * reviewed in a spreadsheet and handed back with `analyze --mapping`, without opening the app.
 */
import { basename } from 'node:path';
import type { Lang } from '../../data/catalog';
import { joinReportCsv } from '../../data/join-report-csv';
import { choice, parseOptions, required, type OptionSpec } from '../args';
import { writeText, type Streams } from '../io';
import { joinFlags, prepareJoin } from '../join-data';

export const JOIN_OPTIONS: OptionSpec = Object.fromEntries(
  ['boundaries', 'data', 'join-on', 'boundary-key', 'kecamatan', 'sheet', 'lang', 'out'].map((name) => [name, { type: 'string' }]),
);

/** Runs the join command; returns the exit code. */
export async function joinCommand(args: readonly string[], streams: Streams): Promise<number> {
  const raw = parseOptions(args, JOIN_OPTIONS);
  const boundaries = required(raw, 'boundaries', 'FILE (GeoJSON, FlatGeobuf or zipped Shapefile)');
  const data = required(raw, 'data', 'FILE (CSV, TSV, Excel, Parquet, GeoJSON, FlatGeobuf or zipped Shapefile)');
  const out = required(raw, 'out', 'FILE.csv');
  // The app's language by default: the report as the dialog downloads it.
  const lang = choice<Lang>(raw, 'lang', ['id', 'en'], 'id');
  const warn = (message: string) => streams.stderr.write(`peta-kantong: ${message}\n`);
  const { region, join } = await prepareJoin(boundaries, data, joinFlags(raw), warn, { oneYear: false });
  await writeText(out, joinReportCsv(join.report, join.joinKeys, region.targets, lang));
  const c = join.report.counts;
  streams.stdout.write(
    `${out}: ${c.rows} row(s) of ${basename(data)} in ${join.joinKeys.length} key(s): ${c.code} matched by code, ${c.name} by name, ` +
      `${c.fuzzy} similar name(s) to check, ${c.unmatched} unmatched; ${c.duplicates} duplicate group(s); ` +
      `${c.missing} of ${region.ids.length} kelurahan without a row\n`,
  );
  return 0;
}
