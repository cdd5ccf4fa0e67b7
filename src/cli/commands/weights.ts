/**
 * `peta-kantong weights`: spatial weights from boundaries, written as a GeoDa .gal file, with a
 * one-line summary (n, mean neighbours, islands by id) on stdout.
 */
import { basename, extname } from 'node:path';
import { GalError, toGal } from '../../analysis/gal';
import { choice, parseOptions, required, text, type OptionSpec } from '../args';
import { centroidsOf, describeNeighbours, describeSpec, linkIslands, summariseWeights, weightsFromAreas, weightsSpecOf } from '../build-weights';
import { featureIds, readBoundaries, UsageError, writeText, type Streams } from '../io';

export const WEIGHTS_OPTIONS: OptionSpec = {
  boundaries: { type: 'string' },
  type: { type: 'string' },
  k: { type: 'string' },
  snap: { type: 'string' },
  id: { type: 'string' },
  islands: { type: 'string' },
  out: { type: 'string' },
};

/** Runs the weights command; returns the exit code. */
export async function weightsCommand(args: readonly string[], streams: Streams): Promise<number> {
  const raw = parseOptions(args, WEIGHTS_OPTIONS);
  const boundariesPath = required(raw, 'boundaries', 'FILE (GeoJSON or FlatGeobuf)');
  const spec = weightsSpecOf(raw);
  const idColumn = text(raw, 'id') ?? 'kode';
  const islandPolicy = choice(raw, 'islands', ['keep', 'knn'] as const, 'keep');
  const out = required(raw, 'out', 'FILE.gal');
  if (extname(out).toLowerCase() !== '.gal') throw new UsageError(`--out must be a .gal file, got ${out}`);

  const areas = await readBoundaries(boundariesPath);
  const ids = featureIds(areas, idColumn, boundariesPath);
  let weights = weightsFromAreas(areas, spec);
  let linkedNote = '';
  if (islandPolicy === 'knn') {
    const linked = linkIslands(weights, centroidsOf(areas));
    weights = linked.weights;
    if (linked.linked.length > 0) linkedNote = `; ${linked.linked.length} island(s) linked to their nearest kelurahan: ${linked.linked.map((i) => ids[i]).join(', ')}`;
  }
  // GeoDa names the layer after the data file; the id variable lets GeoDa and this tool match ids back.
  const layerName = basename(boundariesPath, extname(boundariesPath));
  let gal: string;
  try {
    gal = toGal(weights, ids, { idVariable: idColumn, layerName });
  } catch (error) {
    // A .gal file separates ids with spaces: names such as "Kepatihan Kulon" cannot be ids.
    if (error instanceof GalError) throw new UsageError(`--id ${idColumn}: ${error.message}`);
    throw error;
  }
  await writeText(out, gal);
  const summary = summariseWeights(weights);
  streams.stdout.write(`${out}: ${summary.n} kelurahan, ${describeSpec(spec)}, ${describeNeighbours(summary, ids)}${linkedNote}\n`);
  return 0;
}
