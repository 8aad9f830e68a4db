package org.ecomonitor.analysis.interpolation;

import org.ecomonitor.i18n.UserException;
import org.ecomonitor.model.CancelledException;
import org.ecomonitor.model.GridSpec;
import org.ecomonitor.model.Progress;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The grid runs on all cores, gives what point-by-point estimates give, reports progress and stops on cancel. */
class GridInterpolationTest {

    private static final GridSpec GRID = new GridSpec(178400, 329600, 40, 80, 110);

    @Test
    void theParallelGridEqualsPointByPointEstimates() {
        SampleSet s = Meuse.logZinc();
        OrdinaryKriging ok = new OrdinaryKriging(s, Meuse.SPHERICAL, Neighbourhood.nearest(16));
        InterpolatedGrid g = GridInterpolation.run(ok, GRID, Progress.NONE);
        SpatialInterpolator.Estimator e = ok.newEstimator();
        double[] out = new double[2];
        for (int row = GRID.nrows() - 1; row >= 0; row -= 3) {
            for (int col = GRID.ncols() - 1; col >= 0; col -= 2) {
                e.estimate(GRID.x(col), GRID.y(row), -1, out);
                assertEquals(out[0], g.value(col, row), 1e-12);
                assertEquals(out[1], g.variance(col, row), 1e-12);
            }
        }
        assertEquals(ok.description(), g.method());
    }

    @Test
    void progressCountsRowsAndCancellationStops() {
        SampleSet s = Meuse.logZinc();
        AtomicLong total = new AtomicLong();
        AtomicLong last = new AtomicLong();
        Progress watch = new Progress() {
            @Override
            public void start(String task, long t) {
                total.set(t);
            }

            @Override
            public void update(long done) {
                last.accumulateAndGet(done, Math::max);
            }

            @Override
            public boolean isCancelled() {
                return false;
            }
        };
        GridInterpolation.run(new InverseDistanceWeighting(s, 2, Neighbourhood.nearest(12)), GRID, watch);
        assertEquals(GRID.nrows(), total.get());
        assertEquals(GRID.nrows(), last.get());

        AtomicInteger rows = new AtomicInteger();
        Progress cancelAfterTen = new Progress() {
            @Override
            public void start(String task, long t) {
            }

            @Override
            public void update(long done) {
                rows.incrementAndGet();
            }

            @Override
            public boolean isCancelled() {
                return rows.get() >= 10;
            }
        };
        assertThrows(CancelledException.class, () -> GridInterpolation.run(
                new OrdinaryKriging(s, Meuse.SPHERICAL, Neighbourhood.nearest(16)), GRID, cancelAfterTen));
        assertTrue(rows.get() < GRID.nrows());
    }

    @Test
    void aUsersGridParametersAreChecked() {
        GridSpec g = GridInterpolation.grid(0, 0, 1000, 505, 10);
        assertEquals(100, g.ncols());
        assertEquals(51, g.nrows());
        assertEquals("interpolation.cellSizeInvalid", assertThrows(UserException.class,
                () -> GridInterpolation.grid(0, 0, 10, 10, 0)).key());
        assertEquals("interpolation.extentInvalid", assertThrows(UserException.class,
                () -> GridInterpolation.grid(0, 0, 0, 10, 1)).key());
        assertEquals("interpolation.gridTooLarge", assertThrows(UserException.class,
                () -> GridInterpolation.grid(0, 0, 1e6, 1e6, 0.01)).key());
    }

    @Test
    void logTransformedValuesComeBackInTheirUnit() {
        java.util.List<Sample> zinc = new java.util.ArrayList<>();
        Meuse.Table t = Meuse.read("meuse.csv");
        for (int i = 0; i < t.rows; i++) {
            zinc.add(new Sample("m" + i, t.col("x")[i], t.col("y")[i], t.col("zinc")[i]));
        }
        SampleSet s = SampleSet.of(zinc, ValueTransform.LOG);
        InterpolatedPoints p = GridInterpolation.atPoints(new OrdinaryKriging(s, Meuse.SPHERICAL,
                Neighbourhood.global()), new double[]{181180}, new double[]{333740}, Progress.NONE);
        // gstat's prediction of log(zinc) there is 6.49962407938683
        assertEquals(Math.exp(6.49962407938683), p.values()[0], 1e-9 * p.values()[0]);
        assertEquals(0.319808394098653, p.variances()[0], 1e-12);
    }
}
