/**
 * Messages of RTLH targeting (src/analysis/targeting.ts): the reasons a kelurahan is on the
 * target list and the problems of a budget. Bahasa Indonesia first; English has the same keys
 * and placeholders. Numbers in {value}, {units}… arrive as numbers: format them (formatNumber)
 * before translating, so Indonesian readers see 41,2 and 1.234.
 */
export const targetingId = {
  'targeting.reason.units': '{value} unit RTLH, peringkat {rank} dari {n} kelurahan',
  'targeting.reason.per100': '{value} RTLH per 100 rumah tangga, peringkat {rank} dari {n} kelurahan',
  'targeting.reason.perKm2': '{value} RTLH per km², peringkat {rank} dari {n} kelurahan',
  'targeting.reason.count': '{units} unit RTLH belum diperbaiki',
  'targeting.reason.countOne': '1 unit RTLH belum diperbaiki',
  'targeting.reason.remaining': 'tersisa {remaining} dari {units} unit RTLH setelah dikurangi yang sudah diperbaiki',
  'targeting.reason.cluster.HH': 'berada di kantong RTLH: klaster Tinggi-Tinggi (LISA), tetangganya juga tinggi',
  'targeting.reason.cluster.HL': 'pencilan Tinggi-Rendah (LISA): tinggi di antara tetangga yang rendah',
  'targeting.reason.cluster.LH': 'klaster Rendah-Tinggi (LISA): rendah tetapi dikelilingi kelurahan yang tinggi',
  'targeting.reason.cluster.LL': 'klaster Rendah-Rendah (LISA)',
  'targeting.reason.composite': 'indeks komposit {value} (dipakai bila nilai RTLH sama)',
  'targeting.reason.repaired': '{units} unit RTLH sudah diperbaiki pada {from}–{to}',
  'targeting.reason.repairedOne': '1 unit RTLH sudah diperbaiki pada {from}–{to}',
  'targeting.reason.included': 'ditambahkan sendiri oleh pengguna di peta',
  'targeting.reason.kept': 'sudah dalam daftar saat pengguna menambahkan kelurahan lain, jadi dipertahankan',
  'targeting.budget.missing': 'Isi jumlah unit, atau total anggaran beserta biaya per unit.',
  'targeting.budget.costMissing': 'Total anggaran perlu biaya per unit yang lebih dari 0 (misalnya 20.000.000 rupiah per rumah) agar bisa dihitung jumlah unitnya.',
  'targeting.budget.negative': 'Jumlah unit, total anggaran dan biaya per unit harus berupa angka 0 atau lebih.',
  'targeting.note.households': 'Satu unit rumah yang diperbaiki = satu rumah tangga yang terjangkau.',
  'targeting.area.error.empty': 'Kawasan tidak berisi poligon. Gambar ulang dengan paling sedikit tiga titik, atau unggah berkas GeoJSON/Shapefile berisi poligon.',
  'targeting.area.error.invalid':
    'Koordinat kawasan tidak sah (kosong, bukan angka, atau di luar bujur −180..180 / lintang −90..90). Periksa proyeksi berkasnya (harus WGS84 / EPSG:4326) lalu unggah ulang.',
  'targeting.area.error.self-intersection': 'Garis batas kawasan saling berpotongan (seperti angka 8). Gambar ulang kawasan dengan titik-titik berurutan mengelilingi wilayahnya.',
  'targeting.area.error.too-small': 'Kawasan terlalu kecil (kurang dari 1 m²), mungkin karena klik ganda. Gambar ulang kawasan yang lebih luas.',
  'targeting.area.error.failed': 'Bentuk kawasan tidak dapat dihitung. Sederhanakan poligonnya (lebih sedikit titik) lalu coba lagi.',
  'targeting.area.apportioned': 'Dibagi menurut luas: setiap kelurahan dihitung sebesar bagian luasnya yang masuk kawasan, dengan anggapan sebaran merata di kelurahan itu.',
} as const;

export const targetingEn: Record<keyof typeof targetingId, string> = {
  'targeting.reason.units': '{value} RTLH units, rank {rank} of {n} kelurahan',
  'targeting.reason.per100': '{value} RTLH per 100 households, rank {rank} of {n} kelurahan',
  'targeting.reason.perKm2': '{value} RTLH per km², rank {rank} of {n} kelurahan',
  'targeting.reason.count': '{units} RTLH units not yet repaired',
  'targeting.reason.countOne': '1 RTLH unit not yet repaired',
  'targeting.reason.remaining': '{remaining} of {units} RTLH units left after past repairs',
  'targeting.reason.cluster.HH': 'in an RTLH pocket: a High-High cluster (LISA), its neighbours are high too',
  'targeting.reason.cluster.HL': 'a High-Low outlier (LISA): high among low neighbours',
  'targeting.reason.cluster.LH': 'a Low-High cluster (LISA): low but surrounded by high kelurahan',
  'targeting.reason.cluster.LL': 'a Low-Low cluster (LISA)',
  'targeting.reason.composite': 'composite index {value} (used when RTLH values tie)',
  'targeting.reason.repaired': '{units} RTLH units repaired in {from}–{to}',
  'targeting.reason.repairedOne': '1 RTLH unit repaired in {from}–{to}',
  'targeting.reason.included': 'added by the user on the map',
  'targeting.reason.kept': 'already on the list when the user added another kelurahan, so it was kept',
  'targeting.budget.missing': 'Enter a number of units, or a total budget and a cost per unit.',
  'targeting.budget.costMissing': 'A total budget needs a cost per unit above 0 (e.g. 20,000,000 rupiah per house) to work out the number of units.',
  'targeting.budget.negative': 'Units, total budget and cost per unit must be numbers of 0 or more.',
  'targeting.note.households': 'One repaired house = one household reached.',
  'targeting.area.error.empty': 'The area holds no polygon. Draw it again with at least three points, or upload a GeoJSON/Shapefile with a polygon.',
  'targeting.area.error.invalid':
    'The area has invalid coordinates (empty, not numbers, or outside longitude −180..180 / latitude −90..90). Check the file’s projection (it must be WGS84 / EPSG:4326) and upload it again.',
  'targeting.area.error.self-intersection': 'The area’s outline crosses itself (like a figure 8). Draw it again, placing the points in order around the area.',
  'targeting.area.error.too-small': 'The area is too small (under 1 m²), perhaps a double click. Draw a larger area.',
  'targeting.area.error.failed': 'The area’s shape could not be computed. Simplify the polygon (fewer points) and try again.',
  'targeting.area.apportioned': 'Apportioned by area: each kelurahan counts for the share of its area inside the kawasan, assuming an even spread within the kelurahan.',
};
