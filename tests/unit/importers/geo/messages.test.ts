import { describe, expect, it } from 'vitest';
import { importGeoEn, importGeoId } from '../../../../src/i18n/modules/import-geo';
import { translate } from '../../../../src/i18n';
import { readGeoJson } from '../../../../src/data/importers/geojson';
import { pointsFromRows } from '../../../../src/data/importers/points';
import { ImportError } from '../../../../src/data/importers/types';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('import-geo messages', () => {
  it('have the same placeholders in Bahasa Indonesia and English', () => {
    for (const key of Object.keys(importGeoId) as (keyof typeof importGeoId)[]) {
      expect(placeholders(importGeoEn[key]), key).toEqual(placeholders(importGeoId[key]));
    }
  });

  it('are filled completely by the errors the readers throw', async () => {
    const thrown: ImportError[] = [];
    const attempts = [
      () => readGeoJson(new TextEncoder().encode('{"type": "FeatureCollection", "features": [}'), 'a.geojson'),
      () => readGeoJson(new TextEncoder().encode('{"type": "FeatureCollection"'), 'b.geojson'),
      () => readGeoJson(new TextEncoder().encode('{"nama": 1}'), 'c.geojson'),
      () => readGeoJson(new TextEncoder().encode('{"type":"Point","coordinates":[481234,9163456]}'), 'd.geojson'),
      () => readGeoJson(new TextEncoder().encode('{"type":"Point","crs":{"type":"name","properties":{"name":"EPSG:2154"}},"coordinates":[1,2]}'), 'e.geojson'),
      () => pointsFromRows(['nama'], [['x']], 'f.csv'),
      () => pointsFromRows(['x', 'y'], [['481234', '9163456']], 'g.csv'),
      () => pointsFromRows(['lat', 'lon'], [['', '']], 'h.csv'),
    ];
    for (const attempt of attempts) {
      try {
        await attempt();
      } catch (error) {
        thrown.push(error as ImportError);
      }
    }
    expect(thrown.map((e) => e.key)).toEqual([
      'importGeo.jsonSyntax',
      'importGeo.jsonTruncated',
      'importGeo.notGeoJson',
      'importGeo.projectedWithoutCrs',
      'importGeo.unknownCrs',
      'importGeo.noCoordinateColumns',
      'importGeo.pointsProjected',
      'importGeo.noValidPoints',
    ]);
    for (const error of thrown) {
      for (const lang of ['id', 'en'] as const) {
        const text = translate(lang, error.key, error.params);
        expect(text, `${lang} ${error.key}`).not.toMatch(/\{\w+\}/);
      }
    }
    expect(translate('id', thrown[0].key, thrown[0].params)).toBe(
      'Berkas a.geojson bukan JSON yang sah: kesalahan di baris 1, kolom 44, pada teks "}". Periksa apakah berkas terpotong saat diunduh atau disunting tangan.',
    );
  });
});
