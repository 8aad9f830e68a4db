package org.ecomonitor.io;

import org.ecomonitor.i18n.UserException;
import org.ecomonitor.io.sample.AirHistoryGenerator;
import org.ecomonitor.model.Parameter;
import org.ecomonitor.model.Progress;

import java.util.Map;

/** The generators a manifest may name: seeded, reproducible synthetic histories written straight into the store. */
final class HistoryGenerators {

    private HistoryGenerators() {
    }

    static void run(String name, ImportSession session, Map<String, String> options, Progress progress) {
        switch (name) {
            case AirHistoryGenerator.NAME -> {
                Map<String, Parameter> parameters = session.store().parameters().all();
                new AirHistoryGenerator(options).generate(
                        session.store().stations().ofKind(org.ecomonitor.model.StationKind.AIR),
                        (station, parameter, instant, value, flag) -> session.reading(station,
                                parameters.get(parameter), instant, value, flag),
                        progress);
            }
            default -> throw new UserException("import.generator_unknown", name);
        }
    }
}
