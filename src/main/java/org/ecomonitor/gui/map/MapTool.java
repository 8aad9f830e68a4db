package org.ecomonitor.gui.map;

/** What a click or drag on the map does. */
public enum MapTool {
    /** drag to pan, wheel to zoom */
    PAN,
    /** click a feature to see its attributes and latest readings */
    IDENTIFY,
    /** click a feature or drag a rectangle to select (Ctrl/Shift adds) */
    SELECT,
    /** click points of a path, double-click to finish */
    MEASURE_DISTANCE,
    /** click corners of a polygon, double-click to finish */
    MEASURE_AREA
}
