/** A targeting reason as a sentence in the user's language (numbers formatted, one year said once). */
import type { Reason } from '../analysis/targeting';
import { formatNumber } from '../i18n';
import type { AppState } from '../state/app.svelte';

export function reasonText(app: AppState, reason: Reason): string {
  const { from, to } = reason.params;
  if (reason.key === 'targeting.reason.repaired' && from === to) {
    return app.t('targeting.reason.repairedYear', { units: formatNumber(Number(reason.params.units), app.lang), tahun: from });
  }
  const params = Object.fromEntries(
    Object.entries(reason.params).map(([k, v]) => [k, typeof v === 'number' && k !== 'from' && k !== 'to' ? formatNumber(v, app.lang, Number.isInteger(v) ? 0 : 1) : v]),
  );
  return app.t(reason.key, params);
}
