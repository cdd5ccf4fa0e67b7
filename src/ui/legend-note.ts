/**
 * The lines under a printed legend (PDF and PNG), so an exported map says what the screen's legend
 * says (issue 15): a class map's value for the whole region ("Seluruh Kota Surakarta: 9,87%"), and
 * for LISA clusters the test behind the colours ("p ≤ 0,05, 999 permutasi").
 */
import type { Lang } from '../data/catalog';
import { formatNumber, type MessageKey } from '../i18n';

type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

/** What the note is made of: the region's line (see city-value.ts) and LISA's cut-off and permutations. */
export interface LegendNoteInput {
  cityLine: string | null;
  lisa: { cutoff: number; permutations: number } | null;
  lang: Lang;
  t: Translate;
}

/** The note as lines joined by "\n" (the legend box wraps each), or undefined when there is none. */
export function legendNote({ cityLine, lisa, lang, t }: LegendNoteInput): string | undefined {
  const lines = [lisa ? t('export.legend.lisa', { alpha: formatNumber(lisa.cutoff, lang, 4), permutations: formatNumber(lisa.permutations, lang) }) : null, cityLine].filter(
    (line): line is string => Boolean(line),
  );
  return lines.length ? lines.join('\n') : undefined;
}
