package org.ecomonitor.analysis.interpolation;

import org.ecomonitor.i18n.UserException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Weighted least-squares variogram fits equal gstat's fit.variogram (fit.method 7), from good and bad starts. */
class VariogramFitterTest {

    private static EmpiricalVariogram meuse;

    @BeforeAll
    static void load() {
        meuse = EmpiricalVariogram.compute(Meuse.logZinc());
    }

    private static VariogramModel golden(String name) {
        Meuse.Table t = Meuse.golden(name);
        VariogramShape shape = switch (name) {
            case "fitted_spherical" -> VariogramShape.SPHERICAL;
            case "fitted_exp" -> VariogramShape.EXPONENTIAL;
            default -> VariogramShape.GAUSSIAN;
        };
        return VariogramModel.of(t.col("psill")[0], shape, t.col("psill")[1], t.col("range")[1]);
    }

    private static void assertWithinOnePercent(VariogramModel expected, VariogramModel actual) {
        assertEquals(expected.nugget(), actual.nugget(), 0.01 * expected.sill(), "nugget of " + actual);
        assertEquals(expected.partialSill(), actual.partialSill(), 0.01 * expected.partialSill(), "psill of " + actual);
        assertEquals(expected.range(), actual.range(), 0.01 * expected.range(), "range of " + actual);
    }

    @Test
    void sphericalFromGstatLikeStartEqualsGstat() {
        VariogramModel fit = VariogramFitter.fit(meuse,
                VariogramModel.of(0.05, VariogramShape.SPHERICAL, 0.6, 900)).model();
        assertWithinOnePercent(golden("fitted_spherical"), fit);
    }

    @Test
    void exponentialFromGstatLikeStartEqualsGstatWithNuggetHeldAtZero() {
        VariogramModel fit = VariogramFitter.fit(meuse,
                VariogramModel.of(0.05, VariogramShape.EXPONENTIAL, 0.6, 300)).model();
        assertWithinOnePercent(golden("fitted_exp"), fit);
        assertEquals(0, fit.nugget());
    }

    @Test
    void gaussianFromGstatLikeStartEqualsGstat() {
        VariogramModel fit = VariogramFitter.fit(meuse,
                VariogramModel.of(1, VariogramShape.GAUSSIAN, 1, 300)).model();
        assertWithinOnePercent(golden("fitted_gau"), fit);
    }

    @Test
    void badStartingValuesReachTheSameFits() {
        double[][] starts = {{5, 50, 10}, {0, 1e-3, 1e5}, {100, 0, 1}, {0, 1, 20_000}};
        for (String name : new String[]{"fitted_spherical", "fitted_exp", "fitted_gau"}) {
            VariogramModel expected = golden(name);
            for (double[] s : starts) {
                VariogramModel start = new VariogramModel(s[0], expected.shape(), s[1], s[2], 0.5);
                assertWithinOnePercent(expected, VariogramFitter.fit(meuse, start).model());
            }
        }
    }

    @Test
    void leastSquaresCriterionFindsTheTrueMinimumWhereGstatsGaussianIterationStopsShort() {
        VariogramModel start = VariogramModel.of(1, VariogramShape.GAUSSIAN, 1, 300);
        VariogramFitter.Fit gstat = VariogramFitter.fit(meuse, start);
        VariogramFitter.Fit exact = VariogramFitter.fit(meuse, start, true, true,
                VariogramFitter.Criterion.LEAST_SQUARES);
        assertTrue(exact.weightedSse() < gstat.weightedSse());
        assertEquals(411.4, exact.model().range(), 0.5);
        // the criteria agree for the other shapes
        VariogramModel sph = VariogramModel.of(0.05, VariogramShape.SPHERICAL, 0.6, 900);
        assertEquals(VariogramFitter.fit(meuse, sph).model().range(),
                VariogramFitter.fit(meuse, sph, true, true, VariogramFitter.Criterion.LEAST_SQUARES).model().range(),
                1e-9);
    }

    @Test
    void recoversAKnownModelFromExactSemivariances() {
        VariogramModel truth = new VariogramModel(0.2, VariogramShape.MATERN, 1.3, 250, 1.0);
        int m = 20;
        long[] np = new long[m];
        double[] dist = new double[m];
        double[] gamma = new double[m];
        for (int i = 0; i < m; i++) {
            np[i] = 100 + 10 * i;
            dist[i] = 40 * (i + 1);
            gamma[i] = truth.semivariance(dist[i]);
        }
        EmpiricalVariogram v = EmpiricalVariogram.of(np, dist, gamma, 800, 40);
        VariogramModel fit = VariogramFitter.fit(v, new VariogramModel(1, VariogramShape.MATERN, 1, 1000, 1.0))
                .model();
        assertEquals(truth.nugget(), fit.nugget(), 1e-6);
        assertEquals(truth.partialSill(), fit.partialSill(), 1e-6);
        assertEquals(truth.range(), fit.range(), 1e-4);
    }

    @Test
    void maternWithKappaOneHalfFitsLikeExponential() {
        VariogramModel mat = VariogramFitter.fit(meuse,
                new VariogramModel(0.1, VariogramShape.MATERN, 0.5, 300, 0.5)).model();
        VariogramModel exp = VariogramFitter.fit(meuse,
                VariogramModel.of(0.1, VariogramShape.EXPONENTIAL, 0.5, 300)).model();
        assertEquals(exp.range(), mat.range(), 1e-6 * exp.range());
        assertEquals(exp.partialSill(), mat.partialSill(), 1e-9);
    }

    @Test
    void sillsNeverGoNegative() {
        // rising linearly from the origin: the unconstrained nugget would be negative
        int m = 10;
        long[] np = new long[m];
        double[] dist = new double[m];
        double[] gamma = new double[m];
        for (int i = 0; i < m; i++) {
            np[i] = 50;
            dist[i] = 10 * (i + 1);
            gamma[i] = Math.max(0, 0.01 * dist[i] - 0.05);
        }
        VariogramModel fit = VariogramFitter.fit(EmpiricalVariogram.of(np, dist, gamma, 100, 10),
                VariogramModel.of(0.1, VariogramShape.SPHERICAL, 1, 50)).model();
        assertTrue(fit.nugget() >= 0 && fit.partialSill() >= 0, fit.toString());
    }

    @Test
    void fixedRangeAndNuggetAreKept() {
        VariogramModel start = VariogramModel.of(0.05, VariogramShape.SPHERICAL, 0.6, 700);
        VariogramModel fit = VariogramFitter.fit(meuse, start, false, false, VariogramFitter.Criterion.GSTAT).model();
        assertEquals(700, fit.range());
        assertEquals(0.05, fit.nugget());
        assertTrue(fit.partialSill() > 0.4);
    }

    @Test
    void tooFewLagsAreRefusedWithAMessage() {
        EmpiricalVariogram two = EmpiricalVariogram.of(new long[]{10, 10}, new double[]{10, 20},
                new double[]{1, 2}, 30, 10);
        UserException e = assertThrows(UserException.class, () -> VariogramFitter.fit(two,
                VariogramModel.of(0, VariogramShape.SPHERICAL, 1, 10)));
        assertEquals("interpolation.variogramTooFewLags", e.key());
    }

    @Test
    void initialGuessIsUsable() {
        VariogramModel guess = VariogramFitter.initialGuess(meuse, VariogramShape.SPHERICAL, 0.5);
        assertTrue(guess.range() > 0 && guess.sill() > 0);
        assertWithinOnePercent(golden("fitted_spherical"), VariogramFitter.fit(meuse, guess).model());
    }
}
