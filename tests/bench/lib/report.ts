/**
 * The bench's results: one row per measure (app against its baseline, both from the same run),
 * checks that are true or false rather than timed, and the machine. Written as JSON (everything,
 * including raw samples) and as the Markdown table printed and pasted into the README.
 */
import type { Machine } from './machine';
import { summarize, type Summary } from './stats';

export type Unit = 'ms' | 'bytes';
export type Status = 'met' | 'missed' | 'info' | 'not measured yet';

export interface Row {
  /** Issue 7's measure number and a letter, e.g. `1d`. */
  id: string;
  measure: string;
  unit: Unit;
  app?: Summary;
  baseline?: Summary;
  /** app median ÷ baseline median. */
  ratio?: number;
  goal?: string;
  status: Status;
  /** Raw samples, for the JSON only. */
  samples?: { app: number[]; baseline: number[] };
  note?: string;
}

/** A yes/no finding, e.g. "only one DuckDB WASM fetched". */
export interface Check {
  id: string;
  text: string;
  ok: boolean | null;
}

export interface Results {
  machine: Machine;
  settings: Record<string, string | number | boolean>;
  rows: Row[];
  checks: Check[];
  notes: string[];
}

/**
 * A row from samples. `goalRatio` is the largest app ÷ baseline ratio that meets the goal
 * (e.g. 1.5); without it the row is informative only.
 */
export function compare(fields: { id: string; measure: string; unit: Unit; goal?: string; note?: string }, app: number[], baseline: number[], goalRatio?: number): Row {
  const a = summarize(app);
  const b = summarize(baseline);
  const ratio = a.median / b.median;
  const status: Status = goalRatio === undefined ? 'info' : ratio <= goalRatio ? 'met' : 'missed';
  return { ...fields, app: a, baseline: b, ratio, status, samples: { app, baseline } };
}

/** A row for a measure that does not exist yet, saying what it needs. */
export function placeholder(id: string, measure: string, needs: string, goal?: string): Row {
  return { id, measure, unit: 'ms', goal, status: 'not measured yet', note: `not measured yet — needs ${needs}` };
}

const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

function value(v: number, unit: Unit): string {
  if (unit === 'bytes') return v >= 1e6 ? `${(v / 1e6).toFixed(2)} MB` : `${integer.format(v / 1e3)} kB`;
  return `${integer.format(v)} ms`;
}

function cell(s: Summary | undefined, unit: Unit): string {
  if (!s) return '—';
  if (s.min === s.max) return value(s.median, unit);
  return `${value(s.median, unit)} (${value(s.min, unit)}–${value(s.max, unit)})`;
}

function ratioCell(row: Row): string {
  if (row.ratio === undefined || !Number.isFinite(row.ratio)) return '—';
  if (row.unit === 'bytes' && row.ratio < 0.1) return `${(row.ratio * 100).toFixed(2)} %`;
  return row.ratio < 0.1 ? `${row.ratio.toPrecision(2)}×` : `${row.ratio.toFixed(2)}×`;
}

const STATUS_TEXT: Record<Status, string> = { met: '**met**', missed: '**missed**', info: '', 'not measured yet': 'not measured yet' };

/** The Markdown table, checks, notes and machine line. */
export function toMarkdown(results: Results): string {
  const m = results.machine;
  const lines = ['| # | measure | app: median (min–max) | baseline: median (min–max) | app ÷ baseline | goal | status |', '|---|---|---|---|---|---|---|'];
  for (const row of results.rows) {
    const measure = row.note ? `${row.measure}<br><sub>${row.note}</sub>` : row.measure;
    lines.push(`| ${row.id} | ${measure} | ${cell(row.app, row.unit)} | ${cell(row.baseline, row.unit)} | ${ratioCell(row)} | ${row.goal ?? ''} | ${STATUS_TEXT[row.status]} |`);
  }
  lines.push('', '**Checks**', '');
  for (const check of results.checks) lines.push(`- ${check.ok === null ? '◻' : check.ok ? '✅' : '❌'} ${check.id}: ${check.text}`);
  if (results.notes.length > 0) {
    lines.push('', '**Notes**', '');
    for (const note of results.notes) lines.push(`- ${note}`);
  }
  const settings = Object.entries(results.settings)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');
  lines.push(
    '',
    `Machine: ${m.cpu}, ${m.cores} cores, ${m.ramGiB} GiB RAM; ${m.chromium}; Node ${m.node}; ${m.date.slice(0, 16).replace('T', ' ')} UTC; ` +
      `load average ${m.loadAverage} at start; commit ${m.commit}${m.dirty ? ' (with uncommitted changes)' : ''}. Settings: ${settings}.`,
  );
  return lines.join('\n') + '\n';
}
