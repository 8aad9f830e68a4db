package org.ecomonitor.io;

import org.ecomonitor.model.Flag;
import org.ecomonitor.model.Progress;
import org.ecomonitor.model.Rejection;
import org.ecomonitor.model.ReadingSeries;
import org.ecomonitor.model.Station;
import org.ecomonitor.model.StationKind;
import org.ecomonitor.store.ProjectStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TableImportTest {

    @TempDir
    Path dir;
    ProjectStore store;

    @BeforeEach
    void open() {
        store = ProjectStore.create(dir.resolve("t.gpkg"));
    }

    @AfterEach
    void close() {
        store.close();
    }

    static long shanghai(int y, int mo, int d, int h) {
        return LocalDateTime.of(y, mo, d, h, 0).atZone(ZoneId.of("Asia/Shanghai")).toInstant().toEpochMilli();
    }

    Path write(String name, String text, Charset cs) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, text.getBytes(cs));
        return p;
    }

    ImportReport importFile(Path p, FileSpec spec) {
        return new Importer(store, ImportOptions.defaults(), Progress.NONE).importFile(p, spec);
    }

    ImportReport importPaths(Path... p) {
        return new Importer(store, ImportOptions.defaults(), Progress.NONE).importPaths(List.of(p));
    }

    Path airStations() throws IOException {
        return write("air_stations.csv", """
                站点编码,站点名称,经度,纬度,级别,类型
                A1,碧江区监测站,109.19,27.72,国控,air
                A2,铜仁学院,109.21,27.70,国控,air
                """, StandardCharsets.UTF_8);
    }

    @Test
    void stationsFromAChineseCsvLandWithTheirAttributes() throws IOException {
        ImportReport r = importPaths(airStations());
        assertEquals(2, r.stationsInserted());
        assertEquals(0, r.rejectedCount());
        Station a1 = store.stations().find("A1").orElseThrow();
        assertEquals("碧江区监测站", a1.name());
        assertEquals(StationKind.AIR, a1.kind());
        assertEquals("国控", a1.attribute("level"));
        assertEquals(109.19, a1.longitude(), 1e-12);
    }

    @Test
    void longReadingsLandOnceAndCorrectionsAreCounted() throws IOException {
        importPaths(airStations());
        Path readings = write("long.csv", """
                station,parameter,time,value,flag
                A1,PM2.5,2024-01-01 00:00,35,N
                A1,a34002,2024-01-01 00:00,60,
                A2,SO2,2024/1/1 1:00,8,C
                """, StandardCharsets.UTF_8);
        ImportReport first = importPaths(readings);
        assertEquals(3, first.readingsInserted());
        ImportReport again = importPaths(readings);
        assertEquals(0, again.readingsInserted());
        assertEquals(3, again.readingsUnchanged());
        assertEquals(3, store.readings().count(), "importing the same file twice changes nothing");
        Path corrected = write("long2.csv", """
                station,parameter,time,value,flag
                A1,PM2.5,2024-01-01 00:00,36,N
                """, StandardCharsets.UTF_8);
        ImportReport fix = importPaths(corrected);
        assertEquals(1, fix.readingsUpdated());
        ReadingSeries s = store.readings().series("A1", "a34004");
        assertEquals(36.0, s.values()[0]);
        assertEquals(shanghai(2024, 1, 1, 0), s.instants()[0]);
        ReadingSeries so2 = store.readings().series("A2", "a21026");
        assertEquals(Flag.C, so2.flags()[0]);
        assertEquals(shanghai(2024, 1, 1, 1), so2.instants()[0]);
        var log = store.importLog().entries();
        assertEquals(1, log.get(log.size() - 1).updated(), "the import log says a value was corrected");
    }

    @Test
    void badRowsAreRejectedWithLineColumnAndReasonAndTheRestLands() throws IOException {
        importPaths(airStations());
        Path readings = write("bad.csv", """
                station,parameter,time,value,flag
                A1,PM2.5,2024-01-01 00:00,35,N
                X9,PM2.5,2024-01-01 00:00,35,N
                A1,PM2.5,2024-13-01 00:00,35,N
                A1,PM2.5,2024-01-01 02:00,abc,N
                A1,PM7,2024-01-01 02:00,3,N
                A1,PM2.5,2024-01-01 03:00,3,Q
                A1,PM2.5,2024-01-01 04:00,-3,N
                """, StandardCharsets.UTF_8);
        ImportReport r = importPaths(readings);
        assertTrue(r.landed());
        assertEquals(1, r.readingsInserted());
        List<Rejection> rej = r.rejections();
        assertEquals(6, rej.size());
        assertEquals(new Rejection("bad.csv", 3, "station", "reject.unknown_station", List.of("X9")), rej.get(0));
        assertEquals(new Rejection("bad.csv", 4, "time", "reject.time_unparseable", List.of("2024-13-01 00:00")), rej.get(1));
        assertEquals(new Rejection("bad.csv", 5, "value", "reject.value_not_number", List.of("abc")), rej.get(2));
        assertEquals(new Rejection("bad.csv", 6, "parameter", "reject.unknown_parameter", List.of("PM7")), rej.get(3));
        assertEquals(new Rejection("bad.csv", 7, "flag", "reject.flag_unknown", List.of("Q")), rej.get(4));
        assertEquals("reject.value_negative", rej.get(5).reasonKey());
        assertEquals(6, store.importLog().rejections(r.importId()).size(), "rejections are kept in the store");
    }

    @Test
    void strictLandsNothingWhenAnythingIsRejected() throws IOException {
        importPaths(airStations());
        Path readings = write("bad.csv", """
                station,parameter,time,value
                A1,PM2.5,2024-01-01 00:00,35
                X9,PM2.5,2024-01-01 00:00,35
                """, StandardCharsets.UTF_8);
        long logBefore = store.importLog().entries().size();
        ImportReport r = new Importer(store, ImportOptions.defaults().withStrict(true), Progress.NONE).importPaths(List.of(readings));
        assertFalse(r.landed());
        assertEquals(1, r.rejectedCount());
        assertEquals(0, store.readings().count());
        assertEquals(logBefore, store.importLog().entries().size());
    }

    @Test
    void wideGbkCsvWithChineseHeadersAndUnitsIsRead() throws IOException {
        importPaths(write("sections.csv", """
                断面编码,断面名称,经度,纬度,类型
                W1,锦江-碧江出境,109.33,27.76,surface_water
                """, StandardCharsets.UTF_8));
        Path wide = write("water.csv", """
                断面编码,监测时间,pH值(无量纲),溶解氧(mg/L),氨氮(mg/L),总磷(以P计),备注
                W1,2024-01-05,7.6,8.1,0.32,0.05L,晴
                W1,2024-02-05,7.4,—,1.62,0.21,
                """, TextEncoding.GB18030);
        ImportReport r = importPaths(wide);
        assertEquals(0, r.rejectedCount(), () -> r.rejections().toString());
        assertEquals(7, r.readingsInserted());
        assertEquals(0.025, store.readings().series("W1", "w21011").values()[0], 1e-12, "0.05L is half the detection limit");
        assertEquals(1, store.readings().series("W1", "w01009").size(), "a dash is no value");
        assertTrue(r.notices().stream().anyMatch(n -> n.key().equals("import.column_ignored") && n.args().equals(List.of("备注"))));
        assertTrue(r.notices().stream().anyMatch(n -> n.key().equals("import.below_detection")));
    }

    @Test
    void aWideFileWithoutStationColumnTakesTheStationFromItsName() throws IOException {
        importPaths(airStations());
        Path wide = write("铜仁学院_2024-01.csv", """
                时间,PM2.5,PM10,SO2,NO2,CO,O3,PM2.5_flag
                2024-01-01 00:00,35,60,8,20,0.8,40,N
                2024-01-01 01:00,38,65,9,22,0.9,35,M
                """, StandardCharsets.UTF_8);
        ImportReport r = importPaths(wide);
        assertEquals(12, r.readingsInserted());
        assertEquals(Flag.M, store.readings().series("A2", "a34004").flags()[1]);
        assertEquals(Flag.N, store.readings().series("A2", "a34002").flags()[1]);
    }

    @Test
    void projectedCoordinatesAreDetectedWithANoticeAndConvertedToCgcs2000() throws IOException {
        // surveyors' axes: X northing, Y easting with the zone number (CGCS2000 3-degree GK zone 36, CM 108E)
        Path f = write("soil.csv", """
                点位编码,X,Y
                S1,3000000,36500000
                """, StandardCharsets.UTF_8);
        ImportReport r = importFile(f, FileSpec.NONE.withKind(StationKind.SOIL));
        assertEquals(0, r.rejectedCount(), () -> r.rejections().toString());
        Station s = store.stations().find("S1").orElseThrow();
        assertEquals(108.0, s.longitude(), 1e-9, "easting 500 km in zone 36 is the central meridian 108E");
        // 3,000 km of meridian arc on GRS80 is a little over 27.1 degrees
        assertTrue(s.latitude() > 27.09 && s.latitude() < 27.12, "latitude " + s.latitude());
        assertTrue(r.notices().stream().anyMatch(n -> n.key().equals("import.crs_guessed")));
        assertTrue(r.notices().stream().anyMatch(n -> n.key().equals("import.xy_swapped")));
    }

    @Test
    void pointsWithoutAKindBecomeAPointLayer() throws IOException {
        Path f = write("hospitals.csv", """
                name,lon,lat,beds
                人民医院,109.18,27.71,800
                """, StandardCharsets.UTF_8);
        ImportReport r = importPaths(f);
        assertEquals(1, r.features());
        var info = store.features().info("hospitals");
        assertEquals("POINT", info.geometryType());
        assertEquals(1, info.featureCount());
        assertEquals("800", store.features().readAll("hospitals").get(0).get("beds"));
        assertEquals(0, store.stations().count());
    }

    @Test
    void aSoilSurveyRowIsAStationAndItsReadings() throws IOException {
        Path f = write("soil_2024.csv", """
                点位编码,经度,纬度,土地利用,采样日期,pH,镉,汞,砷
                S1,109.20,27.52,paddy,2024-06-10,6.2,0.35,1.8,12
                """, StandardCharsets.UTF_8);
        ImportReport r = importFile(f, FileSpec.NONE.withKind(StationKind.SOIL));
        assertEquals(0, r.rejectedCount(), () -> r.rejections().toString());
        assertEquals(4, r.readingsInserted());
        assertEquals(1.8, store.readings().series("S1", "soil_hg").values()[0]);
        assertEquals(6.2, store.readings().series("S1", "soil_ph").values()[0]);
        assertEquals("paddy", store.stations().find("S1").orElseThrow().attribute("土地利用"));
        assertEquals(Map.of(), Map.of());
    }

    @Test
    void anXlsxPointTableWithProjectedCoordinatesAndAnEpsgCode() throws IOException {
        Path f = dir.resolve("wells.xlsx");
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(); var os = Files.newOutputStream(f)) {
            var sheet = wb.createSheet("井");
            var h = sheet.createRow(0);
            String[] header = {"编码", "名称", "x", "y", "井深"};
            for (int i = 0; i < header.length; i++) {
                h.createCell(i).setCellValue(header[i]);
            }
            var r = sheet.createRow(1);
            r.createCell(0).setCellValue("G1");
            r.createCell(1).setCellValue("碧江地下水井");
            r.createCell(2).setCellValue(500000.0);
            r.createCell(3).setCellValue(3069000.0);
            r.createCell(4).setCellValue(35);
            wb.write(os);
        }
        FileSpec spec = new FileSpec(StationKind.GROUNDWATER, null, Map.of(), 4545, null, Map.of());
        ImportReport rep = importFile(f, spec);
        assertEquals(0, rep.rejectedCount(), () -> rep.rejections().toString());
        Station g = store.stations().find("G1").orElseThrow();
        assertEquals(108.0, g.longitude(), 1e-9);
        assertEquals("35", g.attribute("井深"));
        assertTrue(rep.notices().isEmpty(), "no guess when the CRS is given: " + rep.notices());
    }
}
