package org.ecomonitor.io.shapefile;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Copies the committed fixtures of src/test/resources/formats into a test's folder. */
final class Fixtures {

    private Fixtures() {
    }

    /** tongren_stations_gbk.{shp,shx,dbf} copied into {@code dir}; returns the .shp. */
    static Path copyGbkFixture(Path dir) throws IOException {
        for (String ext : new String[] {"shp", "shx", "dbf"}) {
            String name = "tongren_stations_gbk." + ext;
            try (InputStream in = Fixtures.class.getResourceAsStream("/formats/" + name)) {
                if (in == null) {
                    throw new IOException("fixture missing: " + name);
                }
                Files.copy(in, dir.resolve(name));
            }
        }
        return dir.resolve("tongren_stations_gbk.shp");
    }
}
