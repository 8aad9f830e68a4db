package org.ecomonitor.analysis.contour;

import java.util.List;
import java.util.Locale;

/**
 * Colours of noise-map classes. {@link #DIN_18005} is the 5 dB scheme of DIN 18005-2 (1991), the German
 * edition of the colour/hatching table of ISO 1996-2 (1987), that noise-mapping software shows analysts:
 * <pre>
 *   below 35 dB  light green     #B8E0A0      55-60  orange          #FF8C28
 *   35-40        green           #5FBF5F      60-65  cinnabar red    #F0461E
 *   40-45        dark green      #1E8C3C      65-70  carmine red     #C81E3C
 *   45-50        yellow          #FFF03C      70-75  lilac (purple)  #A0288C
 *   50-55        ochre           #DCB428      75-80  blue            #3C50C8
 *                                             80 and above  dark blue  #1E1E78
 * </pre>
 * The standards name the colours; the RGB values are ours, chosen close to the named colours. A level belongs to
 * the class with {@code lower <= level < upper}.
 */
public final class NoiseColourScheme {

    /**
     * One class of the scheme.
     *
     * @param lower      lower limit in dB, inclusive (-Infinity for the first class)
     * @param upper      upper limit in dB, exclusive (+Infinity for the last class)
     * @param rgb        colour as 0xRRGGBB
     * @param colourName the colour's name in the standard (English)
     */
    public record NoiseClass(double lower, double upper, int rgb, String colourName) {

        /** The colour as {@code #RRGGBB}. */
        public String hex() {
            return String.format(Locale.ROOT, "#%06X", rgb);
        }

        public boolean contains(double level) {
            return level >= lower && level < upper;
        }
    }

    public static final NoiseColourScheme DIN_18005 = new NoiseColourScheme(List.of(
            new NoiseClass(Double.NEGATIVE_INFINITY, 35, 0xB8E0A0, "light green"),
            new NoiseClass(35, 40, 0x5FBF5F, "green"),
            new NoiseClass(40, 45, 0x1E8C3C, "dark green"),
            new NoiseClass(45, 50, 0xFFF03C, "yellow"),
            new NoiseClass(50, 55, 0xDCB428, "ochre"),
            new NoiseClass(55, 60, 0xFF8C28, "orange"),
            new NoiseClass(60, 65, 0xF0461E, "cinnabar red"),
            new NoiseClass(65, 70, 0xC81E3C, "carmine red"),
            new NoiseClass(70, 75, 0xA0288C, "lilac"),
            new NoiseClass(75, 80, 0x3C50C8, "blue"),
            new NoiseClass(80, Double.POSITIVE_INFINITY, 0x1E1E78, "dark blue")));

    private final List<NoiseClass> classes;

    private NoiseColourScheme(List<NoiseClass> classes) {
        this.classes = List.copyOf(classes);
    }

    public List<NoiseClass> classes() {
        return classes;
    }

    /** The class a level falls in; NaN falls in none (null). */
    public NoiseClass classOf(double level) {
        for (NoiseClass c : classes) {
            if (c.contains(level)) {
                return c;
            }
        }
        return null;
    }

    /** The colour (0xRRGGBB) of a level; -1 for NaN. */
    public int rgb(double level) {
        NoiseClass c = classOf(level);
        return c == null ? -1 : c.rgb();
    }

    /**
     * The colour of a band of any width: that of the class holding the band's middle (its lower limit when open
     * above, just below its upper limit when open below), so 2.5 dB or 10 dB bands still get the standard colours.
     */
    public int rgb(IsoBand band) {
        double level;
        if (Double.isInfinite(band.lower()) && Double.isInfinite(band.upper())) {
            level = 55;
        } else if (Double.isInfinite(band.lower())) {
            level = Math.nextDown(band.upper());
        } else if (Double.isInfinite(band.upper())) {
            level = band.lower();
        } else {
            level = (band.lower() + band.upper()) / 2;
        }
        return rgb(level);
    }
}
