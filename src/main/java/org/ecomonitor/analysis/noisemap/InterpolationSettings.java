package org.ecomonitor.analysis.noisemap;

import org.ecomonitor.analysis.interpolation.EmpiricalVariogram;
import org.ecomonitor.analysis.interpolation.Neighbourhood;
import org.ecomonitor.analysis.interpolation.ValueTransform;
import org.ecomonitor.analysis.interpolation.VariogramModel;
import org.ecomonitor.analysis.interpolation.VariogramShape;

/**
 * How to interpolate: the method and its parameters, as a user sets them in the dialog or on the command line.
 * Immutable; change one setting with the {@code with...} methods.
 *
 * @param method          inverse distance weighting, ordinary kriging, or automatic choice by cross-validation
 * @param transform       the scale values are interpolated on ({@link ValueTransform#ENERGETIC} for sound levels)
 * @param power           the inverse distance power (IDW only; 2 is usual)
 * @param neighbourhood   which points take part in each estimate (global by default)
 * @param model           the variogram model for kriging, or null to fit one of {@code fitShape}
 * @param fitShape        the shape fitted when no model is given
 * @param kappa           Matérn smoothness of the fitted shape (ignored by the other shapes)
 * @param variogram       the empirical variogram's cutoff, width and direction (gstat's defaults by default)
 * @param crossValidate   whether to cross-validate (leave one out) the chosen method
 */
public record InterpolationSettings(Method method, ValueTransform transform, double power,
                                    Neighbourhood neighbourhood, VariogramModel model, VariogramShape fitShape,
                                    double kappa, EmpiricalVariogram.Options variogram, boolean crossValidate) {

    /** The interpolation methods a user can choose. */
    public enum Method {
        /** Inverse distance weighting. */
        IDW("idw"),
        /** Ordinary kriging. */
        OK("ok"),
        /** The best of kriging with four models and IDW with three powers by cross-validation. */
        AUTO("auto");

        private final String code;

        Method(String code) {
            this.code = code;
        }

        /** The command-line name: idw, ok, auto. */
        public String code() {
            return code;
        }

        /** The method for a command-line name; null when unknown. */
        public static Method ofCode(String code) {
            for (Method m : values()) {
                if (m.code.equalsIgnoreCase(code)) {
                    return m;
                }
            }
            return null;
        }
    }

    public InterpolationSettings {
        if (method == null || transform == null || neighbourhood == null || fitShape == null || variogram == null) {
            throw new IllegalArgumentException("method, transform, neighbourhood, fitShape and variogram are required");
        }
    }

    /** Ordinary kriging of the values themselves, globally, with a fitted spherical model, cross-validated. */
    public static InterpolationSettings defaults() {
        return new InterpolationSettings(Method.OK, ValueTransform.NONE, 2, Neighbourhood.global(), null,
                VariogramShape.SPHERICAL, 0.5, EmpiricalVariogram.Options.DEFAULT, true);
    }

    public InterpolationSettings withMethod(Method m) {
        return new InterpolationSettings(m, transform, power, neighbourhood, model, fitShape, kappa, variogram,
                crossValidate);
    }

    public InterpolationSettings withTransform(ValueTransform t) {
        return new InterpolationSettings(method, t, power, neighbourhood, model, fitShape, kappa, variogram,
                crossValidate);
    }

    public InterpolationSettings withPower(double p) {
        return new InterpolationSettings(method, transform, p, neighbourhood, model, fitShape, kappa, variogram,
                crossValidate);
    }

    public InterpolationSettings withNeighbourhood(Neighbourhood n) {
        return new InterpolationSettings(method, transform, power, n, model, fitShape, kappa, variogram,
                crossValidate);
    }

    /** A fixed variogram model (kriging is then not fitted). */
    public InterpolationSettings withModel(VariogramModel m) {
        return new InterpolationSettings(method, transform, power, neighbourhood, m, fitShape, kappa, variogram,
                crossValidate);
    }

    /** Fit this shape to the empirical variogram (and drop a fixed model). */
    public InterpolationSettings withFittedShape(VariogramShape shape, double matérnKappa) {
        return new InterpolationSettings(method, transform, power, neighbourhood, null, shape, matérnKappa,
                variogram, crossValidate);
    }

    public InterpolationSettings withVariogram(EmpiricalVariogram.Options options) {
        return new InterpolationSettings(method, transform, power, neighbourhood, model, fitShape, kappa, options,
                crossValidate);
    }

    public InterpolationSettings withCrossValidation(boolean cv) {
        return new InterpolationSettings(method, transform, power, neighbourhood, model, fitShape, kappa, variogram,
                cv);
    }
}
