#!/usr/bin/env bash
# Regenerates the indexed FlatGeobuf boundaries the app serves (public/boundaries/) from the
# real kelurahan GeoJSON in data/boundaries/. Needs GDAL (Debian: apt-get install gdal-bin).
# The outputs are committed, so `npm install && npm start` never needs GDAL.
#
# Per city it writes:
#   kelurahan_<slug>.fgb  the kelurahan polygons as they are, with a packed Hilbert R-tree index
#   kecamatan_<slug>.fgb  kecamatan outlines: the city's kelurahan dissolved per kecamatan. The
#                         source polygons were simplified one by one upstream and leave hairline
#                         gaps and overlaps (data/boundaries/SOURCES.md), so the dissolve closes
#                         them with a 0.0001 degree (about 11 m) buffer out and back in.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v ogr2ogr >/dev/null || { echo "GDAL's ogr2ogr is missing: apt-get install gdal-bin" >&2; exit 1; }
mkdir -p public/boundaries
node -e 'for (const k of require("./data/kota.json")) console.log(k.slug, k.boundaries)' |
while read -r slug file; do
  src="data/boundaries/$file"
  layer=$(ogrinfo -ro -q "$src" | sed -n '1s/^1: \(.*\) (.*$/\1/p')
  out="public/boundaries/kelurahan_$slug.fgb"
  rm -f "$out" "public/boundaries/kecamatan_$slug.fgb"
  ogr2ogr -f FlatGeobuf -lco SPATIAL_INDEX=YES -nln kelurahan "$out" "$src" \
    -sql "SELECT kode, kelurahan, kode_kecamatan, kecamatan, kode_kota, kota, provinsi, jenis FROM \"$layer\""
  ogr2ogr -f FlatGeobuf -lco SPATIAL_INDEX=YES -nln kecamatan "public/boundaries/kecamatan_$slug.fgb" "$src" \
    -dialect SQLite -sql "SELECT kode_kecamatan, kecamatan, ST_SimplifyPreserveTopology(ST_Buffer(ST_Union(ST_Buffer(geometry, 0.0001)), -0.0001), 0.00002) AS geometry FROM \"$layer\" GROUP BY kode_kecamatan, kecamatan"
  echo "$slug: $(ogrinfo -ro -so "$out" kelurahan | grep 'Feature Count') kelurahan, $(ogrinfo -ro -so "public/boundaries/kecamatan_$slug.fgb" kecamatan | grep 'Feature Count') kecamatan"
done
