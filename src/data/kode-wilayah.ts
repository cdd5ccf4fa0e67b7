/**
 * Kode wilayah of a desa/kelurahan as people type them into spreadsheets.
 *
 * Kemendagri writes PP.KK.CC.DDDD (province, kab/kota, kecamatan, desa; DDDD starts with 1
 * for a kelurahan and 2 for a desa). BPS writes PP KK CCC DDD, also 10 digits: the same
 * number of digits, a different code. Tables arrive with dots, spaces, dashes, a leading
 * apostrophe that Excel uses to keep text, or as a number that Excel may have turned into
 * 3.37203E+09. This module turns all of those into 10 plain digits, or says why it cannot.
 */

/** What a cell of a code column holds. */
export type KodeParse =
  | {
      kind: 'kode';
      /** The 10 digits, e.g. "3372031002". */
      digits: string;
      /**
       * How the groups of digits were written: 2-2-2-4 is Kemendagri's layout, 2-2-3-3 is
       * BPS's, `plain` when written without separators (or grouped some other way).
       */
      layout: 'kemendagri' | 'bps' | 'plain';
    }
  | { kind: 'empty' }
  /** A number in scientific notation (3.37203E+09): its last digits are lost. */
  | { kind: 'unreliable-number' }
  /** Anything else: letters, the wrong number of digits. */
  | { kind: 'invalid' };

// U+0091-0094 and U+0096-0097 are what Windows-1252 quotes and dashes become when decoded as
// Latin-1, as Node 20.18.3+ does (https://github.com/nodejs/node/issues/60888).
const APOSTROPHES = /^['‘’`´"“”\u0091-\u0094]+|['‘’`´"“”\u0091-\u0094]+$/g;
const SCIENTIFIC = /^[+]?(\d+)(?:[.,](\d+))?e\+?(\d+)$/i;
const SEPARATORS = /[\s.\-‐‑‒–—_/\u0096\u0097]+/;

/**
 * Reads one cell of a code column. Numbers (from Excel or Parquet) are accepted when they are
 * whole; a scientific-notation string is trusted only when its mantissa still carries all ten
 * digits (3.372031002E+09), because Excel's default 3.37203E+09 has dropped the desa part.
 */
export function parseKode(raw: string | number | null | undefined): KodeParse {
  if (raw === null || raw === undefined) return { kind: 'empty' };
  if (typeof raw === 'number') {
    if (!Number.isFinite(raw) || !Number.isInteger(raw) || raw < 0) return { kind: 'invalid' };
    const digits = raw.toFixed(0);
    return digits.length === 10 ? { kind: 'kode', digits, layout: 'plain' } : { kind: 'invalid' };
  }
  const text = raw.replace(/[\u00a0\u2007\u202f\ufeff]/g, ' ').trim().replace(APOSTROPHES, '').trim();
  if (text === '') return { kind: 'empty' };

  const scientific = SCIENTIFIC.exec(text);
  if (scientific) {
    const [, whole, fraction = '', exponent] = scientific;
    const digits = (whole + fraction).replace(/^0+/, '');
    const shift = Number(exponent) - fraction.length;
    // Fewer digits written than the number has: the rest were rounded away.
    if (shift > 0) return { kind: 'unreliable-number' };
    return shift === 0 && digits.length === 10 ? { kind: 'kode', digits, layout: 'plain' } : { kind: 'invalid' };
  }

  // "3372031002.0" is a number that went through a float column.
  const asFloat = /^(\d{10})[.,]0+$/.exec(text);
  if (asFloat) return { kind: 'kode', digits: asFloat[1], layout: 'plain' };

  const groups = text.split(SEPARATORS).filter((g) => g !== '');
  if (!groups.every((g) => /^\d+$/.test(g))) return { kind: 'invalid' };
  const digits = groups.join('');
  if (digits.length !== 10) return { kind: 'invalid' };
  const shape = groups.map((g) => g.length).join('-');
  const layout = shape === '2-2-2-4' ? 'kemendagri' : shape === '2-2-3-3' ? 'bps' : 'plain';
  return { kind: 'kode', digits, layout };
}

/** The 10 digits of a code in any common spelling, or null when it is not one. */
export function normalizeKode(raw: string | number | null | undefined): string | null {
  const parsed = parseKode(raw);
  return parsed.kind === 'kode' ? parsed.digits : null;
}

/** The four Kemendagri parts of 10 digits (no check that they exist). */
export function kemendagriParts(digits: string): { provinsi: string; kabKota: string; kecamatan: string; desa: string } {
  return { provinsi: digits.slice(0, 2), kabKota: digits.slice(2, 4), kecamatan: digits.slice(4, 6), desa: digits.slice(6, 10) };
}

/** 10 digits written as Kemendagri does: PP.KK.CC.DDDD. */
export function formatKemendagri(digits: string): string {
  const p = kemendagriParts(digits);
  return `${p.provinsi}.${p.kabKota}.${p.kecamatan}.${p.desa}`;
}

/** The kab/kota part (PPKK) of 10 digits or of a PP.KK.CC.DDDD code. */
export function kabKotaOf(kode: string): string {
  return kode.replace(/\D/g, '').slice(0, 4);
}

/**
 * Whether 10 digits can be a Kemendagri desa/kelurahan code at all: the desa part starts with
 * 1 (kelurahan) or 2 (desa), and the kecamatan part is not 00.
 */
export function isPlausibleKemendagri(digits: string): boolean {
  return /^\d{10}$/.test(digits) && digits.slice(4, 6) !== '00' && (digits[6] === '1' || digits[6] === '2');
}

/**
 * Whether 10 digits read as a BPS code (PP KK CCC DDD) and cannot be a Kemendagri one. BPS
 * numbers kecamatan 010, 020, … and desa 001-2xx, so as Kemendagri digits its desa part would
 * start with 0 (the last digit of CCC), which Kemendagri never writes.
 */
export function looksLikeBps(digits: string): boolean {
  if (!/^\d{10}$/.test(digits) || isPlausibleKemendagri(digits)) return false;
  const kecamatan = Number(digits.slice(4, 7));
  const desa = Number(digits.slice(7, 10));
  return kecamatan >= 10 && desa >= 1 && desa <= 299;
}
