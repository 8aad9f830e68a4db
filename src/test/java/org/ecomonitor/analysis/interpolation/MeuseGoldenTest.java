package org.ecomonitor.analysis.interpolation;

import org.ecomonitor.model.Progress;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Our numbers equal gstat 2.1-0's on the meuse log(zinc) data (golden files in
 * src/test/resources/reference/meuse, see the README there).
 */
class MeuseGoldenTest {

    private static SampleSet samples;
    private static Meuse.Table grid;

    @BeforeAll
    static void load() {
        samples = Meuse.logZinc();
        grid = Meuse.grid();
    }

    @Test
    void empiricalVariogramWithGstatDefaultsHasGstatsPairCountsDistancesAndSemivariances() {
        EmpiricalVariogram v = EmpiricalVariogram.compute(samples);
        Meuse.Table gold = Meuse.golden("empirical_variogram");
        assertEquals(gold.rows, v.size());
        for (int i = 0; i < v.size(); i++) {
            assertEquals((long) gold.col("np")[i], v.np(i), "np of lag " + i);
            assertEquals(gold.col("dist")[i], v.dist(i), 1e-12 * gold.col("dist")[i], "dist of lag " + i);
            assertEquals(gold.col("gamma")[i], v.gamma(i), 1e-12 * gold.col("gamma")[i], "gamma of lag " + i);
        }
        assertEquals(samples.boundingBoxDiagonal() / 3, v.cutoff(), 1e-9);
        assertEquals(v.cutoff() / 15, v.width(), 1e-9);
    }

    @Test
    void ordinaryKrigingGlobalMatchesGstatPredictionsAndVariances() {
        assertKrigingMatches(Neighbourhood.global(), "ok_global");
    }

    @Test
    void ordinaryKrigingWithTheSixteenNearestMatchesGstat() {
        assertKrigingMatches(Neighbourhood.nearest(16), "ok_nmax16");
    }

    private static void assertKrigingMatches(Neighbourhood neighbourhood, String golden) {
        OrdinaryKriging ok = new OrdinaryKriging(samples, Meuse.SPHERICAL, neighbourhood);
        InterpolatedPoints p = GridInterpolation.atPoints(ok, grid.col("x"), grid.col("y"), Progress.NONE);
        Meuse.Table gold = Meuse.golden(golden);
        assertEquals(3103, gold.rows);
        double predError = Meuse.maxRelativeError(p.values(), gold.col("pred"));
        double varError = Meuse.maxRelativeError(p.variances(), gold.col("var"));
        assertTrue(predError < 1e-6, "prediction relative error " + predError);
        assertTrue(varError < 1e-6, "variance relative error " + varError);
    }

    @Test
    void globalInverseDistanceWeightingWithPowerTwoMatchesGstat() {
        InverseDistanceWeighting idw = new InverseDistanceWeighting(samples, 2, Neighbourhood.global());
        InterpolatedPoints p = GridInterpolation.atPoints(idw, grid.col("x"), grid.col("y"), Progress.NONE);
        double error = Meuse.maxRelativeError(p.values(), Meuse.golden("idw_p2_global").col("pred"));
        assertTrue(error < 1e-6, "relative error " + error);
    }

    /** The meuse grid's cells are 40 m cells of a regular raster: estimate that raster with the row kernels. */
    private static double[][] onRaster(SpatialInterpolator interpolator) {
        double[] gx = grid.col("x");
        double[] gy = grid.col("y");
        org.ecomonitor.model.GridSpec raster = GridInterpolation.grid(
                java.util.Arrays.stream(gx).min().orElseThrow() - 20, java.util.Arrays.stream(gy).min().orElseThrow() - 20,
                java.util.Arrays.stream(gx).max().orElseThrow() + 20, java.util.Arrays.stream(gy).max().orElseThrow() + 20,
                40);
        InterpolatedGrid g = GridInterpolation.run(interpolator, raster, Progress.NONE);
        double[][] out = new double[2][gx.length];
        for (int i = 0; i < gx.length; i++) {
            int col = (int) Math.round((gx[i] - raster.x(0)) / 40);
            int row = (int) Math.round((raster.y(0) - gy[i]) / 40);
            out[0][i] = g.value(col, row);
            out[1][i] = g.variance(col, row);
        }
        return out;
    }

    @Test
    void onARasterTheRowKernelsMatchGstatToo() {
        double[][] idw = onRaster(new InverseDistanceWeighting(samples, 2, Neighbourhood.global()));
        double error = Meuse.maxRelativeError(idw[0], Meuse.golden("idw_p2_global").col("pred"));
        assertTrue(error < 1e-6, "IDW relative error " + error);
        double[][] ok = onRaster(new OrdinaryKriging(samples, Meuse.SPHERICAL, Neighbourhood.nearest(16)));
        Meuse.Table gold = Meuse.golden("ok_nmax16");
        double predError = Meuse.maxRelativeError(ok[0], gold.col("pred"));
        double varError = Meuse.maxRelativeError(ok[1], gold.col("var"));
        assertTrue(predError < 1e-6 && varError < 1e-6, "OK relative errors " + predError + ", " + varError);
    }

    @Test
    void leaveOneOutCrossValidationMatchesGstatPerPointAndInRmse() {
        OrdinaryKriging ok = new OrdinaryKriging(samples, Meuse.SPHERICAL, Neighbourhood.global());
        CrossValidationResult cv = ok.crossValidate(Progress.NONE);
        Meuse.Table gold = Meuse.golden("ok_loocv");
        assertEquals(gold.rows, cv.size());
        for (int i = 0; i < cv.size(); i++) {
            assertEquals(gold.col("observed")[i], cv.observed(i), 1e-12, "observed " + i);
            assertEquals(gold.col("pred")[i], cv.predicted(i), 1e-6 * Math.abs(gold.col("pred")[i]), "pred " + i);
            assertEquals(gold.col("var")[i], cv.variance(i), 1e-6 * gold.col("var")[i], "var " + i);
            assertEquals(gold.col("residual")[i], cv.residual(i), 1e-7, "residual " + i);
            assertEquals(gold.col("zscore")[i], cv.zscore(i), 1e-6, "zscore " + i);
        }
        assertEquals(0.3918035, cv.rmse(), 5e-8);
        double me = 0;
        double mae = 0;
        double msdr = 0;
        for (int i = 0; i < gold.rows; i++) {
            me += gold.col("residual")[i];
            mae += Math.abs(gold.col("residual")[i]);
            msdr += gold.col("zscore")[i] * gold.col("zscore")[i];
        }
        assertEquals(me / gold.rows, cv.meanError(), 1e-9);
        assertEquals(mae / gold.rows, cv.meanAbsoluteError(), 1e-9);
        assertEquals(msdr / gold.rows, cv.meanSquaredDeviationRatio(), 1e-7);
    }

    @Test
    void closedFormCrossValidationEqualsRefittingWithoutEachPoint() {
        OrdinaryKriging ok = new OrdinaryKriging(samples, Meuse.SPHERICAL, Neighbourhood.global());
        CrossValidationResult closed = ok.crossValidate(Progress.NONE);
        CrossValidationResult refit = CrossValidation.leaveOneOut(ok, Progress.NONE);
        for (int i = 0; i < closed.size(); i++) {
            assertEquals(refit.predicted(i), closed.predicted(i), 1e-10);
            assertEquals(refit.variance(i), closed.variance(i), 1e-10);
        }
    }

    @Test
    void localCrossValidationUsesTheSameNeighbourhoodAsPrediction() {
        OrdinaryKriging ok = new OrdinaryKriging(samples, Meuse.SPHERICAL, Neighbourhood.nearest(16));
        CrossValidationResult cv = ok.crossValidate(Progress.NONE);
        // the first point by hand: kriging at its location with all other points, 16 nearest
        double[] out = new double[2];
        ok.newEstimator().estimate(samples.x(0), samples.y(0), 0, out);
        assertEquals(out[0], cv.predicted(0), 1e-12);
        assertTrue(cv.rmse() > 0.3 && cv.rmse() < 0.5, "rmse " + cv.rmse());
    }
}
