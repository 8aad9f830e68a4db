package org.ecomonitor.analysis.interpolation;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The meuse test data and gstat's golden outputs, read from src/test/resources/reference/meuse. */
final class Meuse {

    /**
     * The model of the golden kriging files, 0.05066243 Nug + 0.59060780 Sph(897.0209), exactly as printed: gstat
     * was run with these rounded values (the full-precision fit differs from the golden files by 6e-8).
     */
    static final VariogramModel SPHERICAL = VariogramModel.of(0.05066243, VariogramShape.SPHERICAL,
            0.59060780, 897.0209);

    private Meuse() {
    }

    /** A CSV table: column name to values (numbers only; quoted strings are parsed when numeric). */
    static final class Table {
        final List<String> names;
        final Map<String, double[]> columns = new HashMap<>();
        final int rows;

        Table(List<String> names, List<double[]> rowValues) {
            this.names = names;
            this.rows = rowValues.size();
            for (int c = 0; c < names.size(); c++) {
                double[] col = new double[rows];
                for (int r = 0; r < rows; r++) {
                    col[r] = rowValues.get(r)[c];
                }
                columns.put(names.get(c), col);
            }
        }

        double[] col(String name) {
            double[] c = columns.get(name);
            if (c == null) {
                throw new IllegalArgumentException("no column " + name + " in " + names);
            }
            return c;
        }
    }

    static Table read(String resource) {
        try (InputStream in = Meuse.class.getResourceAsStream("/reference/meuse/" + resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<String> names = Arrays.stream(r.readLine().split(",")).map(Meuse::unquote).toList();
            List<double[]> rows = new ArrayList<>();
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.split(",");
                double[] v = new double[names.size()];
                for (int i = 0; i < v.length; i++) {
                    try {
                        v[i] = Double.parseDouble(unquote(f[i]));
                    } catch (NumberFormatException e) {
                        v[i] = Double.NaN;
                    }
                }
                rows.add(v);
            }
            return new Table(names, rows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String unquote(String s) {
        s = s.trim();
        return s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
    }

    /** The 155 samples with log(zinc) as value. */
    static SampleSet logZinc() {
        Table t = read("meuse.csv");
        List<Sample> samples = new ArrayList<>();
        for (int i = 0; i < t.rows; i++) {
            samples.add(new Sample("meuse " + (i + 1), t.col("x")[i], t.col("y")[i], Math.log(t.col("zinc")[i])));
        }
        return SampleSet.of(samples);
    }

    static Table golden(String name) {
        return read("golden/meuse_logzinc_" + name + ".csv");
    }

    static Table grid() {
        return read("meuse_grid.csv");
    }

    /** Largest relative difference |a - b| / |b| over the arrays. */
    static double maxRelativeError(double[] actual, double[] expected) {
        double max = 0;
        for (int i = 0; i < expected.length; i++) {
            double e = Math.abs(actual[i] - expected[i]) / Math.abs(expected[i]);
            if (!(e <= max)) {
                max = e;
            }
        }
        return max;
    }
}
