/** Messages of the join module (Bahasa Indonesia first; English must have the same keys). */
export const joinId = {
  'join.csv.row': 'Baris',
  'join.csv.kode': 'Kode (di tabel)',
  'join.csv.nama': 'Kelurahan (di tabel)',
  'join.csv.kecamatan': 'Kecamatan (di tabel)',
  'join.csv.tahun': 'Tahun',
  'join.csv.result': 'Hasil',
  'join.csv.matchedKode': 'Kode kelurahan',
  'join.csv.matchedNama': 'Nama kelurahan',
  'join.csv.distance': 'Jarak ejaan',
  'join.csv.reason': 'Keterangan',

  'join.status.code': 'cocok lewat kode',
  'join.status.name': 'cocok lewat nama',
  'join.status.fuzzy': 'nama mirip (perlu diperiksa)',
  'join.status.manual': 'dipilih sendiri',
  'join.status.unmatched': 'tidak cocok',
  'join.status.duplicate': 'ganda',
  'join.status.missing': 'tidak ada baris',

  'join.reason.empty': 'Kode dan nama kelurahan kosong. Isi salah satunya atau pilih kelurahan sendiri.',
  'join.reason.bps-code':
    'Kode {kode} tampaknya kode BPS (2-2-3-3 angka), bukan kode Kemendagri, dan tidak ada nama kelurahan yang cocok. Isi kolom nama kelurahan atau pakai tabel padanan kode BPS–Kemendagri.',
  'join.reason.unknown-code':
    'Kode {kode} tidak ada di wilayah ini, dan nama kelurahan tidak membantu. Periksa kodenya (format PP.KK.CC.DDDD, misalnya 33.72.03.1002) atau pilih kelurahan sendiri.',
  'join.reason.other-region': 'Kode {kode} milik kabupaten/kota lain ({kabKota}), bukan wilayah yang dipilih. Baris ini tidak dipakai kecuali Anda memilih kelurahannya sendiri.',
  'join.reason.no-name-match': 'Tidak ada kelurahan bernama "{nama}" di wilayah ini, juga yang ejaannya mirip. Periksa ejaannya atau pilih kelurahan sendiri.',
  'join.reason.ambiguous-name': 'Nama "{nama}" cocok dengan lebih dari satu kelurahan: {candidates}. Isi kolom kecamatan atau pilih kelurahan sendiri.',
  'join.reason.unreliable-number':
    'Kode {kode} tertulis sebagai angka ilmiah oleh Excel, sehingga angka terakhirnya hilang. Format kolom kode sebagai Teks di Excel, lalu ekspor ulang.',
  'join.reason.other-kecamatan':
    'Nama "{nama}" ada di {elsewhere}, bukan di Kecamatan {kecamatan} yang ditulis. Baris ini tidak dipakai kecuali Anda memilih kelurahannya sendiri.',
  'join.kecamatanOf': 'Kecamatan {kecamatan}',
  'join.reason.nearInKecamatan': 'Di Kecamatan {kecamatan}, ejaan paling mirip: {near}, jarak {distance}.',
  'join.reason.outside-region': 'Kecamatan "{kecamatan}" bukan kecamatan di wilayah ini. Baris ini tidak dipakai kecuali Anda memilih kelurahannya sendiri.',
  'join.reason.kecamatanAmbiguous': 'Kecamatan "{kecamatan}" mirip dengan beberapa kecamatan ({candidates}), sehingga nama kelurahan dicocokkan di seluruh wilayah.',
  'join.reason.kecamatanUnrecognised':
    'Kecamatan "{kecamatan}" tidak dapat diperiksa terhadap batas wilayah ini (bukan nama kecamatan atau kode 6 angka yang dikenal), sehingga nama kelurahan dicocokkan di seluruh wilayah.',
  'join.reason.fuzzy': 'Ejaan "{nama}" paling mirip dengan {kelurahan}, jarak {distance}. Terima atau tolak usulan ini.',
  'join.reason.duplicate': '{rows} baris untuk kelurahan yang sama. Jumlahkan, rata-ratakan, atau tolak.',
  'join.reason.duplicateYear': '{rows} baris untuk kelurahan yang sama pada tahun {tahun}. Jumlahkan, rata-ratakan, atau tolak.',
  'join.reason.missing': 'Kelurahan ini tidak punya baris di tabel; di peta akan tampil tanpa data.',

  'join.codeSystem.bps':
    'Kode di tabel ini tampaknya kode BPS (2-2-3-3 angka), bukan kode Kemendagri, sehingga tidak dipakai untuk mencocokkan. Baris dicocokkan lewat nama kelurahan; untuk memakai kode, gunakan tabel padanan kode BPS–Kemendagri.',
  'join.ui.kecamatanFallback': '{n} baris dicocokkan di seluruh wilayah karena kecamatannya tidak dapat dipastikan (baris {rows}). Periksa kolom kecamatan.',

  'join.codeSystem.mixed':
    'Kolom kode berisi campuran kode Kemendagri dan kode yang tampaknya kode BPS. Kode Kemendagri dipakai; baris berkode BPS dicocokkan lewat nama kelurahan. Periksa laporan pencocokan.',

  'join.error.noKeyColumn': 'Tidak ditemukan kolom kode wilayah atau nama kelurahan. Pilih kolom yang berisi kode Kemendagri (misalnya 33.72.03.1002) atau nama kelurahan.',
  'join.error.manualUnknownKode': 'Kode {kode} yang dipilih untuk baris {row} bukan kelurahan di wilayah ini. Pilih kelurahan dari daftar.',
} as const;

export const joinEn: Record<keyof typeof joinId, string> = {
  'join.csv.row': 'Row',
  'join.csv.kode': 'Code (in table)',
  'join.csv.nama': 'Kelurahan (in table)',
  'join.csv.kecamatan': 'Kecamatan (in table)',
  'join.csv.tahun': 'Year',
  'join.csv.result': 'Result',
  'join.csv.matchedKode': 'Kelurahan code',
  'join.csv.matchedNama': 'Kelurahan name',
  'join.csv.distance': 'Spelling distance',
  'join.csv.reason': 'Note',

  'join.status.code': 'matched by code',
  'join.status.name': 'matched by name',
  'join.status.fuzzy': 'similar name (to check)',
  'join.status.manual': 'chosen by hand',
  'join.status.unmatched': 'unmatched',
  'join.status.duplicate': 'duplicate',
  'join.status.missing': 'no row',

  'join.reason.empty': 'Both the code and the kelurahan name are empty. Fill in one of them or choose the kelurahan by hand.',
  'join.reason.bps-code':
    'Code {kode} looks like a BPS code (2-2-3-3 digits), not a Kemendagri code, and no kelurahan name matches. Fill in the kelurahan name column or use a BPS–Kemendagri code crosswalk.',
  'join.reason.unknown-code':
    'Code {kode} does not exist in this region, and the kelurahan name does not help. Check the code (format PP.KK.CC.DDDD, e.g. 33.72.03.1002) or choose the kelurahan by hand.',
  'join.reason.other-region': 'Code {kode} belongs to another kabupaten/kota ({kabKota}), not the chosen region. This row is left out unless you choose its kelurahan by hand.',
  'join.reason.no-name-match': 'No kelurahan called "{nama}", or spelled similarly, exists in this region. Check the spelling or choose the kelurahan by hand.',
  'join.reason.ambiguous-name': 'The name "{nama}" matches more than one kelurahan: {candidates}. Fill in the kecamatan column or choose the kelurahan by hand.',
  'join.reason.unreliable-number':
    'Code {kode} was written in scientific notation by Excel, so its last digits are lost. Format the code column as Text in Excel and export again.',
  'join.reason.other-kecamatan':
    'The name "{nama}" exists in {elsewhere}, not in the kecamatan written ({kecamatan}). This row is left out unless you choose its kelurahan by hand.',
  'join.kecamatanOf': 'kecamatan {kecamatan}',
  'join.reason.nearInKecamatan': 'In kecamatan {kecamatan}, the closest spelling is {near}, distance {distance}.',
  'join.reason.outside-region': 'Kecamatan "{kecamatan}" is not a kecamatan of this region. This row is left out unless you choose its kelurahan by hand.',
  'join.reason.kecamatanAmbiguous': 'Kecamatan "{kecamatan}" is close to several kecamatan ({candidates}), so the kelurahan name was matched across the whole region.',
  'join.reason.kecamatanUnrecognised':
    'Kecamatan "{kecamatan}" cannot be checked against these boundaries (not a known kecamatan name or 6-digit code), so the kelurahan name was matched across the whole region.',
  'join.reason.fuzzy': 'The spelling "{nama}" is closest to {kelurahan}, distance {distance}. Accept or reject this suggestion.',
  'join.reason.duplicate': '{rows} rows for the same kelurahan. Sum them, average them or reject them.',
  'join.reason.duplicateYear': '{rows} rows for the same kelurahan in {tahun}. Sum them, average them or reject them.',
  'join.reason.missing': 'This kelurahan has no row in the table; the map will show it without data.',

  'join.codeSystem.bps':
    'The codes in this table look like BPS codes (2-2-3-3 digits), not Kemendagri codes, so they are not used for matching. Rows are matched by kelurahan name; to use the codes, apply a BPS–Kemendagri code crosswalk.',
  'join.ui.kecamatanFallback': '{n} rows were matched across the whole region because their kecamatan could not be made out (rows {rows}). Check the kecamatan column.',

  'join.codeSystem.mixed':
    'The code column mixes Kemendagri codes with codes that look like BPS codes. The Kemendagri codes are used; rows with BPS codes are matched by kelurahan name. Check the join report.',

  'join.error.noKeyColumn': 'No column with region codes or kelurahan names was found. Choose the column holding Kemendagri codes (e.g. 33.72.03.1002) or kelurahan names.',
  'join.error.manualUnknownKode': 'Code {kode} chosen for row {row} is not a kelurahan of this region. Choose a kelurahan from the list.',
};
