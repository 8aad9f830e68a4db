package org.ecomonitor.geo;

import org.ecomonitor.i18n.UserException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CoordinateTransformTest {

    @Test
    void theCentralMeridianMapsToFalseEasting500km() {
        double[] xy = CoordinateTransform.between(Crs.CGCS2000, Crs.CGCS2000_GK_CM_108E).apply(108.0, 27.0);
        assertEquals(500_000.0, xy[0], 1e-6);
        // meridian arc of GRS80 from the equator to 27 N: 2,987,577 m (about 110.65 km a degree at these latitudes)
        assertTrue(Math.abs(xy[1] - 2_987_577) < 100, "northing " + xy[1]);
        double[] back = CoordinateTransform.between(Crs.CGCS2000_GK_CM_108E, Crs.CGCS2000).apply(xy[0], xy[1]);
        assertEquals(108.0, back[0], 1e-9);
        assertEquals(27.0, back[1], 1e-9);
    }

    @Test
    void zoneNumberedEastingsCarryTheZone() {
        double[] a = CoordinateTransform.between(Crs.CGCS2000, 4545).apply(109.19, 27.72);
        double[] b = CoordinateTransform.between(Crs.CGCS2000, 4524).apply(109.19, 27.72);
        assertEquals(a[0] + 36_000_000, b[0], 1e-6, "EPSG:4524 is zone 36 with the zone number in front");
        assertEquals(a[1], b[1], 1e-6);
    }

    @Test
    void wgs84AndCgcs2000AreTheSameDatumHere() {
        double[] p = CoordinateTransform.between(Crs.WGS84, Crs.CGCS2000).apply(109.19, 27.72);
        assertEquals(109.19, p[0], 0);
        assertEquals(27.72, p[1], 0);
    }

    @Test
    void beijing1954IsShiftedByTensOfMetresAndXian80IsFlagged() {
        double[] p = CoordinateTransform.between(Crs.BEIJING1954, Crs.CGCS2000).apply(109.19, 27.72);
        double dx = (p[0] - 109.19) * 111_320 * Math.cos(Math.toRadians(27.72));
        double dy = (p[1] - 27.72) * 110_570;
        double shift = Math.hypot(dx, dy);
        assertTrue(shift > 20 && shift < 300, "Beijing 1954 to CGCS2000 shift " + shift + " m");
        assertTrue(Crs.hasDatumShiftWarning(Crs.XIAN1980));
        assertTrue(Crs.hasDatumShiftWarning(2379), "Xian 1980 / 3-degree GK CM 102E");
        double[] x = CoordinateTransform.between(Crs.XIAN1980, Crs.CGCS2000).apply(109.19, 27.72);
        assertTrue(Math.abs(x[0] - 109.19) < 1e-3, "converted, without a datum shift");
    }

    @Test
    void zonesAndCodes() {
        assertEquals(4545, Crs.cgcs2000GaussKruegerFor(109.19));
        assertEquals(4534, Crs.cgcs2000GaussKruegerFor(75.4));
        assertEquals(108, Crs.centralMeridianOf(4545));
        assertEquals(4545, Crs.parse("EPSG:4545"));
        assertEquals(4490, Crs.parse(" epsg:4490 "));
        assertEquals("crs.unparseable", assertThrows(UserException.class, () -> Crs.parse("GK108")).key());
        assertEquals("crs.unknown", assertThrows(UserException.class, () -> Crs.parse("EPSG:999999")).key());
        assertEquals("crs.outside_china", assertThrows(UserException.class, () -> Crs.cgcs2000GaussKruegerFor(10)).key());
        assertTrue(Crs.wkt(4545).contains("CM 108E"));
        assertEquals(4490, CrsGuess.guess(108, 109.5, 27, 28.5, 108.9));
        assertEquals(4545, CrsGuess.guess(400_000, 600_000, 3_000_000, 3_200_000, 108.9));
        assertEquals(4524, CrsGuess.guess(36_400_000, 36_600_000, 3_000_000, 3_200_000, 108.9));
        assertEquals(-1, CrsGuess.guess(-5, 5, -5, 5, 108.9));
    }
}
