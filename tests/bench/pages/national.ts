/**
 * Reads one kota from the national FlatGeobuf over HTTP range requests (the library's packed
 * R-tree tells it which byte ranges hold the features inside the bbox), against downloading the
 * whole file. Bytes are counted by the bench server, not here: the server sees every range.
 */
import { deserialize } from 'flatgeobuf/lib/mjs/geojson.js';
import type { NationalApi } from './api';

const api: NationalApi = {
  async readRect(url, rect, prefix) {
    const start = performance.now();
    let features = 0;
    let matched = 0;
    // `nocache` would add a cache-busting header; the context is fresh, so nothing is cached.
    for await (const feature of deserialize(url, { rect })) {
      features++;
      const kode = String((feature.properties as Record<string, unknown> | undefined)?.kode ?? '');
      if (kode.startsWith(prefix)) matched++;
    }
    return { ms: performance.now() - start, features, matched };
  },

  async download(url) {
    const start = performance.now();
    const response = await fetch(url);
    const bytes = (await response.arrayBuffer()).byteLength;
    return { ms: performance.now() - start, bytes };
  },
};
(window as unknown as { bench: NationalApi }).bench = api;
