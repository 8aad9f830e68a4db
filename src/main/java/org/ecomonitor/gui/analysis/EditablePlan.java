package org.ecomonitor.gui.analysis;

import org.ecomonitor.analysis.layout.LayoutPlan;
import org.ecomonitor.analysis.layout.LayoutProjection;
import org.ecomonitor.analysis.layout.NetworkMetrics;
import org.ecomonitor.analysis.layout.PlannedPoint;
import org.ecomonitor.analysis.layout.PointStatus;
import org.ecomonitor.analysis.layout.Site;
import org.ecomonitor.analysis.layout.StudyArea;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A layout plan being edited by hand, before it goes to the field teams: a new point moved to where it can really
 * be measured, a new point deleted, a point added, an existing station proposed for removal (or kept again). Each
 * point keeps a feature id for the map while it lives. Points must lie in the study area's admissible part (inside
 * the area, outside exclusions); existing stations stay where they are. Every edit can be undone, one after
 * another. {@link #toPlan} gives the edited plan with the "after" metrics computed for it, for the exports and
 * the store. Not thread-safe (FX thread); {@link #afterSites} is a snapshot for a background evaluation.
 */
final class EditablePlan {

    /** What an edit did, for the status line. */
    enum Result { DONE, OUTSIDE_AREA, EXISTING_FIXED, NO_POINT }

    /** A point of the plan with its feature id. */
    record Entry(long fid, PlannedPoint point) {
    }

    private final LayoutPlan original;
    private final StudyArea area;
    private final LayoutProjection projection;
    private final Map<String, Site> fixedById = new HashMap<>();
    private List<Entry> entries = new ArrayList<>();
    private final Deque<List<Entry>> undo = new ArrayDeque<>();
    private long nextFid;
    private int edits;
    private int revision;

    /**
     * @param plan  the method's plan
     * @param area  its study area
     * @param fixed the existing points it was made with (their zones count for the per-zone rows)
     */
    EditablePlan(LayoutPlan plan, StudyArea area, List<Site> fixed) {
        this.original = plan;
        this.area = area;
        this.projection = LayoutProjection.of(plan.planeEpsg());
        for (Site s : fixed) {
            fixedById.putIfAbsent(s.id(), s);
        }
        for (PlannedPoint p : plan.points()) {
            entries.add(new Entry(++nextFid, p));
        }
    }

    LayoutPlan original() {
        return original;
    }

    StudyArea area() {
        return area;
    }

    List<Entry> entries() {
        return List.copyOf(entries);
    }

    /** Grows with every change (edits and undos), so a late evaluation can tell it is out of date. */
    int revision() {
        return revision;
    }

    /** Number of edits made (undone ones not counted). */
    int edits() {
        return edits;
    }

    boolean canUndo() {
        return !undo.isEmpty();
    }

    int indexOf(long fid) {
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).fid() == fid) {
                return i;
            }
        }
        return -1;
    }

    Entry entry(long fid) {
        int i = indexOf(fid);
        return i < 0 ? null : entries.get(i);
    }

    /** Remembers the plan as it is, for {@link #undo}; a drag calls it once before its first move. */
    void checkpoint() {
        undo.push(List.copyOf(entries));
        edits++;
        revision++;
    }

    /** Puts the point back to the last checkpoint's state. */
    boolean undo() {
        if (undo.isEmpty()) {
            return false;
        }
        entries = new ArrayList<>(undo.pop());
        edits = Math.max(0, edits - 1);
        revision++;
        return true;
    }

    /** Whether a point may be moved (new points only: existing stations stay where they are). */
    boolean movable(long fid) {
        Entry e = entry(fid);
        return e != null && e.point().status() == PointStatus.NEW;
    }

    /**
     * Moves a new point to a longitude/latitude (after a {@link #checkpoint}); outside the admissible area it is
     * refused and the point stays.
     */
    Result moveTo(long fid, double lon, double lat) {
        int i = indexOf(fid);
        if (i < 0) {
            return Result.NO_POINT;
        }
        PlannedPoint p = entries.get(i).point();
        if (p.status() != PointStatus.NEW) {
            return Result.EXISTING_FIXED;
        }
        double[] xy = projection.toPlane(lon, lat);
        if (!area.isAdmissible(xy[0], xy[1])) {
            return Result.OUTSIDE_AREA;
        }
        Map<String, Object> attrs = new LinkedHashMap<>(p.attributes());
        attrs.put("edit", attrs.get("edit") == null || "moved".equals(attrs.get("edit")) ? "moved" : attrs.get("edit"));
        entries.set(i, new Entry(fid, new PlannedPoint(p.id(), xy[0], xy[1], lon, lat, p.status(), p.label(), attrs)));
        revision++;
        return Result.DONE;
    }

    /** Moves a new point as one edit (checkpoint, move; nothing remembered when refused). */
    Result move(long fid, double lon, double lat) {
        if (!movable(fid)) {
            return entry(fid) == null ? Result.NO_POINT : Result.EXISTING_FIXED;
        }
        double[] xy = projection.toPlane(lon, lat);
        if (!area.isAdmissible(xy[0], xy[1])) {
            return Result.OUTSIDE_AREA;
        }
        checkpoint();
        return moveTo(fid, lon, lat);
    }

    /**
     * Deletes a new point; an existing station is proposed for removal instead (or kept again when it already
     * was), since a plan cannot make a station disappear.
     */
    Result delete(long fid) {
        int i = indexOf(fid);
        if (i < 0) {
            return Result.NO_POINT;
        }
        checkpoint();
        PlannedPoint p = entries.get(i).point();
        switch (p.status()) {
            case NEW -> entries.remove(i);
            case EXISTING -> entries.set(i, new Entry(fid, with(p, PointStatus.REMOVE)));
            case REMOVE -> entries.set(i, new Entry(fid, with(p, PointStatus.EXISTING)));
        }
        return Result.DONE;
    }

    private static PlannedPoint with(PlannedPoint p, PointStatus s) {
        return new PlannedPoint(p.id(), p.x(), p.y(), p.longitude(), p.latitude(), s, p.label(), p.attributes());
    }

    /** Adds a new point at a longitude/latitude, numbered M001, M002 ...; returns its fid, or -1 outside the area. */
    long add(double lon, double lat) {
        double[] xy = projection.toPlane(lon, lat);
        if (!area.isAdmissible(xy[0], xy[1])) {
            return -1;
        }
        checkpoint();
        Set<String> used = new HashSet<>();
        for (Entry e : entries) {
            used.add(e.point().id());
        }
        String id;
        int k = 1;
        do {
            id = String.format(Locale.ROOT, "M%03d", k++);
        } while (used.contains(id));
        int z = area.zoneAt(xy[0], xy[1]);
        String label = z >= 0 ? area.zones().get(z).id() : null;
        Map<String, Object> attrs = new LinkedHashMap<>();
        attrs.put("edit", "added");
        long fid = ++nextFid;
        entries.add(new Entry(fid, new PlannedPoint(id, xy[0], xy[1], lon, lat, PointStatus.NEW, label, attrs)));
        return fid;
    }

    /** The network before the layout (unchanged by edits). */
    NetworkMetrics before() {
        return original.before();
    }

    /** The points of the network after the layout as edited: existing ones kept, and the new ones. */
    List<Site> afterSites() {
        List<Site> sites = new ArrayList<>();
        for (Entry e : entries) {
            PlannedPoint p = e.point();
            if (p.status() == PointStatus.REMOVE) {
                continue;
            }
            Site fixed = p.status() == PointStatus.EXISTING ? fixedById.get(p.id()) : null;
            sites.add(fixed != null ? fixed : Site.of(p.id(), p.x(), p.y()));
        }
        return sites;
    }

    /** The edited plan, with the metrics of the edited network as "after" (null: the method's own). */
    LayoutPlan toPlan(NetworkMetrics after) {
        Map<String, Object> params = new LinkedHashMap<>(original.parameters());
        if (edits > 0) {
            params.put("edits_by_hand", (long) edits);
        }
        List<PlannedPoint> points = entries.stream().map(Entry::point).toList();
        return new LayoutPlan(original.method(), params, original.planeEpsg(), points, original.before(),
                after == null ? original.after() : after, original.cells(), original.notices());
    }
}
