package org.ecomonitor.analysis.layout;

import org.ecomonitor.analysis.interpolation.VariogramModel;
import org.ecomonitor.analysis.interpolation.VariogramShape;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The meuse points, grid and gstat's golden global kriging, from src/test/resources/reference/meuse. */
final class MeuseData {

    /** The model of the golden files: 0.05066243 Nug + 0.59060780 Sph(897.0209). */
    static final VariogramModel MODEL = VariogramModel.of(0.05066243, VariogramShape.SPHERICAL, 0.59060780, 897.0209);
    /** Dutch RD New. */
    static final int EPSG = 28992;

    private MeuseData() {
    }

    /** Columns of a CSV file as numbers (NaN where not numeric), by header name. */
    static List<double[]> columns(String resource, String... names) {
        try (InputStream in = MeuseData.class.getResourceAsStream("/reference/meuse/" + resource)) {
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<String> header = new ArrayList<>();
            for (String h : r.readLine().split(",")) {
                header.add(h.replace("\"", "").trim());
            }
            List<String[]> rows = new ArrayList<>();
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (!line.isBlank()) {
                    rows.add(line.split(","));
                }
            }
            List<double[]> out = new ArrayList<>();
            for (String name : names) {
                int c = header.indexOf(name);
                double[] col = new double[rows.size()];
                for (int i = 0; i < rows.size(); i++) {
                    try {
                        col[i] = Double.parseDouble(rows.get(i)[c].replace("\"", ""));
                    } catch (NumberFormatException e) {
                        col[i] = Double.NaN;
                    }
                }
                out.add(col);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Site> points() {
        List<double[]> c = columns("meuse.csv", "x", "y", "zinc");
        List<Site> sites = new ArrayList<>();
        for (int i = 0; i < c.get(0).length; i++) {
            sites.add(new Site("meuse " + (i + 1), c.get(0)[i], c.get(1)[i], null, Math.log(c.get(2)[i])));
        }
        return sites;
    }

    static StudyArea grid() {
        List<double[]> c = columns("meuse_grid.csv", "x", "y");
        return StudyArea.ofCells(EPSG, 40, c.get(0), c.get(1));
    }
}
