package org.ecomonitor.analysis.noisemap;

import org.ecomonitor.analysis.contour.ContourLevels;
import org.ecomonitor.analysis.contour.IsoBand;
import org.ecomonitor.analysis.contour.NoiseColourScheme;
import org.ecomonitor.i18n.UserException;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The classes of a map: breaks {@code b1 < ... < bk} make the k + 1 bands {@code (-inf, b1), [b1, b2), ...,
 * [bk, +inf)}, each with a colour. Sound levels take the colours of {@link NoiseColourScheme#DIN_18005} (the 5 dB
 * classes of DIN 18005-2 / ISO 1996-2: light green below 35 dB up to dark blue at 80 dB and above; a band of any
 * width gets the colour of the class holding its middle); other quantities a sequential ramp (viridis, dark
 * violet for the lowest band to yellow for the highest). The same object colours the band polygons, the PNG
 * raster and the legend, so they always agree. Immutable.
 */
public final class BandClassification {

    /** The colour schemes. */
    public enum Scheme {
        /** DIN 18005-2 (1991) / ISO 1996-2 (1987) noise-map colours, see {@link NoiseColourScheme}. */
        DIN_18005,
        /** viridis, for quantities other than sound levels. */
        VIRIDIS
    }

    /**
     * One band.
     *
     * @param index      0 for the lowest band
     * @param lower      lower limit, inclusive (-Infinity for the lowest band)
     * @param upper      upper limit, exclusive (+Infinity for the highest band)
     * @param rgb        colour as 0xRRGGBB
     * @param colourName the colour's name in the scheme (English), such as "orange"
     */
    public record Band(int index, double lower, double upper, int rgb, String colourName) {

        /** The colour as {@code #RRGGBB}, as QGIS reads it in a data-defined colour. */
        public String hex() {
            return String.format(Locale.ROOT, "#%06X", rgb);
        }

        /** "&lt; 35", "35-40", "&gt;= 80": the legend text, without unit. */
        public String label() {
            if (Double.isInfinite(lower) && Double.isInfinite(upper)) {
                return "all";
            }
            if (Double.isInfinite(lower)) {
                return "< " + number(upper);
            }
            if (Double.isInfinite(upper)) {
                return ">= " + number(lower);
            }
            return number(lower) + "-" + number(upper);
        }

        public boolean contains(double value) {
            return value >= lower && value < upper;
        }
    }

    /** viridis at nine stops, interpolated for any number of bands. */
    private static final int[] VIRIDIS = {0x440154, 0x472D7B, 0x3B528B, 0x2C728E, 0x21908C, 0x27AD81, 0x5DC863,
            0xAADC32, 0xFDE725};

    private final double[] breaks;
    private final List<Band> bands;
    private final Scheme scheme;

    private BandClassification(double[] breaks, Scheme scheme) {
        ContourLevels.check(breaks);
        this.breaks = breaks.clone();
        this.scheme = scheme;
        List<Band> list = new ArrayList<>();
        for (int b = 0; b <= breaks.length; b++) {
            double lo = b == 0 ? Double.NEGATIVE_INFINITY : breaks[b - 1];
            double hi = b == breaks.length ? Double.POSITIVE_INFINITY : breaks[b];
            int rgb;
            String name;
            if (scheme == Scheme.DIN_18005) {
                rgb = NoiseColourScheme.DIN_18005.rgb(new IsoBand(lo, hi, null));
                NoiseColourScheme.NoiseClass c = NoiseColourScheme.DIN_18005.classOf(middle(lo, hi));
                name = c == null ? "" : c.colourName();
            } else {
                rgb = ramp(breaks.length == 0 ? 0.5 : (double) b / breaks.length);
                name = "viridis " + (b + 1) + "/" + (breaks.length + 1);
            }
            list.add(new Band(b, lo, hi, rgb, name));
        }
        this.bands = List.copyOf(list);
    }

    /** Bands at the given breaks in the noise-map colours. */
    public static BandClassification noise(double[] breaks) {
        return new BandClassification(breaks, Scheme.DIN_18005);
    }

    /** Bands at the given breaks in the sequential ramp. */
    public static BandClassification sequential(double[] breaks) {
        return new BandClassification(breaks, Scheme.VIRIDIS);
    }

    /**
     * The classes of a noise map: every {@code step} dB from 35 to 80 dB ({@link ContourLevels#noiseClasses} for
     * the usual 5 dB), in the noise-map colours.
     *
     * @throws UserException when the step is not greater than 0
     */
    public static BandClassification noiseEvery(double step) {
        return noise(ContourLevels.of(35, step, 80));
    }

    /**
     * The classes of another quantity: every {@code step} across the range of the values, or, with a NaN step,
     * about eight classes at a round step (1, 2, 2.5 or 5 times a power of ten).
     */
    public static BandClassification valuesEvery(double[] values, double step) {
        double s = Double.isNaN(step) ? roundStep(values, 8) : step;
        return sequential(ContourLevels.everyStep(values, s));
    }

    /**
     * The classes of a skewed quantity (interpolated on the log scale): breaks at 1, 2 and 5 times the powers of
     * ten strictly between the smallest and the largest positive value (0.05, 0.1, 0.2, 0.5, 1 ... for soil
     * mercury), so the low background and the hot spots both get classes.
     */
    public static BandClassification valuesOneTwoFive(double[] values) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            if (Double.isFinite(v) && v > 0) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        List<Double> breaks = new ArrayList<>();
        if (max > min) {
            for (int e = (int) Math.floor(Math.log10(min)); e <= (int) Math.ceil(Math.log10(max)); e++) {
                for (int m : new int[]{1, 2, 5}) {
                    double b = new BigDecimal(m).scaleByPowerOfTen(e).doubleValue();
                    if (b > min && b < max) {
                        breaks.add(b);
                    }
                }
            }
        }
        return sequential(breaks.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /** A round step that cuts the range of the finite values into about {@code classes} classes (1 when constant). */
    public static double roundStep(double[] values, int classes) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            if (Double.isFinite(v)) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        if (!(max > min)) {
            return 1;
        }
        double raw = (max - min) / classes;
        double power = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double m : new double[]{1, 2, 2.5, 5, 10}) {
            if (m * power >= raw) {
                return m * power;
            }
        }
        return 10 * power;
    }

    /** The breaks (a copy). */
    public double[] breaks() {
        return breaks.clone();
    }

    /** breaks().length + 1 bands, lowest first. */
    public List<Band> bands() {
        return bands;
    }

    public Scheme scheme() {
        return scheme;
    }

    /** The index of the band holding the value; -1 for NaN. O(log k). */
    public int bandOf(double value) {
        if (Double.isNaN(value)) {
            return -1;
        }
        int i = Arrays.binarySearch(breaks, value);
        return i >= 0 ? i + 1 : -i - 1;
    }

    /** The colour of a value (0xRRGGBB); -1 for NaN. */
    public int rgb(double value) {
        int b = bandOf(value);
        return b < 0 ? -1 : bands.get(b).rgb();
    }

    private static double middle(double lo, double hi) {
        if (Double.isInfinite(lo) && Double.isInfinite(hi)) {
            return 55;
        }
        if (Double.isInfinite(lo)) {
            return Math.nextDown(hi);
        }
        if (Double.isInfinite(hi)) {
            return lo;
        }
        return (lo + hi) / 2;
    }

    private static int ramp(double t) {
        double p = Math.max(0, Math.min(1, t)) * (VIRIDIS.length - 1);
        int i = Math.min(VIRIDIS.length - 2, (int) Math.floor(p));
        double f = p - i;
        int a = VIRIDIS[i];
        int b = VIRIDIS[i + 1];
        int r = (int) Math.round(((a >> 16) & 255) * (1 - f) + ((b >> 16) & 255) * f);
        int g = (int) Math.round(((a >> 8) & 255) * (1 - f) + ((b >> 8) & 255) * f);
        int bl = (int) Math.round((a & 255) * (1 - f) + (b & 255) * f);
        return (r << 16) | (g << 8) | bl;
    }

    /** A number as a user writes it: 35, 37.5, 0.25. */
    static String number(double v) {
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }
}
