package org.ecomonitor.analysis.layout;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.ecomonitor.analysis.interpolation.GridInterpolation;
import org.ecomonitor.analysis.interpolation.Neighbourhood;
import org.ecomonitor.analysis.interpolation.OrdinaryKriging;
import org.ecomonitor.analysis.interpolation.Sample;
import org.ecomonitor.analysis.interpolation.SampleSet;
import org.ecomonitor.analysis.interpolation.VariogramModel;
import org.ecomonitor.analysis.interpolation.VariogramShape;
import org.ecomonitor.model.Progress;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.geojson.GeoJsonReader;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The benchmarks of issue 5, on the largest county of the sample (Songtao, 520628, about 2,850 km^2): a spatial
 * coverage design of 200 points on 100,000 cells, and the densification of a 300-point network by 30 points with a
 * 50,000-cell evaluation grid. Run with {@code mvn -Pbenchmark verify -Dtest=LayoutBenchmark}. Prints wall and
 * process CPU time (all threads; other load on the shared machine inflates wall time more than CPU time), the
 * criteria, and ratios against peers measured in the same run: the k-means design against a square grid of about
 * as many points, and the kriging-variance evaluation against the interpolation engine's global ordinary kriging
 * ({@link OrdinaryKriging} through {@link GridInterpolation#atPoints}) on the same locations.
 */
@Tag("benchmark")
class LayoutBenchmark {

    static StudyArea songtao() throws Exception {
        JsonNode root = new ObjectMapper().readTree(Files.readString(
                Path.of("samples/tongren/boundaries/tongren_counties.geojson")));
        for (JsonNode f : root.get("features")) {
            if ("520628".equals(f.path("id").asText())) {
                Geometry lonLat = new GeoJsonReader().read(f.get("geometry").toString());
                return StudyArea.of(4545, LayoutProjection.of(4545).toPlane(lonLat));
            }
        }
        throw new IllegalStateException("Songtao missing from the sample");
    }

    record Timed<T>(T value, double wall, double cpu) {
    }

    static <T> Timed<T> time(Supplier<T> work) {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpu0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        T v = work.get();
        return new Timed<>(v, (System.nanoTime() - t0) / 1e9, (os.getProcessCpuTime() - cpu0) / 1e9);
    }

    static double load() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    @Test
    void coverageOfTwoHundredPointsOnHundredThousandCells() throws Exception {
        StudyArea area = songtao();
        Discretisation d = area.discretiseTo(100_000);
        System.out.printf(Locale.ROOT, "%nCoverage benchmark: Songtao %.0f km2, %d cells of %.1f m, 200 points, "
                        + "10 restarts, %d cores, %s, load %.2f%n", area.admissibleArea() / 1e6, d.size(),
                d.cellSize(), Runtime.getRuntime().availableProcessors(), Runtime.version(), load());
        SpatialCoverageDesign.Options o = SpatialCoverageDesign.Options.of(200).withSeed(1).withCells(100_000);
        // warm-up on a smaller problem
        SpatialCoverageDesign.design(area.discretiseTo(20_000), new double[0], new double[0],
                o.withRestarts(2), area::isAdmissible, Progress.NONE);
        Timed<SpatialCoverageDesign.Result> run = time(() -> SpatialCoverageDesign.design(d, new double[0],
                new double[0], o, area::isAdmissible, Progress.NONE));
        SpatialCoverageDesign.Result r = run.value();
        // peer: a square grid with about as many points inside the county
        double a = Math.sqrt(area.admissibleArea() / 200);
        Discretisation grid = area.discretise(a, 0.5);
        double gridMssd = SpatialCoverageDesign.mssd(d.x, d.y, grid.x, grid.y);
        System.out.printf(Locale.ROOT, "  k-means (Hamerly), 10 restarts: %.2f s wall, %.2f s CPU; best restart %d "
                        + "after %d iterations%n", run.wall(), run.cpu(), r.restart() + 1, r.iterations());
        System.out.printf(Locale.ROOT, "  MSSD %.0f m2 (RMS nearest distance %.0f m) vs square grid of %d points "
                        + "(%.0f m): %.0f m2, ratio %.3f (%.3f with MSSD scaled to 200 points as 1/n); %d points "
                        + "moved into the county%n", r.mssd(), Math.sqrt(r.mssd()), grid.size(), a, gridMssd,
                r.mssd() / gridMssd, r.mssd() / (gridMssd * grid.size() / 200.0), r.moved());
        System.out.printf(Locale.ROOT, "  load average after: %.2f%n", load());
        assertEquals(200, r.x().length);
        assertTrue(r.mssd() < gridMssd * 200.0 / grid.size() * 1.05);
    }

    @Test
    void densifyThreeHundredByThirtyOnFiftyThousandCells() throws Exception {
        StudyArea area = songtao();
        VariogramModel model = VariogramModel.of(0.1, VariogramShape.SPHERICAL, 0.9, 12_000);
        // 300 existing points: a seeded random network inside the county
        Discretisation cells = area.discretiseTo(100_000);
        SplittableRandom random = new SplittableRandom(2024);
        double[] ex = new double[300];
        double[] ey = new double[300];
        for (int i = 0; i < 300; i++) {
            int c = random.nextInt(cells.size());
            ex[i] = cells.x(c);
            ey[i] = cells.y(c);
        }
        KrigingVarianceDesign.Options o = KrigingVarianceDesign.Options.of(model, 30).withSeed(1);
        Discretisation eval = area.discretiseTo(50_000);
        System.out.printf(Locale.ROOT, "%nDensification benchmark: Songtao, 300 + 30 points, %s, evaluation grid "
                        + "%d cells, search grid %d, candidates %d, %d annealing proposals, %d cores, load %.2f%n",
                model, eval.size(), o.searchCells(), o.candidates(), o.iterations(),
                Runtime.getRuntime().availableProcessors(), load());
        // warm-up
        KrigingVarianceDesign.design(area, ex, ey, o.withEvaluationCells(5000).withSearch(1000, 1000)
                .withAnnealingIterations(200), Progress.NONE);
        Timed<KrigingVarianceDesign.Result> run = time(() -> KrigingVarianceDesign.design(area, ex, ey, o,
                Progress.NONE));
        KrigingVarianceDesign.Result r = run.value();
        System.out.printf(Locale.ROOT, "  whole design: %.2f s wall, %.2f s CPU%n", run.wall(), run.cpu());
        System.out.printf(Locale.ROOT, "  mean kriging variance: before %.5f, greedy %.5f, annealed %.5f (%s kept); "
                        + "max: before %.5f, greedy %.5f, annealed %.5f%n", r.before().mean(), r.greedy().mean(),
                r.annealed().mean(), r.annealedKept() ? "annealed" : "greedy", r.before().max(), r.greedy().max(),
                r.annealed().max());
        System.out.printf(Locale.ROOT, "  search grid: greedy %.6f, annealed %.6f (%d of %d proposals accepted)%n",
                r.greedySearch(), r.annealedSearch(), r.accepted(), r.proposals());

        // phases, timed apart
        Timed<KrigingVarianceDesign.Result> greedyOnly = time(() -> KrigingVarianceDesign.design(area, ex, ey,
                o.withAnnealingIterations(0), Progress.NONE));
        System.out.printf(Locale.ROOT, "  greedy only (with the evaluation): %.2f s wall, %.2f s CPU%n",
                greedyOnly.wall(), greedyOnly.cpu());

        // kriging variance on the 50,000 cells for 330 points: ours vs the interpolation engine
        double[] dx = new double[330];
        double[] dy = new double[330];
        System.arraycopy(ex, 0, dx, 0, 300);
        System.arraycopy(ey, 0, dy, 0, 300);
        System.arraycopy(r.x(), 0, dx, 300, 30);
        System.arraycopy(r.y(), 0, dy, 300, 30);
        Timed<double[]> ours = time(() -> new KrigingVariance(dx, dy, model).variances(eval.xs(), eval.ys(),
                Progress.NONE));
        Timed<double[]> oursBeforeAfter = time(() -> {
            KrigingVariance base = new KrigingVariance(ex, ey, model);
            base.summarise(eval.xs(), eval.ys(), List.of(base.extend(r.x(), r.y())), null, Progress.NONE);
            return new double[0];
        });
        List<Sample> samples = new ArrayList<>();
        for (int i = 0; i < 330; i++) {
            samples.add(new Sample("p" + i, dx[i], dy[i], i % 7));
        }
        OrdinaryKriging engine = new OrdinaryKriging(SampleSet.of(samples), model, Neighbourhood.global());
        Timed<double[]> peer = time(() -> GridInterpolation.atPoints(engine, eval.xs(), eval.ys(), Progress.NONE)
                .variances());
        double maxDiff = 0;
        for (int i = 0; i < ours.value().length; i++) {
            maxDiff = Math.max(maxDiff, Math.abs(ours.value()[i] - peer.value()[i]));
        }
        System.out.printf(Locale.ROOT, "  kriging variance of 330 points at %d cells: %.3f s wall (%.3f s CPU); "
                        + "the engine's global OK %.3f s wall (%.3f s CPU): %.1fx faster, largest difference %.1e%n",
                eval.size(), ours.wall(), ours.cpu(), peer.wall(), peer.cpu(), peer.cpu() / ours.cpu(), maxDiff);
        System.out.printf(Locale.ROOT, "  before and after in one pass (300 factored, +30 bordered): %.3f s wall "
                + "(%.3f s CPU)%n", oursBeforeAfter.wall(), oursBeforeAfter.cpu());
        System.out.printf(Locale.ROOT, "  load average after: %.2f%n", load());
        assertTrue(maxDiff < 1e-8);
        assertTrue(r.annealedSearch() <= r.greedySearch());
        assertTrue(r.greedy().mean() < r.before().mean());
    }
}
