package org.ecomonitor.gui.charts;

import javafx.scene.Scene;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.ecomonitor.gui.FxThread;
import org.ecomonitor.model.Flag;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.LongSupplier;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 6's chart target: a 10-year hourly series (87,600 values) drawn in under 200 ms. Measures the time from
 * new data (or a zoom step) to a finished frame (painting plus rasterising: a canvas snapshot forces the software
 * pipeline to draw), median of 15 after 5 warm-ups, at 1200 × 500 pixels on Monocle's software renderer. Peers in
 * the same run: the same chart drawing every point (no decimation), and JavaFX's own LineChart with the 87,600
 * points (no symbols). Run: {@code mvn -Pbenchmark verify -Dtest=ChartBenchmark}.
 */
@Tag("benchmark")
@ExtendWith(ApplicationExtension.class)
class ChartBenchmark {

    static final int HOURS = 87_600;
    Stage stage;
    SeriesChart chart;

    @Start
    void start(Stage s) {
        stage = s;
        chart = new SeriesChart();
        s.setScene(new Scene(new StackPane(chart), 1200, 500));
        s.show();
    }

    static ChartSeries tenYears() {
        long[] t = new long[HOURS];
        double[] v = new double[HOURS];
        List<ChartSeries.FlaggedPoint> flagged = new ArrayList<>();
        Random r = new Random(11);
        long t0 = 1_420_041_600_000L;
        for (int i = 0; i < HOURS; i++) {
            t[i] = t0 + i * 3_600_000L;
            v[i] = Math.max(1, 45 - i / 8760.0 * 2 + 20 * Math.cos(i * 2 * Math.PI / 8760) + r.nextGaussian() * 12);
            if (i % 997 == 0) {
                v[i] = Double.NaN;
                flagged.add(new ChartSeries.FlaggedPoint(t[i], 250, Flag.C));
            }
        }
        return new ChartSeries("PM2.5", "a34004", "µg/m³", Color.web("#1f77b4"), t, v, flagged, List.of(), false);
    }

    /** Median of 15 timed runs (ms) after 5 warm-ups. */
    static double median(LongSupplier run, int warm, int runs) {
        for (int i = 0; i < warm; i++) {
            run.getAsLong();
        }
        double[] ms = new double[runs];
        for (int i = 0; i < runs; i++) {
            ms[i] = run.getAsLong() / 1e6;
        }
        Arrays.sort(ms);
        return ms[runs / 2];
    }

    long frame(Runnable change) {
        return FxThread.call(() -> {
            long t0 = System.nanoTime();
            change.run();
            chart.canvas().snapshot(null, null);
            return System.nanoTime() - t0;
        });
    }

    @Test
    void tenYearsHourlyDrawUnder200ms() {
        ChartSeries series = tenYears();
        List<LimitLine> limits = List.of(new LimitLine("a34004", 75, false, "GB 3095-2012 二级 75 µg/m³"));
        ZoneId zone = ZoneId.of("Asia/Shanghai");
        double full = median(() -> frame(() -> chart.setData(List.of(series), limits, null, zone)), 5, 15);
        int drawn = chart.rendered().pointsDrawn();
        double[] view = chart.view();
        double[] zoom = {0};
        double zoomed = median(() -> frame(() -> {
            // one wheel step in, then out again: each frame decimates the new range
            chart.zoomAround(zoom[0]++ % 2 == 0 ? 0.8 : 1.25, 600);
        }), 5, 15);
        double month = median(() -> frame(() -> chart.setView(view[0] + 5 * 8760 * 3_600_000.0,
                view[0] + 5 * 8760 * 3_600_000.0 + 30 * 86_400_000.0)), 5, 15);
        FxThread.run(() -> chart.setDecimation(false));
        double all = median(() -> frame(() -> chart.setData(List.of(series), limits, null, zone)), 2, 5);
        FxThread.run(() -> chart.setDecimation(true));

        // JavaFX's LineChart with every point, no symbols, no animation: a new scene each run
        double lineChart = median(() -> FxThread.call(() -> {
            long t0 = System.nanoTime();
            LineChart<Number, Number> lc = new LineChart<>(new NumberAxis(), new NumberAxis());
            lc.setCreateSymbols(false);
            lc.setAnimated(false);
            XYChart.Series<Number, Number> s = new XYChart.Series<>();
            List<XYChart.Data<Number, Number>> data = new ArrayList<>(HOURS);
            for (int i = 0; i < HOURS; i++) {
                if (!Double.isNaN(series.values()[i])) {
                    data.add(new XYChart.Data<>(series.times()[i], series.values()[i]));
                }
            }
            s.getData().setAll(data);
            lc.getData().add(s);
            StackPane holder = new StackPane(lc);
            new Scene(holder, 1200, 500);
            holder.snapshot(null, null);
            return System.nanoTime() - t0;
        }), 1, 3);

        System.out.printf("ChartBenchmark (1200x500, software rendering, median):%n");
        System.out.printf("  10-year hourly series, new data, LTTB:     %7.1f ms  (%d of %d points drawn)%n", full, drawn, HOURS);
        System.out.printf("  one wheel step (re-decimated):            %7.1f ms%n", zoomed);
        System.out.printf("  zoomed to one month (all 721 hours):      %7.1f ms%n", month);
        System.out.printf("  peer: same chart, every point drawn:      %7.1f ms  (LTTB is %.1fx faster)%n", all, all / full);
        System.out.printf("  peer: JavaFX LineChart, every point:      %7.1f ms  (LTTB is %.0fx faster)%n", lineChart, lineChart / full);
        assertTrue(full < 200, "a 10-year hourly series must draw in under 200 ms: " + full);
        assertTrue(zoomed < 200, "a zoom step must draw in under 200 ms: " + zoomed);
    }
}
