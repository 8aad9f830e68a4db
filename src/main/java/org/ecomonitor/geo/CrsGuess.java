package org.ecomonitor.geo;

/**
 * Guesses the CRS of x/y columns from their value ranges when a file does not say, as a user would:
 * degrees inside China's box are CGCS2000 geographic; six-digit eastings with seven-digit northings are a
 * CGCS2000 3-degree Gauss-Krüger zone (the central meridian taken from a hint longitude, 108°E for Tongren);
 * eight-digit eastings carry the zone number in front (CGCS2000 3-degree GK zone 25-45). The caller must show
 * the returned guess to the user as a warning: a guess is never silent.
 */
public final class CrsGuess {

    private CrsGuess() {
    }

    /**
     * @param minX smallest x (or longitude)
     * @param maxX largest x
     * @param minY smallest y
     * @param maxY largest y
     * @param hintLongitude longitude of the project area, used for the central meridian of projected guesses
     * @return the EPSG code, or -1 when the ranges fit nothing known
     */
    public static int guess(double minX, double maxX, double minY, double maxY, double hintLongitude) {
        if (minX >= 73 && maxX <= 136 && minY >= 3 && maxY <= 54) {
            return Crs.CGCS2000;
        }
        if (minY >= 1_000_000 && maxY <= 6_000_000) {
            if (minX >= 100_000 && maxX <= 900_000) {
                return Crs.cgcs2000GaussKruegerFor(hintLongitude);
            }
            long zoneMin = (long) Math.floor(minX / 1_000_000);
            long zoneMax = (long) Math.floor(maxX / 1_000_000);
            if (zoneMin == zoneMax && zoneMin >= 25 && zoneMin <= 45) {
                return 4513 + (int) (zoneMin - 25);
            }
        }
        return -1;
    }
}
