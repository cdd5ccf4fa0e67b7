/**
 * Makes data/demo/kawasan.geojson: the illustrative focus area "Kawasan Semanggi" (see
 * KAWASAN.md). Semanggi's kelurahan polygon grown by 100 m (so the riverbank strips of the
 * neighbouring kelurahan are included), then simplified (Douglas-Peucker in metres, tolerance
 * raised until at most 40 vertices) and rounded to 6 decimals (about 0.1 m).
 *
 *   npx tsx data/demo/make-kawasan.ts
 *
 * Deterministic: the same boundary file gives the same output.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import type { FeatureCollection, Polygon, Position } from 'geojson';
import { bufferArea, checkArea } from '../../src/analysis/areas';

const SEMANGGI = '33.72.03.1002';
const BUFFER_METRES = 100;
const MAX_VERTICES = 40;

const here = (file: string) => new URL(file, import.meta.url);
const boundaries = JSON.parse(readFileSync(here('../boundaries/kelurahan_surakarta_3372.geojson'), 'utf8')) as FeatureCollection<Polygon>;
const semanggi = boundaries.features.find((f) => f.properties?.kode === SEMANGGI);
if (!semanggi) throw new Error(`${SEMANGGI} not in the boundary file`);

const grown = bufferArea(semanggi.geometry, BUFFER_METRES);
if (!grown.geometry || grown.geometry.type !== 'Polygon') throw new Error(`buffer failed: ${grown.error}`);
const outer = grown.geometry.coordinates[0];

// Local metres around the ring's first point (equirectangular: fine over 2 km).
const lat0 = (outer[0][1] * Math.PI) / 180;
const toXY = (p: Position): [number, number] => [p[0] * 111_195 * Math.cos(lat0), p[1] * 111_195];

function distanceToSegment(p: [number, number], a: [number, number], b: [number, number]): number {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const t = dx === 0 && dy === 0 ? 0 : Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(p[0] - (a[0] + t * dx), p[1] - (a[1] + t * dy));
}

/** Douglas-Peucker on an open chain: indexes of the points kept. */
function simplify(points: [number, number][], tolerance: number): number[] {
  const keep = new Set([0, points.length - 1]);
  const stack: [number, number][] = [[0, points.length - 1]];
  while (stack.length) {
    const [from, to] = stack.pop()!;
    let worst = -1;
    let worstDistance = tolerance;
    for (let i = from + 1; i < to; i++) {
      const d = distanceToSegment(points[i], points[from], points[to]);
      if (d > worstDistance) [worst, worstDistance] = [i, d];
    }
    if (worst >= 0) {
      keep.add(worst);
      stack.push([from, worst], [worst, to]);
    }
  }
  return [...keep].sort((a, b) => a - b);
}

// Split the closed ring at its farthest point from the start so both halves are real chains.
const xy = outer.map(toXY);
let far = 1;
for (let i = 1; i < xy.length - 1; i++) if (Math.hypot(xy[i][0] - xy[0][0], xy[i][1] - xy[0][1]) > Math.hypot(xy[far][0] - xy[0][0], xy[far][1] - xy[0][1])) far = i;

let ring: Position[] = outer;
for (let tolerance = 1; ; tolerance += 1) {
  const first = simplify(xy.slice(0, far + 1), tolerance);
  const second = simplify(xy.slice(far), tolerance).map((i) => i + far);
  const kept = [...first, ...second.slice(1)];
  ring = kept.map((i) => [Math.round(outer[i][0] * 1e6) / 1e6, Math.round(outer[i][1] * 1e6) / 1e6]);
  if (ring.length - 1 <= MAX_VERTICES) {
    console.log(`tolerance ${tolerance} m, ${ring.length - 1} vertices`);
    break;
  }
}

const geometry: Polygon = { type: 'Polygon', coordinates: [ring] };
const checked = checkArea(geometry);
if (checked.error) throw new Error(`simplified area unusable: ${checked.error}`);

const kawasan = {
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      properties: {
        id: 'kawasan-semanggi',
        nama: 'Kawasan Semanggi',
        kota: '33.72',
        catatan:
          'Kawasan ilustrasi untuk demo, bukan delineasi resmi: batas Kelurahan Semanggi (Pasar Kliwon) diperlebar 100 m, mencakup permukiman tepi Bengawan Solo di Semanggi dan sekitarnya.',
      },
      geometry,
    },
  ],
};
// One position per line, [lon, lat], so diffs of the file stay readable.
const text = JSON.stringify(kawasan, null, 1).replace(/\[\s+(-?[\d.]+),\s+(-?[\d.]+)\s+\]/g, '[$1, $2]');
writeFileSync(here('./kawasan.geojson'), text + '\n');
