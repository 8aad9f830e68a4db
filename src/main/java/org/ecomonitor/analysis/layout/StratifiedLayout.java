package org.ecomonitor.analysis.layout;

import org.ecomonitor.i18n.UserException;
import org.ecomonitor.model.Progress;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Soil layouts by zone in the manner of HJ/T 166-2004: stratified random sampling by land use (分块随机布点),
 * and county quotas so that every county is covered. The study area's zones are the strata; each gets its quota
 * (given per zone, or a total shared in proportion to the zones' admissible area with a minimum per zone), the
 * existing points in a zone count towards it, and the rest are placed either at random (uniform over the zone's
 * admissible area, by cell then within the cell) or as a spatial coverage design within the zone (k-means, the
 * zone's existing points fixed). Every point keeps the minimum spacing to every other point. Deterministic for a
 * seed.
 */
public final class StratifiedLayout {

    /** Method codes in plans and exports. */
    public static final String RANDOM_METHOD = "stratified-random";
    public static final String COVERAGE_METHOD = "stratified-coverage";

    /** How points are placed inside a zone. */
    public enum Placement { RANDOM, COVERAGE }

    /**
     * @param total           points to share among the zones (ignored with explicit quotas)
     * @param quotas          points per zone id, or null to share {@code total} by area
     * @param minPerZone      least points per zone when sharing by area (1: every zone covered)
     * @param placement       random or coverage
     * @param seed            random seed
     * @param minSpacing      least distance between a new point and any other point (m), 0 for none
     * @param cells           cells of the discretisation (areas, random draws, coverage)
     * @param evaluationCells cells of the grid of the before/after figures
     */
    public record Options(int total, Map<String, Integer> quotas, int minPerZone, Placement placement, long seed,
                          double minSpacing, int cells, int evaluationCells) {

        public Options {
            quotas = quotas == null ? null : Map.copyOf(quotas);
            if (quotas == null && total < 1) {
                throw new UserException("layout.pointCountInvalid", total);
            }
            if (quotas != null) {
                for (Map.Entry<String, Integer> e : quotas.entrySet()) {
                    if (e.getValue() == null || e.getValue() < 0) {
                        throw new UserException("layout.quotaInvalid", e.getKey(), e.getValue());
                    }
                }
            }
            if (minPerZone < 0) {
                throw new UserException("layout.pointCountInvalid", minPerZone);
            }
            if (!(minSpacing >= 0)) {
                throw new UserException("layout.spacingInvalid", minSpacing);
            }
            placement = placement == null ? Placement.RANDOM : placement;
        }

        /** {@code total} points shared by area, at least one per zone, random placement, 50,000 cells. */
        public static Options of(int total) {
            return new Options(total, null, 1, Placement.RANDOM, 1, 0, 50_000, 50_000);
        }

        /** Explicit quotas per zone id. */
        public static Options ofQuotas(Map<String, Integer> quotas) {
            int total = quotas.values().stream().mapToInt(Integer::intValue).sum();
            return new Options(total, quotas, 0, Placement.RANDOM, 1, 0, 50_000, 50_000);
        }

        public Options withPlacement(Placement p) {
            return new Options(total, quotas, minPerZone, p, seed, minSpacing, cells, evaluationCells);
        }

        public Options withSeed(long s) {
            return new Options(total, quotas, minPerZone, placement, s, minSpacing, cells, evaluationCells);
        }

        public Options withMinSpacing(double m) {
            return new Options(total, quotas, minPerZone, placement, seed, m, cells, evaluationCells);
        }

        public Options withMinPerZone(int m) {
            return new Options(total, quotas, m, placement, seed, minSpacing, cells, evaluationCells);
        }

        public Options withCells(int c, int evaluation) {
            return new Options(total, quotas, minPerZone, placement, seed, minSpacing, c, evaluation);
        }
    }

    private StratifiedLayout() {
    }

    /**
     * @throws UserException when the area has no zones, a quota names an unknown zone, or a zone cannot take its
     *                       points at the spacing
     */
    public static LayoutPlan plan(StudyArea area, List<Site> fixed, Options options, Progress progress) {
        List<Zone> zones = area.zones();
        if (zones.isEmpty()) {
            throw new UserException("layout.noZones");
        }
        Discretisation d = area.discretiseTo(options.cells());
        int[] cellCounts = d.zoneCounts(zones.size());
        int[] quota;
        if (options.quotas() != null) {
            for (String id : options.quotas().keySet()) {
                if (area.zoneIndex(id) < 0) {
                    throw new UserException("layout.quotaZoneUnknown", id,
                            String.join(", ", zones.stream().map(Zone::id).toList()));
                }
            }
            quota = new int[zones.size()];
            for (int z = 0; z < zones.size(); z++) {
                quota[z] = options.quotas().getOrDefault(zones.get(z).id(), 0);
            }
        } else {
            double[] weights = new double[zones.size()];
            for (int z = 0; z < zones.size(); z++) {
                weights[z] = cellCounts[z];
            }
            quota = QuotaAllocation.proportional(weights, options.total(), options.minPerZone());
        }
        int[] existing = new int[zones.size()];
        for (Site s : fixed) {
            int z = area.zoneOf(s);
            if (z >= 0) {
                existing[z]++;
            }
        }
        List<LayoutNotice> notices = new ArrayList<>();
        SpacingIndex spacing = new SpacingIndex(options.minSpacing());
        for (Site s : fixed) {
            spacing.add(s.x(), s.y());
        }
        SplittableRandom random = new SplittableRandom(options.seed());
        List<PlanAssembler.Entry> entries = new ArrayList<>(PlanAssembler.existing(fixed));
        progress.start("stratified layout", zones.size());
        for (int z = 0; z < zones.size(); z++) {
            progress.checkCancelled();
            Zone zone = zones.get(z);
            int need = Math.max(0, quota[z] - existing[z]);
            if (existing[z] > quota[z]) {
                notices.add(LayoutNotice.of("layout.quotaFilledByExisting", zone.name(), existing[z], quota[z]));
            }
            if (need == 0) {
                continue;
            }
            Discretisation cells = d.ofZone(z);
            if (cells.size() == 0) {
                throw new UserException("layout.zoneTooSmall", zone.name(), need, d.cellSize());
            }
            int zi = z;
            SpatialCoverageDesign.Admissibility inZone = (x, y) -> area.isAdmissible(x, y) && area.zoneAt(x, y) == zi;
            double[][] xy = options.placement() == Placement.COVERAGE
                    ? coverage(cells, fixed, area, zi, need, options, inZone, spacing, progress)
                    : random(cells, need, inZone, spacing, random.split(), zone, options.minSpacing());
            int width = Math.max(2, Integer.toString(quota[z]).length());
            for (int i = 0; i < need; i++) {
                Map<String, Object> attrs = new LinkedHashMap<>();
                attrs.put("zone_name", zone.name());
                attrs.put("zone_quota", (long) quota[z]);
                String id = String.format(Locale.ROOT, "%s-%0" + width + "d", zone.id(), existing[z] + i + 1);
                entries.add(new PlanAssembler.Entry(Site.of(id, xy[0][i], xy[1][i]), PointStatus.NEW, zone.id(),
                        attrs));
            }
            progress.update(z + 1);
        }
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("zones", zones.size());
        params.put("allocation", options.quotas() != null ? "given" : "proportional-to-area");
        if (options.quotas() == null) {
            params.put("total", options.total());
            params.put("min_per_zone", options.minPerZone());
        }
        StringBuilder q = new StringBuilder();
        for (int z = 0; z < zones.size(); z++) {
            q.append(z == 0 ? "" : ",").append(zones.get(z).id()).append(':').append(quota[z]);
        }
        params.put("quotas", q.toString());
        params.put("placement", options.placement().name().toLowerCase(Locale.ROOT));
        params.put("seed", options.seed());
        params.put("min_spacing_m", options.minSpacing());
        params.put("cells", d.size());
        Discretisation eval = options.evaluationCells() == options.cells() ? d
                : area.discretiseTo(options.evaluationCells());
        String method = options.placement() == Placement.COVERAGE ? COVERAGE_METHOD : RANDOM_METHOD;
        return PlanAssembler.assemble(method, params, area, entries, null, eval, List.of(), notices, progress);
    }

    /** Uniform random points in the zone: a random cell, then a random location in it, until admissible. */
    private static double[][] random(Discretisation cells, int need, SpatialCoverageDesign.Admissibility inZone,
                                     SpacingIndex spacing, SplittableRandom random, Zone zone, double minSpacing) {
        double[] x = new double[need];
        double[] y = new double[need];
        double cs = cells.cellSize();
        int tries = 0;
        int limit = 200 * need + 10_000;
        for (int i = 0; i < need; ) {
            if (++tries > limit) {
                throw new UserException("layout.zoneFull", zone.name(), i, need, minSpacing);
            }
            int c = random.nextInt(cells.size());
            double px = cells.x[c] + (random.nextDouble() - 0.5) * cs;
            double py = cells.y[c] + (random.nextDouble() - 0.5) * cs;
            if (inZone.allows(px, py) && spacing.isFree(px, py)) {
                spacing.add(px, py);
                x[i] = px;
                y[i] = py;
                i++;
            }
        }
        return new double[][]{x, y};
    }

    /** A spatial coverage design inside the zone with its existing points fixed, then the global spacing. */
    private static double[][] coverage(Discretisation cells, List<Site> fixed, StudyArea area, int z, int need,
                                       Options options, SpatialCoverageDesign.Admissibility inZone,
                                       SpacingIndex spacing, Progress progress) {
        List<Site> own = fixed.stream().filter(s -> area.zoneOf(s) == z).toList();
        double[] fx = own.stream().mapToDouble(Site::x).toArray();
        double[] fy = own.stream().mapToDouble(Site::y).toArray();
        if (cells.size() < 2 * (need + fx.length)) {
            throw new UserException("layout.zoneTooSmall", area.zones().get(z).name(), need, cells.cellSize());
        }
        SpatialCoverageDesign.Options o = new SpatialCoverageDesign.Options(need, 5, 1000,
                options.seed() * 31 + z, 0, cells.size(), cells.size());
        SpatialCoverageDesign.Result r = SpatialCoverageDesign.design(cells, fx, fy, o, inZone, Progress.NONE);
        double[] x = r.x().clone();
        double[] y = r.y().clone();
        for (int i = 0; i < need; i++) {
            if (!spacing.isFree(x[i], y[i])) {
                int c = SpatialCoverageDesign.nearestFreeCell(cells, x[i], y[i], spacing, inZone);
                if (c < 0) {
                    throw new UserException("layout.zoneFull", area.zones().get(z).name(), i, need,
                            options.minSpacing());
                }
                x[i] = cells.x[c];
                y[i] = cells.y[c];
            }
            spacing.add(x[i], y[i]);
        }
        progress.checkCancelled();
        return new double[][]{x, y};
    }
}
