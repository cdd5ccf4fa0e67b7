/** Messages of the import-table module (Bahasa Indonesia first; English must have the same keys). */
export const importTableId = {
  'importTable.empty': 'Berkas {file} kosong: tidak ada satu baris pun yang berisi data. Periksa apakah berkas yang dipilih sudah benar.',
  'importTable.headerOnly': 'Berkas {file} hanya berisi baris judul kolom (baris {row}) tanpa baris data di bawahnya. Isi datanya dulu, atau pilih baris judul yang lain.',
  'importTable.binary':
    '{file} bukan berkas teks CSV: isinya data biner. Jika ini berkas Excel, simpan dengan ekstensi .xlsx; jika tidak, ekspor ulang sebagai CSV dari aplikasi asalnya.',
  'importTable.utf16': '{file} tersimpan sebagai teks Unicode (UTF-16), yang tidak dapat dibaca. Buka di Excel lalu Simpan Sebagai "CSV UTF-8 (dibatasi koma)".',
  'importTable.decodeFailed':
    'Baris sekitar {row} di {file} berisi karakter yang tidak sah dalam encoding yang dipilih. Pilih encoding lain, atau simpan ulang berkas sebagai "CSV UTF-8".',
  'importTable.mixedEncoding':
    'Sampai baris {row} berkas {file} ditulis dalam UTF-8, tetapi baris sekitar {row} memakai encoding lain (campuran). Simpan ulang seluruh berkas sebagai "CSV UTF-8" dari Excel atau LibreOffice.',
  'importTable.raggedRow':
    'Baris {row} berisi {cells} sel, padahal baris judul (baris {headerRow}) berisi {columns} kolom. Periksa pemisah kolom dan tanda kutip di baris {row}: nilai yang memuat pemisah (misalnya koma) harus diapit tanda kutip.',
  'importTable.unclosedQuote':
    'Tanda kutip (") yang dibuka di baris {row} tidak pernah ditutup, sehingga sisa berkas terbaca sebagai satu sel. Perbaiki tanda kutip di baris {row}.',
  'importTable.cellBeyondHeader':
    'Baris {row} berisi nilai di kolom {column}, di luar tabel yang judul kolomnya berakhir di kolom {lastColumn}. Beri judul untuk kolom {column} atau hapus nilainya.',
  'importTable.headerRowBlank': 'Baris {row} yang dipilih sebagai baris judul kosong. Pilih baris yang berisi nama-nama kolom.',
  'importTable.tooLarge':
    'Berkas {file} berukuran {sizeMb} MB, melebihi batas {limitMb} MB yang dapat diolah di peramban. Pisahkan per kecamatan atau buang kolom yang tidak diperlukan, lalu impor lagi.',
  'importTable.tooManyRows':
    'Tabel memiliki lebih dari {limit} baris, batas yang dapat diolah di peramban. Ringkas dulu datanya (misalnya per kelurahan) atau pisahkan menjadi beberapa berkas.',
  'importTable.tooManyColumns': 'Tabel memiliki {columns} kolom; batasnya {limit}. Hapus kolom yang tidak diperlukan, atau periksa apakah baris judul yang terpilih sudah benar.',
  'importTable.xlsxInvalid':
    '{file} bukan buku kerja Excel (.xlsx) yang utuh: berkasnya rusak atau terpotong (misalnya unduhan belum selesai). Buka di Excel lalu simpan ulang sebagai .xlsx.',
  'importTable.oldExcel': '{file} adalah berkas Excel lama (.xls). Buka di Excel lalu pilih Simpan Sebagai → "Buku Kerja Excel (.xlsx)", kemudian impor berkas .xlsx itu.',
  'importTable.sheetNotFound': 'Lembar "{sheet}" tidak ada di {file}. Lembar yang tersedia: {sheets}.',
  'importTable.sheetEmpty': 'Lembar "{sheet}" di {file} kosong. Pilih lembar lain: {sheets}.',
  'importTable.workbookEmpty': 'Semua lembar di {file} kosong ({sheets}). Periksa apakah berkas yang dipilih sudah benar.',
  'importTable.parquetInvalid': '{file} bukan berkas Parquet yang utuh: berkasnya rusak atau terpotong. Ekspor ulang dari aplikasi asalnya.',
  'importTable.unsupported': 'Jenis berkas {file} tidak didukung untuk tabel. Gunakan salah satu: {formats}.',
  'importTable.readFailed': 'Berkas {file} tidak dapat dibaca; mungkin dipindah, diubah atau dihapus selama dibaca. Pilih berkasnya lagi.',
  'importTable.unexpected': 'Terjadi kesalahan tak terduga saat membaca {file} ({detail}). Data yang sudah dimuat tidak berubah; laporkan masalah ini beserta berkasnya.',
  'importTable.progress': 'Membaca tabel… {percent}%',
  'importTable.cancel': 'Batalkan impor',
  'importTable.typeText': 'Teks',
  'importTable.typeNumber': 'Angka',
  'importTable.typeBoolean': 'Ya/tidak',
  'importTable.formatId': 'Angka Indonesia (1.234,5)',
  'importTable.formatEn': 'Angka Inggris (1,234.5)',
  'importTable.percent': 'Persen',
  'importTable.invalidCells': '{invalid} sel bukan angka; yang pertama di baris {row}.',
} as const;

export const importTableEn: Record<keyof typeof importTableId, string> = {
  'importTable.empty': 'The file {file} is empty: no row holds any data. Check that you chose the right file.',
  'importTable.headerOnly': 'The file {file} has only a header row (row {row}) and no data rows below it. Fill in the data first, or choose another header row.',
  'importTable.binary':
    '{file} is not a CSV text file: it holds binary data. If it is an Excel file, save it with the .xlsx extension; otherwise export it again as CSV from the program it came from.',
  'importTable.utf16': '{file} was saved as Unicode text (UTF-16), which cannot be read. Open it in Excel and Save As "CSV UTF-8 (Comma delimited)".',
  'importTable.decodeFailed':
    'Row {row} or nearby in {file} holds characters that are not valid in the chosen encoding. Choose another encoding, or save the file again as "CSV UTF-8".',
  'importTable.mixedEncoding':
    'Up to row {row} the file {file} is UTF-8, but around row {row} it uses another encoding (mixed). Save the whole file again as "CSV UTF-8" from Excel or LibreOffice.',
  'importTable.raggedRow':
    'Row {row} has {cells} cells, but the header (row {headerRow}) has {columns} columns. Check the delimiters and quotes in row {row}: a value containing the delimiter (e.g. a comma) must be in quotes.',
  'importTable.unclosedQuote': 'A quote (") opened in row {row} is never closed, so the rest of the file reads as one cell. Fix the quotes in row {row}.',
  'importTable.cellBeyondHeader':
    'Row {row} has a value in column {column}, outside the table whose headers end at column {lastColumn}. Give column {column} a header or delete the value.',
  'importTable.headerRowBlank': 'Row {row}, chosen as the header row, is empty. Choose the row holding the column names.',
  'importTable.tooLarge':
    'The file {file} is {sizeMb} MB, above the {limitMb} MB limit a browser can process. Split it (e.g. by kecamatan) or drop columns you do not need, then import again.',
  'importTable.tooManyRows': 'The table has more than {limit} rows, the limit a browser can process. Summarise the data first (e.g. per kelurahan) or split it into several files.',
  'importTable.tooManyColumns': 'The table has {columns} columns; the limit is {limit}. Delete columns you do not need, or check that the right header row was chosen.',
  'importTable.xlsxInvalid':
    '{file} is not a complete Excel workbook (.xlsx): it is damaged or cut off (e.g. an unfinished download). Open it in Excel and save it again as .xlsx.',
  'importTable.oldExcel': '{file} is an old Excel file (.xls). Open it in Excel, choose Save As → "Excel Workbook (.xlsx)", then import that .xlsx file.',
  'importTable.sheetNotFound': 'There is no sheet "{sheet}" in {file}. Available sheets: {sheets}.',
  'importTable.sheetEmpty': 'Sheet "{sheet}" in {file} is empty. Choose another sheet: {sheets}.',
  'importTable.workbookEmpty': 'Every sheet in {file} is empty ({sheets}). Check that you chose the right file.',
  'importTable.parquetInvalid': '{file} is not a complete Parquet file: it is damaged or cut off. Export it again from the program it came from.',
  'importTable.unsupported': 'The file type of {file} is not supported for tables. Use one of: {formats}.',
  'importTable.readFailed': 'The file {file} could not be read; it may have been moved, changed or deleted while being read. Choose the file again.',
  'importTable.unexpected': 'An unexpected error occurred while reading {file} ({detail}). Data loaded before is unchanged; please report this problem with the file.',
  'importTable.progress': 'Reading table… {percent}%',
  'importTable.cancel': 'Cancel import',
  'importTable.typeText': 'Text',
  'importTable.typeNumber': 'Number',
  'importTable.typeBoolean': 'Yes/no',
  'importTable.formatId': 'Indonesian numbers (1.234,5)',
  'importTable.formatEn': 'English numbers (1,234.5)',
  'importTable.percent': 'Percent',
  'importTable.invalidCells': '{invalid} cells are not numbers; the first is in row {row}.',
};
