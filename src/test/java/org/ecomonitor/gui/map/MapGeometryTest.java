package org.ecomonitor.gui.map;

import javafx.scene.paint.Color;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Web Mercator, viewports, point sprites, style files and geodesic measures: the map's arithmetic. */
class MapGeometryTest {

    @Test
    void mercatorMatchesTheXyzTileScheme() {
        // Tongren city centre lies in tile 10/822/429 of the XYZ scheme (OpenStreetMap numbering:
        // x = (lon + 180) / 360 · 2^z, y = (1 - asinh(tan lat) / π) / 2 · 2^z)
        assertEquals(822, (int) Math.floor(Mercator.x(109.19) * 1024));
        assertEquals(429, (int) Math.floor(Mercator.y(27.72) * 1024));
        assertEquals(27.72, Mercator.latitude(Mercator.y(27.72)), 1e-9);
        assertEquals(109.19, Mercator.longitude(Mercator.x(109.19)), 1e-9);
    }

    @Test
    void aFittingViewportShowsTheWholeBoxCentred() {
        MapViewport vp = MapViewport.fitting(108.3, 27.1, 109.6, 28.4, 1600, 1000, 18);
        double[] b = vp.bounds();
        double e = 1e-9;
        assertTrue(b[0] <= 108.3 + e && b[2] >= 109.6 - e && b[1] <= 27.1 + e && b[3] >= 28.4 - e, java.util.Arrays.toString(b));
        assertEquals(1000, vp.screenY(Mercator.y(27.1)) - vp.screenY(Mercator.y(28.4)), 1.0, "the box fills the height");
        assertEquals(108.95, vp.centerLongitude(), 1e-9);
        // at zoom 10 a pixel is 135 m at the latitude of Tongren, so 1:512,000 at 96 dpi
        MapViewport z10 = MapViewport.of(10, 0, 0, 100, 100);
        assertEquals(135.3, Mercator.metresPerPixel(27.72, 10), 0.1);
        assertTrue(z10.scaleDenominator(96) > 0);
    }

    @Test
    void aSpriteCentrePixelIsExactlyTheFillColour() {
        Color fill = Color.web("#d62728");
        PointSprite s = PointSprite.render(PointSymbol.CIRCLE, 11, fill, Color.WHITE, 1.5);
        int[] raster = new int[40 * 40];
        s.stamp(raster, 40, 40, 20, 20);
        assertEquals(0xffd62728, raster[20 * 40 + 20]);
        assertEquals(0, raster[0], "outside the symbol nothing is drawn");
        // half off the raster: clipped, no exception
        s.stamp(raster, 40, 40, 0, 39);
        s.stamp(raster, 40, 40, -100, -100);
    }

    @Test
    void blendingIsPremultipliedSourceOver() {
        Color half = Color.color(0, 0, 1, 0.5);
        PointSprite s = PointSprite.render(PointSymbol.SQUARE, 20, half, half, 0);
        int[] raster = {0xffff0000};
        s.stamp(raster, 1, 1, 0, 0);
        int p = raster[0];
        assertEquals(255, p >>> 24);
        assertEquals(127, (p >>> 16) & 0xff, 1);
        assertEquals(128, p & 0xff, 1);
    }

    @Test
    void everySymbolContainsItsCentreAndNotFarPoints() {
        for (PointSymbol s : PointSymbol.values()) {
            assertTrue(s.contains(0, 0.05, 1), s.name());
            assertTrue(!s.contains(1.5, 1.5, 1), s.name());
        }
        assertEquals(PointSymbol.STAR, PointSymbol.parse(" Star ", PointSymbol.CIRCLE));
        assertEquals(PointSymbol.CIRCLE, PointSymbol.parse("hexagon", PointSymbol.CIRCLE));
    }

    @Test
    void styleFilesRoundTripWithChineseCategories() {
        LayerStyle s = LayerStyle.defaultFor(GeometryFamily.POINT).withSymbol(PointSymbol.TRIANGLE).withSize(12)
                .withFill(Color.web("#17becf")).withOpacity(0.8).withLabel("name")
                .withCategories("level", Map.of("国控", Color.web("#d62728"), "省 控", Color.web("#ff7f0e")));
        String text = StyleFiles.format("surface_water", s);
        LayerStyle back = StyleFiles.parse(text, LayerStyle.defaultFor(GeometryFamily.POINT));
        assertEquals(s.symbol(), back.symbol());
        assertEquals(12, back.size());
        assertEquals(0.8, back.opacity(), 1e-9);
        assertEquals("name", back.labelField());
        assertEquals(Color.web("#d62728"), back.fillFor("国控"));
        assertEquals(Color.web("#ff7f0e"), back.fillFor("省 控"));
        assertEquals(back.fill(), back.fillFor("市控"), "values without a category get the layer's fill");
    }

    @Test
    void aBrokenStyleLineKeepsTheDefaultAndCommentsAreIgnored() {
        LayerStyle fb = LayerStyle.defaultFor(GeometryFamily.LINE);
        LayerStyle s = StyleFiles.parse("stroke = not-a-colour\nstroke-width = 3 # thick\nsize = x\n", fb);
        assertEquals(fb.stroke(), s.stroke());
        assertEquals(3, s.strokeWidth());
        assertEquals(fb.size(), s.size());
    }

    @Test
    void bundledStylesExistForEveryStationKind() {
        StyleFiles files = new StyleFiles(java.nio.file.Path.of("target", "no-user-styles"));
        for (org.ecomonitor.model.StationKind k : org.ecomonitor.model.StationKind.values()) {
            LayerStyle s = files.load(k.code(), GeometryFamily.POINT);
            assertTrue(s != null);
        }
        assertEquals(PointSymbol.TRIANGLE, files.load("surface_water", GeometryFamily.POINT).symbol());
        assertEquals("level", files.load("air", GeometryFamily.POINT).categoryField());
    }

    @Test
    void geodesicDistanceAndAreaOnCgcs2000() {
        // one degree of longitude along the equator of GRS80: 111,319.49 m
        assertEquals(111_319.49, GeodesicMeasure.length(List.of(new double[]{0, 0}, new double[]{1, 0})), 0.01);
        // a 0.1° square at Tongren: about 9.86 km × 11.09 km
        double a = GeodesicMeasure.area(List.of(new double[]{109.1, 27.7}, new double[]{109.2, 27.7},
                new double[]{109.2, 27.8}, new double[]{109.1, 27.8}));
        assertEquals(1.093e8, a, 0.01e8);
        assertEquals("850 m", GeodesicMeasure.formatLength(850));
    }
}
