package org.ecomonitor.io;

import org.ecomonitor.model.Progress;
import org.ecomonitor.model.StationKind;
import org.ecomonitor.store.ProjectStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedWriter;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An import is one transaction: a child JVM importing a large file is killed (SIGKILL, no shutdown hooks) while
 * it writes, and the store is exactly as before: same counts, same import log, and it opens and imports again.
 */
class KillMidImportTest {

    @TempDir
    Path dir;

    @Test
    void killingTheImportingProcessLeavesTheStoreAsItWas() throws Exception {
        Path store = dir.resolve("p.gpkg");
        Path stations = dir.resolve("st.csv");
        Files.writeString(stations, "code,name,lon,lat\nA1,a,109.19,27.72\nA2,b,109.2,27.7\n");
        Path first = dir.resolve("first.csv");
        Files.writeString(first, "station,parameter,time,value\nA1,PM2.5,2020-01-01 00:00,30\n");
        try (ProjectStore s = ProjectStore.create(store)) {
            Importer im = new Importer(s, ImportOptions.defaults(), Progress.NONE);
            im.importFile(stations, FileSpec.NONE.withKind(StationKind.AIR));
            im.importPaths(List.of(first));
        }
        Path big = dir.resolve("big.csv");
        try (BufferedWriter w = Files.newBufferedWriter(big)) {
            w.write("station,parameter,time,value\n");
            for (int h = 0; h < 400_000; h++) {
                w.write("A" + (1 + h % 2) + ",PM2.5," + (2021 + h / 200_000) + "-01-01 00:00," + (h % 90) + "\n");
                w.write("A1,SO2," + java.time.LocalDateTime.of(2021, 1, 1, 0, 0).plusHours(h) + "," + (h % 20) + "\n");
            }
        }
        long sizeBefore = Files.size(store);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "org.ecomonitor.cli.Main",
                "import", "--store", store.toString(), big.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile()).start();
        // wait until the child is writing: SQLite's rollback journal exists while a write transaction is open
        Path journal = Path.of(store + "-journal");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        boolean writing = false;
        while (System.nanoTime() < deadline && p.isAlive()) {
            if (Files.exists(journal) && Files.size(store) > sizeBefore) {
                writing = true;
                break;
            }
            Thread.sleep(20);
        }
        assertTrue(writing, "the child never started writing: " + Files.readString(dir.resolve("child.log")));
        p.destroyForcibly();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertTrue(p.exitValue() != 0, "the child was killed, not finished");

        try (ProjectStore s = ProjectStore.open(store)) {
            assertEquals(1, s.readings().count(), "nothing of the killed import is in the store");
            assertEquals(2, s.importLog().entries().size());
            assertEquals("ok", s.importLog().entries().get(1).status());
            ImportReport again = new Importer(s, ImportOptions.defaults(), Progress.NONE).importPaths(List.of(first));
            assertEquals(1, again.readingsUnchanged());
        }
        assertTrue(!new File(journal.toString()).exists() || Files.size(journal) == 0, "the hot journal was rolled back");
    }
}
