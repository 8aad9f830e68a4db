package org.ecomonitor.io;

import org.ecomonitor.io.hj212.Hj212Measurement;
import org.ecomonitor.io.hj212.Hj212Parser;
import org.ecomonitor.io.hj212.Hj212Rejection;
import org.ecomonitor.model.Parameter;
import org.ecomonitor.model.Progress;
import org.ecomonitor.model.Rejection;
import org.ecomonitor.store.ReadingKey;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

/**
 * Imports an HJ 212-2017 packet log (one packet a line) through our {@link Hj212Parser}: each measurement goes
 * to the station whose MN (or code) the packet names and to the parameter its pollutant code means for that
 * station's kind (a21026 is ambient SO2 at an air station, emission SO2 at a pollution source). Packets and
 * pollutants the parser rejects (bad CRC, wrong length, bad time ...) are rejected with their line.
 */
final class Hj212Import {

    private Hj212Import() {
    }

    static void run(Path log, ImportSession session, Progress progress) {
        String name = log.getFileName().toString();
        new Hj212Parser().parse(log, m -> accept(m, name, session), r -> reject(r, session), progress);
    }

    private static void accept(Hj212Measurement m, String file, ImportSession session) {
        String code = session.stationCode(m.mn());
        if (code == null) {
            session.reject(file, m.line(), "MN", "reject.unknown_station", m.mn());
            return;
        }
        Optional<Parameter> p = session.parameter(m.pollutant(), session.stationKind(code));
        if (p.isEmpty()) {
            session.reject(file, m.line(), m.pollutant(), "reject.unknown_parameter", m.pollutant());
            return;
        }
        if (Double.isNaN(m.value())) {
            session.reject(file, m.line(), m.pollutant(), "reject.value_missing");
            return;
        }
        long t = m.instant().toEpochMilli();
        if (!ReadingKey.inRange(t)) {
            session.reject(file, m.line(), "DataTime", "reject.time_out_of_range", m.dataTime());
            return;
        }
        session.reading(code, p.get(), t, m.value(), m.flag());
    }

    private static void reject(Hj212Rejection r, ImportSession session) {
        session.reject(new Rejection(r.source(), r.line(), r.pollutant(), r.cause().key(),
                Arrays.stream(r.cause().args()).map(String::valueOf).toList()));
    }
}
