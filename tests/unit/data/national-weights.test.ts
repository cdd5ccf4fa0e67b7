import { describe, expect, it } from 'vitest';
import { alignValues, decodeNationalWeights, encodeNationalWeights, parseDesaNames, renderDesaNames } from '../../../src/data/national-weights';

describe('national weights file', () => {
  it('gives back the neighbours and the kode it was written with', () => {
    const weights = { kode: ['11.01.01.2001', '11.01.01.2002', '11.01.01.2003'], offsets: Int32Array.from([0, 1, 3, 4]), indices: Int32Array.from([1, 0, 2, 1]) };
    const back = decodeNationalWeights(encodeNationalWeights(weights));
    expect(back.kode).toEqual(weights.kode);
    expect(Array.from(back.offsets)).toEqual([0, 1, 3, 4]);
    expect(Array.from(back.indices)).toEqual([1, 0, 2, 1]);
  });

  it('refuses a file of another kind or cut short', () => {
    expect(() => decodeNationalWeights(new TextEncoder().encode('kode,tahun\n11.01,2025\n'))).toThrow(/not a bobot-queen.bin/);
    const bytes = encodeNationalWeights({ kode: ['a', 'b'], offsets: Int32Array.from([0, 1, 2]), indices: Int32Array.from([1, 0]) });
    expect(() => decodeNationalWeights(bytes.subarray(0, 20))).toThrow(/cut short/);
  });
});

describe('desa names and value order', () => {
  it('reads back names with tabs or line breaks in them made plain', () => {
    const text = renderDesaNames([{ kode: '33.72.01.1001', nama: 'Kemlayan', kecamatan: 'Serengan', kabkota: 'Kota\tSurakarta', provinsi: 'Jawa Tengah' }]);
    expect(parseDesaNames(text).get('33.72.01.1001')).toEqual({ nama: 'Kemlayan', kecamatan: 'Serengan', kabkota: 'Kota Surakarta', provinsi: 'Jawa Tengah' });
  });

  it('puts values in the weights order by kode, NaN where a desa has none', () => {
    const values = Float64Array.from([1, 2, 3]);
    expect(alignValues(values, ['a', 'b', 'c'], ['a', 'b', 'c'])).toBe(values);
    expect(Array.from(alignValues(values, ['a', 'b', 'c'], ['c', 'x', 'a']))).toEqual([3, Number.NaN, 1]);
  });
});
