package org.ecomonitor.analysis.layout;

import org.ecomonitor.model.CancelledException;
import org.ecomonitor.model.Progress;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every method reports progress and stops when the user cancels. */
class CancellationTest {

    /** Reports tasks; cancelled after {@code after} questions. */
    static final class Recording implements Progress {
        final List<String> tasks = new ArrayList<>();
        final AtomicInteger asked = new AtomicInteger();
        final int after;

        Recording(int after) {
            this.after = after;
        }

        @Override
        public synchronized void start(String task, long total) {
            tasks.add(task);
        }

        @Override
        public void update(long done) {
        }

        @Override
        public boolean isCancelled() {
            return asked.incrementAndGet() > after;
        }
    }

    @Test
    void methodsStopWhenCancelled() {
        StudyArea square = StudyArea.of(4545, SpatialCoverageDesignTest.box(0, 0, 5000, 5000));
        List<Site> pts = List.of(Site.of("A", 1000, 1000), Site.of("B", 4000, 1000), Site.of("C", 2500, 4000),
                Site.of("D", 200, 4800));
        Recording p1 = new Recording(3);
        assertThrows(CancelledException.class, () -> SpatialCoverageDesign.plan(square, pts,
                SpatialCoverageDesign.Options.of(30).withCells(5000).withEvaluationCells(5000), p1));
        assertTrue(p1.tasks.contains("spatial coverage"));

        Recording p2 = new Recording(40);
        assertThrows(CancelledException.class, () -> KrigingVarianceDesign.plan(square, pts,
                KrigingVarianceDesign.Options.of(MeuseData.MODEL, 5).withEvaluationCells(2000).withSearch(500, 500),
                p2));
        assertTrue(p2.tasks.contains("greedy placement") || p2.tasks.contains("simulated annealing"), p2.tasks.toString());

        assertThrows(CancelledException.class, () -> GridLayout.plan(square, pts,
                GridLayout.Options.hj640().withEvaluationCells(2000), new Recording(0)));
        assertThrows(CancelledException.class, () -> NetworkReduction.plan(square, pts,
                NetworkReduction.Options.of(MeuseData.MODEL).withEvaluationCells(2000), new Recording(0)));
        assertThrows(CancelledException.class, () -> CoverageCheck.check(square, pts,
                CoverageCheck.Options.of(1).withEvaluationCells(2000), new Recording(0)));
        assertThrows(CancelledException.class, () -> StratifiedLayout.plan(square.withZones(List.of(
                new Zone("z", null, square.area()))), pts, StratifiedLayout.Options.of(5).withCells(2000, 2000),
                new Recording(0)));
    }
}
