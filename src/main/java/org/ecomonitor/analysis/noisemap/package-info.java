/**
 * The noise map as a computation, without the store: choosing and fitting the interpolation method
 * ({@link org.ecomonitor.analysis.noisemap.FittedInterpolation}), the classes and colours of the bands
 * ({@link org.ecomonitor.analysis.noisemap.BandClassification}), isophone bands and lines with their classes
 * ({@link org.ecomonitor.analysis.noisemap.ContourProducts}) and the GB 3096-2008 share of each acoustic
 * functional zone above its limit ({@link org.ecomonitor.analysis.noisemap.ZoneExceedance}). The service that reads
 * the store and writes the products lives in {@code org.ecomonitor.io.noisemap}.
 */
package org.ecomonitor.analysis.noisemap;
