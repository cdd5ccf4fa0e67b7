/** Messages and number formats. Every user-facing string goes through `translate`. */
import type { Lang } from '../data/catalog';
import { en } from './en';
import { id, type MessageKey } from './id';

export type { MessageKey };
export const messages: Record<Lang, Record<MessageKey, string>> = { id, en };

/** A message in the user's language (the app's `t`), as components that get no app take it. */
export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

/** The message for `key` in `lang`, with `{name}` placeholders filled from `params`. */
export function translate(lang: Lang, key: MessageKey, params: Record<string, string | number> = {}): string {
  return messages[lang][key].replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

const locales: Record<Lang, string> = { id: 'id-ID', en: 'en-GB' };
const formatters = new Map<string, Intl.NumberFormat>();

/** A number as people read it in `lang` (id-ID: 17.910 and 7,44), with at most `digits` decimals. */
export function formatNumber(value: number | null | undefined, lang: Lang, digits = 0): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  const key = `${lang}:${digits}`;
  let format = formatters.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locales[lang], { maximumFractionDigits: digits, minimumFractionDigits: 0 });
    formatters.set(key, format);
  }
  return format.format(value);
}

/** Decimals that keep a value readable: rates and small numbers get more than large counts. */
export function decimalsFor(value: number, isRate: boolean): number {
  const magnitude = Math.abs(value);
  if (!isRate && Number.isInteger(value)) return 0;
  if (magnitude >= 100) return isRate ? 1 : 0;
  if (magnitude >= 10) return 1;
  return 2;
}
