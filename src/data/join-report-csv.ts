/**
 * The join report as a CSV file the user can open in Excel, keep, and send to whoever made the
 * table: one line per distinct key, then one per kelurahan without a row. Written for
 * Indonesian Excel: `;` between cells (the comma is its decimal mark), a UTF-8 byte-order mark
 * (else Excel reads the file as Windows-1252), CRLF line ends.
 */
import type { Lang } from './catalog';
import { translate, type MessageKey } from '../i18n';
import type { JoinDecisions, JoinKey, JoinReport, JoinTarget, KecamatanFallback, UnmatchedKey } from './join';
import { csvExportCell } from './export-cells';
import { formatKemendagri, kabKotaOf, normalizeKode } from './kode-wilayah';

const BOM = '\ufeff';
const DELIMITER = ';';

/**
 * One cell, safe to open: the shared export rule (src/data/export-cells.ts) with this file's
 * `;` delimiter. Formula-like text gets a leading apostrophe, plain negative numbers do not.
 */
export function csvCell(value: string | number | null): string {
  return csvExportCell(value, DELIMITER);
}

function line(cells: (string | number | null)[]): string {
  return cells.map(csvCell).join(DELIMITER);
}

/**
 * Why a key stayed unmatched, in words with its placeholders filled (the code, name and
 * kecamatan as written, the other kab/kota, the candidate kelurahan, the kecamatan where the
 * name does exist and the nearest spelling in the written one): for the CSV and for the report
 * dialog.
 */
export function unmatchedReasonText(lang: Lang, key: JoinKey, miss: UnmatchedKey, targets: JoinTarget[]): string {
  const byKode = new Map(targets.map((target) => [target.kode, target]));
  const label = (kode: string) => `${byKode.get(kode)?.nama ?? ''} (${kode})`;
  const digits = normalizeKode(key.kode);
  const kecamatan = (key.kecamatan ?? '').trim();
  const text = translate(lang, `join.reason.${miss.reason}`, {
    kode: key.kode === null ? '' : String(key.kode).trim(),
    kabKota: digits ? formatKemendagri(digits).slice(0, 5) : kabKotaOf(String(key.kode ?? '')),
    nama: key.nama ?? '',
    kecamatan,
    candidates: miss.candidates.map(label).join(', '),
    elsewhere: miss.candidates.map((kode) => `${translate(lang, 'join.kecamatanOf', { kecamatan: byKode.get(kode)?.kecamatan ?? '' })}: ${label(kode)}`).join('; '),
  });
  if (!miss.near) return text;
  const near = translate(lang, 'join.reason.nearInKecamatan', { kecamatan, near: miss.near.candidates.map(label).join(', '), distance: miss.near.distance });
  return `${text} ${near}`;
}

/** Why a key was matched across the whole region although it names a kecamatan. */
export function kecamatanFallbackText(lang: Lang, key: JoinKey, fallback: KecamatanFallback): string {
  const kecamatan = (key.kecamatan ?? '').trim();
  return fallback.why === 'ambiguous'
    ? translate(lang, 'join.reason.kecamatanAmbiguous', { kecamatan, candidates: fallback.kecamatan.join(', ') })
    : translate(lang, 'join.reason.kecamatanUnrecognised', { kecamatan });
}

/**
 * The report as CSV text (with its BOM) in `lang`: header, one line per key in key order
 * (file row, code, name, kecamatan and year as written; result; the kelurahan matched or
 * suggested; spelling distance; a note saying what to do), then the kelurahan with no row.
 * A key in a duplicate group has the result "duplicate" whatever matched it. A key in `manual`
 * (the user's hand decisions) is written "chosen by hand" with its kelurahan, or unmatched when
 * left out, so the file can be applied again (join-report-read.ts, the CLI's --mapping).
 */
export function joinReportCsv(report: JoinReport, keys: JoinKey[], targets: JoinTarget[], lang: Lang, manual: JoinDecisions['manual'] = {}): string {
  const t = (key: MessageKey, params: Record<string, string | number> = {}) => translate(lang, key, params);
  const nameOf = new Map(targets.map((target) => [target.kode, target.nama]));
  const label = (kode: string) => `${nameOf.get(kode) ?? ''} (${kode})`;
  const matchOf = new Map(report.matched.map((m) => [m.key, m]));
  const unmatchedOf = new Map(report.unmatched.map((u) => [u.key, u]));
  const duplicateOf = new Map(report.duplicates.flatMap((group) => group.keys.map((key) => [key, group] as const)));
  const fallbackOf = new Map((report.kecamatanFallback ?? []).map((f) => [f.key, f]));
  const withFallback = (i: number, reason: string) => {
    const fallback = fallbackOf.get(i);
    return fallback ? [reason, kecamatanFallbackText(lang, keys[i], fallback)].filter((s) => s !== '').join(' ') : reason;
  };

  const lines = [
    line([
      t('join.csv.row'),
      t('join.csv.kode'),
      t('join.csv.nama'),
      t('join.csv.kecamatan'),
      t('join.csv.tahun'),
      t('join.csv.result'),
      t('join.csv.matchedKode'),
      t('join.csv.matchedNama'),
      t('join.csv.distance'),
      t('join.csv.reason'),
    ]),
  ];

  keys.forEach((key, i) => {
    const written = [key.firstRow, key.kode === null ? '' : String(key.kode), key.nama ?? '', key.kecamatan ?? '', key.tahun];
    // A hand decision is written as made, so the file can be applied again (join-report-read.ts).
    if (i in manual) {
      const chosen = manual[i];
      lines.push(line([...written, t(chosen === null ? 'join.status.unmatched' : 'join.status.manual'), chosen ?? '', chosen === null ? '' : (nameOf.get(chosen) ?? ''), null, '']));
      return;
    }
    const match = matchOf.get(i);
    const group = duplicateOf.get(i);
    if (match) {
      let result = t(`join.status.${match.how}`);
      let reason = '';
      if (group) {
        result = t('join.status.duplicate');
        reason =
          group.tahun === null
            ? t('join.reason.duplicate', { rows: group.rows })
            : t('join.reason.duplicateYear', { rows: group.rows, tahun: group.tahun });
      } else if (match.how === 'fuzzy') {
        reason = t('join.reason.fuzzy', { nama: key.nama ?? '', kelurahan: label(match.kode), distance: match.distance });
      }
      lines.push(line([...written, result, match.kode, nameOf.get(match.kode) ?? '', match.distance, withFallback(i, reason)]));
      return;
    }
    const miss = unmatchedOf.get(i);
    const reason = miss ? unmatchedReasonText(lang, key, miss, targets) : '';
    lines.push(line([...written, t('join.status.unmatched'), '', '', null, withFallback(i, reason)]));
  });

  for (const kode of report.missing) {
    lines.push(line([null, '', '', '', null, t('join.status.missing'), kode, nameOf.get(kode) ?? '', null, t('join.reason.missing')]));
  }
  return BOM + lines.join('\r\n') + '\r\n';
}
