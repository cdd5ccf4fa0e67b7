import { describe, expect, it } from 'vitest';
import { areaCsv, type AreaCsvInput } from '../../../src/ui/areas-csv';

// Shares and sizes as turf computes them: long binary fractions (issue 15: "16 decimals" in exports).
const input: AreaCsvInput = {
  nama: 'Kawasan Semanggi',
  bufferMetres: 150,
  areaKm2: 1.2345678901234,
  shares: [
    { kode: '33.72.03.1002', shareOfKelurahan: 0.3749999999999999, shareOfArea: 0.6166666666666667 },
    { kode: '33.72.03.1003', shareOfKelurahan: 0.0123456789, shareOfArea: 0.3833333333333333 },
  ],
  totals: [
    { indikator: 'rtlh', total: 412.3456789 },
    { indikator: 'rumah_tangga', total: 2999.5 },
  ],
  names: new Map([['33.72.03.1002', 'Semanggi']]),
  synthetic: true,
};

const lines = (csv: string) => csv.replace(/^\ufeff/, '').split('\r\n');

describe('areaCsv', () => {
  it('writes shares in percent to two decimals, the size in km² to two, counts whole (Indonesian Excel)', () => {
    const out = lines(areaCsv(input, 'id'));
    expect(out[0]).toBe('Kawasan;Kawasan Semanggi');
    expect(out[1]).toBe('Zona penyangga (meter);150');
    expect(out[2]).toBe('Luas (km²);1,23');
    expect(out[4]).toBe('Kode;Kelurahan;Bagian kelurahan di kawasan (%);Bagian kawasan (%)');
    expect(out[5]).toBe('33.72.03.1002;Semanggi;37,5;61,67');
    expect(out[6]).toBe('33.72.03.1003;33.72.03.1003;1,23;38,33');
    expect(out).toContain('Rumah tidak layak huni (RTLH);412');
    expect(out).toContain('Jumlah rumah tangga;3000');
    expect(out.join('\n')).toContain('Data contoh (sintetis)');
    // No cell carries float noise: at most two decimals anywhere.
    expect(out.join('\n')).not.toMatch(/(^|;)-?\d+,\d{3,}(;|$)/m);
  });

  it('writes English CSV with a decimal point and says nothing of synthetic data when real data is shown', () => {
    const out = lines(areaCsv({ ...input, synthetic: false }, 'en'));
    expect(out[5]).toBe('33.72.03.1002,Semanggi,37.5,61.67');
    // No number cell (codes like 33.72.03.1002 are text) carries more than two decimals.
    expect(out.join('\n')).not.toMatch(/(^|,)-?\d+\.\d{3,}(,|$)/m);
    expect(out.join('\n')).not.toContain('synthetic');
  });
});
