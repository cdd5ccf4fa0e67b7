/**
 * Plain HTTP reads for the rest of the app (fonts for exports, the national CSV), so that
 * `fetch` stays inside src/data, the one door to the outside.
 */

/** The whole body of `url` as bytes; throws `HTTP <status> <url>` when the answer is not ok. */
export async function fetchBytes(url: string): Promise<Uint8Array> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`HTTP ${response.status} ${url}`);
  return new Uint8Array(await response.arrayBuffer());
}

/** Whether `url` answers ok; rejects only when the network fails (offline), not on a 404. */
export async function urlAnswers(url: string): Promise<boolean> {
  const response = await fetch(url);
  return response.ok;
}
