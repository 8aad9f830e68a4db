package org.ecomonitor.analysis.interpolation;

import org.apache.commons.math3.analysis.integration.gauss.GaussIntegratorFactory;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** K_nu against tabulated values, its integral representation and its recurrence; Matérn against known forms. */
class BesselKTest {

    private static void assertRelative(double expected, double actual, double tol) {
        assertEquals(expected, actual, tol * Math.abs(expected), "expected " + expected + " got " + actual);
    }

    @Test
    void tabulatedValuesOfOrdersZeroAndOne() {
        // Abramowitz and Stegun, table 9.8
        assertRelative(2.427069024702017, BesselK.value(0, 0.1), 1e-13);
        assertRelative(0.4210244382407083, BesselK.value(0, 1), 1e-13);
        assertRelative(0.1138938727495334, BesselK.value(0, 2), 1e-13);
        assertRelative(3.691098334042594e-3, BesselK.value(0, 5), 1e-12);
        assertRelative(9.853844780870606, BesselK.value(1, 0.1), 1e-13);
        assertRelative(0.6019072301972346, BesselK.value(1, 1), 1e-13);
        assertRelative(0.1398658818165224, BesselK.value(1, 2), 1e-13);
        assertRelative(4.044613445452164e-3, BesselK.value(1, 5), 1e-12);
    }

    /** K_nu(x) = integral over t >= 0 of exp(-x cosh t) cosh(nu t), by 20-point Gauss-Legendre on pieces. */
    private static double integral(double nu, double x) {
        GaussIntegratorFactory gauss = new GaussIntegratorFactory();
        double sum = 0;
        for (double a = 0; x * Math.cosh(a) < 800; a += 0.25) {
            sum += gauss.legendre(20, a, a + 0.25).integrate(t -> Math.exp(-x * Math.cosh(t)) * Math.cosh(nu * t));
        }
        return sum;
    }

    @Test
    void fractionalOrdersAgreeWithTheIntegralRepresentation() {
        for (double nu : new double[]{0.3, 0.75, 1.2, 1.7, 2.2, 3.9}) {
            for (double x : new double[]{0.05, 0.5, 1.9, 2.1, 7, 30}) {
                assertRelative(integral(nu, x), BesselK.value(nu, x), 1e-10);
            }
        }
    }

    @Test
    void closedFormsAndTheRecurrenceHold() {
        for (double x : new double[]{0.01, 0.7, 2, 3.3, 12}) {
            // the general algorithm just beside the half-integers agrees with the closed forms
            assertRelative(BesselK.value(1.5, x), BesselK.value(1.5 + 1e-12, x), 1e-9);
            assertRelative(BesselK.value(2.5, x), BesselK.value(2.5 - 1e-12, x), 1e-9);
            assertRelative(BesselK.value(0.5, x), BesselK.value(0.5 + 1e-12, x), 1e-9);
            // K_{nu+1} = K_{nu-1} + (2 nu / x) K_nu
            double nu = 1.37;
            assertRelative(BesselK.value(nu + 1, x),
                    BesselK.value(nu - 1, x) + 2 * nu / x * BesselK.value(nu, x), 1e-12);
        }
        assertTrue(Double.isInfinite(BesselK.value(1, 0)));
        assertTrue(Double.isNaN(BesselK.value(1, -1)));
    }

    @Test
    void maternCorrelationMatchesItsKnownForms() {
        for (double r : new double[]{0.001, 0.3, 1, 2.5, 8}) {
            assertRelative(Math.exp(-r), VariogramShape.matern(r, 0.5), 1e-14);
            assertRelative((1 + r) * Math.exp(-r), VariogramShape.matern(r, 1.5), 1e-14);
            assertRelative((1 + r + r * r / 3) * Math.exp(-r), VariogramShape.matern(r, 2.5), 1e-14);
            // kappa 1: r K_1(r); the general algorithm next to 1.5 agrees with the closed form
            assertRelative(r * BesselK.value(1, r), VariogramShape.matern(r, 1), 1e-12);
            assertRelative((1 + r) * Math.exp(-r), VariogramShape.matern(r, 1.5 + 1e-12), 1e-9);
        }
        assertRelative(0.6019072301972346, VariogramShape.matern(1, 1), 1e-13);
        // kappa 2 at r = 1: K_2(1) / 2 = (K_0(1) + 2 K_1(1)) / 2
        assertRelative((0.4210244382407083 + 2 * 0.6019072301972346) / 2, VariogramShape.matern(1, 2), 1e-12);
        assertEquals(1, VariogramShape.matern(0, 0.8));
        assertEquals(1, VariogramShape.matern(1e-9, 0.8), 1e-6);
        assertEquals(0, VariogramShape.matern(800, 0.8), 1e-300);
        // gstat's Mat model: semivariance = psill (1 - correlation)
        VariogramModel m = new VariogramModel(0.1, VariogramShape.MATERN, 2, 100, 1);
        assertRelative(0.1 + 2 * (1 - 0.6019072301972346), m.semivariance(100), 1e-13);
    }
}
