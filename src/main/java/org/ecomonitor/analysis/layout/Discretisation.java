package org.ecomonitor.analysis.layout;

import org.ecomonitor.model.GridSpec;

import java.util.Arrays;

/**
 * A study area cut into equal square cells, represented by the centres of the admissible ones (inside the area,
 * outside exclusions): the "fine discretisation" that spatial coverage designs cluster (as the spcosa R package
 * does), and the evaluation grid of criteria such as the mean squared shortest distance or the mean kriging
 * variance, where every cell weighs the same. Immutable.
 */
public final class Discretisation {

    final GridSpec grid;
    final int[] cell;
    final double[] x;
    final double[] y;
    final int[] zone;
    private volatile int[] lookup;

    Discretisation(GridSpec grid, int[] cell, double[] x, double[] y, int[] zone) {
        this.grid = grid;
        this.cell = cell;
        this.x = x;
        this.y = y;
        this.zone = zone;
    }

    /** The grid whose admissible cells these are. */
    public GridSpec grid() {
        return grid;
    }

    /** Number of admissible cells. */
    public int size() {
        return x.length;
    }

    public double x(int i) {
        return x[i];
    }

    public double y(int i) {
        return y[i];
    }

    /** Index of the zone of cell i in {@link StudyArea#zones()}, or -1. */
    public int zone(int i) {
        return zone[i];
    }

    /** Linear index of cell i in {@link #grid()}. */
    public int gridIndex(int i) {
        return cell[i];
    }

    public double cellSize() {
        return grid.cellSize();
    }

    /** Copies of the cell centres. */
    public double[] xs() {
        return x.clone();
    }

    public double[] ys() {
        return y.clone();
    }

    /** The cells of one zone (index in the area's zones). */
    Discretisation ofZone(int z) {
        int count = 0;
        for (int v : zone) {
            if (v == z) {
                count++;
            }
        }
        int[] c = new int[count];
        double[] xs = new double[count];
        double[] ys = new double[count];
        int[] zs = new int[count];
        for (int i = 0, k = 0; i < zone.length; i++) {
            if (zone[i] == z) {
                c[k] = cell[i];
                xs[k] = x[i];
                ys[k] = y[i];
                zs[k] = z;
                k++;
            }
        }
        return new Discretisation(grid, c, xs, ys, zs);
    }

    /** Number of cells of each of {@code zones} zones. */
    int[] zoneCounts(int zones) {
        int[] counts = new int[zones];
        for (int v : zone) {
            if (v >= 0) {
                counts[v]++;
            }
        }
        return counts;
    }

    /** The index of the admissible cell containing (px, py), or -1. */
    public int indexAt(double px, double py) {
        int[] l = lookup;
        if (l == null) {
            l = new int[grid.cellCount()];
            Arrays.fill(l, -1);
            for (int i = 0; i < cell.length; i++) {
                l[cell[i]] = i;
            }
            lookup = l;
        }
        double cs = grid.cellSize();
        int col = (int) Math.floor((px - grid.minX()) / cs);
        int rowFromSouth = (int) Math.floor((py - grid.minY()) / cs);
        if (col < 0 || col >= grid.ncols() || rowFromSouth < 0 || rowFromSouth >= grid.nrows()) {
            return -1;
        }
        return l[grid.index(col, grid.nrows() - 1 - rowFromSouth)];
    }
}
