package org.ecomonitor.analysis.interpolation;

import org.ecomonitor.i18n.UserException;
import org.ecomonitor.model.CancelledException;
import org.ecomonitor.model.GridSpec;
import org.ecomonitor.model.Progress;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs a {@link SpatialInterpolator} over the cell centres of a grid (optionally only inside a
 * {@link GridMask}) or over given locations, on all cores: blocks of consecutive rows are handed out to one
 * worker per core, each with its own estimator (and its caches). Turns estimates back to the points' unit and reports cells left empty.
 * Reports progress per row and stops at cancellation ({@link CancelledException}). Memory: the result arrays,
 * O(cells).
 */
public final class GridInterpolation {

    private GridInterpolation() {
    }

    /** The grid estimated everywhere. */
    public static InterpolatedGrid run(SpatialInterpolator interpolator, GridSpec grid, Progress progress) {
        return run(interpolator, grid, null, progress);
    }

    /**
     * @param mask cells to estimate, or null for all; the rest become NaN
     */
    public static InterpolatedGrid run(SpatialInterpolator interpolator, GridSpec grid, GridMask mask,
                                       Progress progress) {
        if (mask != null && !mask.grid().equals(grid)) {
            throw new IllegalArgumentException("mask is for another grid");
        }
        int cells = grid.cellCount();
        double[] values = new double[cells];
        double[] variances = interpolator.hasVariance() ? new double[cells] : null;
        boolean[] inside = mask == null ? null : mask.cells();
        int nrows = grid.nrows();
        progress.start("interpolation", nrows);
        // blocks of consecutive rows, so that an estimator meets the neighbour sets of the row above again
        int block = Math.max(1, Math.min(16, nrows / (8 * Runtime.getRuntime().availableProcessors())));
        int blocks = (nrows + block - 1) / block;
        AtomicInteger nextBlock = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Runnable worker = () -> {
            try {
                SpatialInterpolator.Estimator estimator = interpolator.newEstimator();
                while (failure.get() == null) {
                    int b = nextBlock.getAndIncrement();
                    if (b >= blocks) {
                        break;
                    }
                    for (int row = b * block; row < Math.min(nrows, (b + 1) * block); row++) {
                        if (progress.isCancelled()) {
                            throw new CancelledException();
                        }
                        estimator.estimateRow(grid, row, inside, values, variances);
                        progress.update(done.incrementAndGet());
                    }
                }
            } catch (Throwable t) {
                failure.compareAndSet(null, t);
            }
        };
        runOnAllCores(worker, blocks);
        rethrow(failure.get());
        List<InterpolationWarning> warnings = new ArrayList<>(interpolator.samples().warnings());
        backTransform(interpolator, values, inside, warnings);
        return new InterpolatedGrid(grid, values, variances, warnings, interpolator.description());
    }

    /** Estimates at the locations (x[i], y[i]). */
    public static InterpolatedPoints atPoints(SpatialInterpolator interpolator, double[] x, double[] y,
                                              Progress progress) {
        int n = x.length;
        if (y.length != n) {
            throw new IllegalArgumentException("x and y differ in length");
        }
        double[] values = new double[n];
        double[] variances = interpolator.hasVariance() ? new double[n] : null;
        int chunk = 256;
        int chunks = (n + chunk - 1) / chunk;
        progress.start("interpolation", n);
        AtomicInteger next = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Runnable worker = () -> {
            try {
                SpatialInterpolator.Estimator estimator = interpolator.newEstimator();
                double[] out = new double[2];
                while (failure.get() == null) {
                    if (progress.isCancelled()) {
                        throw new CancelledException();
                    }
                    int c = next.getAndIncrement();
                    if (c >= chunks) {
                        break;
                    }
                    int end = Math.min(n, (c + 1) * chunk);
                    for (int i = c * chunk; i < end; i++) {
                        estimator.estimate(x[i], y[i], -1, out);
                        values[i] = out[0];
                        if (variances != null) {
                            variances[i] = out[1];
                        }
                    }
                    progress.update(done.addAndGet(end - c * chunk));
                }
            } catch (Throwable t) {
                failure.compareAndSet(null, t);
            }
        };
        runOnAllCores(worker, chunks);
        rethrow(failure.get());
        List<InterpolationWarning> warnings = new ArrayList<>(interpolator.samples().warnings());
        backTransform(interpolator, values, null, warnings);
        return new InterpolatedPoints(values, variances, warnings);
    }

    private static void runOnAllCores(Runnable worker, int tasks) {
        int threads = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), tasks));
        Thread[] helpers = new Thread[threads - 1];
        for (int t = 0; t < helpers.length; t++) {
            helpers[t] = new Thread(worker, "interpolation-" + t);
            helpers[t].setDaemon(true);
            helpers[t].start();
        }
        worker.run();
        for (Thread t : helpers) {
            boolean interrupted = false;
            while (true) {
                try {
                    t.join();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void rethrow(Throwable t) {
        if (t == null) {
            return;
        }
        if (t instanceof RuntimeException r) {
            throw r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        throw new IllegalStateException(t);
    }

    /** Values to the points' unit; counts cells left empty inside the mask and invalid back-transforms. */
    private static void backTransform(SpatialInterpolator interpolator, double[] values, boolean[] inside,
                                      List<InterpolationWarning> warnings) {
        ValueTransform t = interpolator.samples().transform();
        int empty = 0;
        int invalid = 0;
        for (int i = 0; i < values.length; i++) {
            if (inside != null && !inside[i]) {
                continue;
            }
            double v = values[i];
            if (Double.isNaN(v)) {
                empty++;
                continue;
            }
            double back = t.inverse(v);
            if (Double.isNaN(back)) {
                invalid++;
            }
            values[i] = back;
        }
        if (empty > 0) {
            double radius = Double.NaN;
            if (interpolator instanceof OrdinaryKriging ok) {
                radius = ok.neighbourhood().radius();
            } else if (interpolator instanceof InverseDistanceWeighting idw) {
                radius = idw.neighbourhood().radius();
            }
            warnings.add(InterpolationWarning.of("interpolation.cellsWithoutNeighbours", empty, radius));
        }
        if (invalid > 0) {
            warnings.add(InterpolationWarning.of("interpolation.energeticNonPositive", invalid));
        }
    }

    /** Checks a user's grid parameters and builds the grid covering the extent. */
    public static GridSpec grid(double minX, double minY, double maxX, double maxY, double cellSize) {
        if (!(cellSize > 0) || !Double.isFinite(cellSize)) {
            throw new UserException("interpolation.cellSizeInvalid", cellSize);
        }
        if (!(maxX > minX) || !(maxY > minY) || !Double.isFinite(minX) || !Double.isFinite(maxX)
                || !Double.isFinite(minY) || !Double.isFinite(maxY)) {
            throw new UserException("interpolation.extentInvalid", minX, minY, maxX, maxY);
        }
        double cols = Math.ceil((maxX - minX) / cellSize - 1e-9);
        double rows = Math.ceil((maxY - minY) / cellSize - 1e-9);
        if (cols * rows > MAX_CELLS) {
            throw new UserException("interpolation.gridTooLarge", (long) cols, (long) rows, MAX_CELLS);
        }
        return GridSpec.covering(minX, minY, maxX, maxY, cellSize);
    }

    /** Largest grid {@link #grid} accepts: 100 million cells (1.6 GB for values and variances). */
    public static final long MAX_CELLS = 100_000_000L;
}
