/**
 * Programme sites from a table (CSV or Excel, already split into rows by the table importer):
 * the longitude and latitude columns are found by name, coordinates are read with a decimal
 * comma or point, and rows that cannot be placed are listed instead of failing the import.
 */
import type { Feature, Point } from 'geojson';
import { inIndonesia } from './geo-features';
import { ImportError, type ImportedPoints } from './types';

/** Column names, normalised (lower case, no spaces, dots or dashes), in order of preference. */
const LAT_NAMES = ['lintang', 'latitude', 'lat', 'koordinat_y', 'koordinaty', 'y', 'lat_dd', 'latitud'];
const LON_NAMES = ['bujur', 'longitude', 'lon', 'lng', 'long', 'koordinat_x', 'koordinatx', 'x', 'bt', 'lon_dd', 'longitud'];

const normalise = (name: string) => name.trim().toLowerCase().replace(/[\s.-]+/g, '_').replace(/^_+|_+$/g, '');

function findColumn(header: string[], names: string[]): number {
  const normalised = header.map(normalise);
  for (const name of names) {
    const k = normalised.indexOf(name);
    if (k >= 0) return k;
  }
  return -1;
}

/**
 * A coordinate as written in the cell: `-7,5612`, `-7.5612`, `110,8231`, `−7.56` (Unicode minus).
 * NaN when it is not a plain decimal number; null when the cell is empty.
 */
export function parseCoordinate(cell: string | undefined): number | null {
  const text = (cell ?? '').trim().replace(/\u2212/g, '-');
  if (text === '' || text === '-' || /^(na|n\/a|null)$/i.test(text)) return null;
  if (!/^[-+]?(\d+([.,]\d*)?|[.,]\d+)$/.test(text)) return Number.NaN;
  return Number(text.replace(',', '.'));
}

type Reason = ImportedPoints['skipped'][number]['reason'];

/**
 * Points from rows of a table with a header. Throws ImportError when no coordinate columns are
 * found, when the values look like metres rather than degrees, or when no row can be placed.
 * When every placeable row falls in Indonesia only with the columns exchanged (latitude written
 * in the longitude column), the columns are swapped: `lonColumn` and `latColumn` name the
 * columns actually used, so the swap shows. Properties keep every column's text ('' as null).
 * `firstDataRow` is the 1-based file row of `rows[0]` (default 2: a header in row 1), so
 * `skipped` rows match what a spreadsheet shows.
 */
export function pointsFromRows(header: string[], rows: string[][], file: string, firstDataRow = 2): ImportedPoints {
  let lat = findColumn(header, LAT_NAMES);
  let lon = findColumn(header, LON_NAMES);
  if (lat < 0 || lon < 0 || lat === lon) {
    throw new ImportError('importGeo.noCoordinateColumns', { file, columns: header.join(', ') });
  }
  const values = rows.map((row) => [parseCoordinate(row[lon]), parseCoordinate(row[lat])] as const);
  const finite = values.filter((v): v is readonly [number, number] => v[0] !== null && v[1] !== null && Number.isFinite(v[0]) && Number.isFinite(v[1]));
  const metreLike = finite.filter(([x, y]) => Math.abs(x) > 360 || Math.abs(y) > 360);
  if (finite.length > 0 && metreLike.length > finite.length / 2) {
    const [x, y] = metreLike[0];
    throw new ImportError('importGeo.pointsProjected', { file, lonColumn: header[lon], latColumn: header[lat], example: `${x}; ${y}` });
  }
  const swap = finite.length > 0 && finite.every(([x, y]) => !inIndonesia(x, y) && inIndonesia(y, x));
  if (swap) [lat, lon] = [lon, lat];

  const features: Feature<Point, Record<string, string | number | null>>[] = [];
  const skipped: ImportedPoints['skipped'] = [];
  values.forEach((pair, r) => {
    const [x, y] = swap ? [pair[1], pair[0]] : pair;
    let reason: Reason | null = null;
    if (x === null || y === null) reason = 'missing';
    else if (!Number.isFinite(x) || !Number.isFinite(y)) reason = 'non-finite';
    else if (Math.abs(x) > 180 || Math.abs(y) > 90) reason = 'out-of-range';
    if (reason) {
      skipped.push({ row: r + firstDataRow, reason });
      return;
    }
    const properties: Record<string, string | null> = {};
    header.forEach((name, c) => {
      const cell = rows[r][c];
      properties[name] = cell === undefined || cell.trim() === '' ? null : cell;
    });
    features.push({ type: 'Feature', geometry: { type: 'Point', coordinates: [x!, y!] }, properties });
  });
  if (features.length === 0) {
    throw new ImportError('importGeo.noValidPoints', { file, lonColumn: header[lon], latColumn: header[lat] });
  }
  return { file, points: { type: 'FeatureCollection', features }, lonColumn: header[lon], latColumn: header[lat], skipped };
}
