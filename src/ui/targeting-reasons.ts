/** A targeting reason as a sentence in the user's language (numbers formatted, one year said once). */
import type { Reason } from '../analysis/targeting';
import type { Lang } from '../data/catalog';
import { formatNumber, messages, type MessageKey, type Translate } from '../i18n';

/** The language to say it in (the app's state, or anything with lang and t). */
export interface ReasonWords {
  readonly lang: Lang;
  readonly t: Translate;
}

/** The singular of a message about units ("1 RTLH unit", not "1 RTLH units"), where it has one. */
function oneUnit(key: MessageKey, units: unknown): MessageKey {
  const one = `${key}One`;
  return units === 1 && one in messages.en ? (one as MessageKey) : key;
}

export function reasonText(app: ReasonWords, reason: Reason): string {
  const { from, to } = reason.params;
  if (reason.key === 'targeting.reason.repaired' && from === to) {
    return app.t(oneUnit('targeting.reason.repairedYear', reason.params.units), { units: formatNumber(Number(reason.params.units), app.lang), tahun: from });
  }
  const params = Object.fromEntries(
    Object.entries(reason.params).map(([k, v]) => [k, typeof v === 'number' && k !== 'from' && k !== 'to' ? formatNumber(v, app.lang, Number.isInteger(v) ? 0 : 1) : v]),
  );
  return app.t(oneUnit(reason.key, reason.params.units), params);
}
