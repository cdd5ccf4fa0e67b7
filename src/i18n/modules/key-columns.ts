/** Messages of the key-column choice: its evidence and warnings (Bahasa Indonesia first; English must have the same keys). */
export const keyColumnsId = {
  'keyColumns.evidence.kemendagri-codes': '{matched} dari {of} nilai berbeda adalah kode Kemendagri wilayah ini',
  'keyColumns.evidence.bps-codes': '{matched} dari {of} nilai berbeda adalah kode BPS kabupaten/kota ini',
  'keyColumns.evidence.spoiled-codes': '{matched} dari {of} nilai berbeda adalah kode yang dirusak Excel (3,37E+09)',
  'keyColumns.evidence.kelurahan-names': '{matched} dari {of} nilai berbeda adalah nama kelurahan wilayah ini',
  'keyColumns.evidence.kecamatan-names': '{matched} dari {of} nilai berbeda adalah nama kecamatan wilayah ini',
  'keyColumns.evidence.kecamatan-codes': '{matched} dari {of} nilai berbeda adalah kode kecamatan wilayah ini',
  'keyColumns.evidence.years': '{matched} dari {of} nilai berbeda adalah tahun',
  'keyColumns.covers': 'mencakup {covers} dari {size} {unit}',
  'keyColumns.headerOnly': 'dipilih dari judul kolom',
  'keyColumns.kecamatanValues': 'sebagian besar nama kecamatan',
  'keyColumns.none': 'tidak ada kolom yang cocok',
  'keyColumns.runnerUp': 'calon lain',
  'keyColumns.sampled': 'Diuji pada {rows} baris terhadap {kelurahan} kelurahan wilayah ini.',
  'keyColumns.use': 'Pakai {column}',
  'keyColumns.warn.kecamatanAsName':
    'Kolom {column} berisi nama kecamatan, bukan kelurahan: baris-baris satu kecamatan akan jatuh ke satu kelurahan (ganda) dan sekitar {missing} dari {size} kelurahan tidak mendapat nilai.',
  'keyColumns.warn.bpsCode': 'Kolom {column} berisi kode BPS, yang berbeda dari kode Kemendagri pada batas wilayah; kolom {better} berisi kode Kemendagri.',
  'keyColumns.warn.better':
    'Kolom {column} hanya mencakup {covers} dari {size} {unit}; kolom {better} mencakup {betterCovers}. Dengan pilihan ini banyak {unit} akan kosong atau bernilai ganda.',
  'keyColumns.warn.missing': 'Kolom {column} hanya mencakup {covers} dari {size} kelurahan wilayah ini: sekitar {missing} kelurahan akan tanpa nilai.',
};

export const keyColumnsEn: Record<keyof typeof keyColumnsId, string> = {
  'keyColumns.evidence.kemendagri-codes': '{matched} of {of} distinct values are Kemendagri codes of this region',
  'keyColumns.evidence.bps-codes': "{matched} of {of} distinct values are BPS codes of this region's kab/kota",
  'keyColumns.evidence.spoiled-codes': '{matched} of {of} distinct values are codes spoiled by Excel (3.37E+09)',
  'keyColumns.evidence.kelurahan-names': '{matched} of {of} distinct values are kelurahan names of this region',
  'keyColumns.evidence.kecamatan-names': '{matched} of {of} distinct values are kecamatan names of this region',
  'keyColumns.evidence.kecamatan-codes': '{matched} of {of} distinct values are kecamatan codes of this region',
  'keyColumns.evidence.years': '{matched} of {of} distinct values are years',
  'keyColumns.covers': 'covering {covers} of {size} {unit}',
  'keyColumns.headerOnly': 'chosen by its header',
  'keyColumns.kecamatanValues': 'mostly kecamatan names',
  'keyColumns.none': 'no column fits',
  'keyColumns.runnerUp': 'runner-up',
  'keyColumns.sampled': 'Tested on {rows} rows against the {kelurahan} kelurahan of this region.',
  'keyColumns.use': 'Use {column}',
  'keyColumns.warn.kecamatanAsName':
    'Column {column} holds kecamatan names, not kelurahan: the rows of a kecamatan would land on one kelurahan (duplicates) and about {missing} of {size} kelurahan would get no value.',
  'keyColumns.warn.bpsCode': 'Column {column} holds BPS codes, which differ from the Kemendagri codes of the boundaries; column {better} holds Kemendagri codes.',
  'keyColumns.warn.better':
    'Column {column} covers only {covers} of {size} {unit}; column {better} covers {betterCovers}. With this choice many {unit} would be empty or duplicated.',
  'keyColumns.warn.missing': 'Column {column} covers only {covers} of the {size} kelurahan of this region: about {missing} kelurahan would have no value.',
};
