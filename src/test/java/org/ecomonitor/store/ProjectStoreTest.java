package org.ecomonitor.store;

import org.ecomonitor.i18n.UserException;
import org.ecomonitor.model.Flag;
import org.ecomonitor.model.LayerInfo;
import org.ecomonitor.model.ReadingSeries;
import org.ecomonitor.model.Station;
import org.ecomonitor.model.StationKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProjectStoreTest {

    @TempDir
    Path dir;

    static Station station(String code, StationKind kind) {
        return new Station(code, "站点" + code, kind, 109.19, 27.72, "520602", null, Map.of("level", "国控"));
    }

    @Test
    void aNewStoreIsAGeoPackageWithTheProjectTables() throws Exception {
        try (ProjectStore store = ProjectStore.create(dir.resolve("p.gpkg"))) {
            assertEquals(Migrations.CURRENT, store.schemaVersion());
            try (Statement st = store.connection().createStatement()) {
                try (ResultSet rs = st.executeQuery("PRAGMA application_id")) {
                    assertEquals(0x47504B47, rs.getInt(1), "application_id 'GPKG'");
                }
                try (ResultSet rs = st.executeQuery("PRAGMA user_version")) {
                    assertEquals(10300, rs.getInt(1), "GeoPackage 1.3 user_version");
                }
                try (ResultSet rs = st.executeQuery("SELECT count(*) FROM gpkg_contents WHERE data_type = 'attributes'")) {
                    assertEquals(8, rs.getInt(1));
                }
                try (ResultSet rs = st.executeQuery("SELECT srs_id, organization FROM gpkg_spatial_ref_sys WHERE srs_id = 4490")) {
                    assertTrue(rs.next());
                    assertEquals("EPSG", rs.getString(2));
                }
            }
            assertEquals(3, store.features().list().size());
            LayerInfo stations = store.features().info("stations");
            assertEquals("POINT", stations.geometryType());
            assertEquals(4490, stations.srsId());
            assertTrue(store.parameters().get("a34004").isPresent());
        }
    }

    @Test
    void stationsUpsertByCode() {
        try (ProjectStore store = ProjectStore.create(dir.resolve("p.gpkg"))) {
            assertEquals(StationTable.Change.INSERTED, store.stations().upsert(station("A1", StationKind.AIR)));
            assertEquals(StationTable.Change.UNCHANGED, store.stations().upsert(station("A1", StationKind.AIR)));
            Station moved = new Station("A1", "站点A1", StationKind.AIR, 109.20, 27.72, "520602", null, Map.of("level", "国控"));
            assertEquals(StationTable.Change.UPDATED, store.stations().upsert(moved));
            Station back = store.stations().find("A1").orElseThrow();
            assertEquals(109.20, back.longitude(), 1e-12);
            assertEquals("国控", back.attribute("level"));
            assertEquals(1, store.stations().count());
            double[] extent = store.features().info("stations").extent();
            assertEquals(109.19, extent[0], 1e-12);
            assertEquals(109.20, extent[2], 1e-12);
        }
    }

    @Test
    void readingsAreUniqueAndCorrectionsAreKept() {
        try (ProjectStore store = ProjectStore.create(dir.resolve("p.gpkg"))) {
            store.stations().upsert(station("A1", StationKind.AIR));
            long sid = store.stations().idsByCode().get("A1");
            long pid = store.parameters().idsByCode().get("a34004");
            ReadingTable.WriteCounts first = store.inTransaction(() -> {
                try (ReadingTable.Writer w = store.readings().writer(store.importLog().begin("a.csv", "long", "test"))) {
                    for (int h = 0; h < 48; h++) {
                        w.add(sid, pid, h * 3_600_000L, h, Flag.N);
                    }
                    return w.finish();
                }
            });
            assertEquals(new ReadingTable.WriteCounts(48, 48, 0, 0), first);
            ReadingTable.WriteCounts second = store.inTransaction(() -> {
                try (ReadingTable.Writer w = store.readings().writer(store.importLog().begin("b.csv", "long", "test"))) {
                    for (int h = 0; h < 48; h++) {
                        w.add(sid, pid, h * 3_600_000L, h == 5 ? 55.5 : h, h == 6 ? Flag.M : Flag.N);
                    }
                    return w.finish();
                }
            });
            assertEquals(new ReadingTable.WriteCounts(48, 0, 2, 46), second);
            assertEquals(48, store.readings().count());
            assertEquals(2, store.readings().revisionCount());
            ReadingSeries s = store.readings().series("A1", "a34004");
            assertEquals(48, s.size());
            assertEquals(55.5, s.values()[5]);
            assertEquals(Flag.M, s.flags()[6]);
            assertEquals(3_600_000L * 47, s.instants()[47]);
        }
    }

    @Test
    void aFailedTransactionLeavesNothing() {
        try (ProjectStore store = ProjectStore.create(dir.resolve("p.gpkg"))) {
            assertThrows(IllegalStateException.class, () -> store.inTransaction(() -> {
                store.stations().upsert(station("A1", StationKind.AIR));
                throw new IllegalStateException("boom");
            }));
            assertEquals(0, store.stations().count());
        }
    }

    @Test
    void anOlderStoreIsMigratedOnOpen() throws Exception {
        Path file = dir.resolve("old.gpkg");
        try (ProjectStore store = ProjectStore.createAtVersion(file, 1)) {
            assertEquals(1, store.schemaVersion());
            store.stations().upsert(station("A1", StationKind.AIR));
            try (Statement st = store.connection().createStatement();
                 ResultSet rs = st.executeQuery("SELECT count(*) FROM sqlite_master WHERE name = 'reading_revisions'")) {
                assertEquals(0, rs.getInt(1));
            }
        }
        try (ProjectStore store = ProjectStore.open(file)) {
            assertEquals(Migrations.CURRENT, store.schemaVersion());
            assertEquals(1, store.stations().count(), "data survives the migration");
            assertEquals(0, store.readings().revisionCount());
        }
    }

    @Test
    void aStoreFromANewerVersionIsRefusedUntouched() throws Exception {
        Path file = dir.resolve("new.gpkg");
        try (ProjectStore store = ProjectStore.create(file)) {
            try (Statement st = store.connection().createStatement()) {
                st.execute("UPDATE ecomonitor_meta SET value = '99' WHERE key = 'schema_version'");
            }
        }
        UserException e = assertThrows(UserException.class, () -> ProjectStore.open(file));
        assertEquals("store.too_new", e.key());
        assertArrayEquals(new Object[]{file, 99, Migrations.CURRENT}, e.args());
    }

    @Test
    void missingAndForeignFilesAreExplained() throws Exception {
        assertEquals("store.missing", assertThrows(UserException.class, () -> ProjectStore.open(dir.resolve("none.gpkg"))).key());
        Path text = dir.resolve("text.gpkg");
        java.nio.file.Files.writeString(text, "not a database");
        assertEquals("store.not_geopackage", assertThrows(UserException.class, () -> ProjectStore.open(text)).key());
    }
}
