package org.ecomonitor.gui.map;

import net.sf.geographiclib.Geodesic;
import net.sf.geographiclib.PolygonArea;
import net.sf.geographiclib.PolygonResult;

import java.util.List;

/**
 * Distances and areas on the CGCS2000 ellipsoid (GRS 1980 axes: a = 6378137 m, 1/f = 298.257222101), with
 * Karney's geodesic algorithms (GeographicLib), accurate to nanometres: what QGIS's measure tool reports with
 * an ellipsoid set.
 */
public final class GeodesicMeasure {

    public static final Geodesic CGCS2000 = new Geodesic(6378137.0, 1 / 298.257222101);

    private GeodesicMeasure() {
    }

    /** Length in metres of the path through the lon/lat points ({@code {lon, lat}} each). */
    public static double length(List<double[]> lonLat) {
        double sum = 0;
        for (int i = 1; i < lonLat.size(); i++) {
            double[] a = lonLat.get(i - 1), b = lonLat.get(i);
            sum += CGCS2000.Inverse(a[1], a[0], b[1], b[0]).s12;
        }
        return sum;
    }

    /** Area in square metres of the polygon through the points (closed automatically). */
    public static double area(List<double[]> lonLat) {
        if (lonLat.size() < 3) {
            return 0;
        }
        PolygonArea p = new PolygonArea(CGCS2000, false);
        for (double[] c : lonLat) {
            p.AddPoint(c[1], c[0]);
        }
        PolygonResult r = p.Compute(false, true);
        return Math.abs(r.area);
    }

    /** "850 m", "12.35 km". */
    public static String formatLength(double metres) {
        return metres < 1000 ? String.format("%.0f m", metres) : String.format("%.2f km", metres / 1000);
    }

    /** "5,300 m²", "12.35 km²". */
    public static String formatArea(double m2) {
        return m2 < 1e6 ? String.format("%,.0f m²", m2) : String.format("%,.2f km²", m2 / 1e6);
    }
}
