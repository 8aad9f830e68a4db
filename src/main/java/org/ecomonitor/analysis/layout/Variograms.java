package org.ecomonitor.analysis.layout;

import org.ecomonitor.analysis.interpolation.EmpiricalVariogram;
import org.ecomonitor.analysis.interpolation.Sample;
import org.ecomonitor.analysis.interpolation.SampleSet;
import org.ecomonitor.analysis.interpolation.ValueTransform;
import org.ecomonitor.analysis.interpolation.VariogramFitter;
import org.ecomonitor.analysis.interpolation.VariogramModel;
import org.ecomonitor.analysis.interpolation.VariogramShape;
import org.ecomonitor.i18n.UserException;
import org.ecomonitor.model.Progress;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The variogram of a geostatistical design: typed in, in gstat's notation, or fitted to existing measurements
 * with the interpolation engine ({@link EmpiricalVariogram}, {@link VariogramFitter}: gstat's defaults and its
 * weighted least squares).
 */
public final class Variograms {

    private static final Pattern TERM = Pattern.compile(
            "\\s*([0-9]*\\.?[0-9]+(?:[eE][-+]?[0-9]+)?)\\s*([A-Za-z]{3})\\s*(?:\\(\\s*([^)]*)\\))?\\s*");

    private Variograms() {
    }

    /**
     * Parses {@code "0.0507 Nug + 0.591 Sph(897)"}: a nugget and one structure (Sph, Exp, Gau, or Mat with
     * {@code Mat(range, kappa)}), in either order; a structure alone has no nugget.
     *
     * @throws UserException saying what is wrong with the text
     */
    public static VariogramModel parse(String text) {
        if (text == null || text.isBlank()) {
            throw new UserException("layout.variogramUnparseable", String.valueOf(text));
        }
        double nugget = 0;
        VariogramShape shape = null;
        double psill = 0;
        double range = Double.NaN;
        double kappa = 0.5;
        for (String part : text.split("\\+")) {
            Matcher m = TERM.matcher(part);
            if (!m.matches()) {
                throw new UserException("layout.variogramUnparseable", text);
            }
            double value = Double.parseDouble(m.group(1));
            String code = m.group(2);
            if (code.equalsIgnoreCase("Nug")) {
                nugget += value;
                continue;
            }
            VariogramShape s = VariogramShape.ofCode(code);
            if (s == null || shape != null || m.group(3) == null) {
                throw new UserException("layout.variogramUnparseable", text);
            }
            String[] args = m.group(3).split(",");
            try {
                range = Double.parseDouble(args[0].trim());
                if (args.length > 1) {
                    kappa = Double.parseDouble(args[1].trim());
                }
            } catch (NumberFormatException e) {
                throw new UserException("layout.variogramUnparseable", text);
            }
            shape = s;
            psill = value;
        }
        if (shape == null) {
            throw new UserException("layout.variogramUnparseable", text);
        }
        return new VariogramModel(nugget, shape, psill, range, kappa);
    }

    /**
     * Fits a nugget and one structure to the values of the sites (those with a finite value), gstat's way: the
     * empirical variogram with its default cutoff and lags, then weighted least squares (N_j / h_j^2).
     *
     * @param transform NONE, or LOG for skewed concentrations (the variances are then on the log scale)
     */
    public static VariogramModel fit(List<Site> sites, VariogramShape shape, ValueTransform transform,
                                     Progress progress) {
        List<Sample> samples = new ArrayList<>();
        for (Site s : sites) {
            if (Double.isFinite(s.value())) {
                samples.add(new Sample(s.id(), s.x(), s.y(), s.value()));
            }
        }
        if (samples.size() < 10) {
            throw new UserException("layout.fitTooFewValues", samples.size(), 10);
        }
        SampleSet set = SampleSet.of(samples, transform);
        EmpiricalVariogram empirical = EmpiricalVariogram.compute(set, EmpiricalVariogram.Options.DEFAULT, progress);
        VariogramModel initial = VariogramFitter.initialGuess(empirical, shape, 0.5);
        return VariogramFitter.fit(empirical, initial).model();
    }

    /** The shape for a gstat code or English name ("Sph", "spherical"). */
    public static VariogramShape shape(String text) {
        VariogramShape s = VariogramShape.ofCode(text);
        if (s != null) {
            return s;
        }
        for (VariogramShape v : VariogramShape.values()) {
            if (v.name().equalsIgnoreCase(text.trim()) || v.name().toLowerCase(Locale.ROOT).startsWith(
                    text.trim().toLowerCase(Locale.ROOT))) {
                return v;
            }
        }
        throw new UserException("layout.variogramShapeUnknown", text);
    }
}
