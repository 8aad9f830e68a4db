package org.ecomonitor.io.shapefile;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.CoordinateReferenceSystem;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every EPSG code of the catalogue checked against the EPSG tables proj4j-epsg bundles (proj4/pcs.csv, gcs.csv:
 * names and deprecation) and its proj4 definitions (proj4/nad/epsg: central meridian, false easting and northing,
 * scale factor, ellipsoid), so no code comes from memory.
 */
class CrsCatalogTest {

    private static final Map<Integer, String[]> PCS = new HashMap<>();
    private static final Map<Integer, String[]> GCS = new HashMap<>();
    private static final Map<Integer, Map<String, String>> PROJ4 = new HashMap<>();

    @BeforeAll
    static void loadProj4jEpsg() throws IOException {
        readCsv("/proj4/pcs.csv", PCS);
        readCsv("/proj4/gcs.csv", GCS);
        Pattern line = Pattern.compile("^<(\\d+)>\\s*(.*?)\\s*<>\\s*$");
        try (BufferedReader r = open("/proj4/nad/epsg")) {
            for (String s; (s = r.readLine()) != null; ) {
                Matcher m = line.matcher(s);
                if (m.matches()) {
                    Map<String, String> params = new HashMap<>();
                    for (String token : m.group(2).split("\\s+")) {
                        String t = token.replaceFirst("^\\+", "");
                        int eq = t.indexOf('=');
                        params.put(eq < 0 ? t : t.substring(0, eq), eq < 0 ? "" : t.substring(eq + 1));
                    }
                    PROJ4.put(Integer.parseInt(m.group(1)), params);
                }
            }
        }
    }

    private static BufferedReader open(String resource) {
        InputStream in = CrsCatalogTest.class.getResourceAsStream(resource);
        assertNotNull(in, resource + " is not on the class path (proj4j-epsg)");
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    }

    private static void readCsv(String resource, Map<Integer, String[]> into) throws IOException {
        try (BufferedReader r = open(resource)) {
            r.readLine();
            for (String s; (s = r.readLine()) != null; ) {
                String[] cells = splitCsv(s);
                into.put(Integer.parseInt(cells[0]), cells);
            }
        }
    }

    private static String[] splitCsv(String s) {
        List<String> cells = new ArrayList<>();
        StringBuilder b = new StringBuilder();
        boolean quoted = false;
        for (char c : s.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                cells.add(b.toString());
                b.setLength(0);
            } else {
                b.append(c);
            }
        }
        cells.add(b.toString());
        return cells.toArray(String[]::new);
    }

    @Test
    void everyProjectedEntryMatchesTheEpsgNameAndTheProj4Definition() {
        int checked = 0;
        for (CrsCatalog.Entry e : CrsCatalog.entries()) {
            if (!e.projected()) {
                continue;
            }
            String[] row = PCS.get(e.epsg());
            assertNotNull(row, "EPSG:" + e.epsg() + " is not in pcs.csv");
            assertEquals(e.epsgName(), row[1], "name of EPSG:" + e.epsg());
            assertEquals("0", row[7], "EPSG:" + e.epsg() + " is deprecated");
            Map<String, String> p = PROJ4.get(e.epsg());
            assertNotNull(p, "EPSG:" + e.epsg() + " has no proj4 definition");
            if ("utm".equals(p.get("proj"))) {
                int zone = Integer.parseInt(p.get("zone"));
                assertEquals(e.centralMeridian(), 6 * zone - 183, "zone of EPSG:" + e.epsg());
                assertEquals(e.falseNorthing(), p.containsKey("south") ? 10000000 : 0);
                assertEquals(0.9996, e.scaleFactor());
                assertEquals(500000, e.falseEasting());
            } else {
                assertEquals("tmerc", p.get("proj"), "EPSG:" + e.epsg());
                assertEquals(e.centralMeridian(), Double.parseDouble(p.get("lon_0")), "lon_0 of EPSG:" + e.epsg());
                assertEquals(e.falseEasting(), Double.parseDouble(p.get("x_0")), "x_0 of EPSG:" + e.epsg());
                assertEquals(e.falseNorthing(), Double.parseDouble(p.get("y_0")), "y_0 of EPSG:" + e.epsg());
                assertEquals(e.scaleFactor(), Double.parseDouble(p.get("k")), "k of EPSG:" + e.epsg());
                assertEquals("0", p.get("lat_0"));
            }
            assertEllipsoid(e.datum(), p, e.epsg());
            checked++;
        }
        assertEquals(3 * (42 + 22) + 120, checked, "3 datums x (21+21 3-degree + 11+11 6-degree) + 120 UTM");
    }

    @Test
    void geographicEntriesMatchGcsCsv() {
        for (CrsCatalog.Datum d : CrsCatalog.Datum.values()) {
            String[] row = GCS.get(d.geographicCode);
            assertNotNull(row, "EPSG:" + d.geographicCode);
            assertEquals(d.epsgName, row[1]);
            assertEllipsoid(d, PROJ4.get(d.geographicCode), d.geographicCode);
        }
        assertEquals(4326, CrsCatalog.Datum.WGS84.geographicCode);
        assertEquals(4490, CrsCatalog.Datum.CGCS2000.geographicCode);
        assertEquals(4610, CrsCatalog.Datum.XIAN1980.geographicCode);
        assertEquals(4214, CrsCatalog.Datum.BEIJING1954.geographicCode);
    }

    @Test
    void theCodesTheBriefNames() {
        assertEquals("CGCS2000 / 3-degree Gauss-Kruger CM 108E", CrsCatalog.byCode(4545).orElseThrow().epsgName());
        assertEquals("CGCS2000 / 3-degree Gauss-Kruger zone 25", CrsCatalog.byCode(4513).orElseThrow().epsgName());
        assertEquals("CGCS2000 / 3-degree Gauss-Kruger zone 45", CrsCatalog.byCode(4533).orElseThrow().epsgName());
        assertEquals("CGCS2000 / 3-degree Gauss-Kruger CM 75E", CrsCatalog.byCode(4534).orElseThrow().epsgName());
        assertEquals("CGCS2000 / 3-degree Gauss-Kruger CM 135E", CrsCatalog.byCode(4554).orElseThrow().epsgName());
        // Beijing 1954 6-degree CM codes are 21453.., not the deprecated 21473.. ("Gauss-Kruger 13N")
        assertEquals("Beijing 1954 / Gauss-Kruger CM 111E", CrsCatalog.byCode(21459).orElseThrow().epsgName());
        assertFalse(CrsCatalog.byCode(21479).isPresent());
    }

    @Test
    void proj4jBuildsTheCatalogueCodesItIsAskedFor() {
        CRSFactory factory = new CRSFactory();
        for (int code : new int[] {4490, 4545, 4524, 2381, 2433, 21459, 32649}) {
            CoordinateReferenceSystem crs = factory.createFromName("EPSG:" + code);
            assertNotNull(crs.getProjection(), "EPSG:" + code);
        }
    }

    @Test
    void esriWktOfEveryEntryParsesBackToItsCode() {
        for (CrsCatalog.Entry e : CrsCatalog.entries()) {
            String wkt = CrsCatalog.esriWkt(e);
            assertEquals(e.epsg(), PrjParser.parse(wkt).epsg().orElse(-1), wkt);
            if (e.projected()) {
                // by parameters: the same definition, though not always the same code (a 6-degree CM CRS equals the
                // 3-degree CM CRS on the same meridian, and the 3-degree code is the one given)
                String renamed = wkt.replace("PROJCS[\"" + e.esriName() + "\"", "PROJCS[\"my_own_name\"");
                CrsCatalog.Entry found = CrsCatalog.byCode(PrjParser.parse(renamed).epsg().orElse(-1)).orElseThrow();
                assertEquals(List.of(e.datum(), e.centralMeridian(), e.falseEasting(), e.falseNorthing(),
                        e.scaleFactor()), List.of(found.datum(), found.centralMeridian(), found.falseEasting(),
                        found.falseNorthing(), found.scaleFactor()), renamed);
                if (e.epsgName().contains("3-degree") || e.epsgName().contains("UTM")) {
                    assertEquals(e.epsg(), found.epsg(), renamed);
                }
            }
        }
    }

    private static void assertEllipsoid(CrsCatalog.Datum d, Map<String, String> p, int code) {
        switch (d) {
            case WGS84 -> assertTrue("WGS84".equals(p.get("datum")) || "WGS84".equals(p.get("ellps")), "EPSG:" + code);
            case CGCS2000 -> assertEquals("GRS80", p.get("ellps"), "EPSG:" + code);
            case XIAN1980 -> assertEquals("6378140", p.get("a"), "EPSG:" + code);
            case BEIJING1954 -> assertEquals("krass", p.get("ellps"), "EPSG:" + code);
        }
    }
}
