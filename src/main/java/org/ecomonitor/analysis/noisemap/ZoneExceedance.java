package org.ecomonitor.analysis.noisemap;

import org.ecomonitor.analysis.contour.IsoBand;
import org.ecomonitor.analysis.contour.IsoBands;
import org.ecomonitor.analysis.standards.NoisePeriod;
import org.ecomonitor.analysis.standards.NoiseZone;
import org.ecomonitor.model.GridSpec;
import org.ecomonitor.model.Progress;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * GB 3096-2008 evaluation of a noise map: for each acoustic functional zone, the share of its mapped area where
 * the level exceeds the zone's limit for the period (Table 1: class 1 day 55 dB(A), night 45 dB(A), ...).
 * <p>
 * The area above a limit L is the band {@code [L, +inf)} of the map traced by {@link IsoBands} with the single
 * break L, so the levels are linear between cell centres, as in the isophone bands, whatever the bands' step;
 * "above" and "at or above" differ by an area of measure zero. The share is that area inside the zone divided by
 * the zone's mapped area (the zone intersected with the area the map covers: both bands at L), so a zone the map
 * covers only in part is judged on the covered part, and the coverage is reported beside it. Areas in the
 * grid's CRS units (square metres). One band computation per distinct limit, O(cells), and one JTS overlay
 * (OverlayNG, robust) per zone and band.
 */
public final class ZoneExceedance {

    private ZoneExceedance() {
    }

    /**
     * A zone to evaluate.
     *
     * @param name  the zone polygon's name for tables ("老城区商住混合区"), or its feature id
     * @param zone  its functional class with the limits
     * @param area  its polygon(s) in the grid's CRS
     */
    public record Zone(String name, NoiseZone zone, Geometry area) {
    }

    /**
     * One zone's result.
     *
     * @param name       the zone's name
     * @param zone       its functional class
     * @param period     day or night
     * @param limit      the class's limit for the period, dB(A)
     * @param zoneArea   the zone's area
     * @param mappedArea the part of it the map covers
     * @param areaOver   the part of the mapped area above the limit
     */
    public record Share(String name, NoiseZone zone, NoisePeriod period, double limit, double zoneArea,
                        double mappedArea, double areaOver) {

        /** areaOver / mappedArea, between 0 and 1; NaN when the map does not reach the zone. */
        public double share() {
            return mappedArea > 0 ? areaOver / mappedArea : Double.NaN;
        }

        /** mappedArea / zoneArea: how much of the zone the map covers. */
        public double coverage() {
            return zoneArea > 0 ? mappedArea / zoneArea : Double.NaN;
        }
    }

    /**
     * @param values the map's levels by {@link GridSpec#index}, NaN for NoData
     * @param zones  the zones, in the grid's CRS
     * @return one share per zone, in the zones' order
     */
    public static List<Share> compute(GridSpec grid, double[] values, List<Zone> zones, NoisePeriod period,
                                      Progress progress) {
        Map<Double, List<IsoBand>> byLimit = new HashMap<>();
        GeometryFactory factory = new GeometryFactory();
        List<Share> shares = new ArrayList<>();
        progress.start("zones", zones.size());
        int done = 0;
        for (Zone z : zones) {
            progress.checkCancelled();
            double limit = z.zone().limit(period);
            List<IsoBand> split = byLimit.computeIfAbsent(limit,
                    l -> IsoBands.compute(grid, values, new double[]{l}, factory, Progress.NONE));
            double below = intersectionArea(z.area(), split.get(0).geometry());
            double over = intersectionArea(z.area(), split.get(1).geometry());
            shares.add(new Share(z.name(), z.zone(), period, limit, z.area().getArea(), below + over, over));
            progress.update(++done);
        }
        return shares;
    }

    private static double intersectionArea(Geometry a, Geometry b) {
        if (a.isEmpty() || b.isEmpty() || !a.getEnvelopeInternal().intersects(b.getEnvelopeInternal())) {
            return 0;
        }
        return OverlayNGRobust.overlay(a, b, OverlayNG.INTERSECTION).getArea();
    }
}
