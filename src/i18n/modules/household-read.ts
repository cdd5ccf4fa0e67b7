/**
 * Messages of checking and reading a whole household file for its aggregates
 * (src/data/household-file-check.ts, household-read-sql.ts) and of `peta-kantong households`
 * (Bahasa Indonesia first; English must have the same keys).
 */
export const householdReadId = {
  'householdRead.excel':
    '{file} adalah buku kerja Excel. Data rumah tangga sebesar ini dibaca dari CSV atau Parquet: buka di Excel lalu Simpan Sebagai "CSV UTF-8 (dibatasi koma)".',
  'householdRead.truncated':
    '{file} terpotong: baris terakhirnya tidak lengkap (mungkin salinan atau unduhan terhenti). Salin atau ekspor ulang berkas lengkapnya; tidak ada hasil yang ditulis.',
  'householdRead.badRow': '{file} tidak dapat dibaca sampai habis: {detail}. Periksa apakah berkasnya terpotong atau kolomnya bergeser; tidak ada hasil yang ditulis.',
  'householdRead.noRows': '{file} hanya berisi judul kolom, tanpa satu pun baris rumah tangga.',
  'householdRead.noFiles': 'Tidak ada berkas yang cocok dengan {pattern}.',
  'householdRead.mixedFormats': 'Berkas CSV dan Parquet tidak dapat dibaca bersama ({files}). Pilih satu jenis berkas.',
  'householdRead.noKode': 'Tidak ditemukan kolom kode wilayah (kode kelurahan/desa) di {file}. Kolom yang ada: {columns}.',
  'householdRead.noDesil': 'Tidak ditemukan kolom desil di {file}. Kolom yang ada: {columns}.',
  'householdRead.columnNotFound': 'Kolom "{column}" tidak ada di {file}. Kolom yang ada: {columns}.',
  'householdRead.personalColumn': 'Kolom "{column}" tampak berisi data pribadi ({kind}) dan tidak dipakai untuk agregasi. Pilih kolom lain.',
  'householdRead.noDeprivation': 'Tidak ada kolom ya/tidak yang dapat dipakai sebagai deprivasi di {file}. Sebutkan kolomnya.',
  'householdRead.notYesNo': 'Kolom "{column}" {file} bukan kolom ya/tidak (contoh isi: {examples}), jadi tidak dapat menjadi deprivasi.',
  'householdRead.noKodeValues':
    'Tidak ada satu pun kode wilayah yang sah di kolom "{column}" {file} (contoh isi: {examples}). Kode ditulis 10 angka, misalnya 3372031002 atau 33.72.03.1002.',
} as const;

export const householdReadEn: Record<keyof typeof householdReadId, string> = {
  'householdRead.excel': '{file} is an Excel workbook. Household files this large are read from CSV or Parquet: open it in Excel and Save As "CSV UTF-8 (Comma delimited)".',
  'householdRead.truncated': '{file} is cut off: its last line is incomplete (a copy or download may have stopped). Copy or export the whole file again; nothing was written.',
  'householdRead.badRow': '{file} cannot be read to the end: {detail}. Check whether the file is cut off or its columns shifted; nothing was written.',
  'householdRead.noRows': '{file} has only a header, no household rows.',
  'householdRead.noFiles': 'No file matches {pattern}.',
  'householdRead.mixedFormats': 'CSV and Parquet files cannot be read together ({files}). Choose one kind of file.',
  'householdRead.noKode': 'No kode wilayah column (kelurahan/desa code) found in {file}. Its columns: {columns}.',
  'householdRead.noDesil': 'No desil column found in {file}. Its columns: {columns}.',
  'householdRead.columnNotFound': 'Column "{column}" is not in {file}. Its columns: {columns}.',
  'householdRead.personalColumn': 'Column "{column}" looks like personal data ({kind}) and is not used for aggregates. Choose another column.',
  'householdRead.noDeprivation': 'No yes/no column in {file} can serve as a deprivation. Name the columns.',
  'householdRead.notYesNo': 'Column "{column}" of {file} is not a yes/no column (values such as: {examples}), so it cannot be a deprivation.',
  'householdRead.noKodeValues': 'Column "{column}" of {file} holds no valid kode wilayah (values such as: {examples}). A code has 10 digits, e.g. 3372031002 or 33.72.03.1002.',
};
