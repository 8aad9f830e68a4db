package org.ecomonitor.io.sample;

import org.ecomonitor.io.ImportOptions;
import org.ecomonitor.io.ImportReport;
import org.ecomonitor.io.Importer;
import org.ecomonitor.io.evaluation.AirQualityReport;
import org.ecomonitor.io.evaluation.NoiseReport;
import org.ecomonitor.io.evaluation.Period;
import org.ecomonitor.io.evaluation.SoilReport;
import org.ecomonitor.io.evaluation.TrendReport;
import org.ecomonitor.io.evaluation.WaterQualityReport;
import org.ecomonitor.analysis.standards.SoilRiskClass;
import org.ecomonitor.analysis.standards.SurfaceWaterClass;
import org.ecomonitor.analysis.trend.TrendVerdict;
import org.ecomonitor.model.Progress;
import org.ecomonitor.model.ReadingSeries;
import org.ecomonitor.model.Station;
import org.ecomonitor.model.StationKind;
import org.ecomonitor.store.ProjectStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The whole Tongren sample folder imports cleanly, with what the issue asks the sample to hold. */
class SampleProjectTest {

    @TempDir
    Path dir;

    @Test
    void theSampleFolderImportsCompletely() {
        try (ProjectStore store = ProjectStore.create(dir.resolve("tongren.gpkg"))) {
            ImportReport r = new Importer(store, ImportOptions.defaults(), Progress.NONE)
                    .importPaths(List.of(Path.of("samples/tongren")));
            assertEquals(0, r.rejectedCount(), () -> r.rejections().subList(0, Math.min(10, r.rejections().size())).toString());
            assertTrue(r.readingsInserted() > 3_000_000, "over three million readings: " + r.readingsInserted());
            assertEquals(10, store.features().info("admin_areas").featureCount());
            assertEquals(6, store.features().info("rivers").featureCount());

            Map<String, Integer> airPerCounty = new HashMap<>();
            for (Station s : store.stations().ofKind(StationKind.AIR)) {
                airPerCounty.merge(s.adcode(), 1, Integer::sum);
            }
            assertEquals(10, airPerCounty.size(), "air stations in every county: " + airPerCounty);
            assertTrue(airPerCounty.values().stream().allMatch(n -> n >= 2), "at least two per county town: " + airPerCounty);

            long noiseGrid = store.stations().ofKind(StationKind.NOISE).stream()
                    .filter(s -> "regional".equals(s.attribute("survey"))).count();
            assertTrue(noiseGrid > 100, "regional-noise grid points: " + noiseGrid);
            long soilWanshan = store.stations().ofKind(StationKind.SOIL).stream().filter(s -> "520603".equals(s.adcode())).count();
            long soilYanhe = store.stations().ofKind(StationKind.SOIL).stream().filter(s -> "520627".equals(s.adcode())).count();
            assertTrue(soilWanshan > 3 * soilYanhe, "denser soil points in the Wanshan mercury district");
            assertTrue(store.stations().ofKind(StationKind.SURFACE_WATER).stream().anyMatch(s -> "国控".equals(s.attribute("level"))));
            assertEquals(2, store.stations().permitLimits("TRP01").size());

            // the three years of hourly history: gaps, flags and the planted stuck sensor are there
            ReadingSeries pm = store.readings().series("TR520602A1", "a34004");
            int hours = 3 * 8760 + 24 + 31 * 24;
            assertTrue(pm.size() > 0.9 * hours && pm.size() < hours, "gaps in the series: " + pm.size() + " of " + hours);
            assertTrue(java.util.Arrays.stream(pm.flags()).anyMatch(f -> f == org.ecomonitor.model.Flag.C), "calibration flags");
            assertTrue(java.util.Arrays.stream(pm.values()).anyMatch(v -> v > 115), "planted exceedances");

            // what the analyses find in it: the planted trends, exceedances and hot spots
            Period y2024 = Period.parse("2024");
            var water = WaterQualityReport.of(store, y2024, null);
            var songtao = water.stream().filter(w -> w.station().code().equals("TRW09")).findFirst().orElseThrow();
            assertTrue(songtao.sampleClasses().contains(SurfaceWaterClass.WORSE_THAN_V), "manganese-industry ammonia episodes");
            var wanshan = water.stream().filter(w -> w.station().code().equals("TRW16")).findFirst().orElseThrow();
            assertTrue(wanshan.period().exceeding().stream().anyMatch(i -> i.item().key().equals("hg")), "mercury below the mines");
            TrendReport nh3 = TrendReport.of(store, "TRW07", "w21003", TrendReport.Aggregation.AUTO, Period.ALL, false, false);
            assertEquals(TrendVerdict.Direction.DOWN, nh3.verdict().direction(), "ammonia improving below the city");
            TrendReport tp = TrendReport.of(store, "TRW11", "w21011", TrendReport.Aggregation.AUTO, Period.ALL, false, false);
            assertEquals(TrendVerdict.Direction.UP, tp.verdict().direction(), "phosphorus worsening on the Wuyang");
            // early warning: a Holt-Winters outlook of monthly PM2.5, backtested on the last known months
            TrendReport pm25 = TrendReport.of(store, "TR520602A1", "a34004", TrendReport.Aggregation.MONTHLY, Period.ALL, false, false);
            TrendReport.Outlook outlook = pm25.outlook(6, 75);
            assertEquals(6, outlook.forecasts().size());
            assertTrue(outlook.backtest().n() > 0 && outlook.backtest().mape() < 50, "backtest " + outlook.backtest());
            assertTrue(outlook.forecasts().get(0).lower() < outlook.forecasts().get(0).mean());
            var air = AirQualityReport.of(store, y2024, "TR520602A1");
            assertTrue(air.get(0).exceedanceDays() > 0 && air.get(0).exceedanceDays() < 120, "some AQI > 100 days");
            var noise = NoiseReport.of(store, Period.ALL);
            assertTrue(noise.regionalDay().enoughPoints());
            // the alarm rules fired on the import: planted exceedances, the stuck SO2 sensor, outages, permits
            assertTrue(r.alarms().size() > 100, "alarms raised by the import: " + r.alarms().size());
            var rules = new java.util.HashSet<String>();
            store.alarms().list(true, null, 100_000).forEach(a -> rules.add(a.ruleId()));
            assertTrue(rules.containsAll(java.util.Set.of("air-limit-a34004", "air-flat", "air-gap", "air-flagged")), rules.toString());
            assertTrue(rules.stream().anyMatch(x -> x.startsWith("permit-")), "a source over its permit limit");
            assertTrue(store.alarms().list(true, "TR520602A1", 100_000).stream()
                    .anyMatch(a -> a.ruleId().equals("air-flat") && a.parameter().equals("a21026") && a.end() - a.start() >= 30 * 3_600_000L),
                    "the planted 36-hour stuck SO2 sensor");
            var soil = SoilReport.of(store, Period.ALL);
            assertTrue(soil.stream().anyMatch(x -> x.station().adcode().equals("520603")
                    && x.worst() == SoilRiskClass.ABOVE_INTERVENTION), "Wanshan mercury above the intervention value");
        }
    }
}
