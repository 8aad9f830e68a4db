/**
 * ESRI Shapefile codec, written by hand for this project (GeoTools, which would otherwise provide it, is not
 * reachable from our build): {@link org.ecomonitor.io.shapefile.ShapefileReader} and
 * {@link org.ecomonitor.io.shapefile.ShapefileWriter} for whole shapefiles, {@link org.ecomonitor.io.shapefile.DbfReader}
 * and {@link org.ecomonitor.io.shapefile.DbfWriter} for the dBASE tables alone, and
 * {@link org.ecomonitor.io.shapefile.PrjParser} for .prj files. Geometries are JTS.
 * <p>
 * References: ESRI Shapefile Technical Description (July 1998); the dBASE III/IV file layout as documented by
 * dBASE and shapelib; ESRI's code page (.cpg) and language driver conventions; the EPSG codes are checked by a test
 * against the EPSG tables bundled in proj4j-epsg. Cross-checked by hand against pyshp 3.1.6 (each reads the other's
 * files).
 * <p>
 * Not supported: MultiPatch; memo fields (.dbt/.fpt); dBASE 7 tables; spatial indexes (.qix/.sbn are neither read
 * nor written, and stale ones are removed when a shapefile is replaced); writing M values (Z types get M = 0).
 */
package org.ecomonitor.io.shapefile;
