/**
 * The key-column choice in words: the evidence beside each choice and the warning when a chosen
 * (or hand-picked) column would leave many kelurahan empty or doubled, with the better column
 * to offer instead. Pure, so the import dialog and the CLI say the same thing.
 */
import type { Lang } from './catalog';
import { formatNumber, translate, type MessageKey } from '../i18n';
import type { ColumnEvidence, KeyColumnChoice, KeyColumns, KeyRole } from './join-columns';

export interface KeyMessage {
  key: MessageKey;
  params: Record<string, string | number>;
}

export interface KeyWarning extends KeyMessage {
  role: KeyRole;
  /** The column to offer instead, when there is one. */
  better: ColumnEvidence | null;
}

const unitOf = (role: KeyRole) => (role === 'kecamatan' ? 'kecamatan' : 'kelurahan');

/** "312 of 326 distinct values are kelurahan names of this region", then what they cover, as text. */
export function evidenceText(e: ColumnEvidence, role: KeyRole, lang: Lang): string {
  const n = (v: number) => formatNumber(v, lang);
  const parts = [translate(lang, `keyColumns.evidence.${e.what}`, { matched: n(e.matched), of: n(e.of) })];
  if (e.regionSize > 0 && e.what !== 'bps-codes' && e.what !== 'spoiled-codes' && e.matched > 0) {
    parts.push(translate(lang, 'keyColumns.covers', { covers: n(e.covers), size: n(e.regionSize), unit: unitOf(role) }));
  }
  if (e.kecamatanValues) parts.push(translate(lang, 'keyColumns.kecamatanValues'));
  if (e.headerOnly) parts.push(translate(lang, 'keyColumns.headerOnly'));
  return parts.join('; ');
}

/** A column's evidence for a role, or null when the table has no such column. */
export function evidenceOf(choice: KeyColumnChoice, role: KeyRole, column: number | null): ColumnEvidence | null {
  return column === null ? null : (choice.roles[role].candidates.find((e) => e.column === column) ?? null);
}

/**
 * What is wrong with taking `selected[role]` for `role`, if anything: a kecamatan column as the
 * kelurahan name, BPS codes where Kemendagri ones exist, or a column that covers less than half
 * of what another (unused) column covers, or less than half of the region's kelurahan. The
 * estimate comes from the evidence, before any join is run.
 */
export function keyColumnWarning(choice: KeyColumnChoice, role: KeyRole, selected: KeyColumns, lang: Lang = 'id'): KeyWarning | null {
  if (role === 'tahun') return null;
  const e = evidenceOf(choice, role, selected[role]);
  if (!e) return null;
  const used = new Set(Object.entries(selected).filter(([r, c]) => r !== role && c !== null).map(([, c]) => c as number));
  const better =
    choice.roles[role].candidates.find(
      (c) => c.column !== e.column && !used.has(c.column) && c.rejected === null && c.qualifies && !c.headerOnly && c.covers > e.covers,
    ) ?? null;
  const n = (v: number) => formatNumber(v, lang);
  const base = { column: e.header, covers: n(e.covers), size: n(e.regionSize), unit: unitOf(role), missing: n(Math.max(0, e.regionSize - e.covers)) };
  if (role === 'nama' && e.kecamatanValues) return { role, better, key: 'keyColumns.warn.kecamatanAsName', params: base };
  if (role === 'kode' && e.what !== 'kemendagri-codes') {
    const kemendagri = choice.roles.kode.candidates.find((c) => c.what === 'kemendagri-codes' && c.qualifies && !c.headerOnly && c.rejected === null && !used.has(c.column));
    if (kemendagri && kemendagri.column !== e.column) {
      return { role, better: kemendagri, key: 'keyColumns.warn.bpsCode', params: { ...base, better: kemendagri.header } };
    }
  }
  if (better && e.covers < 0.5 * better.covers) {
    return { role, better, key: 'keyColumns.warn.better', params: { ...base, better: better.header, betterCovers: n(better.covers) } };
  }
  if (role !== 'kecamatan' && e.what !== 'bps-codes' && e.covers < 0.5 * e.regionSize) {
    return { role, better: null, key: 'keyColumns.warn.missing', params: base };
  }
  return null;
}

/**
 * The choice as lines of text (for the CLI's stderr): per role the chosen column and its
 * evidence, up to two runners-up, and any warning.
 */
export function describeKeyChoice(choice: KeyColumnChoice, lang: Lang): string[] {
  const lines = [translate(lang, 'keyColumns.sampled', { rows: formatNumber(choice.rows, lang), kelurahan: formatNumber(choice.kelurahan, lang) })];
  for (const role of ['kode', 'nama', 'kecamatan', 'tahun'] as const) {
    const { chosen, candidates } = choice.roles[role];
    const label = translate(lang, `import.key.${role}`);
    lines.push(chosen ? `${label}: ${chosen.header} (${evidenceText(chosen, role, lang)})` : `${label}: ${translate(lang, 'keyColumns.none')}`);
    const usedElsewhere = new Set(Object.entries(choice.columns).filter(([r, c]) => r !== role && c !== null).map(([, c]) => c));
    const others = candidates.filter((c) => c !== chosen && !usedElsewhere.has(c.column) && c.rejected === null && c.qualifies && c.matched > 0).slice(0, 2);
    for (const c of others) lines.push(`  ${translate(lang, 'keyColumns.runnerUp')}: ${c.header} (${evidenceText(c, role, lang)})`);
    const warning = keyColumnWarning(choice, role, choice.columns, lang);
    if (warning) lines.push(`  ! ${translate(lang, warning.key, warning.params)}`);
  }
  return lines;
}
