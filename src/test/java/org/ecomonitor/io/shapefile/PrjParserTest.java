package org.ecomonitor.io.shapefile;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;

/** .prj texts as ArcGIS, GDAL and others write them, mapped to EPSG codes. */
class PrjParserTest {

    static final String GCS_CGCS2000 = "GEOGCS[\"GCS_China_Geodetic_Coordinate_System_2000\","
            + "DATUM[\"D_China_2000\",SPHEROID[\"CGCS2000\",6378137.0,298.257222101]],"
            + "PRIMEM[\"Greenwich\",0.0],UNIT[\"Degree\",0.0174532925199433]]";

    /** As ArcGIS 10 writes it. */
    static final String CGCS2000_CM_108E = "PROJCS[\"CGCS2000_3_Degree_GK_CM_108E\"," + GCS_CGCS2000
            + ",PROJECTION[\"Gauss_Kruger\"],PARAMETER[\"False_Easting\",500000.0],"
            + "PARAMETER[\"False_Northing\",0.0],PARAMETER[\"Central_Meridian\",108.0],"
            + "PARAMETER[\"Scale_Factor\",1.0],PARAMETER[\"Latitude_Of_Origin\",0.0],UNIT[\"Meter\",1.0]]";

    private static int code(String wkt) {
        return PrjParser.parse(wkt).epsg().orElse(-1);
    }

    @Test
    void geographicByEsriName() {
        assertEquals(4326, code("GEOGCS[\"GCS_WGS_1984\",DATUM[\"D_WGS_1984\",SPHEROID[\"WGS_1984\",6378137.0,"
                + "298.257223563]],PRIMEM[\"Greenwich\",0.0],UNIT[\"Degree\",0.0174532925199433]]"));
        assertEquals(4490, code(GCS_CGCS2000));
        assertEquals(4610, code("GEOGCS[\"GCS_Xian_1980\",DATUM[\"D_Xian_1980\",SPHEROID[\"Xian_1980\",6378140.0,"
                + "298.257]],PRIMEM[\"Greenwich\",0.0],UNIT[\"Degree\",0.0174532925199433]]"));
        assertEquals(4214, code("GEOGCS[\"GCS_Beijing_1954\",DATUM[\"D_Beijing_1954\",SPHEROID[\"Krasovsky_1940\","
                + "6378245.0,298.3]],PRIMEM[\"Greenwich\",0.0],UNIT[\"Degree\",0.0174532925199433]]"));
    }

    @Test
    void geographicByDatumWhenTheNameIsOdd() {
        assertEquals(4490, code(GCS_CGCS2000.replace("GCS_China_Geodetic_Coordinate_System_2000", "CGCS 2000 (geo)")));
    }

    @Test
    void cgcs2000GaussKrugerZones() {
        assertEquals(4545, code(CGCS2000_CM_108E));
        assertEquals(4524, code(CGCS2000_CM_108E.replace("CGCS2000_3_Degree_GK_CM_108E", "CGCS2000_3_Degree_GK_Zone_36")
                .replace("500000.0", "36500000.0")));
        assertEquals(4513, code(CrsCatalog.esriWkt(CrsCatalog.byName("CGCS2000_3_Degree_GK_Zone_25").orElseThrow())));
        assertEquals(4554, code(CGCS2000_CM_108E.replace("108", "135")));
    }

    @Test
    void customNamesResolveByParameters() {
        assertEquals(4545, code(CGCS2000_CM_108E.replace("CGCS2000_3_Degree_GK_CM_108E", "铜仁市工作坐标")
                .replace("Gauss_Kruger", "Transverse_Mercator")));
        assertEquals(4524, code(CGCS2000_CM_108E.replace("CGCS2000_3_Degree_GK_CM_108E", "zone 36")
                .replace("500000.0", "36500000.0")));
        assertEquals(-1, code(CGCS2000_CM_108E.replace("CGCS2000_3_Degree_GK_CM_108E", "local")
                .replace("500000.0", "400000.0")), "a false easting no catalogued CRS has");
        assertEquals(-1, code(CGCS2000_CM_108E.replace("CGCS2000_3_Degree_GK_CM_108E", "feet")
                .replace("UNIT[\"Meter\",1.0]", "UNIT[\"Foot_US\",0.3048006096012192]")));
    }

    @Test
    void xian1980AndBeijing1954() {
        assertEquals(2381, code(CGCS2000_CM_108E.replace("CGCS2000_3_Degree_GK_CM_108E", "Xian_1980_3_Degree_GK_CM_108E")));
        assertEquals(2360, code("PROJCS[\"Xian_1980_3_Degree_GK_Zone_36\",GEOGCS[\"GCS_Xian_1980\",DATUM[\"D_Xian_1980\","
                + "SPHEROID[\"Xian_1980\",6378140.0,298.257]],PRIMEM[\"Greenwich\",0.0],UNIT[\"Degree\",0.0174532925199433]],"
                + "PROJECTION[\"Gauss_Kruger\"],PARAMETER[\"False_Easting\",36500000.0],PARAMETER[\"False_Northing\",0.0],"
                + "PARAMETER[\"Central_Meridian\",108.0],PARAMETER[\"Scale_Factor\",1.0],"
                + "PARAMETER[\"Latitude_Of_Origin\",0.0],UNIT[\"Meter\",1.0]]"));
        assertEquals(2433, code("PROJCS[\"Beijing_1954_3_Degree_GK_CM_108E\",GEOGCS[\"GCS_Beijing_1954\","
                + "DATUM[\"D_Beijing_1954\",SPHEROID[\"Krasovsky_1940\",6378245.0,298.3]],PRIMEM[\"Greenwich\",0.0],"
                + "UNIT[\"Degree\",0.0174532925199433]],PROJECTION[\"Gauss_Kruger\"],"
                + "PARAMETER[\"False_Easting\",500000.0],PARAMETER[\"False_Northing\",0.0],"
                + "PARAMETER[\"Central_Meridian\",108.0],PARAMETER[\"Scale_Factor\",1.0],"
                + "PARAMETER[\"Latitude_Of_Origin\",0.0],UNIT[\"Meter\",1.0]]"));
        assertEquals(21459, code("PROJCS[\"Beijing_1954_GK_Zone_19N\",GEOGCS[\"GCS_Beijing_1954\",DATUM[\"D_Beijing_1954\","
                + "SPHEROID[\"Krasovsky_1940\",6378245.0,298.3]],PRIMEM[\"Greenwich\",0.0],"
                + "UNIT[\"Degree\",0.0174532925199433]],PROJECTION[\"Gauss_Kruger\"],UNIT[\"Meter\",1.0]]"));
    }

    @Test
    void utmByName() {
        assertEquals(32649, code("PROJCS[\"WGS_1984_UTM_Zone_49N\",GEOGCS[\"GCS_WGS_1984\",DATUM[\"D_WGS_1984\","
                + "SPHEROID[\"WGS_1984\",6378137.0,298.257223563]],PRIMEM[\"Greenwich\",0.0],"
                + "UNIT[\"Degree\",0.0174532925199433]],PROJECTION[\"Transverse_Mercator\"],"
                + "PARAMETER[\"False_Easting\",500000.0],PARAMETER[\"False_Northing\",0.0],"
                + "PARAMETER[\"Central_Meridian\",111.0],PARAMETER[\"Scale_Factor\",0.9996],"
                + "PARAMETER[\"Latitude_Of_Origin\",0.0],UNIT[\"Meter\",1.0]]"));
    }

    @Test
    void gdalWktWithAnAuthority() {
        String gdal = "PROJCS[\"CGCS2000 / 3-degree Gauss-Kruger CM 108E\",GEOGCS[\"China Geodetic Coordinate System 2000\","
                + "DATUM[\"China_2000\",SPHEROID[\"CGCS2000\",6378137,298.257222101,AUTHORITY[\"EPSG\",\"1024\"]],"
                + "AUTHORITY[\"EPSG\",\"1043\"]],PRIMEM[\"Greenwich\",0,AUTHORITY[\"EPSG\",\"8901\"]],"
                + "UNIT[\"degree\",0.0174532925199433,AUTHORITY[\"EPSG\",\"9122\"]],AUTHORITY[\"EPSG\",\"4490\"]],"
                + "PROJECTION[\"Transverse_Mercator\"],PARAMETER[\"latitude_of_origin\",0],"
                + "PARAMETER[\"central_meridian\",108],PARAMETER[\"scale_factor\",1],PARAMETER[\"false_easting\",500000],"
                + "PARAMETER[\"false_northing\",0],UNIT[\"metre\",1,AUTHORITY[\"EPSG\",\"9001\"]],"
                + "AXIS[\"Northing\",NORTH],AXIS[\"Easting\",EAST],AUTHORITY[\"EPSG\",\"4545\"]]";
        ShapefileCrs crs = PrjParser.parse(gdal);
        assertEquals(4545, crs.epsg().getAsInt());
        assertEquals("CGCS2000 / 3-degree Gauss-Kruger CM 108E", crs.name());
        assertEquals(4545, code(gdal.replace(",AUTHORITY[\"EPSG\",\"4545\"]]", "]")), "also without the authority");
    }

    @Test
    void wkt2WithAnId() {
        assertEquals(4490, code("GEOGCRS[\"China Geodetic Coordinate System 2000\",DATUM[\"China 2000\","
                + "ELLIPSOID[\"CGCS2000\",6378137,298.257222101,LENGTHUNIT[\"metre\",1]]],"
                + "CS[ellipsoidal,2],AXIS[\"geodetic latitude (Lat)\",north],AXIS[\"geodetic longitude (Lon)\",east],"
                + "ANGLEUNIT[\"degree\",0.0174532925199433],ID[\"EPSG\",4490]]"));
    }

    @Test
    void unknownKeepsTheWkt() {
        String lambert = "PROJCS[\"Asia_Lambert_Conformal_Conic\",GEOGCS[\"GCS_WGS_1984\",DATUM[\"D_WGS_1984\","
                + "SPHEROID[\"WGS_1984\",6378137.0,298.257223563]],PRIMEM[\"Greenwich\",0.0],"
                + "UNIT[\"Degree\",0.0174532925199433]],PROJECTION[\"Lambert_Conformal_Conic\"],"
                + "PARAMETER[\"Central_Meridian\",105.0],PARAMETER[\"Standard_Parallel_1\",30.0],"
                + "PARAMETER[\"Standard_Parallel_2\",62.0],PARAMETER[\"Latitude_Of_Origin\",0.0],UNIT[\"Meter\",1.0]]";
        ShapefileCrs crs = PrjParser.parse(lambert);
        assertFalse(crs.isIdentified());
        assertEquals(lambert, crs.wkt());
        assertEquals("Asia_Lambert_Conformal_Conic", crs.name());
        ShapefileCrs junk = PrjParser.parse("this is not WKT [");
        assertFalse(junk.isIdentified());
        assertEquals("this is not WKT [", junk.wkt());
        assertSame(ShapefileCrs.NONE, PrjParser.parse("  "));
    }

    @Test
    void ofEpsgGivesTheEsriWkt() {
        ShapefileCrs crs = ShapefileCrs.ofEpsg(4545);
        assertEquals(CGCS2000_CM_108E, crs.wkt());
        assertEquals(4490, PrjParser.parse(ShapefileCrs.ofEpsg(4490).wkt()).epsg().getAsInt());
        assertEquals(null, ShapefileCrs.ofEpsg(3857).wkt(), "not in the catalogue: no .prj rather than a wrong one");
    }
}
