/** What an imported number column measures, guessed from its header and cells (src/data/column-units.ts). */
import { describe, expect, it } from 'vitest';
import { guessColumnUnit } from '../../../src/data/column-units';

describe('guessColumnUnit', () => {
  it('reads a percentage from "%", persen and persentase, or from percent-signed cells', () => {
    for (const header of ['Balita stunting (%)', 'persen_miskin', 'Persentase RTLH', 'Prosentase KK miskin']) {
      expect(guessColumnUnit(header)).toEqual({ kind: 'rate', unit: '%', per: 100 });
    }
    expect(guessColumnUnit('miskin', true)).toEqual({ kind: 'rate', unit: '%', per: 100 });
  });

  it('reads "per 1.000" and "per 100.000" as the rate\'s multiplier', () => {
    expect(guessColumnUnit('Kematian bayi per 1.000 kelahiran')).toMatchObject({ kind: 'rate', per: 1000 });
    expect(guessColumnUnit('Kasus TBC per 100.000 penduduk')).toMatchObject({ kind: 'rate', per: 100000 });
    expect(guessColumnUnit('RTLH per 100 RT')).toMatchObject({ kind: 'rate', per: 100 });
  });

  it('reads tingkat and rasio as rates, indeks, skor and rata-rata as scores', () => {
    expect(guessColumnUnit('Tingkat pengangguran terbuka').kind).toBe('rate');
    expect(guessColumnUnit('rasio_rtlh').kind).toBe('rate');
    expect(guessColumnUnit('Indeks Desa Membangun').kind).toBe('score');
    expect(guessColumnUnit('skor_kerentanan').kind).toBe('score');
    expect(guessColumnUnit('Rata-rata lama sekolah').kind).toBe('score');
  });

  it('reads densities (people per km², in one run of letters too) and growth as rates', () => {
    for (const header of ['KEPADATANJIWAKM2', 'population_density_per_km2', 'density', 'Kepadatan penduduk (jiwa/km2)']) {
      expect(guessColumnUnit(header)).toEqual({ kind: 'rate', unit: 'per km²', per: 1 });
    }
    for (const header of ['pertumb', 'Laju pertumbuhan penduduk', 'growth']) {
      expect(guessColumnUnit(header)).toMatchObject({ kind: 'rate', unit: '%' });
    }
  });

  it('leaves counts as counts', () => {
    for (const header of ['Jumlah penduduk', 'jumlah_kk', 'Balita stunting', 'luas_ha', 'luas_km2', 'Jumlah 2019', 'tingkatan']) {
      expect(guessColumnUnit(header).kind).toBe('count');
    }
  });
});
