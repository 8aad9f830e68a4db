package org.ecomonitor.io;

import java.nio.charset.Charset;

/**
 * How an import runs.
 *
 * @param strict   land nothing when any row is rejected
 * @param crs      EPSG code of coordinates in files that do not say (null: detect from the ranges, with a warning)
 * @param charset  text encoding to use instead of detecting it (null: detect)
 * @param user     who imports (written to the import log)
 */
public record ImportOptions(boolean strict, Integer crs, Charset charset, String user) {

    public static ImportOptions defaults() {
        return new ImportOptions(false, null, null, System.getProperty("user.name", "unknown"));
    }

    public ImportOptions withStrict(boolean s) {
        return new ImportOptions(s, crs, charset, user);
    }

    public ImportOptions withCrs(Integer c) {
        return new ImportOptions(strict, c, charset, user);
    }

    public ImportOptions withCharset(Charset c) {
        return new ImportOptions(strict, crs, c, user);
    }
}
