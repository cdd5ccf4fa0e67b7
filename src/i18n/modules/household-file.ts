/**
 * Messages of the browser's household-file import through DuckDB (src/data/household-file.ts)
 * (Bahasa Indonesia first; English must have the same keys).
 */
export const householdFileId = {
  'householdFile.tooLarge':
    '{file} berukuran {sizeMb} MB, lebih besar dari batas {limitMb} MB yang dapat diolah peramban. Berkas ini tidak dibaca. Agregasikan di komputer ini dengan perintah di bawah, lalu impor hasilnya (angka per kelurahan).',
  'householdFile.tooManyRows':
    '{file} berisi {rows} rumah tangga, lebih banyak dari batas {limit} yang dapat diolah peramban. Berkas ini tidak diimpor. Agregasikan di komputer ini dengan perintah di bawah, lalu impor hasilnya (angka per kelurahan).',
  'householdFile.command': 'Perintah yang mengagregasikan berkas ini di komputer:',
  'householdFile.badRow': '{file} tidak dapat dibaca pada baris {row}: {detail}. Periksa apakah berkasnya terpotong atau kolomnya bergeser; tidak ada yang disimpan.',
  'householdFile.readFailed': 'DuckDB tidak dapat membaca {file}: {detail}. Tidak ada yang disimpan.',
  'householdFile.noKeyColumn':
    '{file} tidak punya kolom kode atau nama kelurahan wilayah ini (kolomnya: {columns}), jadi rumah tangganya tidak dapat dihitung per kelurahan. Data rumah tangga perlu kode wilayah Kemendagri atau nama kelurahan di setiap baris. Berkas tidak dibaca lebih lanjut dan tidak ada yang disimpan; bila ini data wilayah lain, buka wilayah itu lebih dulu.',
  'householdFile.openQuote':
    '{file} berhenti di dalam sel bertanda kutip (mulai baris {row}): berkasnya terpotong, atau tanda kutip di sel itu tidak ditutup. Salin atau ekspor ulang berkas lengkapnya; tidak ada yang disimpan.',
  'householdFile.wrongWidth':
    'Baris {row} {file} berisi {found} sel, padahal judul kolomnya {expected}: kolomnya bergeser (misalnya tanda pemisah di dalam nama tanpa tanda kutip) atau berkasnya tersambung dari dua tabel. Perbaiki baris itu lalu impor lagi; tidak ada yang disimpan.',
  'householdFile.notUtf8':
    '{file} tidak seluruhnya UTF-8: baris {row} berisi huruf dalam pengodean lain, padahal awal berkas UTF-8. Simpan ulang seluruh berkas sebagai "CSV UTF-8" lalu impor lagi; tidak ada yang disimpan.',
} as const;

export const householdFileEn: Record<keyof typeof householdFileId, string> = {
  'householdFile.tooLarge':
    '{file} is {sizeMb} MB, above the {limitMb} MB a browser can handle. The file was not read. Aggregate it on this computer with the command below, then import the result (figures per kelurahan).',
  'householdFile.tooManyRows':
    '{file} holds {rows} households, more than the {limit} a browser can handle. The file was not imported. Aggregate it on this computer with the command below, then import the result (figures per kelurahan).',
  'householdFile.command': 'The command that aggregates this file on this computer:',
  'householdFile.badRow': '{file} cannot be read at row {row}: {detail}. Check whether the file is cut off or its columns shifted; nothing was stored.',
  'householdFile.readFailed': 'DuckDB cannot read {file}: {detail}. Nothing was stored.',
  'householdFile.noKeyColumn':
    "{file} has no column with this region's kelurahan codes or names (its columns: {columns}), so its households cannot be counted per kelurahan. A household register needs a Kemendagri region code or a kelurahan name on every row. The file was not read further and nothing was stored; if it is another region's register, open that region first.",
  'householdFile.openQuote':
    '{file} ends inside a quoted cell (from row {row}): the file is cut off, or a quote in that cell is never closed. Copy or export the whole file again; nothing was stored.',
  'householdFile.wrongWidth':
    'Row {row} of {file} has {found} cells where its header has {expected}: its columns shifted (e.g. a delimiter inside an unquoted name) or two tables were joined into one file. Fix that row and import again; nothing was stored.',
  'householdFile.notUtf8':
    '{file} is not all UTF-8: row {row} holds letters in another encoding while the start of the file is UTF-8. Save the whole file again as "CSV UTF-8" and import again; nothing was stored.',
};
