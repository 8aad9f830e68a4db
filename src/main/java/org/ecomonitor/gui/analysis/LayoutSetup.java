package org.ecomonitor.gui.analysis;

import org.ecomonitor.analysis.layout.Site;
import org.ecomonitor.analysis.layout.StudyArea;
import org.ecomonitor.io.LayoutInputs;
import org.ecomonitor.model.Feature;
import org.ecomonitor.model.StationKind;
import org.ecomonitor.store.ProjectStore;

import java.util.ArrayList;
import java.util.List;

/**
 * What a layout starts from, read from the project store as the {@code layout} command reads it: the study area
 * (a polygon layer, optionally filtered, less an exclusion layer) with its zones (counties, strata) in the working
 * plane, and the existing points that must stay.
 *
 * @param area  the study area
 * @param fixed the existing points
 */
record LayoutSetup(StudyArea area, List<Site> fixed) {

    /**
     * The inputs a user chose.
     *
     * @param areaLayer     the study area's polygon layer
     * @param where         {@code column=v1[,v2]} to keep some of its features, or blank
     * @param exclusions    a polygon layer of places that cannot hold a point, or blank
     * @param zonesLayer    a polygon layer of zones, or blank for the area's own features
     * @param zoneField     the field naming zones, or blank to choose (adcode, code, id, name)
     * @param fixedKind     the stations of this kind are the existing points, or null
     * @param fixedLayer    a point layer of existing points, or blank
     * @param fixedWhere    {@code column=v1[,v2]} to keep some existing points, or blank
     * @param valueField    the existing points' value column a variogram is fitted to, or blank
     */
    record Spec(String areaLayer, String where, String exclusions, String zonesLayer, String zoneField,
                StationKind fixedKind, String fixedLayer, String fixedWhere, String valueField) {

        static boolean given(String s) {
            return s != null && !s.isBlank();
        }
    }

    /** Reads the inputs (on the project's thread). */
    static LayoutSetup load(ProjectStore store, Spec spec) {
        List<Feature> area = LayoutInputs.readLayer(store, spec.areaLayer(), blankToNull(spec.where()));
        List<Feature> exclusions = Spec.given(spec.exclusions())
                ? LayoutInputs.readLayer(store, spec.exclusions(), null) : List.of();
        List<Feature> zones = Spec.given(spec.zonesLayer())
                ? LayoutInputs.readLayer(store, spec.zonesLayer(), null) : area;
        StudyArea studyArea = LayoutInputs.studyArea(area, exclusions, zones, blankToNull(spec.zoneField()), null);
        List<Feature> points = new ArrayList<>();
        if (spec.fixedKind() != null) {
            points.addAll(LayoutInputs.readStations(store, spec.fixedKind(), blankToNull(spec.fixedWhere())));
        }
        if (Spec.given(spec.fixedLayer())) {
            points.addAll(LayoutInputs.readLayer(store, spec.fixedLayer(), blankToNull(spec.fixedWhere())));
        }
        List<Site> sites = LayoutInputs.sites(points, studyArea, blankToNull(spec.valueField()));
        return new LayoutSetup(studyArea, sites);
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
