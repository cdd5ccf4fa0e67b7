/** Messages of the import-geo module (Bahasa Indonesia first; English must have the same keys). */
export const importGeoId = {
  'importGeo.unknownCrs':
    'Sistem koordinat berkas {file} ({crs}) tidak dikenali atau tidak bisa dikonversi. Ekspor ulang berkas dalam WGS84 lintang/bujur (EPSG:4326), UTM (misalnya EPSG:32749 untuk UTM 49S) atau TM-3 BPN (misalnya EPSG:23835 untuk zona 49.1), dengan berkas .prj-nya, lalu muat lagi.',
  'importGeo.datumNotConvertible':
    'Sistem koordinat berkas {file} ({crs}) memakai datum {datum}, yang tidak bisa dikonversi ke WGS84 karena parameter transformasinya (TOWGS84) tidak disertakan; tanpa itu batas wilayah bisa bergeser puluhan sampai ratusan meter. Ekspor ulang berkas dalam WGS84 (EPSG:4326), DGN95 atau SRGI2013, lalu muat lagi.',
  'importGeo.jsonSyntax':
    'Berkas {file} bukan JSON yang sah: kesalahan di baris {line}, kolom {column}, pada teks {found}. Periksa apakah berkas terpotong saat diunduh atau disunting tangan.',
  'importGeo.jsonTruncated': 'Berkas {file} terpotong: isinya berhenti di baris {line} sebelum JSON selesai. Unduh atau ekspor ulang berkasnya, lalu muat lagi.',
  'importGeo.notGeoJson':
    'Berkas {file} berisi JSON, tetapi bukan GeoJSON (ditemukan: {found}). Yang diharapkan adalah FeatureCollection dengan geometri Polygon/MultiPolygon atau Point.',
  'importGeo.noFeatures': 'Berkas {file} tidak berisi satu pun fitur dengan geometri. Periksa apakah lapisan yang diekspor benar.',
  'importGeo.noUsableGeometry':
    'Tidak ada poligon atau titik yang bisa dipakai di berkas {file}: semua geometri kosong atau rusak. Lihat daftar masalah geometri, perbaiki di QGIS, lalu muat lagi.',
  'importGeo.projectedWithoutCrs':
    'Koordinat di berkas {file} tampak dalam meter (misalnya {example}), bukan derajat, tetapi sistem koordinatnya tidak disebutkan. Ekspor ulang dengan sistem koordinat tercantum (untuk Shapefile: sertakan berkas .prj), atau ekspor dalam WGS84 (EPSG:4326).',
  'importGeo.zipBroken': 'Berkas ZIP {file} rusak atau terpotong dan tidak bisa dibuka. Unduh atau kompres ulang berkasnya, lalu muat lagi.',
  'importGeo.zipTooLarge':
    'Isi berkas ZIP {file} terlalu besar setelah dibuka ({size} MB, batasnya {limit} MB). Kirim hanya berkas .shp, .shx, .dbf, .prj dan .cpg yang diperlukan.',
  'importGeo.zipRatio':
    'Berkas {entry} di dalam {file} mengembang {ratio} kali lipat saat dibuka; ini ciri "bom ZIP", jadi berkas tidak dibuka. Kompres ulang Shapefile-nya dengan aplikasi biasa.',
  'importGeo.zipNoShapefile': 'Di dalam berkas ZIP {file} tidak ada Shapefile (.shp). Masukkan berkas .shp, .shx, .dbf dan .prj dari satu lapisan ke dalam ZIP.',
  'importGeo.shpMissingPart':
    'Shapefile {layer} di dalam {file} tidak lengkap: berkas {part} tidak ada. Masukkan semua berkas lapisan itu (.shp, .dbf, .prj) ke dalam ZIP yang sama.',
  'importGeo.shpBroken': 'Berkas {layer}.shp di dalam {file} rusak atau terpotong (di fitur ke-{feature}). Ekspor ulang lapisan itu dari QGIS atau ArcGIS.',
  'importGeo.shpUnsupportedType': 'Shapefile {layer} di dalam {file} berisi geometri jenis {type}; yang bisa dimuat hanya poligon (batas wilayah) atau titik (lokasi program).',
  'importGeo.dbfBroken': 'Tabel atribut {layer}.dbf di dalam {file} rusak atau terpotong. Ekspor ulang lapisan itu.',
  'importGeo.dbfCountMismatch':
    'Shapefile {layer} di dalam {file} tidak cocok dengan tabelnya: {shapes} geometri di .shp tetapi {records} baris di .dbf. Ekspor ulang lapisan itu.',
  'importGeo.noPrjProjected':
    'Shapefile {layer} di dalam {file} tidak punya berkas .prj, dan koordinatnya tidak dalam derajat lintang/bujur wilayah Indonesia. Sertakan berkas {layer}.prj di ZIP, atau ekspor ulang dalam WGS84 (EPSG:4326).',
  'importGeo.fgbNotFlatGeobuf': 'Berkas {file} bukan FlatGeobuf (.fgb). Pilih berkas .fgb atau ekspor ulang dari QGIS.',
  'importGeo.fgbTruncated': 'Berkas FlatGeobuf {file} terpotong atau rusak (terbaca {read} dari {expected} fitur). Unduh atau ekspor ulang berkasnya.',
  'importGeo.noCoordinateColumns':
    'Kolom koordinat tidak ditemukan di {file}. Beri nama kolom lintang "lintang" atau "lat" dan kolom bujur "bujur" atau "lon". Kolom yang ada: {columns}.',
  'importGeo.pointsProjected':
    'Nilai di kolom {lonColumn} dan {latColumn} berkas {file} tampak dalam meter (misalnya {example}), bukan derajat. Tulis koordinat dalam derajat desimal, misalnya lintang -7,5612 dan bujur 110,8231.',
  'importGeo.noValidPoints': 'Tidak ada baris di {file} dengan koordinat yang sah di kolom {lonColumn} dan {latColumn}. Tulis koordinat dalam derajat desimal, misalnya -7,5612.',
  'importGeo.note.wrapped': 'Berkas {file} berisi satu {type}, bukan FeatureCollection; geometri itu dimuat sebagai fitur.',
  'importGeo.note.swapped': 'Koordinat di {file} tertulis dengan urutan lintang, bujur (terbalik); urutannya sudah ditukar agar jatuh di Indonesia. Periksa hasilnya di peta.',
  'importGeo.note.assumedWgs84':
    'Shapefile {layer} di {file} tidak punya berkas .prj; koordinatnya berada dalam rentang lintang/bujur Indonesia, jadi dianggap WGS84 (EPSG:4326). Periksa letaknya di peta.',
  'importGeo.note.layerChosen': 'Berkas {file} berisi beberapa Shapefile; yang dimuat adalah {layer}. Lapisan lain ({others}) diabaikan.',
  'importGeo.note.otherGeometries': '{count} fitur di {file} bukan poligon (misalnya titik atau garis) dan diabaikan.',
  'importGeo.note.reprojected': 'Koordinat {file} dikonversi dari {crs} ke WGS84 lintang/bujur.',
  'importGeo.issue.feature': 'Fitur ke-{number} ({label})',
  'importGeo.issue.unclosed-ring': 'cincin poligon tidak tertutup',
  'importGeo.issue.too-few-points': 'cincin poligon kurang dari 4 titik',
  'importGeo.issue.non-finite': 'ada koordinat yang kosong atau bukan angka',
  'importGeo.issue.self-intersection': 'batas poligon memotong dirinya sendiri',
  'importGeo.issue.empty': 'geometri kosong',
  'importGeo.issue.duplicate-points': 'titik berulang berturut-turut',
  'importGeo.issue.wrong-orientation': 'arah putaran cincin terbalik',
  'importGeo.issue.out-of-range': 'koordinat di luar rentang lintang/bujur',
  'importGeo.action.repaired': 'sudah diperbaiki otomatis',
  'importGeo.action.dropped': 'fitur tidak dimuat; perbaiki di QGIS lalu muat lagi',
  'importGeo.action.kept': 'tetap dimuat; periksa di QGIS (Vector > Geometry Tools > Check Validity)',
} as const;

export const importGeoEn: Record<keyof typeof importGeoId, string> = {
  'importGeo.unknownCrs':
    'The coordinate system of {file} ({crs}) is not recognised or cannot be converted. Export the file again in WGS84 latitude/longitude (EPSG:4326), UTM (e.g. EPSG:32749 for UTM 49S) or BPN TM-3 (e.g. EPSG:23835 for zone 49.1), with its .prj file, then load it again.',
  'importGeo.datumNotConvertible':
    'The coordinate system of {file} ({crs}) uses the datum {datum}, which cannot be converted to WGS84 because its transformation parameters (TOWGS84) are not included; without them the boundaries could shift by tens to hundreds of metres. Export the file again in WGS84 (EPSG:4326), DGN95 or SRGI2013, then load it again.',
  'importGeo.jsonSyntax':
    '{file} is not valid JSON: error at line {line}, column {column}, at the text {found}. Check whether the file was cut off while downloading or edited by hand.',
  'importGeo.jsonTruncated': '{file} is cut off: its content stops at line {line} before the JSON is complete. Download or export it again, then load it again.',
  'importGeo.notGeoJson': '{file} contains JSON but not GeoJSON (found: {found}). Expected a FeatureCollection of Polygon/MultiPolygon or Point geometries.',
  'importGeo.noFeatures': '{file} contains no feature with a geometry. Check that the right layer was exported.',
  'importGeo.noUsableGeometry':
    'No usable polygon or point in {file}: every geometry is empty or broken. See the list of geometry problems, fix them in QGIS and load the file again.',
  'importGeo.projectedWithoutCrs':
    'The coordinates in {file} look like metres (e.g. {example}), not degrees, but the file does not say which coordinate system they are in. Export again with the coordinate system included (for a Shapefile: include the .prj file), or export in WGS84 (EPSG:4326).',
  'importGeo.zipBroken': 'The ZIP file {file} is damaged or cut off and cannot be opened. Download or compress it again, then load it again.',
  'importGeo.zipTooLarge':
    'The contents of the ZIP file {file} are too large once unpacked ({size} MB, the limit is {limit} MB). Send only the .shp, .shx, .dbf, .prj and .cpg files needed.',
  'importGeo.zipRatio':
    '{entry} inside {file} expands {ratio} times when unpacked, the mark of a "ZIP bomb", so it was not opened. Compress the Shapefile again with an ordinary tool.',
  'importGeo.zipNoShapefile': 'There is no Shapefile (.shp) inside the ZIP file {file}. Put the .shp, .shx, .dbf and .prj files of one layer in the ZIP.',
  'importGeo.shpMissingPart': 'The Shapefile {layer} inside {file} is incomplete: the {part} file is missing. Put all files of that layer (.shp, .dbf, .prj) in the same ZIP.',
  'importGeo.shpBroken': '{layer}.shp inside {file} is damaged or cut off (at feature {feature}). Export the layer again from QGIS or ArcGIS.',
  'importGeo.shpUnsupportedType': 'The Shapefile {layer} inside {file} holds {type} geometries; only polygons (boundaries) or points (programme sites) can be loaded.',
  'importGeo.dbfBroken': 'The attribute table {layer}.dbf inside {file} is damaged or cut off. Export the layer again.',
  'importGeo.dbfCountMismatch':
    'The Shapefile {layer} inside {file} does not match its table: {shapes} geometries in the .shp but {records} rows in the .dbf. Export the layer again.',
  'importGeo.noPrjProjected':
    'The Shapefile {layer} inside {file} has no .prj file, and its coordinates are not latitude/longitude degrees over Indonesia. Include {layer}.prj in the ZIP, or export again in WGS84 (EPSG:4326).',
  'importGeo.fgbNotFlatGeobuf': '{file} is not a FlatGeobuf (.fgb) file. Choose a .fgb file or export again from QGIS.',
  'importGeo.fgbTruncated': 'The FlatGeobuf file {file} is cut off or damaged ({read} of {expected} features read). Download or export it again.',
  'importGeo.noCoordinateColumns':
    'No coordinate columns found in {file}. Name the latitude column "lat" or "lintang" and the longitude column "lon" or "bujur". Columns present: {columns}.',
  'importGeo.pointsProjected':
    'The values in columns {lonColumn} and {latColumn} of {file} look like metres (e.g. {example}), not degrees. Write coordinates in decimal degrees, e.g. latitude -7.5612 and longitude 110.8231.',
  'importGeo.noValidPoints': 'No row of {file} has valid coordinates in columns {lonColumn} and {latColumn}. Write coordinates in decimal degrees, e.g. -7.5612.',
  'importGeo.note.wrapped': '{file} holds a single {type}, not a FeatureCollection; that geometry was loaded as a feature.',
  'importGeo.note.swapped':
    'The coordinates in {file} were written as latitude, longitude (reversed); they were swapped so that they fall in Indonesia. Check the result on the map.',
  'importGeo.note.assumedWgs84':
    "The Shapefile {layer} in {file} has no .prj file; its coordinates lie within Indonesia's latitude/longitude range, so they were taken as WGS84 (EPSG:4326). Check their position on the map.",
  'importGeo.note.layerChosen': '{file} holds several Shapefiles; {layer} was loaded. The others ({others}) were ignored.',
  'importGeo.note.otherGeometries': '{count} features in {file} are not polygons (e.g. points or lines) and were ignored.',
  'importGeo.note.reprojected': 'The coordinates of {file} were converted from {crs} to WGS84 latitude/longitude.',
  'importGeo.issue.feature': 'Feature {number} ({label})',
  'importGeo.issue.unclosed-ring': 'polygon ring not closed',
  'importGeo.issue.too-few-points': 'polygon ring with fewer than 4 points',
  'importGeo.issue.non-finite': 'a coordinate is empty or not a number',
  'importGeo.issue.self-intersection': 'the polygon boundary crosses itself',
  'importGeo.issue.empty': 'empty geometry',
  'importGeo.issue.duplicate-points': 'repeated consecutive points',
  'importGeo.issue.wrong-orientation': 'ring wound the wrong way',
  'importGeo.issue.out-of-range': 'coordinates outside the latitude/longitude range',
  'importGeo.action.repaired': 'repaired automatically',
  'importGeo.action.dropped': 'feature not loaded; fix it in QGIS and load again',
  'importGeo.action.kept': 'loaded anyway; check it in QGIS (Vector > Geometry Tools > Check Validity)',
};
