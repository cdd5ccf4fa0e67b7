/**
 * Label text by zoom, evaluated as MapLibre does: in a region of several kab/kota (a provinsi)
 * kab/kota names at low zoom and desa names only from LABEL_DESA_ZOOM; in one kab/kota every
 * kelurahan is named at every zoom, as before.
 */
import { createExpression, latest, type StylePropertySpecification } from '@maplibre/maplibre-gl-style-spec';
import { describe, expect, it } from 'vitest';
import { LABEL_DESA_ZOOM, labelTextField, labelTextSize } from '../../../src/map/style';

function evaluate(property: 'text-field' | 'text-size', expression: unknown, zoom: number, properties: Record<string, string>): unknown {
  const parsed = createExpression(expression, property, latest.layout_symbol[property] as unknown as StylePropertySpecification);
  if (parsed.result !== 'success') throw new Error(JSON.stringify(parsed.value));
  const value = parsed.value.evaluate({ zoom }, { type: 'Point', properties } as never);
  return typeof value === 'object' && value !== null && 'toString' in value ? String(value) : value;
}

const kabkota = { kelurahan: 'Kabupaten Sleman', tingkat: 'kabkota' };
const desa = { kelurahan: 'Caturtunggal', tingkat: 'desa' };
const kelurahan = { kelurahan: 'Laweyan' };

describe('label text by zoom', () => {
  it('names kab/kota below the desa zoom and desa from it, in a wide region', () => {
    expect(evaluate('text-field', labelTextField(), 7, kabkota)).toBe('Kabupaten Sleman');
    expect(evaluate('text-field', labelTextField(), 7, desa)).toBe('');
    expect(evaluate('text-field', labelTextField(), LABEL_DESA_ZOOM, kabkota)).toBe('');
    expect(evaluate('text-field', labelTextField(), LABEL_DESA_ZOOM, desa)).toBe('Caturtunggal');
  });

  it('names every kelurahan of a single kab/kota at every zoom', () => {
    for (const zoom of [7, LABEL_DESA_ZOOM, 15]) expect(evaluate('text-field', labelTextField(), zoom, kelurahan)).toBe('Laweyan');
  });

  it('writes kab/kota names a size above kelurahan names', () => {
    expect(evaluate('text-size', labelTextSize(false), 8, kabkota)).toBeGreaterThan(evaluate('text-size', labelTextSize(false), 8, kelurahan) as number);
    expect(evaluate('text-size', labelTextSize(false), 11, kelurahan)).toBe(10);
    expect(evaluate('text-size', labelTextSize(true), 11, kelurahan)).toBe(16);
  });
});
