package org.ecomonitor.cli;

import org.ecomonitor.i18n.Messages;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code interpolate} on the meuse table reproduces gstat's ordinary kriging at given points and its
 * leave-one-out predictions, and bad input gives exit status 2 (usage) or 1 (error) with a message that says
 * what to do.
 */
class InterpolateCommandTest {

    @TempDir
    static Path dir;

    static Path meuse;
    static Path targets;
    static Locale before;

    @BeforeAll
    static void data() throws IOException {
        before = Messages.locale();
        Messages.setLocale(Locale.ENGLISH);
        meuse = copy("meuse.csv");
        targets = copy("targets_ok_20.csv");
    }

    @AfterAll
    static void restore() {
        Messages.setLocale(before);
    }

    static Path copy(String resource) throws IOException {
        Path p = dir.resolve(resource);
        try (InputStream in = InterpolateCommandTest.class.getResourceAsStream("/reference/meuse/" + resource)) {
            Files.copy(in, p);
        }
        return p;
    }

    /** Rows of a simple numeric CSV (no quotes inside fields), header skipped. */
    static List<double[]> rows(Path csv) throws IOException {
        List<double[]> out = new ArrayList<>();
        List<String> lines = Files.readAllLines(csv);
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", -1);
            double[] v = new double[f.length];
            for (int i = 0; i < f.length; i++) {
                String s = f[i].replace("\"", "");
                v[i] = s.isEmpty() ? Double.NaN : parse(s);
            }
            out.add(v);
        }
        return out;
    }

    private static double parse(String s) {
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private static String[] okLogZinc(String... more) {
        List<String> a = new ArrayList<>(List.of("interpolate", "--points", meuse.toString(), "--x", "x", "--y", "y",
                "--value", "zinc", "--log", "--method", "ok", "--model", "Sph", "--nugget", "0.05066243",
                "--psill", "0.59060780", "--range", "897.0209"));
        a.addAll(List.of(more));
        return a.toArray(String[]::new);
    }

    @Test
    void predictionsAtTargetsEqualGstatGlobalAndNmax16() throws IOException {
        Path out = dir.resolve("pred_global.csv");
        CliTest.Run run = CliTest.run(okLogZinc("--at", targets.toString(), "--out", out.toString()));
        assertEquals(0, run.status(), run.err());
        assertTrue(run.out().contains("Predicted at 20 points"), run.out());
        assertTrue(Files.readString(out).startsWith("x,y,prediction,variance\n"));
        List<double[]> gold = rows(targets);
        List<double[]> pred = rows(out);
        assertEquals(20, pred.size());
        for (int i = 0; i < 20; i++) {
            assertEquals(gold.get(i)[0], pred.get(i)[0]);
            assertEquals(gold.get(i)[1], pred.get(i)[1]);
            // --log predicts exp of the kriged logarithm; the variance stays on the log scale
            assertEquals(gold.get(i)[2], Math.log(pred.get(i)[2]), 1e-6 * gold.get(i)[2], "prediction " + i);
            assertEquals(gold.get(i)[3], pred.get(i)[3], 1e-6 * gold.get(i)[3], "variance " + i);
        }

        Path out16 = dir.resolve("pred_nmax16.csv");
        run = CliTest.run(okLogZinc("--nmax", "16", "--at", targets.toString(), "--out", out16.toString()));
        assertEquals(0, run.status(), run.err());
        pred = rows(out16);
        for (int i = 0; i < 20; i++) {
            assertEquals(gold.get(i)[4], Math.log(pred.get(i)[2]), 1e-6 * gold.get(i)[4], "nmax 16 prediction " + i);
            assertEquals(gold.get(i)[5], pred.get(i)[3], 1e-6 * gold.get(i)[5], "nmax 16 variance " + i);
        }
    }

    @Test
    void crossValidationReportEqualsGstatsLeaveOneOut() throws IOException {
        Path cv = dir.resolve("cv.csv");
        Path golden = dir.resolve("loocv.csv");
        try (InputStream in = getClass().getResourceAsStream("/reference/meuse/golden/meuse_logzinc_ok_loocv.csv")) {
            Files.copy(in, golden, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        CliTest.Run run = CliTest.run(okLogZinc("--cv-report", cv.toString(), "--json"));
        assertEquals(0, run.status(), run.err());
        assertTrue(run.out().contains("\"cross_validation\""), run.out());
        List<double[]> gold = rows(golden);
        List<double[]> ours = rows(cv);
        assertEquals(155, ours.size());
        for (int i = 0; i < 155; i++) {
            // columns: id, x, y, observed, predicted, ... ; gstat: x, y, observed, pred, var, ...
            assertEquals(gold.get(i)[0], ours.get(i)[1]);
            assertEquals(gold.get(i)[3], Math.log(ours.get(i)[4]), 1e-6 * gold.get(i)[3], "LOO prediction " + i);
            assertEquals(gold.get(i)[4], ours.get(i)[6], 1e-6 * gold.get(i)[4], "LOO variance " + i);
        }
    }

    @Test
    void usageErrorsExitWithTwo() {
        assertUsage(CliTest.run("interpolate", "--cv"), "Give either --store or --points");
        assertUsage(CliTest.run("interpolate", "--points", meuse.toString(), "--x", "x", "--y", "y", "--cv"),
                "--points needs --x, --y and --value");
        assertUsage(CliTest.run(okLogZinc("--out", dir.resolve("g.tif").toString())), "--grid-cell");
        assertUsage(CliTest.run("interpolate", "--points", meuse.toString(), "--x", "x", "--y", "y", "--value", "zinc",
                "--nugget", "0.1", "--cv"), "needs all of --nugget, --psill and --range");
        assertUsage(CliTest.run("interpolate", "--points", meuse.toString(), "--x", "x", "--y", "y", "--value", "zinc",
                "--method", "spline", "--cv"), "Unknown method \"spline\"");
        assertUsage(CliTest.run("interpolate", "--points", meuse.toString(), "--x", "x", "--y", "y", "--value", "zinc"),
                "Nothing to do");
        assertUsage(CliTest.run(okLogZinc("--at", targets.toString(), "--out", dir.resolve("p.tif").toString())),
                "ending in .csv");
        assertUsage(CliTest.run(okLogZinc("--energetic", "--cv")), "one of --energetic and --log");
        assertUsage(CliTest.run(okLogZinc("--grid-cell", "40", "--out", dir.resolve("g.jpg").toString())),
                "use .tif (GeoTIFF), .asc");
        assertUsage(CliTest.run(okLogZinc("--grid-cell", "40", "--bands", dir.resolve("b.kml").toString())),
                "use .gpkg, .geojson or .shp");
    }

    private static void assertUsage(CliTest.Run run, String text) {
        assertEquals(2, run.status(), run.out() + run.err());
        assertTrue(run.err().contains(text), run.err());
    }

    @Test
    void errorsExitWithOneAndSayWhatToDo() throws IOException {
        CliTest.Run run = CliTest.run("interpolate", "--points", meuse.toString(), "--x", "x", "--y", "y",
                "--value", "zink", "--cv");
        assertEquals(1, run.status());
        assertTrue(run.err().contains("meuse.csv has no column \"zink\"") && run.err().contains("zinc"), run.err());

        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "x,y,leq\n1,2,55\n3,4,5O\n");
        run = CliTest.run("interpolate", "--points", bad.toString(), "--x", "x", "--y", "y", "--value", "leq", "--cv");
        assertEquals(1, run.status());
        assertTrue(run.err().contains("bad.csv:3: the column \"leq\" holds \"5O\""), run.err());

        run = CliTest.run("interpolate", "--store", dir.resolve("none.gpkg").toString(), "--cv");
        assertEquals(1, run.status());
        assertTrue(run.err().contains("none.gpkg"), run.err());

        run = CliTest.run(okLogZinc("--grid-cell", "40", "--clip", dir.resolve("nowhere.geojson").toString(),
                "--out", dir.resolve("g.asc").toString()));
        assertEquals(1, run.status());
        assertTrue(run.err().contains("nowhere.geojson does not exist"), run.err());

    }

    @Test
    void gridWithoutCrsIsWrittenAndSaysSo() throws IOException {
        Path asc = dir.resolve("zinc.asc");
        CliTest.Run run = CliTest.run(okLogZinc("--grid-cell", "40", "--extent", "178600,329600,181600,333800",
                "--out", asc.toString(), "--variance", dir.resolve("zinc_var.tif").toString()));
        assertEquals(0, run.status(), run.err());
        assertTrue(run.out().contains("Grid: 75 x 105 cells of 40 m"), run.out());
        assertTrue(run.out().contains("does not say its coordinate reference system"), run.out());
        List<String> lines = Files.readAllLines(asc);
        assertEquals("ncols 75", lines.get(0));
        assertEquals("xllcorner 178600", lines.get(2));
        assertTrue(Files.notExists(dir.resolve("zinc.prj")));
        assertTrue(Files.size(dir.resolve("zinc_var.tif")) > 75 * 105 * 4);
    }
}
