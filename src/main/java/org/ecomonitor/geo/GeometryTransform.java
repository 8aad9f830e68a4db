package org.ecomonitor.geo;

import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Geometry;

/**
 * Transforms JTS geometries between two EPSG systems vertex by vertex through a {@link CoordinateTransform}
 * (no densification: edges stay straight in the target plane, which is exact enough for city-sized features in
 * a Gauss-Krüger zone). The result is a copy with the target's SRID. Not thread-safe, like the transform.
 */
public final class GeometryTransform {

    private final CoordinateTransform transform;
    private final double[] xy = new double[2];

    private GeometryTransform(CoordinateTransform transform) {
        this.transform = transform;
    }

    public static GeometryTransform between(int sourceEpsg, int targetEpsg) {
        return new GeometryTransform(CoordinateTransform.between(sourceEpsg, targetEpsg));
    }

    /** A transformed copy of {@code g} (the same object when source and target are the same system). */
    public Geometry apply(Geometry g) {
        if (g == null) {
            return null;
        }
        if (transform.source() == transform.target()) {
            return g;
        }
        Geometry copy = g.copy();
        copy.apply(new CoordinateSequenceFilter() {
            @Override
            public void filter(CoordinateSequence seq, int i) {
                transform.apply(seq.getX(i), seq.getY(i), xy);
                seq.setOrdinate(i, 0, xy[0]);
                seq.setOrdinate(i, 1, xy[1]);
            }

            @Override
            public boolean isDone() {
                return false;
            }

            @Override
            public boolean isGeometryChanged() {
                return true;
            }
        });
        copy.setSRID(transform.target());
        return copy;
    }
}
