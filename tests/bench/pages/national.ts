/**
 * Reads one kota from the national FlatGeobuf over HTTP range requests exactly as the app does
 * (src/data/national.ts: the packed R-tree says which byte ranges hold the features inside the
 * bbox; features outside the kota's code prefix are skipped before their geometry is decoded),
 * against downloading the whole file. Bytes are counted by the bench server, not here.
 */
import { readRegionFeatures } from '../../../src/data/national';
import type { NationalApi } from './api';

const api: NationalApi = {
  async readRect(url, rect, prefix) {
    const start = performance.now();
    const read = await readRegionFeatures(url, { kode: prefix.replace(/\.$/, ''), bbox: [rect.minX, rect.minY, rect.maxX, rect.maxY] });
    const matched = read.areas.features.filter((f) => f.properties.kode.startsWith(prefix)).length;
    // The app's reader keeps only the kota's own features; those in the bbox are not counted apart.
    return { ms: performance.now() - start, features: read.areas.features.length, matched };
  },

  async download(url) {
    const start = performance.now();
    const response = await fetch(url);
    const bytes = (await response.arrayBuffer()).byteLength;
    return { ms: performance.now() - start, bytes };
  },
};
(window as unknown as { bench: NationalApi }).bench = api;
