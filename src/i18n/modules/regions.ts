/** Messages of the regions module (Bahasa Indonesia first; English must have the same keys). */
export const regionsId = {
  'regions.label': 'Cari wilayah (provinsi, kabupaten/kota, kecamatan)',
  'regions.placeholder': 'Nama atau kode, misalnya Kota Blitar, Sleman, 35.72',
  'regions.instructions': 'Ketik nama atau kode wilayah, pilih dengan panah atas/bawah, tekan Enter untuk memuat, Escape untuk menutup.',
  'regions.loading': 'Memuat daftar wilayah…',
  'regions.loadFailed': 'Daftar wilayah tidak dapat dimuat ({detail}). Periksa koneksi ke server aplikasi, lalu ketik lagi untuk mencoba ulang.',
  'regions.noResult': 'Tidak ada wilayah yang cocok dengan "{query}". Coba tanpa kata "Kota" atau "Kabupaten", atau tulis kodenya, misalnya 35.72.',
  'regions.resultCount': '{n} wilayah cocok',
  'regions.level.provinsi': 'Provinsi',
  'regions.level.kabkota': 'Kabupaten/kota',
  'regions.level.kecamatan': 'Kecamatan',
  'regions.kecamatanName': 'Kec. {nama}',
  'regions.counts': '{kelurahan} kelurahan, {desa} desa',
  'regions.attribution': 'Batas desa/kelurahan: cahyadsn/wilayah_boundaries (MIT, © 2024 Cahya DSN), Kepmendagri 300.2.2-2138/2025',
  'regions.reading': 'Membaca batas {nama} dari berkas nasional… {size}',
  'regions.repairedNotice': '{repaired} poligon desa/kelurahan yang bentuknya tidak sah diperbaiki dan {skipped} dilewati (tidak tampil di peta).',
  'regions.noRangeSupport':
    'Server untuk {file} tidak mendukung permintaan sebagian (HTTP Range): ia mengirim seluruh berkas, bukan hanya bagian wilayah yang diminta. Pembacaan dihentikan agar tidak mengunduh seluruh berkas nasional. Letakkan berkas di server yang mendukung Range (misalnya nginx, Apache, atau hosting statis biasa), atau buka berkas .fgb langsung dari komputer Anda.',
  'regions.notFlatGeobuf':
    'Berkas {file} bukan FlatGeobuf (awal berkas tidak cocok). Pilih berkas batas desa/kelurahan nasional berakhiran .fgb, misalnya desa-kelurahan-indonesia.fgb.',
  'regions.gzipped': 'Berkas {file} masih terkompresi gzip (.fgb.gz). Ekstrak dulu (misalnya dengan 7-Zip atau perintah gunzip), lalu buka berkas .fgb hasilnya.',
  'regions.noIndex':
    'Berkas {file} tidak memiliki indeks spasial, sehingga satu wilayah tidak dapat dibaca tanpa membaca seluruh berkas. Buat ulang berkas dengan: ogr2ogr -f FlatGeobuf -lco SPATIAL_INDEX=YES.',
  'regions.network': 'Berkas {file} tidak dapat diunduh ({detail}). Periksa koneksi internet dan alamat berkas, lalu coba lagi.',
  'regions.httpStatus': 'Server menjawab HTTP {status} untuk {file}. Periksa alamat berkas; berkas mungkin sudah dipindah atau dihapus.',
  'regions.corrupt': 'Berkas {file} rusak atau terpotong (bagian pada bita ke-{offset} tidak dapat dibaca). Unduh atau ekstrak ulang berkasnya, lalu coba lagi.',
  'regions.noFeatures':
    'Berkas {file} tidak memuat satu pun desa/kelurahan berkode {kode}. Pastikan berkas ini adalah data batas desa/kelurahan nasional yang sesuai dengan daftar wilayah.',
  'regions.selectionMore': '{n} lainnya',
  'regions.unknownKode': 'Kode wilayah "{value}" tidak dikenal. Tulis satu provinsi (misalnya 34) atau satu atau beberapa kabupaten/kota dipisah koma (misalnya 33.72,33.11).',
  'regions.wideReading': 'Membaca {count} desa/kelurahan {nama} dari berkas nasional… {size} (peta tetap dapat dipakai)',
  'regions.wideConverting': 'Menyiapkan batas {nama}: {done} dari {total} desa/kelurahan…',
  'regions.wideValues': 'Memuat nilai contoh sintetis untuk {nama}…',
  'regions.openSelection': 'Buka sebagai satu wilayah: {nama}',
  'regions.selectionHint': 'Pisahkan beberapa kabupaten/kota dengan koma untuk membukanya sebagai satu wilayah.',
  'regions.wideSynthetic': 'Angka di {region} adalah contoh sintetis dari berkas nasional aplikasi, bukan data BPS atau pemerintah daerah; batas desa/kelurahan nyata.',
  'regions.targetingNeedsCounts':
    'Sasaran RTLH membagi anggaran per unit rumah, jadi perlu jumlah unit RTLH dan jumlah rumah tangga per desa/kelurahan. Contoh sintetis nasional untuk {region} hanya memuat persentase; impor data RTLH wilayah ini (Data saya → Impor berkas) untuk memakai alat ini.',
  'regions.wideAnalysis': '{n} desa/kelurahan: membangun bobot ketetanggaan dan permutasi bisa makan beberapa puluh detik; peta tetap dapat dipakai selama menghitung.',
} as const;

export const regionsEn: Record<keyof typeof regionsId, string> = {
  'regions.label': 'Find a region (province, regency/city, kecamatan)',
  'regions.placeholder': 'Name or code, e.g. Kota Blitar, Sleman, 35.72',
  'regions.instructions': 'Type a region name or code, move with the up/down arrows, press Enter to load, Escape to close.',
  'regions.loading': 'Loading the list of regions…',
  'regions.loadFailed': 'The list of regions could not be loaded ({detail}). Check the connection to the app server, then type again to retry.',
  'regions.noResult': 'No region matches "{query}". Try without "Kota" or "Kabupaten", or type its code, e.g. 35.72.',
  'regions.resultCount': '{n} matching regions',
  'regions.level.provinsi': 'Province',
  'regions.level.kabkota': 'Regency/city',
  'regions.level.kecamatan': 'Kecamatan',
  'regions.kecamatanName': 'Kec. {nama}',
  'regions.counts': '{kelurahan} kelurahan, {desa} desa',
  'regions.attribution': 'Desa/kelurahan boundaries: cahyadsn/wilayah_boundaries (MIT, © 2024 Cahya DSN), Kepmendagri 300.2.2-2138/2025',
  'regions.reading': 'Reading the boundaries of {nama} from the national file… {size}',
  'regions.repairedNotice': '{repaired} invalid desa/kelurahan polygons were repaired and {skipped} skipped (not shown on the map).',
  'regions.noRangeSupport':
    'The server for {file} does not support partial requests (HTTP Range): it sends the whole file instead of only the region asked for. Reading was stopped so as not to download the whole national file. Put the file on a server that supports Range (e.g. nginx, Apache or an ordinary static host), or open the .fgb file directly from your computer.',
  'regions.notFlatGeobuf':
    'The file {file} is not a FlatGeobuf (its first bytes do not match). Choose the national desa/kelurahan boundary file ending in .fgb, e.g. desa-kelurahan-indonesia.fgb.',
  'regions.gzipped': 'The file {file} is still gzip-compressed (.fgb.gz). Unzip it first (e.g. with 7-Zip or gunzip), then open the resulting .fgb file.',
  'regions.noIndex':
    'The file {file} has no spatial index, so one region cannot be read without reading the whole file. Rebuild it with: ogr2ogr -f FlatGeobuf -lco SPATIAL_INDEX=YES.',
  'regions.network': 'The file {file} could not be downloaded ({detail}). Check the internet connection and the file address, then try again.',
  'regions.httpStatus': 'The server answered HTTP {status} for {file}. Check the file address; the file may have been moved or deleted.',
  'regions.corrupt': 'The file {file} is damaged or truncated (the part at byte {offset} cannot be read). Download or unzip it again, then retry.',
  'regions.noFeatures': 'The file {file} holds no desa/kelurahan with code {kode}. Make sure it is the national desa/kelurahan boundary file that matches the region list.',
  'regions.selectionMore': '{n} more',
  'regions.unknownKode': 'Unknown region code "{value}". Write one province (e.g. 34) or one or more regencies/cities separated by commas (e.g. 33.72,33.11).',
  'regions.wideReading': 'Reading {count} desa/kelurahan of {nama} from the national file… {size} (the map stays usable)',
  'regions.wideConverting': 'Preparing the boundaries of {nama}: {done} of {total} desa/kelurahan…',
  'regions.wideValues': 'Loading the synthetic sample values for {nama}…',
  'regions.openSelection': 'Open as one region: {nama}',
  'regions.selectionHint': 'Separate several regencies/cities with commas to open them as one region.',
  'regions.wideSynthetic':
    "The numbers for {region} are a synthetic sample from the app's national file, not BPS or local government data; the desa/kelurahan boundaries are real.",
  'regions.targetingNeedsCounts':
    "RTLH targeting allocates a budget per dwelling, so it needs RTLH unit counts and household counts per desa/kelurahan. The national synthetic sample for {region} holds only percentages; import this region's RTLH data (My data → Import file) to use this tool.",
  'regions.wideAnalysis': '{n} desa/kelurahan: building the neighbour weights and permutations may take some tens of seconds; the map stays usable while it computes.',
};
