package org.ecomonitor.gui.analysis;

import org.ecomonitor.i18n.Messages;

/** The methods the layout wizard offers, one per task a planner has (the {@code layout} command's methods). */
enum LayoutMethod {
    /** HJ 640-2012 regional noise grid. */
    HJ640_GRID("gui.layout.method.hj640"),
    /** HJ/T 166 systematic (or systematic random) soil grid. */
    SOIL_SYSTEMATIC("gui.layout.method.systematic"),
    /** HJ/T 166 stratified soil layout, points shared by zone area. */
    SOIL_STRATIFIED("gui.layout.method.stratified"),
    /** Soil points by given county quotas. */
    SOIL_QUOTAS("gui.layout.method.quotas"),
    /** Spatial coverage by k-means (spcosa). */
    COVERAGE("gui.layout.method.coverage"),
    /** Densification minimising the kriging variance. */
    DENSIFY("gui.layout.method.densify"),
    /** Which existing points are redundant. */
    REDUCE("gui.layout.method.reduce"),
    /** Points per zone, largest gap, distance raster. */
    CHECK("gui.layout.method.check");

    private final String key;

    LayoutMethod(String key) {
        this.key = key;
    }

    String title() {
        return Messages.get(key);
    }

    /** True for the methods whose plan is a grid of squares. */
    boolean isGrid() {
        return this == HJ640_GRID || this == SOIL_SYSTEMATIC;
    }

    /** True for the methods that need a variogram. */
    boolean needsVariogram() {
        return this == DENSIFY || this == REDUCE;
    }

    /** True when the result is a plan of points (false for the coverage check's report). */
    boolean makesPlan() {
        return this != CHECK;
    }

    @Override
    public String toString() {
        return title();
    }
}
