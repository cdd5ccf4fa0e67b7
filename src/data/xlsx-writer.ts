/**
 * A minimal Excel workbook (.xlsx, SpreadsheetML in a ZIP) written in JavaScript, for exports
 * such as the RTLH target list. Numbers are written as numeric cells with a number format, so
 * Indonesian Excel shows them with its own separators (1.234,5) and can still sum them; text is
 * written as inline strings, neutralised against formula injection. No LibreOffice, no DOM.
 */
import { strToU8, zipSync } from 'fflate';
import { neutraliseCell } from './export-cells';
import { totalRow, type TotalColumns } from './export-table';

export type XlsxCell = string | number | null;

export interface XlsxSheet {
  /** Tab name; made valid (at most 31 characters, no []:*?/\, unique) when needed. */
  name: string;
  rows: XlsxCell[][];
  /** Column widths in Excel's character units, first column first. */
  columnWidths?: number[];
  /**
   * A bold row after `rows` that adds up columns: `label` in column `labelColumn`, and in each of
   * `sumColumns` a SUM formula over the rows below the header, with its value cached so readers
   * that do not calculate (and the app's own reader) still see the total.
   */
  total?: TotalColumns;
}

/**
 * Text starting like a formula gets a leading apostrophe (the one rule of export-cells.ts). Inline
 * strings are never evaluated inside an .xlsx, but the cell would become a formula once edited or
 * saved as CSV.
 */
export function neutraliseFormula(text: string): string {
  return neutraliseCell(text);
}

// Characters XML 1.0 cannot carry at all (C0 controls other than tab, LF, CR; lone surrogates; FFFE/FFFF).
// eslint-disable-next-line no-control-regex -- matching control characters is the point here.
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

function escapeXml(text: string): string {
  return text
    .replace(XML_INVALID, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/** Column letters of a 0-based index: 0 -> A, 25 -> Z, 26 -> AA. */
export function columnLetters(index: number): string {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    letters = String.fromCharCode(65 + r) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** Style indexes of styles.xml below; the bold ones are the total row's. */
const STYLE_INTEGER = 1; // #,##0
const STYLE_DECIMAL = 2; // #,##0.0## (up to three decimals, at least one)
const STYLE_BOLD_TEXT = 3;
const STYLE_BOLD_INTEGER = 4;
const STYLE_BOLD_DECIMAL = 5;

const STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
<numFmts count="1"><numFmt numFmtId="164" formatCode="#,##0.0##"/></numFmts>
<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font><font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>
<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>
<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>
<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>
<cellXfs count="6"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="3" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/><xf numFmtId="3" fontId="1" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyFont="1"/><xf numFmtId="164" fontId="1" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyFont="1"/></cellXfs>
<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>
</styleSheet>`;

function cellXml(value: XlsxCell, ref: string): string {
  if (value === null) return '';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return '';
    const style = Number.isInteger(value) ? STYLE_INTEGER : STYLE_DECIMAL;
    // String() gives the shortest round-trip form; Excel reads exponents (1e-7) in <v>.
    return `<c r="${ref}" s="${style}"><v>${String(value === 0 ? 0 : value)}</v></c>`;
  }
  if (value === '') return '';
  return `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${escapeXml(neutraliseFormula(value))}</t></is></c>`;
}

/** The total row's XML (row number `r`, 1-based): bold label, SUM formulas over rows 2..r-1 with cached sums. */
function totalRowXml(sheet: XlsxSheet, r: number): string {
  const total = sheet.total!;
  const cells: string[] = [];
  const last = Math.max(total.labelColumn, ...total.sumColumns);
  // The same sums as the CSV's total row, rounded to the data's own precision so float noise (0.1 + 0.2) never reaches the cell.
  const sums = totalRow(sheet.rows.slice(1), total);
  for (let c = 0; c <= last; c++) {
    const ref = `${columnLetters(c)}${r}`;
    if (c === total.labelColumn) {
      cells.push(`<c r="${ref}" s="${STYLE_BOLD_TEXT}" t="inlineStr"><is><t xml:space="preserve">${escapeXml(neutraliseFormula(total.label))}</t></is></c>`);
    } else if (total.sumColumns.includes(c)) {
      const cached = sums[c] as number;
      const style = Number.isInteger(cached) ? STYLE_BOLD_INTEGER : STYLE_BOLD_DECIMAL;
      // No data rows: a plain 0, since SUM(J2:J2) would be the total's own cell (a circular reference).
      const formula = r > 2 ? `<f>SUM(${columnLetters(c)}2:${columnLetters(c)}${r - 1})</f>` : '';
      cells.push(`<c r="${ref}" s="${style}">${formula}<v>${String(cached)}</v></c>`);
    }
  }
  return `<row r="${r}">${cells.join('')}</row>`;
}

function sheetXml(sheet: XlsxSheet): string {
  const widths = sheet.columnWidths?.filter((w) => Number.isFinite(w) && w > 0) ?? [];
  const cols = widths.length
    ? `<cols>${sheet.columnWidths!.map((w, i) => (Number.isFinite(w) && w > 0 ? `<col min="${i + 1}" max="${i + 1}" width="${Math.min(w, 255)}" customWidth="1"/>` : '')).join('')}</cols>`
    : '';
  const rows = sheet.rows
    .map((row, r) => {
      const cells = row.map((value, c) => cellXml(value, `${columnLetters(c)}${r + 1}`)).join('');
      return `<row r="${r + 1}">${cells}</row>`;
    })
    .join('') + (sheet.total ? totalRowXml(sheet, sheet.rows.length + 1) : '');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${cols}<sheetData>${rows}</sheetData></worksheet>`;
}

/** Sheet names Excel accepts: 1-31 characters, none of []:*?/\, not starting or ending with ', unique (case-insensitive). */
function sheetNames(names: string[]): string[] {
  const used = new Set<string>();
  return names.map((raw, i) => {
    let base = raw.replace(/[[\]:*?/\\]/g, ' ').replace(/^'+|'+$/g, '').trim().slice(0, 31).trim() || `Sheet${i + 1}`;
    let name = base;
    for (let n = 2; used.has(name.toLowerCase()); n++) {
      const suffix = ` (${n})`;
      base = base.slice(0, 31 - suffix.length).trimEnd();
      name = base + suffix;
    }
    used.add(name.toLowerCase());
    return name;
  });
}

/**
 * Writes a workbook with the given sheets (at least one; an empty list gets one empty sheet).
 * Numbers stay numbers (integers formatted #,##0, others #,##0.0##), negatives included; null,
 * NaN, infinities and empty strings leave the cell empty; text is an inline string, with a
 * leading apostrophe when it starts like a formula. A sheet's `total` adds a bold SUM row.
 */
export function writeXlsx(sheets: XlsxSheet[]): Uint8Array<ArrayBuffer> {
  const list = sheets.length ? sheets : [{ name: 'Sheet1', rows: [] }];
  const names = sheetNames(list.map((s) => s.name));
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>
${list.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('\n')}
</Types>`),
    '_rels/.rels': strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>
</Relationships>`),
    'xl/workbook.xml': strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
<sheets>${names.map((name, i) => `<sheet name="${escapeXml(name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')}</sheets>
</workbook>`),
    'xl/_rels/workbook.xml.rels': strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
${list.map((_, i) => `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('\n')}
<Relationship Id="rId${list.length + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
</Relationships>`),
    'xl/styles.xml': strToU8(STYLES),
  };
  list.forEach((sheet, i) => {
    files[`xl/worksheets/sheet${i + 1}.xml`] = strToU8(sheetXml(sheet));
  });
  // A fixed timestamp keeps the output byte-identical for the same input. zipSync allocates a
  // fresh ArrayBuffer; saying so lets callers pass the bytes to `new Blob([...])` as they are.
  return zipSync(files, { level: 6, mtime: new Date(Date.UTC(2025, 0, 1)) }) as Uint8Array<ArrayBuffer>;
}
