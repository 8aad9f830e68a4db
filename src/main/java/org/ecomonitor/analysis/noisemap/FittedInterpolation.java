package org.ecomonitor.analysis.noisemap;

import org.ecomonitor.analysis.interpolation.AutomaticInterpolation;
import org.ecomonitor.analysis.interpolation.CrossValidationResult;
import org.ecomonitor.analysis.interpolation.EmpiricalVariogram;
import org.ecomonitor.analysis.interpolation.InverseDistanceWeighting;
import org.ecomonitor.analysis.interpolation.OrdinaryKriging;
import org.ecomonitor.analysis.interpolation.SampleSet;
import org.ecomonitor.analysis.interpolation.SpatialInterpolator;
import org.ecomonitor.analysis.interpolation.VariogramFitter;
import org.ecomonitor.analysis.interpolation.VariogramModel;
import org.ecomonitor.i18n.UserException;
import org.ecomonitor.model.Progress;

/**
 * The interpolation method made ready for a set of points, as {@link InterpolationSettings} ask: inverse distance
 * weighting; ordinary kriging with the given variogram model or one fitted to the empirical variogram (gstat's
 * fit.method 7); or the automatic choice of {@link AutomaticInterpolation}. Keeps what a report shows: the
 * empirical variogram (also for IDW, when one can be computed), the model, and the leave-one-out
 * cross-validation. Cost: the variogram O(n^2), the fit O(lags), the cross-validation as
 * {@link SpatialInterpolator#crossValidate}.
 *
 * @param interpolator    the method, ready to estimate
 * @param variogram       the empirical variogram, or null (too few points, constant values, IDW without pairs)
 * @param model           the kriging model, or null for IDW
 * @param modelFitted     true when the model was fitted here, false when the user gave it
 * @param crossValidation the leave-one-out result, or null when not asked for
 * @param choice          every candidate of the automatic choice, or null for a method chosen by the user
 */
public record FittedInterpolation(SpatialInterpolator interpolator, EmpiricalVariogram variogram,
                                  VariogramModel model, boolean modelFitted, CrossValidationResult crossValidation,
                                  AutomaticInterpolation.Choice choice) {

    /**
     * @throws UserException with the engine's message when the method cannot be built for these points (too few,
     *                       all equal, the variogram cannot be fitted, a singular system ...)
     */
    public static FittedInterpolation build(SampleSet samples, InterpolationSettings settings, Progress progress) {
        progress.checkCancelled();
        switch (settings.method()) {
            case AUTO -> {
                AutomaticInterpolation.Choice choice = AutomaticInterpolation.choose(samples,
                        settings.neighbourhood(), progress);
                SpatialInterpolator best = choice.best().interpolator();
                VariogramModel model = best instanceof OrdinaryKriging ok ? ok.model() : null;
                return new FittedInterpolation(best, choice.variogram(), model, model != null,
                        choice.best().validation(), choice);
            }
            case IDW -> {
                SpatialInterpolator idw = new InverseDistanceWeighting(samples, settings.power(),
                        settings.neighbourhood());
                EmpiricalVariogram v = variogramIfAny(samples, settings, progress);
                return new FittedInterpolation(idw, v, null, false, validate(idw, settings, progress), null);
            }
            default -> {
                VariogramModel model = settings.model();
                EmpiricalVariogram v;
                boolean fitted = model == null;
                if (fitted) {
                    v = EmpiricalVariogram.compute(samples, settings.variogram(), progress);
                    VariogramModel start = VariogramFitter.initialGuess(v, settings.fitShape(), settings.kappa());
                    model = VariogramFitter.fit(v, start).model();
                } else {
                    v = variogramIfAny(samples, settings, progress);
                }
                OrdinaryKriging ok = new OrdinaryKriging(samples, model, settings.neighbourhood());
                return new FittedInterpolation(ok, v, model, fitted, validate(ok, settings, progress), null);
            }
        }
    }

    private static EmpiricalVariogram variogramIfAny(SampleSet samples, InterpolationSettings settings,
                                                     Progress progress) {
        try {
            return EmpiricalVariogram.compute(samples, settings.variogram(), progress);
        } catch (UserException e) {
            return null;
        }
    }

    private static CrossValidationResult validate(SpatialInterpolator interpolator, InterpolationSettings settings,
                                                  Progress progress) {
        return settings.crossValidate() ? interpolator.crossValidate(progress) : null;
    }

    /** The method in gstat's words, such as {@code OK 0.0507 Nug + 0.591 Sph(897) global}. */
    public String description() {
        return interpolator.description();
    }

    /** The points it interpolates. */
    public SampleSet samples() {
        return interpolator.samples();
    }
}
