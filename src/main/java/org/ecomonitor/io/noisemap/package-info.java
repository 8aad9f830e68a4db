/**
 * The noise-map service and its products: {@link org.ecomonitor.io.noisemap.NoiseMapService} selects points and
 * their readings from a project store (or takes a table of points), interpolates them with the engine of
 * {@code org.ecomonitor.analysis.interpolation}, and returns a {@link org.ecomonitor.io.noisemap.NoiseMapResult}
 * (grid, variance grid, isophone bands and lines, cross-validation, variogram, HJ 640-2012 grade, GB 3096-2008
 * zone shares, warnings); {@link org.ecomonitor.io.noisemap.NoiseMapStore} writes it into the store as layers, and
 * {@link org.ecomonitor.io.noisemap.NoiseMapExport} to GeoTIFF, Esri ASCII grid, PNG with world file,
 * GeoPackage, GeoJSON, Shapefile and CSV.
 */
package org.ecomonitor.io.noisemap;
