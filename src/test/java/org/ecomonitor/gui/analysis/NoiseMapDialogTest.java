package org.ecomonitor.gui.analysis;

import javafx.stage.Stage;
import org.ecomonitor.analysis.noisemap.InterpolationSettings.Method;
import org.ecomonitor.gui.ErrorDialogs;
import org.ecomonitor.gui.MainWindow;
import org.ecomonitor.gui.map.LegendPainter;
import org.ecomonitor.gui.map.RasterLayer;
import org.ecomonitor.gui.map.VectorLayer;
import org.ecomonitor.i18n.Messages;
import org.ecomonitor.io.noisemap.NoiseMapResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.ecomonitor.gui.analysis.AnalysisTestSupport.fx;
import static org.ecomonitor.gui.analysis.AnalysisTestSupport.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The noise-map tool on {@link AnalysisProject} (120 day levels rising from 45 dB(A) in the west to 60 dB(A) in
 * the east), headless: opened from the Analysis menu with the regional-survey defaults, it maps by IDW into a raster
 * layer with its legend and the HJ 640 grade, and the raster colours the map in the DIN 18005 classes where the
 * levels say; Auto fills the method in; Cancel stops a long run without changing the map; the map exports and
 * saves into the project.
 */
@ExtendWith(ApplicationExtension.class)
class NoiseMapDialogTest {

    @TempDir
    static Path folder;
    static Path store;
    static int run;

    MainWindow window;
    final List<String> errors = new ArrayList<>();

    @BeforeAll
    static void makeStore() throws Exception {
        store = AnalysisProject.create(folder.resolve("project"));
    }

    @Start
    void start(Stage stage) throws Exception {
        Messages.setLocale(Messages.ENGLISH);
        ErrorDialogs.setPresenter(errors::add);
        run++;
        Path copy = folder.resolve("copy" + run + ".gpkg");
        Files.copy(store, copy);
        Files.createDirectories(folder.resolve("exports" + run));
        window = AnalysisTestSupport.window(stage, folder.resolve("home" + run), copy, folder.resolve("exports" + run));
    }

    @AfterEach
    void tearDown() {
        ErrorDialogs.setPresenter(null);
    }

    private NoiseMapDialog open(FxRobot robot) {
        waitUntil(() -> window.session() != null && !window.layers().topFirst().isEmpty(), 20);
        robot.clickOn("Analysis");
        robot.clickOn("#menuNoiseMap");
        waitUntil(() -> robot.lookup("#noiseMapDialog").tryQuery().isPresent(), 10);
        NoiseMapDialog d = (NoiseMapDialog) robot.lookup("#noiseMapDialog").query().getScene().getWindow();
        // the clip and zones come from the project: the built-up area by default
        waitUntil(() -> "bijiang_built_up_area".equals(d.form().clip.getValue()), 10);
        return d;
    }

    @Test
    void idwMapBecomesARasterLayerWithLegendGradeAndTheRightColours(FxRobot robot) throws Exception {
        NoiseMapDialog d = open(robot);
        // the defaults of a regional survey by day
        assertEquals("regional", d.form().survey.getValue());
        assertEquals("50", d.form().cellSize.getText());
        assertEquals(Method.OK, d.form().method.getValue());
        fx(() -> d.form().method.setValue(Method.IDW));
        robot.clickOn("#noiseRun");
        waitUntil(() -> d.result() != null && !d.isRunning(), 30);
        assertTrue(errors.isEmpty(), errors.toString());
        NoiseMapResult r = d.result();
        assertEquals(120, r.points().size());
        assertEquals(4545, r.crs());

        // a raster layer with the band classes as legend entries, listed in the tree
        RasterLayer raster = window.layers().rasters().stream().filter(l -> l.id().equals("noise_map_day")).findFirst().orElseThrow();
        assertEquals(r.classes().bands().size(), raster.legend().size());
        assertTrue(raster.legend().stream().anyMatch(e -> e.label().startsWith("45-50")), raster.legend().toString());
        assertTrue(robot.lookup("#visible-raster-noise_map_day").tryQuery().isPresent(), "the raster is in the layer tree");
        double[] without = fx(() -> LegendPainter.size("Legend", window.layers().visibleTopFirst(), List.of()));
        double[] with = fx(() -> LegendPainter.size("Legend", window.layers().visibleTopFirst(), window.layers().visibleRasters()));
        assertEquals(without[1] + 20 * (1 + raster.legend().size()), with[1], 1e-9, "a legend row per class");
        assertNull(window.layers().rasters().stream().filter(l -> l.id().endsWith("_variance")).findFirst().orElse(null),
                "IDW has no kriging variance");

        // HJ 640: the 120 points' mean day level 52.5 dB(A) is grade 2
        assertEquals(52.5, r.grade().mean(), 1e-9);
        String grade = fx(() -> d.resultsPane().grade().getText());
        assertTrue(grade.contains("Grade 2") && grade.contains("52.5") && grade.contains("120"), grade);
        assertEquals(1, fx(() -> d.resultsPane().shares().getItems().size()), "the one class-2 zone");

        // the raster colours the map: yellow (45-50 dB) in the west, orange (55-60 dB) in the east
        fx(() -> {
            window.layers().topFirst().forEach(l -> l.setVisible(false));
            raster.opacityProperty().set(1);
            window.mapPane().zoomTo(AnalysisProject.WEST, AnalysisProject.SOUTH, AnalysisProject.EAST, AnalysisProject.NORTH);
        });
        waitUntil(() -> window.mapPane().viewport().width() > 0, 5);
        double lat = AnalysisProject.lat(4) + 0.0009;
        int west = AnalysisTestSupport.mapPixel(window, AnalysisProject.lon(0) + 0.0005, lat);
        int east = AnalysisTestSupport.mapPixel(window, AnalysisProject.lon(11) - 0.0005, lat);
        int outside = AnalysisTestSupport.mapPixel(window, AnalysisProject.EAST + 0.01, lat);
        assertEquals(0xFFFFF03C, west, Integer.toHexString(west));
        assertEquals(0xFFFF8C28, east, Integer.toHexString(east));
        assertNotEquals(0xFFFF8C28, outside, "nothing is drawn outside the clip");
        // hidden in the tree, gone from the map
        fx(() -> raster.setVisible(false));
        waitUntil(() -> AnalysisTestSupport.mapPixel(window, AnalysisProject.lon(0) + 0.0005, lat) != west, 5);

        // export and save into the project
        Path tif = folder.resolve("exports" + run).resolve("day.tif");
        fx(() -> d.exportTo("tif", tif)).join();
        waitUntil(() -> Files.exists(tif), 10);
        assertTrue(Files.size(tif) > 1000);
        fx(() -> d.saveToProject());
        waitUntil(() -> window.layers().byId("noise_map_day_bands").isPresent(), 20);
        VectorLayer bands = window.layers().byId("noise_map_day_bands").orElseThrow();
        assertTrue(bands.style().categorised(), "the saved bands take the map's colours");
        assertTrue(window.layers().rasters().contains(raster), "re-reading the project keeps the rasters");
        assertTrue(errors.isEmpty(), errors.toString());
    }

    @Test
    void autoFillsTheMethodAndShowsTheVariogram(FxRobot robot) {
        NoiseMapDialog d = open(robot);
        fx(() -> d.form().method.setValue(Method.AUTO));
        robot.clickOn("#noiseAuto");
        waitUntil(() -> !d.isRunning() && !d.variogramPane().candidates().getItems().isEmpty(), 60);
        assertTrue(errors.isEmpty(), errors.toString());
        Method chosen = fx(() -> d.form().method.getValue());
        assertNotEquals(Method.AUTO, chosen, "Auto fills in the method it chose");
        assertEquals(7, d.variogramPane().candidates().getItems().size(), "four kriging models and three IDW powers");
        assertTrue(d.variogramPane().candidates().getItems().stream().anyMatch(c -> !c.note().isEmpty()));
        assertNotNull(d.variogramPane().chart().variogram(), "the empirical variogram is plotted");
        if (chosen == Method.OK) {
            assertNotNull(d.variogramPane().chart().model());
            assertFalse(fx(() -> d.form().range.getText()).isEmpty(), "the fitted model is filled in");
        }
        assertTrue(fx(() -> d.statusLabel().getText()).startsWith("Chosen:"), d.statusLabel().getText());
    }

    @Test
    void cancelStopsALongRunAndLeavesTheMapAlone(FxRobot robot) {
        NoiseMapDialog d = open(robot);
        // 5 m cells over 8 x 6.6 km (2 million cells) with global kriging: far too long to finish before Cancel
        fx(() -> d.form().cellSize.setText("5"));
        robot.clickOn("#noiseRun");
        waitUntil(d::isRunning, 5);
        robot.clickOn("#noiseCancel");
        waitUntil(() -> !d.isRunning(), 20);
        assertNull(d.result());
        assertTrue(window.layers().rasters().isEmpty());
        assertEquals(Messages.get("gui.noise.cancelled"), fx(() -> d.statusLabel().getText()));
        assertTrue(errors.isEmpty(), "cancelling is not an error: " + errors);
        assertFalse(window.status().busy());
    }
}
