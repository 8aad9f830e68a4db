package org.ecomonitor.io.noisemap;

import org.ecomonitor.analysis.interpolation.CrossValidationResult;
import org.ecomonitor.analysis.interpolation.EmpiricalVariogram;
import org.ecomonitor.analysis.interpolation.InterpolatedPoints;
import org.ecomonitor.analysis.interpolation.SampleSet;
import org.ecomonitor.analysis.interpolation.VariogramModel;
import org.ecomonitor.i18n.UserException;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The tables of a map as CSV (UTF-8, comma, LF, full double precision, empty cells for missing values):
 * <ul>
 * <li>the variogram: {@code np, dist, gamma} of each lag (gstat's {@code variogram()} columns), the model's
 * semivariance at the lag's mean distance ({@code model_gamma}) and the model in gstat's notation
 * ({@code model});</li>
 * <li>the cross-validation: {@code id, x, y, observed, predicted, residual, variance, zscore} per point (gstat's
 * {@code krige.cv} columns);</li>
 * <li>predictions at given points: {@code x, y, prediction, variance}.</li>
 * </ul>
 */
public final class MapReportCsv {

    private MapReportCsv() {
    }

    /** @param model the fitted or given model, or null */
    public static void variogram(EmpiricalVariogram v, VariogramModel model, Path file) {
        if (v == null) {
            throw new UserException("noisemap.noVariogram", file);
        }
        write(file, w -> {
            w.write("np,dist,gamma,model_gamma,model\n");
            for (int i = 0; i < v.size(); i++) {
                w.write(v.np(i) + "," + v.dist(i) + "," + v.gamma(i) + ","
                        + (model == null ? "" : String.valueOf(model.semivariance(v.dist(i)))) + ","
                        + (model == null ? "" : quote(model.toString())) + "\n");
            }
        });
    }

    /** @param samples the points cross-validated, in the same order */
    public static void crossValidation(SampleSet samples, CrossValidationResult cv, Path file) {
        write(file, w -> {
            w.write("id,x,y,observed,predicted,residual,variance,zscore\n");
            for (int i = 0; i < cv.size(); i++) {
                w.write(quote(samples.id(i)) + "," + samples.x(i) + "," + samples.y(i) + "," + cv.observed(i) + ","
                        + cell(cv.predicted(i)) + "," + cell(cv.residual(i)) + "," + cell(cv.variance(i)) + ","
                        + cell(cv.zscore(i)) + "\n");
            }
        });
    }

    /** @param x the locations as the user gave them */
    public static void predictions(double[] x, double[] y, InterpolatedPoints p, Path file) {
        write(file, w -> {
            w.write("x,y,prediction,variance\n");
            for (int i = 0; i < x.length; i++) {
                w.write(plain(x[i]) + "," + plain(y[i]) + "," + cell(p.values()[i]) + ","
                        + (p.variances() == null ? "" : cell(p.variances()[i])) + "\n");
            }
        });
    }

    private interface Body {
        void write(BufferedWriter w) throws IOException;
    }

    private static void write(Path file, Body body) {
        MapLayerWriter.createParent(file);
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            body.write(w);
        } catch (IOException e) {
            throw new UserException(e, "export.write_failed", file, e.getMessage());
        }
    }

    private static String plain(double v) {
        return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    private static String cell(double v) {
        return Double.isFinite(v) ? String.valueOf(v) : "";
    }

    private static String quote(String s) {
        if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0) {
            return '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }
}
