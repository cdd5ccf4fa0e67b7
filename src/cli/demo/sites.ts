/**
 * Synthetic program sites (points): bank sampah units, PMT posts at posyandu,
 * a UMKM service centre, a gerobak hand-over point and an RTLH field post per
 * city. Each sits in a kelurahan where its program is actually active in the
 * demo rows, at a random point strictly inside that kelurahan's polygon.
 */
import type { Random } from '../../analysis/random';
import type { CityModel, KelurahanModel } from './city-model';
import { randomPointInside } from './geometry';
import type { IndicatorRow, ProgramId, ProgramRow, SiteRow } from './types';

const BANK_SAMPAH_NAMES = ['Berseri', 'Lestari', 'Mandiri', 'Sejahtera', 'Berkah', 'Makmur', 'Hijau', 'Guyub'];
const POSYANDU_NAMES = ['Melati', 'Mawar', 'Anggrek', 'Kenanga', 'Dahlia', 'Cempaka', 'Flamboyan', 'Teratai'];

/** Site id without a running number yet. */
type SiteDraft = Omit<SiteRow, 'id'>;

/** Weighted draw of `count` distinct indices; zero weights are never drawn. */
function drawDistinct(weights: readonly number[], count: number, random: Random): number[] {
  const left = [...weights];
  const picked: number[] = [];
  while (picked.length < count) {
    const total = left.reduce((s, w) => s + w, 0);
    if (total <= 0) break;
    let u = random.next() * total;
    let index = left.findIndex((w) => (u -= w) < 0);
    if (index < 0) index = left.findLastIndex((w) => w > 0);
    picked.push(index);
    left[index] = 0;
  }
  return picked;
}

/** Sites of one city, given its indicator and program rows for all years. */
export function citySites(model: CityModel, indicators: readonly IndicatorRow[], programs: readonly ProgramRow[], random: Random): SiteRow[] {
  const kel = model.kelurahan;
  const indexOf = new Map(kel.map((m, i) => [m.kode, i]));
  const features = kel.map((m) => m.feature);
  /** Per kelurahan: total penerima of a program, and the first year it was non-zero. */
  const reach = (program: ProgramId): { total: number[]; first: number[] } => {
    const total = new Array<number>(kel.length).fill(0);
    const first = new Array<number>(kel.length).fill(Number.POSITIVE_INFINITY);
    for (const r of programs) {
      if (r.program !== program || r.penerima === 0) continue;
      const i = indexOf.get(r.kode)!;
      total[i] += r.penerima;
      first[i] = Math.min(first[i], r.tahun);
    }
    return { total, first };
  };
  const place = (m: KelurahanModel): { lat: number; lon: number } => {
    const [lon, lat] = randomPointInside(
      m.feature,
      features.filter((f) => f !== m.feature),
      random,
    );
    return { lat, lon };
  };
  const drafts: SiteDraft[] = [];

  const bank = reach('bank_sampah');
  for (const i of drawDistinct(bank.total, 3, random)) {
    const name = BANK_SAMPAH_NAMES[random.int(0, BANK_SAMPAH_NAMES.length - 1)];
    const nama = `Bank Sampah ${name} ${kel[i].feature.properties.kelurahan}`;
    drafts.push({ program: 'bank_sampah', nama, kode: kel[i].kode, ...place(kel[i]), tahun: bank.first[i] });
  }

  // PMT posts go where the most children and mothers are eligible.
  const lastYear = Math.max(...indicators.map((r) => r.tahun));
  const pmtNeed = kel.map((m) => programs.find((r) => r.kode === m.kode && r.tahun === lastYear && r.program === 'pmt')?.sasaran ?? 0);
  for (const i of drawDistinct(
    pmtNeed.map((v) => v * v),
    2,
    random,
  )) {
    const name = POSYANDU_NAMES[random.int(0, POSYANDU_NAMES.length - 1)];
    const rw = String(random.int(1, 12)).padStart(2, '0');
    const nama = `Pos PMT Posyandu ${name} RW ${rw}`;
    drafts.push({ program: 'pmt', nama, kode: kel[i].kode, ...place(kel[i]), tahun: random.int(2021, lastYear) });
  }

  // One UMKM service centre, in one of the most populous kelurahan.
  const population = kel.map((m) => indicators.find((r) => r.kode === m.kode && r.tahun === lastYear)?.penduduk ?? 0);
  const [umkm] = drawDistinct(
    population.map((v) => v ** 4),
    1,
    random,
  );
  const cityName = model.city.nama.replace(/^Kota (Adm\. )?/, '');
  drafts.push({ program: 'pelatihan_umkm', nama: `Pusat Layanan UMKM ${cityName}`, kode: kel[umkm].kode, ...place(kel[umkm]), tahun: 2021 });

  const gerobak = reach('gerobak_usaha');
  const [g] = drawDistinct(gerobak.total, 1, random);
  if (g !== undefined) {
    const nama = `Titik Serah Gerobak Usaha Kecamatan ${kel[g].feature.properties.kecamatan}`;
    drafts.push({ program: 'gerobak_usaha', nama, kode: kel[g].kode, ...place(kel[g]), tahun: gerobak.first[g] });
  }

  // The RTLH field post sits in the kelurahan with the largest RTLH stock in 2021.
  const firstYear = Math.min(...indicators.map((r) => r.tahun));
  const rtlh = kel.map((m) => indicators.find((r) => r.kode === m.kode && r.tahun === firstYear)?.rtlh ?? 0);
  const top = rtlh.indexOf(Math.max(...rtlh));
  drafts.push({
    program: 'perbaikan_rtlh',
    nama: `Posko Penataan Kawasan ${kel[top].feature.properties.kelurahan}`,
    kode: kel[top].kode,
    ...place(kel[top]),
    tahun: firstYear,
  });

  const prefix = `LP-${model.city.kode.replace('.', '')}`;
  return drafts
    .sort((a, b) => (a.kode < b.kode ? -1 : a.kode > b.kode ? 1 : a.program < b.program ? -1 : a.program > b.program ? 1 : 0))
    .map((d, i) => ({ id: `${prefix}-${String(i + 1).padStart(2, '0')}`, ...d }));
}
