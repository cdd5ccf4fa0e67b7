import { describe, expect, it } from 'vitest';
import { contiguity } from '../../../src/analysis/contiguity';
import { fromGal, GalError, toGal } from '../../../src/analysis/gal';
import { knnWeights } from '../../../src/analysis/knn';
import { polygonRings } from '../../../src/analysis/polygon-rings';
import { weightsFromNeighbours } from '../../../src/analysis/weights';
import { knnFixture, listsOf, poly2nb, readCity, readFixture } from './demo-cities';

const surakarta = poly2nb.cities.find((c) => c.city === 'surakarta')!;

/** The GalError thrown by `read`, so tests can check its code and line. */
function galError(read: () => unknown): GalError {
  try {
    read();
  } catch (error) {
    if (error instanceof GalError) return error;
    throw error;
  }
  throw new Error('no GalError thrown');
}

describe('reading GAL files written by spdep', () => {
  it('reads write.nb.gal GeoDa style (oldstyle = FALSE) into the same neighbours', () => {
    const gal = fromGal(readFixture('surakarta-queen-geoda.gal'));
    expect(gal.ids).toEqual(surakarta.ids);
    expect(gal.layerName).toBe('kelurahan_surakarta_3372');
    expect(gal.idVariable).toBe('kode');
    expect(listsOf(gal.weights)).toEqual(surakarta.queen);
  });

  it('reads the old style (header n, ids 1..n), matching ids given as numbers', () => {
    const text = readFixture('surakarta-queen-old.gal');
    const byOrder = fromGal(text);
    expect(byOrder.layerName).toBeNull();
    expect(listsOf(byOrder.weights)).toEqual(surakarta.queen);
    const ids = surakarta.ids.map((_, i) => i + 1).reverse();
    // With the data's ids in another order, observation i is the one whose id is ids[i].
    const reordered = fromGal(text, ids);
    const n = ids.length;
    expect(listsOf(reordered.weights)[n - 1]).toEqual(surakarta.queen[0].map((j) => n - 1 - j).sort((a, b) => a - b));
  });

  it('reads an island (0 neighbours, then an empty line) and an asymmetric k-nearest-neighbour file', () => {
    const island = fromGal(readFixture('surakarta-subset-island.gal'));
    expect(island.ids).toHaveLength(9);
    expect(listsOf(island.weights)[8]).toEqual([]);
    const tanjungbalai = knnFixture.cities.find((c) => c.city === 'tanjungbalai')!;
    const knn = fromGal(readFixture('tanjungbalai-knn4.gal'));
    expect(listsOf(knn.weights)).toEqual(tanjungbalai.knn['4']);
  });
});

describe('writing GAL files', () => {
  it('writes the GeoDa header and records, and reads back what it wrote', () => {
    const fc = readCity('kelurahan_surakarta_3372.geojson');
    const w = contiguity(polygonRings(fc.features.map((f) => f.geometry))).weights;
    const ids = fc.features.map((f) => f.properties.kode);
    const text = toGal(w, ids, { idVariable: 'kode', layerName: 'kelurahan_surakarta_3372' });
    const lines = text.split('\n');
    expect(lines[0]).toBe('0 54 kelurahan_surakarta_3372 kode');
    expect(lines[1]).toBe(`${ids[0]} ${w.offsets[1]}`);
    expect(text.endsWith('\n')).toBe(true);
    const back = fromGal(text, ids);
    expect(listsOf(back.weights)).toEqual(listsOf(w));
  });

  it('writes the same text as spdep for the same neighbours', () => {
    const w = weightsFromNeighbours(surakarta.queen);
    const text = toGal(w, surakarta.ids, { idVariable: 'kode', layerName: 'kelurahan_surakarta_3372' });
    expect(text).toBe(readFixture('surakarta-queen-geoda.gal'));
  });

  it('quotes a layer name with spaces as GeoDa does, writes islands with an empty line, keeps asymmetry', () => {
    const w = knnWeights(
      [
        [110, -7],
        [110.001, -7],
        [110.01, -7],
      ],
      1,
    ).weights;
    const text = toGal(w, ['a', 'b', 'c'], { layerName: 'kota surakarta', idVariable: 'kode' });
    expect(text).toBe('0 3 "kota surakarta" kode\na 1\nb\nb 1\na\nc 1\nb\n');
    const back = fromGal(text);
    expect(back.layerName).toBe('kota surakarta');
    expect(listsOf(back.weights)).toEqual([[1], [0], [1]]);
    expect(toGal(weightsFromNeighbours([[], []]), [1, 2])).toBe('0 2 unknown kode\n1 0\n\n2 0\n\n');
  });

  it('refuses ids that the format cannot hold', () => {
    const w = weightsFromNeighbours([[1], [0]]);
    expect(galError(() => toGal(w, ['a b', 'c'])).code).toBe('bad-id');
    expect(galError(() => toGal(w, ['a', 'a'])).code).toBe('duplicate-id');
    expect(galError(() => toGal(w, ['a'])).code).toBe('size');
  });
});

describe('GAL files GeoDa accepts that spdep does not write', () => {
  it('skips blank lines, accepts CRLF, a byte order mark, and islands left out when ids are given', () => {
    const text = '\uFEFF0 4 layer id\r\n\r\n10 2\r\n20 30\r\n\r\n20 1\r\n10\r\n30 1\r\n10\r\n';
    const gal = fromGal(text, ['10', '20', '30', '40']);
    expect(listsOf(gal.weights)).toEqual([[1, 2], [0], [0], []]);
    expect(galError(() => fromGal(text)).code).toBe('size');
  });
});

describe('malformed GAL files', () => {
  const cases: [string, string, GalError['code'], number | undefined][] = [
    ['an empty file', '', 'empty', 1],
    ['a header of words', 'neighbours of surakarta\n', 'header', 1],
    ['a header with a space in an unquoted layer name', '0 2 kota surakarta kode\n', 'header', 1],
    ['a record line without a count', '2\n1\n2\n2 1\n1\n', 'record', 2],
    ['a count that disagrees with the list', '0 2 x id\n1 2\n2\n2 1\n1\n', 'count', 3],
    ['a list cut short by the end of the file', '0 2 x id\n1 1\n2\n2 1\n', 'count', 4],
    ['an unknown neighbour', '0 2 x id\n1 1\n3\n2 1\n1\n', 'unknown-id', 3],
    ['an observation listed twice', '0 3 x id\n1 1\n2\n2 1\n1\n1 1\n2\n', 'duplicate-id', 6],
    ['a neighbour listed twice', '0 2 x id\n1 2\n2 2\n2 1\n1\n', 'duplicate-id', 3],
    ['an observation that is its own neighbour', '0 2 x id\n1 1\n1\n2 0\n', 'self', 3],
    ['more records than the header announces', '0 1 x id\n1 0\n2 0\n', 'size', 3],
  ];
  it.each(cases)('reports %s with its line', (_, text, code, line) => {
    const error = galError(() => fromGal(text));
    expect(error.code).toBe(code);
    expect(error.line).toBe(line);
    if (line !== undefined) expect(error.message).toContain(`line ${line}`);
  });

  it('reports ids of the data that the file does not know', () => {
    const error = galError(() => fromGal('0 2 x id\n1 1\n2\n2 1\n1\n', ['1', '3']));
    expect(error.code).toBe('unknown-id');
    expect(error.line).toBe(3);
  });
});
