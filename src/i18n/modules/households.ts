/** Messages of the households module (Bahasa Indonesia first; English must have the same keys). */
export const householdsId = {
  // Errors the user can cause (thrown as ImportError by src/data/households.ts).
  'households.columnMissing':
    'Kolom "{column}" tidak ada di tabel {table}. Pilih kolom yang berisi data tersebut atau ganti nama kolomnya di berkas, lalu impor lagi.',
  'households.columnType.text': 'Kolom "{column}" di tabel {table} harus berisi teks (kode atau nomor rumah tangga).',
  'households.columnType.integer': 'Kolom "{column}" di tabel {table} harus berisi bilangan bulat, misalnya desil 1 sampai 10 atau tahun 2025.',
  'households.columnType.boolean':
    'Kolom "{column}" di tabel {table} harus berisi ya/tidak (atau 1/0). Periksa isinya; sel kosong dibaca sebagai tidak diketahui.',
  'households.noDeprivation': 'Pilih paling sedikit satu indikator deprivasi (misalnya RTLH atau tanpa air layak) untuk menghitung kemiskinan multidimensi.',
  'households.deprivationTwice': 'Indikator "{column}" dipilih dua kali. Hapus salah satunya.',
  'households.weightInvalid': 'Bobot indikator "{column}" adalah {weight}; bobot harus angka lebih dari 0. Isi bobot positif atau keluarkan indikator ini.',
  'households.kInvalid': 'Batas miskin k = {k} tidak berlaku. Isi angka lebih dari 0 dan paling besar 1, misalnya 0,33 (sepertiga dari seluruh bobot).',
  'households.eligibleInvalid': 'Batas desil sasaran {desil} tidak berlaku. Isi bilangan bulat 1 sampai 10; biasanya 4 (desil 1–4 DTSEN).',
  // Personal data found in an imported table.
  'households.pii.title': 'Data pribadi terdeteksi',
  'households.pii.explain':
    'Kolom berikut tampaknya berisi data pribadi. Isinya tidak akan ditampilkan di peta, di keterangan, maupun di berkas ekspor; yang ditampilkan hanya jumlah per kelurahan.',
  'households.pii.byHeader': 'Kolom "{column}": nama kolomnya menunjukkan data pribadi.',
  'households.pii.byContent': 'Kolom "{column}": {matched} dari {checked} nilai contoh berbentuk data pribadi.',
  'households.pii.kind.nik': 'NIK (nomor induk kependudukan)',
  'households.pii.kind.kk': 'Nomor kartu keluarga (KK)',
  'households.pii.kind.name': 'Nama orang',
  'households.pii.kind.phone': 'Nomor telepon',
  'households.pii.kind.address': 'Alamat',
  // Suppression of small counts.
  'households.suppression.threshold': 'Sembunyikan jumlah di bawah',
  'households.suppression.explain':
    'Jumlah 1 sampai {below} rumah tangga ditampilkan sebagai "<{threshold}" agar keluarga tidak dapat dikenali. Angka 0 tetap ditampilkan.',
  'households.suppression.thresholdInvalid': 'Batas penyembunyian harus bilangan bulat 1 atau lebih; 1 berarti tidak ada yang disembunyikan.',
  // Summary of an aggregation.
  'households.summary.rows': '{rows} baris rumah tangga dibaca.',
  'households.summary.notJoined': '{n} rumah tangga tidak cocok dengan kelurahan mana pun dan tidak dihitung.',
  'households.summary.desilUnknown': '{n} rumah tangga tanpa desil yang sah (1–10); dihitung sebagai desil tidak diketahui.',
  'households.summary.incomplete':
    '{n} rumah tangga tidak lengkap (ada indikator yang kosong); tidak ikut dihitung dalam kemiskinan multidimensi.',
  'households.summary.duplicates': '{ids} nomor rumah tangga muncul lebih dari sekali ({rows} baris lebih); semua baris tetap dihitung. Periksa berkasnya.',
  'households.summary.missingIds': '{n} baris tanpa nomor rumah tangga (id_rt).',
  // Alkire-Foster figures.
  'households.af.title': 'Kemiskinan multidimensi (Alkire-Foster)',
  'households.af.h': 'Persentase rumah tangga miskin multidimensi (H)',
  'households.af.a': 'Intensitas: rata-rata skor deprivasi rumah tangga miskin (A)',
  'households.af.m0': 'Indeks kemiskinan multidimensi M0 = H × A',
  'households.af.contribution': 'Sumbangan {indicator} terhadap M0',
  'households.af.k': 'Batas miskin k (bagian dari total bobot)',
  'households.af.kExplain': 'Rumah tangga dihitung miskin bila jumlah bobot indikator yang tidak terpenuhi sama dengan atau lebih dari k.',
  'households.af.weight': 'Bobot {indicator}',
  'households.af.noPoor': 'Tidak ada rumah tangga miskin multidimensi; sumbangan indikator tidak dapat dihitung.',
  // Beneficiary matching.
  'households.match.eligibleServed': 'Layak dan menerima',
  'households.match.exclusion': 'Layak tetapi tidak menerima (exclusion error)',
  'households.match.inclusion': 'Menerima tetapi tidak layak (inclusion error)',
  'households.match.unknownDesil': 'Menerima, desil tidak diketahui',
  'households.match.unknownHousehold': 'Penerima yang tidak ada di data rumah tangga',
  'households.match.unknownSummary':
    '{n} nomor rumah tangga penerima tidak ditemukan di data rumah tangga. Mungkin pindah, meninggal, atau nomornya salah ketik.',
  'households.match.duplicateBeneficiaries': '{n} baris penerima ganda (rumah tangga, program dan tahun yang sama) dihitung satu kali.',
  'households.match.eligibleRule': 'Sasaran: rumah tangga desil 1 sampai {desil}.',
  // Demo data.
  'households.demo.synthetic':
    'Data rumah tangga contoh (sintetis): nama, NIK dan nomor rumah tangga dibuat acak oleh program, bukan orang sungguhan.',
} as const;

export const householdsEn: Record<keyof typeof householdsId, string> = {
  'households.columnMissing': 'Column "{column}" is not in table {table}. Choose the column holding this data or rename it in the file, then import again.',
  'households.columnType.text': 'Column "{column}" of table {table} must hold text (a code or a household number).',
  'households.columnType.integer': 'Column "{column}" of table {table} must hold whole numbers, e.g. desil 1 to 10 or the year 2025.',
  'households.columnType.boolean':
    'Column "{column}" of table {table} must hold yes/no (ya/tidak or 1/0). Check its values; empty cells are read as unknown.',
  'households.noDeprivation': 'Choose at least one deprivation indicator (e.g. RTLH or no safe water) to compute multidimensional poverty.',
  'households.deprivationTwice': 'Indicator "{column}" is chosen twice. Remove one of them.',
  'households.weightInvalid': 'The weight of indicator "{column}" is {weight}; weights must be numbers above 0. Enter a positive weight or leave the indicator out.',
  'households.kInvalid': 'The poverty cut-off k = {k} is not valid. Enter a number above 0 and at most 1, e.g. 0.33 (a third of all weights).',
  'households.eligibleInvalid': 'The eligibility desil {desil} is not valid. Enter a whole number from 1 to 10; usually 4 (DTSEN desil 1–4).',
  'households.pii.title': 'Personal data detected',
  'households.pii.explain':
    'The following columns seem to hold personal data. Their values are never shown on the map, in tooltips or in exported files; only counts per kelurahan are shown.',
  'households.pii.byHeader': 'Column "{column}": its name indicates personal data.',
  'households.pii.byContent': 'Column "{column}": {matched} of {checked} sampled values look like personal data.',
  'households.pii.kind.nik': 'NIK (national identity number)',
  'households.pii.kind.kk': 'Family card (KK) number',
  'households.pii.kind.name': 'Personal name',
  'households.pii.kind.phone': 'Phone number',
  'households.pii.kind.address': 'Address',
  'households.suppression.threshold': 'Hide counts below',
  'households.suppression.explain':
    'Counts of 1 to {below} households are shown as "<{threshold}" so that no family can be recognised. Zero is still shown.',
  'households.suppression.thresholdInvalid': 'The suppression threshold must be a whole number of 1 or more; 1 means nothing is hidden.',
  'households.summary.rows': '{rows} household rows read.',
  'households.summary.notJoined': '{n} households matched no kelurahan and are not counted.',
  'households.summary.desilUnknown': '{n} households have no valid desil (1–10); counted as desil unknown.',
  'households.summary.incomplete': '{n} households are incomplete (an indicator is empty); they are left out of multidimensional poverty.',
  'households.summary.duplicates': '{ids} household numbers appear more than once ({rows} extra rows); every row is still counted. Check the file.',
  'households.summary.missingIds': '{n} rows have no household number (id_rt).',
  'households.af.title': 'Multidimensional poverty (Alkire-Foster)',
  'households.af.h': 'Share of households in multidimensional poverty (H)',
  'households.af.a': 'Intensity: average deprivation score of poor households (A)',
  'households.af.m0': 'Multidimensional poverty index M0 = H × A',
  'households.af.contribution': 'Contribution of {indicator} to M0',
  'households.af.k': 'Poverty cut-off k (share of all weights)',
  'households.af.kExplain': 'A household is poor when the weights of the indicators it is deprived in add up to k or more.',
  'households.af.weight': 'Weight of {indicator}',
  'households.af.noPoor': 'No household is multidimensionally poor; indicator contributions cannot be computed.',
  'households.match.eligibleServed': 'Eligible and served',
  'households.match.exclusion': 'Eligible but not served (exclusion error)',
  'households.match.inclusion': 'Served but not eligible (inclusion error)',
  'households.match.unknownDesil': 'Served, desil unknown',
  'households.match.unknownHousehold': 'Beneficiaries not in the household records',
  'households.match.unknownSummary':
    '{n} beneficiary household numbers are not in the household records. They may have moved or died, or the number may be mistyped.',
  'households.match.duplicateBeneficiaries': '{n} duplicate beneficiary rows (same household, program and year) are counted once.',
  'households.match.eligibleRule': 'Eligible: households in desil 1 to {desil}.',
  'households.demo.synthetic':
    'Sample household data (synthetic): names, NIK and household numbers are generated at random by the program, not real people.',
};
