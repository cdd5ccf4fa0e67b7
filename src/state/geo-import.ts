/**
 * Spatial files in the workspace: boundaries become a region of their own (any kab/kota, even
 * one the national file lacks or has outdated), points (program sites) are assigned to the
 * kelurahan they fall in and counted. Pure planning here; the import session commits.
 */
import type { Feature, FeatureCollection, Point } from 'geojson';
import { assignPointsToAreas } from '../analysis/point-in-area';
import type { AreaCollection, AreaFeature } from '../data/boundaries';
import type { City } from '../data/catalog';
import { ImportError, type ImportedBoundaries, type ImportedPoints } from '../data/importers/types';
import { formatKemendagri, normalizeKode } from '../data/kode-wilayah';

/** How imported boundaries become a region: which properties hold the code and names. */
export interface BoundaryPlan {
  region: City;
  areas: AreaCollection;
  kodeProperty: string;
  namaProperty: string | null;
  kecamatanProperty: string | null;
  /** Features without a valid Kemendagri desa/kelurahan code (left out). */
  withoutCode: number;
  /** Features of other kab/kota than the region's (left out). */
  otherRegion: number;
}

const NAME_KEYS = /^(kelurahan|desa|nama|nama_kel|nama_desa|nm_kel|nm_desa|namobj|wadmkd|desa_kel|kel_desa|name)$/i;
const KECAMATAN_KEYS = /^(kecamatan|nama_kec|nm_kec|wadmkc|kec)$/i;

/** The property whose values are most often a 10-digit Kemendagri code. */
function codeProperty(boundaries: ImportedBoundaries): string | null {
  const counts = new Map<string, number>();
  for (const feature of boundaries.areas.features) {
    for (const [key, value] of Object.entries(feature.properties ?? {})) {
      const digits = normalizeKode(value === null ? null : String(value));
      if (digits && digits.length === 10) counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  // Ties (a GDAL `id` copy of the code, say) go to a property called kode.
  const best = [...counts].sort((a, b) => b[1] - a[1] || Number(/kode/i.test(b[0])) - Number(/kode/i.test(a[0])))[0];
  return best && best[1] >= boundaries.areas.features.length / 2 ? best[0] : null;
}

/**
 * Plans a region from imported boundaries: the kab/kota most features belong to (by code
 * prefix), named from the region index when it knows the code. Throws when no property holds
 * Kemendagri codes: without them no table can be joined to these polygons.
 */
export function planBoundaries(
  boundaries: ImportedBoundaries,
  names: { nama: (kode: string) => string | undefined; provinsi: (kode: string) => string | undefined },
): BoundaryPlan {
  const kodeProperty = codeProperty(boundaries);
  if (!kodeProperty) throw new ImportError('import.boundariesNoCode', { file: boundaries.file });
  const keys = Object.keys(boundaries.areas.features[0]?.properties ?? {});
  const namaProperty = keys.find((k) => NAME_KEYS.test(k)) ?? null;
  const kecamatanProperty = keys.find((k) => KECAMATAN_KEYS.test(k)) ?? null;
  const coded = boundaries.areas.features.map((f) => ({ feature: f, digits: normalizeKode(String(f.properties?.[kodeProperty] ?? '')) }));
  const byRegion = new Map<string, number>();
  for (const { digits } of coded) if (digits?.length === 10) byRegion.set(digits.slice(0, 4), (byRegion.get(digits.slice(0, 4)) ?? 0) + 1);
  const [regionDigits] = [...byRegion].sort((a, b) => b[1] - a[1])[0];
  const kode = `${regionDigits.slice(0, 2)}.${regionDigits.slice(2, 4)}`;
  const nama = names.nama(kode) ?? boundaries.file.replace(/\.[^.]+$/, '');
  const features: AreaFeature[] = [];
  let withoutCode = 0;
  let otherRegion = 0;
  for (const { feature, digits } of coded) {
    if (!digits || digits.length !== 10) {
      withoutCode++;
      continue;
    }
    if (digits.slice(0, 4) !== regionDigits) {
      otherRegion++;
      continue;
    }
    const p = feature.properties ?? {};
    const text = (key: string | null) => (key === null || p[key] === null || p[key] === undefined ? '' : String(p[key]));
    const full = formatKemendagri(digits);
    features.push({
      type: 'Feature',
      geometry: feature.geometry,
      properties: {
        kode: full,
        kelurahan: text(namaProperty) || full,
        kode_kecamatan: full.slice(0, 8),
        kecamatan: text(kecamatanProperty),
        kode_kota: kode,
        kota: nama,
        kode_provinsi: kode.slice(0, 2),
        provinsi: names.provinsi(kode) ?? '',
        jenis: digits[6] === '1' ? 'kelurahan' : 'desa',
        source: boundaries.file,
      },
    });
  }
  features.sort((a, b) => (a.properties.kode < b.properties.kode ? -1 : 1));
  const region: City = {
    kode,
    slug: `${kode}-impor`,
    nama,
    provinsi: names.provinsi(kode) ?? '',
    kelurahan: features.length,
    boundaries: boundaries.file,
    source: 'imported',
  };
  return { region, areas: { type: 'FeatureCollection', features }, kodeProperty, namaProperty, kecamatanProperty, withoutCode, otherRegion };
}

/** Points assigned to the region's kelurahan: counts per kode and how each point was placed. */
export interface PointPlan {
  points: FeatureCollection<Point, Record<string, string | number | null>>;
  inside: number;
  nearest: number;
  outside: number;
  skipped: number;
  counts: { kode: string; n: number }[];
}

/** Puts each point in its kelurahan (nearest one within 50 m for points in hairline gaps). */
export function planPoints(imported: ImportedPoints, kelurahan: AreaCollection): PointPlan {
  const coordinates = imported.points.features.map((f) => f.geometry.coordinates as [number, number]);
  const assigned = assignPointsToAreas(coordinates, kelurahan);
  // Every kelurahan gets a count: no site is 0, not "no data".
  const counts = new Map<string, number>(kelurahan.features.map((f) => [f.properties.kode, 0]));
  let inside = 0;
  let nearest = 0;
  let outside = 0;
  const features: Feature<Point, Record<string, string | number | null>>[] = imported.points.features.map((feature, i) => {
    const a = assigned[i];
    const kode = a.index >= 0 ? kelurahan.features[a.index].properties.kode : null;
    if (a.how === 'inside') inside++;
    else if (a.how === 'nearest') nearest++;
    else outside++;
    if (kode) counts.set(kode, (counts.get(kode) ?? 0) + 1);
    return { ...feature, properties: { ...feature.properties, kode_kelurahan: kode, penempatan: a.how } };
  });
  return {
    points: { type: 'FeatureCollection', features },
    inside,
    nearest,
    outside,
    skipped: imported.skipped.length,
    counts: [...counts].map(([kode, n]) => ({ kode, n })).sort((a, b) => a.kode.localeCompare(b.kode)),
  };
}
