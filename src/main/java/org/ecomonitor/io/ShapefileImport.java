package org.ecomonitor.io;

import org.ecomonitor.geo.Crs;
import org.ecomonitor.geo.CrsGuess;
import org.ecomonitor.i18n.UserException;
import org.ecomonitor.io.shapefile.ShapefileFeature;
import org.ecomonitor.io.shapefile.ShapefileReader;
import org.ecomonitor.io.shapefile.ShapefileWarning;
import org.ecomonitor.model.Progress;
import org.locationtech.jts.geom.Envelope;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Imports an ESRI Shapefile through our {@link ShapefileReader}: the CRS from the .prj (else the manifest, the
 * --crs option, or the coordinate ranges with a notice), the DBF text encoding as the reader found it (said in a
 * notice), the reader's warnings as notices, the features through {@link VectorImport}.
 */
final class ShapefileImport {

    private ShapefileImport() {
    }

    static void run(Path shp, ImportSession session, FileSpec spec, Progress progress) {
        String name = shp.getFileName().toString();
        List<VectorImport.SourceFeature> features = new ArrayList<>();
        int crs;
        try (ShapefileReader reader = session.options().charset() != null
                ? ShapefileReader.open(shp, session.options().charset()) : ShapefileReader.open(shp)) {
            progress.start(name, reader.recordCount());
            long n = 0;
            while (reader.hasNext()) {
                ShapefileFeature f = reader.next();
                features.add(new VectorImport.SourceFeature(f.recordNumber(), f.geometry(), new java.util.LinkedHashMap<>(f.attributes())));
                if ((++n & 1023) == 0) {
                    progress.checkCancelled();
                    progress.update(n);
                }
            }
            session.notice(name, "import.dbf_encoding", reader.encoding().describe());
            for (ShapefileWarning w : reader.warnings()) {
                session.notice(name, w.key(), w.args().toArray());
            }
            if (spec.crs() != null) {
                crs = spec.crs();
            } else if (reader.crs().epsg().isPresent()) {
                crs = reader.crs().epsg().getAsInt();
            } else if (session.options().crs() != null) {
                crs = session.options().crs();
            } else {
                Envelope b = reader.bounds();
                crs = CrsGuess.guess(b.getMinX(), b.getMaxX(), b.getMinY(), b.getMaxY(), 108.9);
                if (crs < 0) {
                    throw new UserException("import.crs_undetectable", name, b.getMinX(), b.getMaxX(), b.getMinY(), b.getMaxY());
                }
                session.notice(name, "import.crs_guessed", Crs.displayName(crs));
            }
        }
        String base = name.substring(0, name.length() - 4);
        new VectorImport(session, spec, name, progress).land(features, crs, base);
    }
}
