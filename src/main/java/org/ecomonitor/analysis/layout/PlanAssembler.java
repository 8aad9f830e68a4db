package org.ecomonitor.analysis.layout;

import org.ecomonitor.analysis.interpolation.VariogramModel;
import org.ecomonitor.model.Progress;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns a method's points into a {@link LayoutPlan}: longitude/latitude for every point, zone labels, and the
 * before (existing points, including those proposed for removal) and after (existing kept plus new) metrics.
 */
final class PlanAssembler {

    /** A point of the result before it gets its longitude and latitude. */
    record Entry(Site site, PointStatus status, String label, Map<String, Object> attributes) {
    }

    private PlanAssembler() {
    }

    static LayoutPlan assemble(String method, Map<String, Object> parameters, StudyArea area, List<Entry> entries,
                               VariogramModel model, Discretisation eval, List<GridCell> cells,
                               List<LayoutNotice> notices, Progress progress) {
        List<Site> before = new ArrayList<>();
        List<Site> after = new ArrayList<>();
        for (Entry e : entries) {
            if (e.status() != PointStatus.NEW) {
                before.add(e.site());
            }
            if (e.status() != PointStatus.REMOVE) {
                after.add(e.site());
            }
        }
        NetworkMetrics[] m = NetworkEvaluation.compare(area, eval, before, after, model, progress);
        LayoutProjection projection = null;
        try {
            projection = LayoutProjection.of(area.epsg());
        } catch (RuntimeException e) {
            // an unknown plane: longitude and latitude stay NaN
        }
        List<PlannedPoint> points = new ArrayList<>();
        for (Entry e : entries) {
            Site s = e.site();
            double[] ll = projection == null ? new double[]{Double.NaN, Double.NaN} : projection.toLonLat(s.x(), s.y());
            String label = e.label();
            if (label == null) {
                int z = area.zoneOf(s);
                label = z >= 0 ? area.zones().get(z).id() : null;
            }
            points.add(new PlannedPoint(s.id(), s.x(), s.y(), ll[0], ll[1], e.status(), label, e.attributes()));
        }
        return new LayoutPlan(method, parameters, area.epsg(), points, m[0], m[1], cells, notices);
    }

    /** Entries for existing points that stay. */
    static List<Entry> existing(List<Site> fixed) {
        List<Entry> list = new ArrayList<>();
        for (Site s : fixed) {
            list.add(new Entry(s, PointStatus.EXISTING, null, Map.of()));
        }
        return list;
    }

    /** "P001" style ids, wide enough for {@code count} points, skipping ids the existing points use. */
    static List<String> sequenceIds(String prefix, int count, List<Site> existing) {
        java.util.Set<String> used = new java.util.HashSet<>();
        for (Site s : existing) {
            used.add(s.id());
        }
        int width = Math.max(3, Integer.toString(count).length());
        List<String> ids = new ArrayList<>();
        for (int i = 1; ids.size() < count; i++) {
            String id = prefix + String.format(java.util.Locale.ROOT, "%0" + width + "d", i);
            if (!used.contains(id)) {
                ids.add(id);
            }
        }
        return ids;
    }
}
