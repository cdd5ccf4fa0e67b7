/**
 * The synthetic DTSEN-like and P3KE-like registers of Surakarta (src/cli/generate-registers.ts)
 * as files to reconcile in the demo, fetched only when asked for and named as synthetic.
 */
import registerAUrl from '../../data/demo/register_dtsen_sintetis_surakarta.csv?url';
import registerBUrl from '../../data/demo/register_p3ke_sintetis_surakarta.csv?url';

/** One of the two demo registers as a File, its name saying it is synthetic. */
export async function demoRegisterFile(which: 'a' | 'b'): Promise<File> {
  const url = which === 'a' ? registerAUrl : registerBUrl;
  const response = await fetch(url);
  if (!response.ok) throw new Error(`HTTP ${response.status} ${url}`);
  const name = which === 'a' ? 'DTSEN_surakarta (contoh sintetis).csv' : 'P3KE_surakarta (contoh sintetis).csv';
  return new File([await response.blob()], name, { type: 'text/csv' });
}
