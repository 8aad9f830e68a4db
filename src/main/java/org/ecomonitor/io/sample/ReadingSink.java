package org.ecomonitor.io.sample;

import org.ecomonitor.model.Flag;

/** Where generated readings go: the store during an import, or a file writer for the sample's real files. */
@FunctionalInterface
public interface ReadingSink {
    void accept(String station, String parameter, long instant, double value, Flag flag);
}
