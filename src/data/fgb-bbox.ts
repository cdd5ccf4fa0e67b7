/**
 * A minimal FlatGeobuf reader for one bounding box of a large file, over any `ByteSource`.
 *
 * Why not flatgeobuf's own `deserialize(url, rect)`: its HTTP client reads a 200 reply whole (the
 * full 162 MB national file when a server ignores Range), it cannot read a Blob by ranges, takes
 * no AbortSignal and does not say how many bytes it read. The format work is still the library's:
 * header and feature decoding use its generated FlatBuffers classes; only the I/O is ours.
 *
 * Layout (flatgeobuf.org): 8 magic bytes, a size-prefixed header, the packed Hilbert R-tree
 * (levels from the root down, 40-byte nodes: minX, minY, maxX, maxY as float64, then a uint64
 * that is the first child's node index, or for a leaf the feature's byte offset after the
 * index), then the size-prefixed features in leaf order. The search reads one level at a time,
 * only the nodes under matching parents, with nearby node runs merged into one request; the
 * features found are then fetched in batches, merging ranges separated by small gaps.
 */
import * as flatbuffers from 'flatbuffers';
import { Feature } from 'flatgeobuf/lib/mjs/flat-geobuf/feature.js';
import { parseProperties } from 'flatgeobuf/lib/mjs/generic/feature.js';
import { fromGeometry } from 'flatgeobuf/lib/mjs/geojson/geometry.js';
import { fromByteBuffer } from 'flatgeobuf/lib/mjs/header-meta.js';
import type { HeaderMeta } from 'flatgeobuf/lib/mjs/header-meta.js';
import type { Geometry } from 'geojson';
import type { ByteSource } from './byte-source';
import { ImportError } from './importers/types';

const MAGIC = [0x66, 0x67, 0x62, 0x03];
const NODE_BYTES = 40;
/** First read: the header and the top levels of the national file's index (about 15 KB) fit. */
const FIRST_READ = 16 * 1024;

export interface BBoxReadOptions {
  /** Feature ranges closer than this are fetched in one request (bytes wasted vs. round trips). */
  featureGap?: number;
  /** Index node runs closer than this many bytes are fetched in one request. */
  nodeGap?: number;
  /** Largest single feature request, so progress moves and memory stays bounded. */
  maxBatch?: number;
  /** Feature requests in flight at once. */
  concurrency?: number;
}

export interface RawFeature {
  /** 0-based index of the feature in the file. */
  index: number;
  /** Decoded properties; geometry is decoded only on request (most callers filter first). */
  properties: Record<string, unknown>;
  geometry(): Geometry | null;
}

interface OpenFile {
  header: HeaderMeta;
  /** Byte offset of the index, and of the first feature. */
  indexStart: number;
  featuresStart: number;
  /** The first bytes of the file, kept to serve index reads that fall inside them. */
  head: Uint8Array;
}

/** Reads and checks the header; throws an ImportError the user can act on when it is wrong. */
export async function openFlatGeobuf(source: ByteSource): Promise<OpenFile> {
  let head = await source.read(0, FIRST_READ);
  if (head[0] === 0x1f && head[1] === 0x8b) throw new ImportError('regions.gzipped', { file: source.name });
  if (head.byteLength < 12 || MAGIC.some((b, i) => head[i] !== b)) throw new ImportError('regions.notFlatGeobuf', { file: source.name });
  const headerLength = new DataView(head.buffer, head.byteOffset, head.byteLength).getUint32(8, true);
  if (headerLength < 8 || headerLength > 10 * 1024 * 1024) throw new ImportError('regions.corrupt', { file: source.name, offset: 8 });
  const indexStart = 12 + headerLength;
  if (indexStart > head.byteLength) {
    const rest = await source.read(head.byteLength, indexStart + FIRST_READ);
    const joined = new Uint8Array(head.byteLength + rest.byteLength);
    joined.set(head);
    joined.set(rest, head.byteLength);
    head = joined;
  }
  let header: HeaderMeta;
  try {
    header = fromByteBuffer(new flatbuffers.ByteBuffer(head.slice(8, indexStart)));
  } catch (error) {
    throw new ImportError('regions.corrupt', { file: source.name, offset: 8 }, { cause: error });
  }
  if (header.indexNodeSize === 0) throw new ImportError('regions.noIndex', { file: source.name });
  if (header.featuresCount === 0) return { header, indexStart, featuresStart: indexStart, head };
  const levels = levelBounds(header.featuresCount, header.indexNodeSize);
  // The leaf level is last, so its end is the number of nodes in the whole tree.
  const indexBytes = levels[levels.length - 1][1] * NODE_BYTES;
  return { header, indexStart, featuresStart: indexStart + indexBytes, head };
}

/**
 * Node index ranges [start, end) of each tree level, root level first (the root is node 0), leaf
 * level last. A tree of n items with node size s has ceil(n/s) parents, and so on up to 1.
 */
export function levelBounds(numItems: number, nodeSize: number): [number, number][] {
  const counts = [numItems];
  let n = numItems;
  while (n > 1) {
    n = Math.ceil(n / nodeSize);
    counts.push(n);
  }
  if (numItems === 1) counts.push(1); // a single feature still has a root above its leaf
  counts.reverse();
  const bounds: [number, number][] = [];
  let start = 0;
  for (const count of counts) {
    bounds.push([start, start + count]);
    start += count;
  }
  return bounds;
}

/** Merges sorted [start, end) runs whose gap is at most `gap`. */
function mergeRuns(runs: [number, number][], gap: number): [number, number][] {
  const merged: [number, number][] = [];
  for (const [start, end] of runs) {
    const last = merged[merged.length - 1];
    if (last && start - last[1] <= gap) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return merged;
}

/** Runs `tasks` with at most `limit` in flight, results in order. */
async function pooled<T>(tasks: (() => Promise<T>)[], limit: number): Promise<T[]> {
  const results = new Array<T>(tasks.length);
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const i = next++;
      results[i] = await tasks[i]();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker));
  return results;
}

/** One matched leaf: the feature's index and byte range relative to the first feature. */
interface Hit {
  index: number;
  offset: number;
  /** Null for the file's last feature when the file size is unknown. */
  end: number | null;
}

/** Index search: the features whose bbox intersects `rect` ([w, s, e, n]), in file order. */
async function searchIndex(source: ByteSource, file: OpenFile, rect: readonly number[], nodeGap: number): Promise<Hit[]> {
  const { header, indexStart, head } = file;
  if (header.featuresCount === 0) return [];
  const [w, s, e, n] = rect;
  const nodeSize = header.indexNodeSize;
  const bounds = levelBounds(header.featuresCount, nodeSize);
  const leafLevel = bounds.length - 1;
  const [leafStart, leafEnd] = bounds[leafLevel];
  const hits: Hit[] = [];
  const readNodes = async (first: number, last: number): Promise<DataView> => {
    const from = indexStart + first * NODE_BYTES;
    const to = indexStart + last * NODE_BYTES;
    const bytes = to <= head.byteLength ? head.subarray(from, to) : await source.read(from, to);
    if (bytes.byteLength !== to - from) throw new ImportError('regions.corrupt', { file: source.name, offset: from });
    return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  };
  let runs: [number, number][] = [[0, 1]];
  for (let level = 0; level <= leafLevel && runs.length > 0; level++) {
    const isLeaf = level === leafLevel;
    const [, levelEnd] = bounds[level];
    // A leaf's feature ends where the next leaf's begins: read one node past each run.
    const reads = mergeRuns(
      runs.map(([a, b]): [number, number] => [a, isLeaf ? Math.min(b + 1, levelEnd) : b]),
      Math.floor(nodeGap / NODE_BYTES),
    );
    const views = await Promise.all(reads.map(([a, b]) => readNodes(a, b)));
    const next: [number, number][] = [];
    reads.forEach(([a, b], r) => {
      const view = views[r];
      for (let node = a; node < b; node++) {
        const at = (node - a) * NODE_BYTES;
        if (view.getFloat64(at, true) > e || view.getFloat64(at + 8, true) > n) continue;
        if (view.getFloat64(at + 16, true) < w || view.getFloat64(at + 24, true) < s) continue;
        const pointer = Number(view.getBigUint64(at + 32, true));
        if (isLeaf) {
          let end: number | null = null;
          if (node + 1 < b) end = Number(view.getBigUint64(at + NODE_BYTES + 32, true));
          else if (node + 1 === leafEnd && source.size !== null) end = source.size - file.featuresStart;
          hits.push({ index: node - leafStart, offset: pointer, end });
        } else {
          const childEnd = Math.min(pointer + nodeSize, bounds[level + 1][1]);
          next.push([pointer, childEnd]);
        }
      }
    });
    runs = mergeRuns(next, 0);
  }
  return hits.sort((x, y) => x.offset - y.offset);
}

/**
 * Every feature whose bbox intersects `rect`, decoded lazily (properties at once, geometry on
 * request), in file order. `filter` sees the properties first, so features of neighbouring
 * regions never have their geometry decoded.
 */
export async function readBBox(
  source: ByteSource,
  rect: readonly [number, number, number, number],
  filter: (properties: Record<string, unknown>) => boolean,
  options: BBoxReadOptions = {},
): Promise<{ header: HeaderMeta; inBBox: number; features: RawFeature[] }> {
  const { featureGap = 16 * 1024, nodeGap = 4096, maxBatch = 4 * 1024 * 1024, concurrency = 4 } = options;
  const file = await openFlatGeobuf(source);
  const hits = await searchIndex(source, file, rect, nodeGap);
  // The last feature of the file, when the server has not said the file's size: its size prefix.
  for (const hit of hits) {
    if (hit.end !== null) continue;
    const prefix = await source.read(file.featuresStart + hit.offset, file.featuresStart + hit.offset + 4);
    hit.end = hit.offset + 4 + new DataView(prefix.buffer, prefix.byteOffset, 4).getUint32(0, true);
  }
  const batches: Hit[][] = [];
  for (const hit of hits) {
    const batch = batches[batches.length - 1];
    const last = batch?.[batch.length - 1];
    if (batch && hit.offset - last.end! <= featureGap && hit.end! - batch[0].offset <= maxBatch) batch.push(hit);
    else batches.push([hit]);
  }
  const { header } = file;
  const decoded = await pooled(
    batches.map((batch) => async () => {
      const from = batch[0].offset;
      const bytes = await source.read(file.featuresStart + from, file.featuresStart + batch[batch.length - 1].end!);
      const out: RawFeature[] = [];
      for (const hit of batch) {
        // A copy starting at 0: the library maps coordinates as Float64Array views, which must
        // be 8-byte aligned.
        const own = bytes.slice(hit.offset - from, hit.end! - from);
        let feature: Feature;
        let properties: Record<string, unknown>;
        try {
          if (own.byteLength < 8) throw new Error('truncated feature');
          feature = Feature.getSizePrefixedRootAsFeature(new flatbuffers.ByteBuffer(own));
          properties = parseProperties(feature, header.columns) as Record<string, unknown>;
        } catch (error) {
          throw new ImportError('regions.corrupt', { file: source.name, offset: file.featuresStart + hit.offset }, { cause: error });
        }
        if (!filter(properties)) continue;
        const geometryOf = feature;
        out.push({
          index: hit.index,
          properties,
          geometry: () => {
            const g = geometryOf.geometry();
            return g ? (fromGeometry(g, header.geometryType) as Geometry) : null;
          },
        });
      }
      return out;
    }),
    concurrency,
  );
  return { header, inBBox: hits.length, features: decoded.flat() };
}
