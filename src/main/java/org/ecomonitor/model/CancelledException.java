package org.ecomonitor.model;

/** Thrown by work that noticed {@link Progress#isCancelled()}; whatever it was writing is rolled back. */
public class CancelledException extends RuntimeException {
    public CancelledException() {
        super("cancelled by the user");
    }
}
