package org.ecomonitor.analysis.interpolation;

import org.ecomonitor.i18n.UserException;
import org.ecomonitor.model.Progress;

import java.util.Arrays;

/**
 * The empirical (sample) semivariogram of gstat's {@code variogram(z ~ 1, data)}: point pairs up to the cutoff
 * are grouped in equal-width distance classes {@code (i w, (i+1) w]} (distance 0 goes to the first); for each
 * non-empty class it reports the number of pairs {@code np}, their mean distance {@code dist} and
 * {@code gamma = sum(dz^2) / (2 np)}. Defaults as in gstat: cutoff one third of the diagonal of the points'
 * bounding box, width cutoff / 15, all directions. A direction keeps the pairs whose axis lies within the
 * tolerance of the azimuth (degrees clockwise from north, as gstat's alpha and tol.hor). O(n^2) time, O(bins)
 * memory.
 */
public final class EmpiricalVariogram {

    /** gstat's default number of distance classes. */
    public static final int DEFAULT_CLASSES = 15;
    /** Most distance classes a cutoff and width may make. */
    public static final int MAX_CLASSES = 10_000;

    /**
     * Options of the empirical variogram; NaN means gstat's default.
     *
     * @param cutoff    largest pair distance in metres (default: bounding-box diagonal / 3)
     * @param width     width of a distance class in metres (default: cutoff / 15)
     * @param azimuth   direction in degrees clockwise from north, or NaN for all directions
     * @param tolerance half-angle around the azimuth in degrees, (0, 90]; ignored without azimuth
     */
    public record Options(double cutoff, double width, double azimuth, double tolerance) {
        public static final Options DEFAULT = new Options(Double.NaN, Double.NaN, Double.NaN, 90);

        public Options withCutoff(double newCutoff) {
            return new Options(newCutoff, width, azimuth, tolerance);
        }

        public Options withWidth(double newWidth) {
            return new Options(cutoff, newWidth, azimuth, tolerance);
        }

        public Options withDirection(double newAzimuth, double newTolerance) {
            return new Options(cutoff, width, newAzimuth, newTolerance);
        }
    }

    private final long[] np;
    private final double[] dist;
    private final double[] gamma;
    private final double cutoff;
    private final double width;

    private EmpiricalVariogram(long[] np, double[] dist, double[] gamma, double cutoff, double width) {
        this.np = np;
        this.dist = dist;
        this.gamma = gamma;
        this.cutoff = cutoff;
        this.width = width;
    }

    /** The variogram with gstat's defaults. */
    public static EmpiricalVariogram compute(SampleSet samples) {
        return compute(samples, Options.DEFAULT, Progress.NONE);
    }

    /**
     * @throws UserException for fewer than 2 points, constant values, invalid options, or no pair within the
     *                       cutoff (and direction)
     */
    public static EmpiricalVariogram compute(SampleSet samples, Options options, Progress progress) {
        int n = samples.size();
        if (n < 2) {
            throw new UserException("interpolation.tooFewPointsVariogram", n, 2);
        }
        if (samples.isConstant()) {
            throw new UserException("interpolation.zeroVariance", n, samples.originalValue(0));
        }
        double cutoff = Double.isNaN(options.cutoff()) ? samples.boundingBoxDiagonal() / 3 : options.cutoff();
        if (!(cutoff > 0) || !Double.isFinite(cutoff)) {
            throw new UserException("interpolation.variogramCutoffInvalid", cutoff);
        }
        double width = Double.isNaN(options.width()) ? cutoff / DEFAULT_CLASSES : options.width();
        if (!(width > 0) || !(width <= cutoff) || cutoff / width > MAX_CLASSES) {
            throw new UserException("interpolation.variogramWidthInvalid", width, cutoff);
        }
        boolean directional = !Double.isNaN(options.azimuth());
        double ux = 0;
        double uy = 0;
        double cosTol = 0;
        if (directional) {
            if (!(options.tolerance() > 0 && options.tolerance() <= 90) || !Double.isFinite(options.azimuth())) {
                throw new UserException("interpolation.variogramDirectionInvalid", options.azimuth(),
                        options.tolerance());
            }
            directional = options.tolerance() < 90;
            ux = Math.sin(Math.toRadians(options.azimuth()));
            uy = Math.cos(Math.toRadians(options.azimuth()));
            cosTol = Math.cos(Math.toRadians(options.tolerance()));
        }
        int bins = (int) Math.floor(cutoff / width) + 1;
        long[] count = new long[bins];
        double[] sumDist = new double[bins];
        double[] sumSq = new double[bins];
        double[] x = samples.x;
        double[] y = samples.y;
        double[] z = samples.z;
        progress.start("variogram", n);
        for (int i = 0; i < n; i++) {
            if ((i & 63) == 0) {
                progress.checkCancelled();
                progress.update(i);
            }
            for (int j = 0; j < i; j++) {
                double dx = x[i] - x[j];
                double dy = y[i] - y[j];
                double h = Math.sqrt(dx * dx + dy * dy);
                if (h > cutoff) {
                    continue;
                }
                if (directional && h > 0 && Math.abs(dx * ux + dy * uy) < cosTol * h * (1 - 1e-12)) {
                    continue;
                }
                double frac = h / width;
                int k = (h > 0 && frac == Math.floor(frac)) ? (int) frac - 1 : (int) frac;
                double dz = z[i] - z[j];
                count[k]++;
                sumDist[k] += h;
                sumSq[k] += dz * dz;
            }
        }
        progress.update(n);
        int m = 0;
        for (long c : count) {
            if (c > 0) {
                m++;
            }
        }
        if (m == 0) {
            throw new UserException("interpolation.variogramNoPairs", cutoff);
        }
        long[] np = new long[m];
        double[] dist = new double[m];
        double[] gamma = new double[m];
        for (int k = 0, o = 0; k < bins; k++) {
            if (count[k] > 0) {
                np[o] = count[k];
                dist[o] = sumDist[k] / count[k];
                gamma[o] = sumSq[k] / (2.0 * count[k]);
                o++;
            }
        }
        return new EmpiricalVariogram(np, dist, gamma, cutoff, width);
    }

    /** Builds a variogram from given classes (for tests and for variograms read from files). */
    public static EmpiricalVariogram of(long[] np, double[] dist, double[] gamma, double cutoff, double width) {
        if (np.length != dist.length || np.length != gamma.length) {
            throw new IllegalArgumentException("np, dist and gamma differ in length");
        }
        return new EmpiricalVariogram(np.clone(), dist.clone(), gamma.clone(), cutoff, width);
    }

    /** Number of non-empty distance classes. */
    public int size() {
        return np.length;
    }

    /** Number of point pairs in class i. */
    public long np(int i) {
        return np[i];
    }

    /** Mean distance of the pairs in class i. */
    public double dist(int i) {
        return dist[i];
    }

    /** Semivariance of class i. */
    public double gamma(int i) {
        return gamma[i];
    }

    public double cutoff() {
        return cutoff;
    }

    public double width() {
        return width;
    }

    @Override
    public String toString() {
        return "EmpiricalVariogram[np=" + Arrays.toString(np) + ", dist=" + Arrays.toString(dist) + ", gamma="
                + Arrays.toString(gamma) + "]";
    }
}
