package org.ecomonitor.analysis.layout;

/** The length of a plane vector. {@link Math#hypot} guards against overflow and is several times slower. */
final class Distances {

    private Distances() {
    }

    static double length(double dx, double dy) {
        return Math.sqrt(dx * dx + dy * dy);
    }
}
