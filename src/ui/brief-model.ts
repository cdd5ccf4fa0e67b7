/**
 * The rakor brief's content (issue 18, item 3) as a document model, from plain numbers the app
 * computed: every sentence is a message template (src/i18n/modules/pockets.ts) filled with those
 * numbers and names the appendix table that holds them, so nothing in the brief is written that a
 * table does not show. Pure (no state, no database): tested on its own; src/export/brief-pdf.ts
 * lays the model out.
 */
import type { BriefDocument, BriefMap, BriefSection, BriefTable } from '../export/brief-pdf';
import { SENSITIVITY_ALPHAS, type PocketYear, type SensitivityRow } from '../analysis/pockets';
import type { Correction } from '../analysis/significance';
import type { Lang } from '../data/catalog';
import { formatNumber, translate, type MessageKey } from '../i18n';
import type { BriefAttention, BriefFigure } from '../state/brief-data';

export type { BriefAttention, BriefFigure };

export interface BriefPockets {
  indicator: string;
  years: PocketYear[];
  /** Kelurahan names in the observations' order the pockets index. */
  names: string[];
  alpha: number;
  correction: Correction;
  permutations: number;
  sensitivity: SensitivityRow[];
  /** The most common emerging hot spot pattern among a pocket's kelurahan, in words (null: none). */
  patternOf?: (members: number[]) => string | null;
}

export interface BriefTargeting {
  year: number;
  rows: { nama: string; kecamatan: string; units: number }[];
}

export interface BriefInputs {
  lang: Lang;
  region: string;
  year: number;
  previousYear: number | null;
  created: Date;
  synthetic: boolean;
  figures: BriefFigure[];
  pockets: BriefPockets | null;
  attention: BriefAttention | null;
  targeting: BriefTargeting | null;
  maps: BriefMap[];
  sources: string[];
}

/** Most kelurahan named in the priority sentence. */
export const ATTENTION_LIMIT = 8;

/** The kelurahan the priority rule picks: need above the city's, coverage below, highest need first. */
export function attentionList(a: BriefAttention): BriefAttention['rows'] {
  const withNeed = a.rows.filter((r) => r.need !== null);
  if (a.program === null || a.cityCoverage === null) return [...withNeed].sort((p, q) => q.need! - p.need! || p.nama.localeCompare(q.nama, 'id')).slice(0, ATTENTION_LIMIT);
  return withNeed
    .filter((r) => a.cityNeed !== null && r.need! > a.cityNeed && r.coverage !== null && r.coverage < a.cityCoverage!)
    .sort((p, q) => q.need! - p.need! || p.nama.localeCompare(q.nama, 'id'))
    .slice(0, ATTENTION_LIMIT);
}

/** "3 kantong (2021) → 2 kantong (2025)" from pockets per year (first and last year); "1 pocket", not "1 pockets". */
export function pocketSeries(years: readonly PocketYear[], lang: Lang): string {
  const first = years[0];
  const last = years[years.length - 1];
  const count = (n: number) => (n === 1 ? translate(lang, 'pockets.countOne') : translate(lang, 'pockets.count', { n }));
  return translate(lang, 'pockets.series', { first: count(first.pockets.length), firstYear: first.year, last: count(last.pockets.length), lastYear: last.year });
}

export function buildBrief(input: BriefInputs): BriefDocument {
  const { lang } = input;
  const t = (key: MessageKey, params: Record<string, string | number> = {}) => translate(lang, key, params);
  const num = (v: number | null | undefined, digits = 0) => formatNumber(v, lang, digits);
  const list = (names: string[]) => names.join(', ');
  const sections: BriefSection[] = [];
  const tables: BriefTable[] = [];
  const table = (spec: Omit<BriefTable, 'id'>): string => {
    const id = `T${tables.length + 1}`;
    tables.push({ id, ...spec });
    return id;
  };
  const prev = input.previousYear;
  const change = (now: number | null, before: number | null, digits: number) =>
    now === null || before === null ? '–' : now === before ? t('brief.same') : t(now > before ? 'brief.up' : 'brief.down', { delta: num(Math.abs(now - before), digits) });

  // 1. City figures, from summed counts.
  if (input.figures.length > 0) {
    const rows = input.figures.flatMap((f) => {
      const count = [t('brief.rowCount', { label: f.label, unit: f.unit }), ...(prev !== null ? [num(f.before?.count ?? null)] : []), num(f.now.count)];
      const rate = f.rateUnit ? [t('brief.rowRate', { label: f.label, unit: f.rateUnit }), ...(prev !== null ? [num(f.before?.rate ?? null, 2)] : []), num(f.now.rate, 2)] : null;
      if (prev !== null) {
        count.push(change(f.now.count, f.before?.count ?? null, 0));
        rate?.push(change(f.now.rate, f.before?.rate ?? null, 2));
      }
      return rate ? [count, rate] : [count];
    });
    const id = table({
      title: t('brief.t.figures'),
      columns: [t('brief.col.indicator'), ...(prev !== null ? [String(prev)] : []), String(input.year), ...(prev !== null ? [t('brief.col.change')] : [])],
      rows,
    });
    sections.push({
      heading: prev !== null ? t('brief.section.figures', { year: input.year, previous: prev }) : t('brief.section.figuresOneYear', { year: input.year }),
      sentences: input.figures.map((f) => {
        // "7,44%" without a space, as the legend and table footer write a percentage.
        const rate = (v: number | null | undefined) => (f.rateUnit ? `${num(v, 2)}${f.rateUnit === '%' ? '' : ' '}${f.rateUnit}` : '');
        const now = `${num(f.now.count)} ${f.unit}`;
        if (prev === null || !f.before) return { text: t('brief.figureOneYear', { label: f.label, now, rate: rate(f.now.rate), year: input.year }), table: id };
        const before = `${num(f.before.count)} ${f.unit}`;
        const params = { label: f.label, now, before, year: input.year, previous: prev, change: change(f.now.count, f.before.count, 0) };
        return f.rateUnit
          ? { text: t('brief.figureRate', { ...params, rate: rate(f.now.rate), rateBefore: rate(f.before.rate) }), table: id }
          : { text: t('brief.figure', params), table: id };
      }),
    });
  }

  // 2. Pockets and how they changed.
  const p = input.pockets;
  if (p && p.years.length > 0) {
    const correction = t(`pockets.correction.${p.correction}`);
    // Names in alphabetical order: a reader looks a kelurahan up, the file's order means nothing.
    const members = (ids: number[]) => ids.map((i) => p.names[i]).sort((a, b) => a.localeCompare(b, 'id'));
    const countId = table({
      title: t('brief.t.pocketCount'),
      columns: [t('pockets.year'), t('pockets.pockets'), t('pockets.kelurahanCount'), t('brief.col.cutoff')],
      rows: p.years.map((y) => [String(y.year), num(y.pockets.length), num(y.pockets.reduce((s, q) => s + q.members.length, 0)), num(y.cutoff, 4)]),
      note: t('brief.pocketsDefinition', { alpha: num(p.alpha, 3), correction, permutations: num(p.permutations) }),
    });
    const last = p.years[p.years.length - 1];
    const statusOf = (q: PocketYear['pockets'][number]) =>
      [t(`pockets.status.${q.status}`), ...(q.merged.length ? [t('pockets.mergedWith', { ids: q.merged.join(', ') })] : [])].join('; ');
    const membersId = table({
      title: t('brief.t.pocketMembers'),
      columns: [t('pockets.year'), t('pockets.pockets'), t('pockets.status'), t('pockets.members'), ...(p.patternOf ? [t('brief.col.pattern')] : [])],
      rows: p.years.flatMap((y) => [
        ...[...y.pockets]
          .sort((a, b) => a.id.length - b.id.length || a.id.localeCompare(b.id))
          .map((q) => [String(y.year), q.id, statusOf(q), list(members(q.members)), ...(p.patternOf ? [y === last ? (p.patternOf(q.members) ?? '–') : ''] : [])]),
        ...(y.disappeared.length ? [[String(y.year), '', t('pockets.gone', { ids: y.disappeared.join(', ') }), '', ...(p.patternOf ? [''] : [])]] : []),
      ]),
    });
    const firstSeen = (id: string) => p.years.find((y) => y.pockets.some((q) => q.id === id))!.year;
    const sentences = [
      { text: t('brief.pocketsSeries', { indicator: p.indicator, series: pocketSeries(p.years, lang) }), table: countId },
      ...[...last.pockets]
        .sort((a, b) => a.id.length - b.id.length || a.id.localeCompare(b.id))
        .map((q) => {
          const since = firstSeen(q.id);
          const pattern = p.patternOf?.(q.members);
          return {
            text: t('brief.pocketNow', {
              id: q.id,
              n: q.members.length,
              names: list(members(q.members)),
              since: since === last.year && p.years.length > 1 ? t('brief.newIn', { year: since }) : t('brief.since', { year: since }),
              pattern: pattern ? t('brief.pattern', { pattern }) : '',
            }),
            table: membersId,
          };
        }),
    ];
    // Pockets gone by the last year: named with their last members.
    const alive = new Set(last.pockets.map((q) => q.id));
    const lastSeen = new Map<string, { year: number; members: number[]; next: number }>();
    p.years.forEach((y, k) => {
      for (const q of y.pockets) lastSeen.set(q.id, { year: y.year, members: q.members, next: p.years[k + 1]?.year ?? y.year });
    });
    const merged = new Set(p.years.flatMap((y) => y.pockets.flatMap((q) => q.merged)));
    for (const [id, seen] of lastSeen) {
      if (alive.has(id) || merged.has(id)) continue;
      sentences.push({ text: t('brief.pocketGone', { id, names: list(members(seen.members)), year: seen.year, next: seen.next }), table: membersId });
    }
    const sensitivityId = table({
      title: t('brief.t.sensitivity'),
      columns: [t('pockets.setting'), ...p.years.map((y) => String(y.year))],
      rows: p.sensitivity.map((r) => [t('pockets.settingRow', { alpha: num(r.alpha, 2), fdr: r.correction === 'fdr' ? t('pockets.fdr') : '' }), ...r.counts.map((c) => num(c))]),
      note: t('pockets.sensitivityNote'),
    });
    const lastCounts = p.sensitivity.map((r) => r.counts[r.counts.length - 1]);
    if (lastCounts.length > 0) {
      sentences.push({
        text: t('brief.sensitivity', { alphas: SENSITIVITY_ALPHAS.map((x) => num(x, 2)).join(' / '), year: last.year, min: Math.min(...lastCounts), max: Math.max(...lastCounts) }),
        table: sensitivityId,
      });
    }
    sections.push({ heading: t('brief.section.pockets'), sentences });
  }

  // 3. Kelurahan that need attention first.
  const a = input.attention;
  if (a && a.rows.length > 0) {
    const picked = attentionList(a);
    const id = table({
      title: t('brief.t.attention'),
      columns: [t('brief.col.kelurahan'), t('brief.col.kecamatan'), a.need, ...(a.program ? [a.program] : [])],
      rows: picked.map((r) => [r.nama, r.kecamatan, num(r.need, 2), ...(a.program ? [num(r.coverage, 1)] : [])]),
      note: t('brief.attentionNote'),
    });
    const names = list(picked.map((r) => r.nama));
    const text =
      a.program === null || a.cityCoverage === null
        ? t('brief.attentionNeedOnly', { need: a.need, names })
        : picked.length === 0
          ? t('brief.attentionNone', { need: a.need, program: a.program })
          : t('brief.attention', { need: a.need, cityNeed: num(a.cityNeed, 2), program: a.program, cityCoverage: num(a.cityCoverage, 1), names });
    sections.push({ heading: t('brief.section.attention'), sentences: [{ text, table: id }] });
  }

  // 4. The RTLH target list, when one is set.
  const r = input.targeting;
  if (r && r.rows.length > 0) {
    const total = r.rows.reduce((s, x) => s + x.units, 0);
    const id = table({
      title: t('brief.t.rtlh', { year: r.year }),
      columns: [t('brief.col.kelurahan'), t('brief.col.kecamatan'), t('brief.col.units')],
      rows: [...r.rows.map((x) => [x.nama, x.kecamatan, num(x.units)]), [t('brief.rtlhTotal', { n: r.rows.length }), '', num(total)]],
    });
    const top = [...r.rows].sort((p1, p2) => p2.units - p1.units || p1.nama.localeCompare(p2.nama, 'id')).slice(0, 3);
    sections.push({
      heading: t('brief.section.rtlh'),
      sentences: [{ text: t('brief.rtlh', { year: r.year, units: num(total), n: r.rows.length, names: list(top.map((x) => x.nama)) }), table: id }],
    });
  }

  const created = input.created.toLocaleDateString(lang === 'id' ? 'id-ID' : 'en-GB', { day: 'numeric', month: 'long', year: 'numeric' });
  return {
    title: t('brief.title'),
    subtitle:
      prev !== null ? t('brief.subtitle', { region: input.region, year: input.year, previous: prev }) : t('brief.subtitleOneYear', { region: input.region, year: input.year }),
    date: t('export.created', { date: created }),
    synthetic: input.synthetic ? t('brief.synthetic') : null,
    sections,
    mapsTitle: t('brief.mapsTitle'),
    maps: input.maps,
    appendixTitle: t('brief.appendix'),
    tables,
    sourcesTitle: t('brief.sources'),
    sources: [...input.sources, t('brief.sourceMethod')],
    cite: (id) => t('brief.cite', { table: id }),
    page: (n, total) => t('export.page', { n, total }),
  };
}
