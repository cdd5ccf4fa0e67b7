/**
 * The map of all of Indonesia (src/state/national.svelte.ts, src/ui/NationalPanel.svelte):
 * Bahasa Indonesia first; English has the same keys and placeholders.
 */
export const nationalId = {
  'national.open': 'Peta seluruh Indonesia',
  'national.back': 'Kembali ke {region}',
  'national.title': 'Seluruh Indonesia',
  'national.subtitle': '{count} desa dan kelurahan',
  'national.indicator': 'Indikator',
  'national.year': 'Tahun',
  'national.classes': 'Jumlah kelas',
  'national.scheme': 'Cara membagi kelas',
  'national.ind.penduduk_miskin': 'Penduduk miskin (%)',
  'national.ind.rtlh': 'RTLH per 100 rumah tangga',
  'national.ind.tanpa_air_layak': 'Rumah tangga tanpa air minum layak (%)',
  'national.synthetic':
    'Semua angka di peta ini adalah contoh sintetis yang dibuat acak untuk mencoba aplikasi, bukan data BPS atau pemerintah daerah. Batas desa/kelurahan nyata.',
  'national.hint': 'Klik sebuah desa atau kelurahan untuk membuka kabupaten/kotanya dengan semua alat analisis.',
  'national.loading': 'Memuat nilai seluruh desa dan kelurahan…',
  'national.missingValues': '{count} desa/kelurahan tanpa nilai',
  'national.attribution': 'Batas desa/kelurahan: cahyadsn/wilayah_boundaries (MIT), Kepmendagri 300.2.2-2138/2025',
  'national.tooltip': '{nama}, {kabkota}',
  'national.noValue': 'tidak ada nilai',
  'national.loadFailed':
    'Peta seluruh Indonesia tidak dapat dimuat ({detail}). Peta kota tetap seperti sebelumnya. Jika aplikasi dipasang sendiri, jalankan npm run data:national sebelum membangun situs.',
  'national.tilesMissing': 'Ubin peta nasional tidak ditemukan di server ini. Jalankan npm run data:national lalu bangun ulang situs.',
  'national.unknownRegion': 'Kabupaten/kota untuk kode {kode} tidak ada dalam daftar wilayah.',
  'national.mapLabel': 'Peta seluruh Indonesia: {indicator}, {tahun}',
} as const;

export const nationalEn: Record<keyof typeof nationalId, string> = {
  'national.open': 'Map of all Indonesia',
  'national.back': 'Back to {region}',
  'national.title': 'All of Indonesia',
  'national.subtitle': '{count} villages (desa and kelurahan)',
  'national.indicator': 'Indicator',
  'national.year': 'Year',
  'national.classes': 'Number of classes',
  'national.scheme': 'How classes are cut',
  'national.ind.penduduk_miskin': 'People in poverty (%)',
  'national.ind.rtlh': 'Uninhabitable houses (RTLH) per 100 households',
  'national.ind.tanpa_air_layak': 'Households without safe drinking water (%)',
  'national.synthetic': 'Every number on this map is a synthetic sample, generated at random to try the app, not BPS or local government data. The village boundaries are real.',
  'national.hint': 'Click a village to open its regency/city with every analysis tool.',
  'national.loading': 'Loading the values of every village…',
  'national.missingValues': '{count} villages without a value',
  'national.attribution': 'Village boundaries: cahyadsn/wilayah_boundaries (MIT), Kepmendagri 300.2.2-2138/2025',
  'national.tooltip': '{nama}, {kabkota}',
  'national.noValue': 'no value',
  'national.loadFailed':
    'The map of all Indonesia could not be loaded ({detail}). The city map stays as it was. If you host the app yourself, run npm run data:national before building the site.',
  'national.tilesMissing': 'The national map tiles are not on this server. Run npm run data:national and rebuild the site.',
  'national.unknownRegion': 'The regency/city of code {kode} is not in the list of regions.',
  'national.mapLabel': 'Map of all Indonesia: {indicator}, {tahun}',
};
