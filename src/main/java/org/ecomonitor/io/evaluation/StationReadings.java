package org.ecomonitor.io.evaluation;

import org.ecomonitor.model.Reading;
import org.ecomonitor.model.ReadingSeries;
import org.ecomonitor.model.Station;
import org.ecomonitor.store.ProjectStore;

import java.util.ArrayList;
import java.util.List;

/** A station's readings of one parameter in a period, as the analysis functions take them. */
final class StationReadings {

    private StationReadings() {
    }

    static List<Reading> of(ProjectStore store, Station s, String parameter, Period period) {
        ReadingSeries series = store.readings().series(s.code(), parameter, period.startMillis(s.zone()),
                period.endMillis(s.zone()));
        List<Reading> list = new ArrayList<>(series.size());
        for (int i = 0; i < series.size(); i++) {
            if (!Double.isNaN(series.values()[i])) {
                list.add(new Reading(s.code(), parameter, series.instants()[i], series.values()[i], series.flags()[i], null));
            }
        }
        return list;
    }
}
