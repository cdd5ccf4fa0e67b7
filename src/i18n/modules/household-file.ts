/**
 * Messages of the browser's household-file import through DuckDB (src/data/household-file.ts)
 * (Bahasa Indonesia first; English must have the same keys).
 */
export const householdFileId = {
  'householdFile.tooLarge':
    '{file} berukuran {sizeMb} MB, lebih besar dari batas {limitMb} MB yang dapat diolah peramban. Berkas ini tidak dibaca. Agregasikan di komputer ini dengan perintah di bawah, lalu impor hasilnya (angka per kelurahan).',
  'householdFile.command': 'Perintah yang mengagregasikan berkas ini di komputer:',
  'householdFile.badRow': '{file} tidak dapat dibaca pada baris {row}: {detail}. Periksa apakah berkasnya terpotong atau kolomnya bergeser; tidak ada yang disimpan.',
  'householdFile.readFailed': 'DuckDB tidak dapat membaca {file}: {detail}. Tidak ada yang disimpan.',
} as const;

export const householdFileEn: Record<keyof typeof householdFileId, string> = {
  'householdFile.tooLarge':
    '{file} is {sizeMb} MB, above the {limitMb} MB a browser can handle. The file was not read. Aggregate it on this computer with the command below, then import the result (figures per kelurahan).',
  'householdFile.command': 'The command that aggregates this file on this computer:',
  'householdFile.badRow': '{file} cannot be read at row {row}: {detail}. Check whether the file is cut off or its columns shifted; nothing was stored.',
  'householdFile.readFailed': 'DuckDB cannot read {file}: {detail}. Nothing was stored.',
};
