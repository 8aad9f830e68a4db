package org.ecomonitor.model;

/**
 * A regular raster in a projected CRS (metres): square cells of {@code cellSize}, {@code ncols} columns from
 * {@code minX} eastwards and {@code nrows} rows from {@code minY} northwards. Row 0 is the northernmost row
 * (as in GeoTIFF and on screen); cell {@code (col, row)} has the linear index {@code row * ncols + col} and its
 * centre at {@link #x(int)}, {@link #y(int)}.
 *
 * @param minX     west edge of the grid
 * @param minY     south edge of the grid
 * @param cellSize edge length of a cell, greater than 0
 * @param ncols    number of columns, at least 1
 * @param nrows    number of rows, at least 1
 */
public record GridSpec(double minX, double minY, double cellSize, int ncols, int nrows) {

    public GridSpec {
        if (!Double.isFinite(minX) || !Double.isFinite(minY)) {
            throw new IllegalArgumentException("grid origin must be finite: " + minX + ", " + minY);
        }
        if (!(cellSize > 0) || !Double.isFinite(cellSize)) {
            throw new IllegalArgumentException("cell size must be > 0: " + cellSize);
        }
        if (ncols < 1 || nrows < 1 || (long) ncols * nrows > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("grid size out of range: " + ncols + " x " + nrows);
        }
    }

    /**
     * The smallest grid of {@code cellSize} cells whose lower-left corner is {@code (minX, minY)} and that covers
     * the extent up to {@code (maxX, maxY)}.
     */
    public static GridSpec covering(double minX, double minY, double maxX, double maxY, double cellSize) {
        if (!(maxX > minX) || !(maxY > minY)) {
            throw new IllegalArgumentException("empty extent");
        }
        if (!(cellSize > 0)) {
            throw new IllegalArgumentException("cell size must be > 0: " + cellSize);
        }
        double cols = Math.ceil((maxX - minX) / cellSize - 1e-9);
        double rows = Math.ceil((maxY - minY) / cellSize - 1e-9);
        if (cols * rows > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("grid too large: " + cols + " x " + rows);
        }
        return new GridSpec(minX, minY, cellSize, (int) Math.max(1, cols), (int) Math.max(1, rows));
    }

    public double maxX() {
        return minX + ncols * cellSize;
    }

    public double maxY() {
        return minY + nrows * cellSize;
    }

    /** Number of cells. */
    public int cellCount() {
        return ncols * nrows;
    }

    /** Easting of the centres of column {@code col}. */
    public double x(int col) {
        return minX + (col + 0.5) * cellSize;
    }

    /** Northing of the centres of row {@code row} (row 0 is the northernmost). */
    public double y(int row) {
        return minY + (nrows - row - 0.5) * cellSize;
    }

    /** Linear index of cell {@code (col, row)}. */
    public int index(int col, int row) {
        return row * ncols + col;
    }

    /** Area of one cell in square metres. */
    public double cellArea() {
        return cellSize * cellSize;
    }
}
