package org.ecomonitor.io.sample;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The sample's generated files are what {@link TongrenSampleWriter} writes: regenerating them into a temporary
 * folder gives the committed bytes (XLSX compared by sheet content, since zip entries carry timestamps).
 * With -Dsamples.write=true it rewrites samples/tongren instead.
 */
class SampleFilesTest {

    static final Path SAMPLE = Path.of("samples/tongren");

    @TempDir
    Path tmp;

    @Test
    void committedSampleFilesAreReproducible() throws IOException {
        if (Boolean.getBoolean("samples.write")) {
            new TongrenSampleWriter(SAMPLE).writeAll();
        }
        Files.createDirectories(tmp.resolve("boundaries"));
        Files.copy(SAMPLE.resolve("boundaries/tongren_counties.geojson"), tmp.resolve("boundaries/tongren_counties.geojson"));
        new TongrenSampleWriter(tmp).writeAll();
        List<Path> generated;
        try (Stream<Path> s = Files.walk(tmp)) {
            generated = s.filter(Files::isRegularFile).filter(p -> !p.toString().contains("boundaries")).sorted().toList();
        }
        assertTrue(generated.size() >= 20, "files generated: " + generated.size());
        for (Path g : generated) {
            Path committed = SAMPLE.resolve(tmp.relativize(g).toString());
            assertTrue(Files.isRegularFile(committed), committed + " is not committed; run with -Dsamples.write=true");
            if (g.toString().endsWith(".xlsx")) {
                assertEquals(XlsxText.of(committed), XlsxText.of(g), committed.toString());
            } else {
                assertArrayEquals(Files.readAllBytes(committed), Files.readAllBytes(g), committed.toString());
            }
        }
    }
}
