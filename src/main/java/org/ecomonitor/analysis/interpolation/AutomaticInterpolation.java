package org.ecomonitor.analysis.interpolation;

import org.ecomonitor.i18n.UserException;
import org.ecomonitor.model.Progress;

import java.util.ArrayList;
import java.util.List;

/**
 * Chooses the method for a routine map without an expert: every candidate is cross-validated (leave one out,
 * in the neighbourhood the map will use) and the one with the smallest RMSE, in the points' own unit, wins.
 * Candidates: ordinary kriging with the spherical, exponential, Gaussian and Matérn (kappa 1.5) models, each
 * fitted (nugget + structure, fit.method 7) to the empirical variogram with gstat's defaults, and inverse
 * distance weighting with powers 1, 2 and 3. A candidate that cannot be built (too few points, singular system)
 * is reported with its reason and left out. Cost: seven cross-validations, O(n (log n + m^3)) each with m
 * neighbours, O(n^3) for global kriging.
 */
public final class AutomaticInterpolation {

    /** Matérn smoothness tried (0.5 would repeat the exponential model). */
    public static final double MATERN_KAPPA = 1.5;
    /** Inverse distance powers tried. */
    private static final double[] POWERS = {1, 2, 3};

    private AutomaticInterpolation() {
    }

    /**
     * One method tried.
     *
     * @param label        short technical name, such as {@code OK Sph} or {@code IDW p=2}
     * @param interpolator the method, or null when it could not be built
     * @param validation   its cross-validation, or null when it failed
     * @param failure      why it was left out, or null
     */
    public record Candidate(String label, SpatialInterpolator interpolator, CrossValidationResult validation,
                            UserException failure) {

        /** Cross-validation RMSE, +Infinity for a candidate that failed. */
        public double rmse() {
            return validation == null || Double.isNaN(validation.rmse()) ? Double.POSITIVE_INFINITY
                    : validation.rmse();
        }
    }

    /**
     * The outcome.
     *
     * @param best       the method with the smallest cross-validation RMSE
     * @param candidates every method tried, in the order above
     * @param variogram  the empirical variogram the models were fitted to, or null when there was none
     */
    public record Choice(Candidate best, List<Candidate> candidates, EmpiricalVariogram variogram) {
        public Choice {
            candidates = List.copyOf(candidates);
        }
    }

    /**
     * @throws UserException when all values are equal, or when no candidate could be cross-validated
     */
    public static Choice choose(SampleSet samples, Neighbourhood neighbourhood, Progress progress) {
        if (samples.isConstant()) {
            throw new UserException("interpolation.zeroVariance", samples.size(), samples.originalValue(0));
        }
        VariogramShape[] shapes = {VariogramShape.SPHERICAL, VariogramShape.EXPONENTIAL, VariogramShape.GAUSSIAN,
                VariogramShape.MATERN};
        int total = shapes.length + POWERS.length;
        progress.start("automatic", total);
        Progress inner = cancellationOf(progress);
        List<Candidate> candidates = new ArrayList<>();
        EmpiricalVariogram variogram = null;
        UserException variogramFailure = null;
        try {
            variogram = EmpiricalVariogram.compute(samples, EmpiricalVariogram.Options.DEFAULT, inner);
        } catch (UserException e) {
            variogramFailure = e;
        }
        int done = 0;
        for (VariogramShape shape : shapes) {
            progress.checkCancelled();
            double kappa = shape == VariogramShape.MATERN ? MATERN_KAPPA : 0.5;
            String label = "OK " + shape.code() + (shape == VariogramShape.MATERN ? "(kappa " + kappa + ")" : "");
            if (variogram == null) {
                candidates.add(new Candidate(label, null, null, variogramFailure));
            } else {
                candidates.add(tryKriging(label, samples, variogram, shape, kappa, neighbourhood, inner));
            }
            progress.update(++done);
        }
        for (double power : POWERS) {
            progress.checkCancelled();
            String label = "IDW p=" + (int) power;
            try {
                SpatialInterpolator idw = new InverseDistanceWeighting(samples, power, neighbourhood);
                candidates.add(new Candidate(label, idw, idw.crossValidate(inner), null));
            } catch (UserException e) {
                candidates.add(new Candidate(label, null, null, e));
            }
            progress.update(++done);
        }
        Candidate best = null;
        for (Candidate c : candidates) {
            if (c.validation() != null && (best == null || c.rmse() < best.rmse())) {
                best = c;
            }
        }
        if (best == null) {
            UserException first = candidates.stream().map(Candidate::failure).filter(f -> f != null)
                    .findFirst().orElse(null);
            throw new UserException(first, "interpolation.autoNoCandidate",
                    first == null ? "" : first.getMessage());
        }
        return new Choice(best, candidates, variogram);
    }

    private static Candidate tryKriging(String label, SampleSet samples, EmpiricalVariogram variogram,
                                        VariogramShape shape, double kappa, Neighbourhood neighbourhood,
                                        Progress progress) {
        try {
            VariogramModel start = VariogramFitter.initialGuess(variogram, shape, kappa);
            VariogramModel model = VariogramFitter.fit(variogram, start).model();
            OrdinaryKriging ok = new OrdinaryKriging(samples, model, neighbourhood);
            return new Candidate(label, ok, ok.crossValidate(progress), null);
        } catch (UserException e) {
            return new Candidate(label, null, null, e);
        }
    }

    /** Progress that only passes on cancellation (the candidates report as a whole). */
    private static Progress cancellationOf(Progress outer) {
        return new Progress() {
            @Override
            public void start(String task, long total) {
            }

            @Override
            public void update(long done) {
            }

            @Override
            public boolean isCancelled() {
                return outer.isCancelled();
            }
        };
    }
}
