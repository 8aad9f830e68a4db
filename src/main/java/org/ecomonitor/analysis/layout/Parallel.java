package org.ecomonitor.analysis.layout;

import org.ecomonitor.model.Progress;

import java.util.function.IntConsumer;
import java.util.stream.IntStream;

/**
 * Runs independent chunks of work on all cores (the common fork-join pool plus the caller). Results must be
 * written per chunk and combined by the caller in chunk order, so that they do not depend on the number of
 * threads or their timing: every layout stays deterministic for a given seed.
 */
final class Parallel {

    private Parallel() {
    }

    /** Number of chunks for {@code n} items of at least {@code minPerChunk} each (at most 64). */
    static int chunks(int n, int minPerChunk) {
        return Math.max(1, Math.min(64, n / Math.max(1, minPerChunk)));
    }

    /** First item of chunk {@code c} of {@code chunks} over {@code n} items. */
    static int start(int c, int chunks, int n) {
        return (int) ((long) n * c / chunks);
    }

    /**
     * Calls {@code body} for every chunk index in {@code [0, chunks)}, in parallel; checks for cancellation before
     * each chunk.
     */
    static void forEach(int chunks, Progress progress, IntConsumer body) {
        if (chunks == 1) {
            progress.checkCancelled();
            body.accept(0);
            return;
        }
        IntStream.range(0, chunks).parallel().forEach(c -> {
            progress.checkCancelled();
            body.accept(c);
        });
    }
}
