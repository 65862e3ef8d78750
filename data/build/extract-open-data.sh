#!/usr/bin/env bash
# Reproduces the open base data of ../shared/geodata from Debian packages (about 335 MB of tools), then imports it
# into data/base-*/source.geojson. CI does not run this: its outputs are committed.
#   sudo bash data/build/extract-open-data.sh [output folder, default a new temporary one]
# The GeoNames towns and the Natural Earth countries come from Debian libgeonames0 and npm world-atlas@2.0.2 as
# described in ../shared/geodata/README.md; the lines below cover the GMT/GDAL part.
set -euo pipefail
out=${1:-$(mktemp -d)}
work=$(mktemp -d)
apt-get install -y --no-install-recommends gmt gmt-dcw gmt-gshhg gmt-gshhg-full gdal-bin
cd "$work"
# Inner Mongolia outline from the Digital Chart of the World (DCW-GMT code CN.NM), dissolved into one feature.
gmt coast -ECN.NM -M | gmt convert -a+gPOLY > nm.gmt
ogr2ogr -f GeoJSON dcw_nei_mongol.geojson nm.gmt -makevalid -dialect SQLite -sql "SELECT ST_Union(geometry) AS geometry FROM nm"
# Neighbouring provinces and countries for context.
for code in CN.NX CN.GS CN.SN CN.SX CN.HE CN.LN CN.JL CN.HL CN.BJ CN.TJ MN RU; do
  gmt coast -E"$code" -M | gmt convert -a+gPOLY > "ctx_$code.gmt"
  ogr2ogr -f GeoJSON "ctx_$code.geojson" "ctx_$code.gmt" -makevalid
done
# Permanent rivers (levels 1-4) and lakes (shoreline level 2) at full resolution.
gmt coast -R95/130/35/56 -Df -I1 -I2 -I3 -I4 -M > rivers.gmt
ogr2ogr -f GeoJSON rivers.geojson rivers.gmt -clipsrc dcw_nei_mongol.geojson
gmt coast -R95/130/35/56 -Df -W -A0/2/2 -M > lakes.gmt
ogr2ogr -f GeoJSON lakes.geojson lakes.gmt
# GSHHG cuts rivers and lakes into 1-degree bins; end points closer than about 1 km must be joined, slivers under
# 1 km2 dropped, and the Yellow River picked out through known way points: that step was done by hand and its result
# is ../shared/geodata/yellow_river_gshhg_*.geojson and lakes_gshhg_nei_mongol.geojson.
cp ./*.geojson "$out"/ 2>/dev/null || true
echo "extracted into $work; now run: npx tsx data/build/import-geodata.ts $out"
