package org.ecomonitor.gui;

import javafx.geometry.Point2D;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.ecomonitor.gui.charts.ChartSeries;
import org.ecomonitor.gui.charts.SeriesChart;
import org.ecomonitor.gui.map.MapViewport;
import org.ecomonitor.gui.map.Mercator;
import org.ecomonitor.gui.trend.TrendStep;
import org.ecomonitor.gui.trend.TrendWindow;
import org.ecomonitor.i18n.Messages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.w3c.dom.Document;

import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The trend window (issue 6) on a store with two years of hourly PM2.5, opened by a double click on the station. */
@ExtendWith(ApplicationExtension.class)
class TrendWindowTest {

    @TempDir
    static Path folder;
    static Path store;
    static int run;

    MainWindow window;
    final List<String> errors = new ArrayList<>();

    @BeforeAll
    static void makeStore() throws Exception {
        GuiTestSupport.init();
        store = MonitoringProject.create(folder.resolve("project"));
    }

    @Start
    void start(Stage stage) throws Exception {
        Messages.setLocale(Messages.ENGLISH);
        ErrorDialogs.setPresenter(errors::add);
        AppDirectories dirs = GuiTestSupport.dirs(folder.resolve("home" + (run++)));
        FileDialogs dialogs = new FileDialogs() {
            @Override
            public List<Path> open(Window owner, String title, List<FileChooser.ExtensionFilter> filters, boolean multiple) {
                return List.of();
            }

            @Override
            public Path save(Window owner, String title, String initialName, List<FileChooser.ExtensionFilter> filters) {
                return folder.resolve("export-" + run + "-" + initialName);
            }
        };
        window = new MainWindow(stage, dirs, WorkstationPreferences.load(dirs.preferencesFile()), dialogs);
        stage.setWidth(1100);
        stage.setHeight(720);
        Path copy = folder.resolve("copy" + run + ".gpkg");
        Files.copy(store, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        window.show(copy);
    }

    @AfterEach
    void tearDown() {
        ErrorDialogs.setPresenter(null);
    }

    private void awaitLayers() {
        GuiTestSupport.waitUntil(() -> window.layers().stations().size() >= 2, 20);
        GuiTestSupport.fx(() -> window.mapPane().zoomTo(MonitoringProject.BBOX[0], MonitoringProject.BBOX[1],
                MonitoringProject.BBOX[2], MonitoringProject.BBOX[3]));
        GuiTestSupport.waitUntil(() -> window.mapPane().viewport().width() > 0, 5);
    }

    private Point2D onScreen(double[] lonLat) {
        return GuiTestSupport.fx(() -> {
            MapViewport vp = window.mapPane().viewport();
            return window.mapPane().localToScreen(vp.screenX(Mercator.x(lonLat[0])), vp.screenY(Mercator.y(lonLat[1])));
        });
    }

    private TrendWindow awaitTrend() throws Exception {
        GuiTestSupport.waitUntil(() -> window.monitoring().trendWindow() != null, 10);
        TrendWindow t = window.monitoring().trendWindow();
        GuiTestSupport.waitUntil(() -> !t.shown().isEmpty(), 30);
        t.loading().get(30, TimeUnit.SECONDS);
        return t;
    }

    @Test
    void doubleClickOnAStationShowsItsTrendLimitExceedancesAndMissingMonths(FxRobot robot) throws Exception {
        awaitLayers();
        robot.doubleClickOn(onScreen(MonitoringProject.A1));
        TrendWindow trend = awaitTrend();
        assertTrue(errors.isEmpty(), errors.toString());
        assertEquals("TST-A1", trend.shown().get(0).station().code());
        assertEquals("a34004", trend.shown().get(0).parameter().code());

        // the verdict in words: PM2.5 falls by about 6 µg/m³ a year
        String verdict = GuiTestSupport.fx(() -> trend.panel().verdict().getText());
        assertTrue(verdict.contains(Messages.get(Messages.ENGLISH, "trend.direction.down")), verdict);
        assertTrue(verdict.contains("Sen slope -"), verdict);
        assertEquals(1, GuiTestSupport.fx(() -> trend.panel().stats().getItems().size()));

        // as measured: the limit line, the exceedances marked, the calibration readings shown apart
        SeriesChart.Rendered r = trend.chart().rendered();
        assertEquals(1, r.limits().size());
        assertEquals(75.0, r.limits().get(0).value(), 1e-9);
        assertTrue(r.exceedancesInView() >= 12 * 18, "exceedances in view: " + r.exceedancesInView());
        assertTrue(r.exceedanceMarkers() > 10, "exceedance markers: " + r.exceedanceMarkers());
        assertTrue(r.flaggedMarkers() > 10, "flagged markers: " + r.flaggedMarkers());
        assertTrue(r.pointsDrawn() < 17_520 && r.pointsDrawn() > 500, "decimated: " + r.pointsDrawn());
        ChartSeries line = trend.chart().series().get(0);
        assertTrue(java.util.Arrays.stream(line.values()).noneMatch(v -> v == 300), "flag C readings are not in the line");

        // monthly means: March 2024 (20 valid days) is missing, shaded, never averaged
        GuiTestSupport.fx(() -> trend.step().setValue(TrendStep.MONTHLY));
        GuiTestSupport.waitUntil(() -> trend.chart().series().size() == 1 && trend.chart().series().get(0).size() == 24, 20);
        trend.loading().get(30, TimeUnit.SECONDS);
        long march = LocalDate.of(2024, 3, 1).atStartOfDay(ZoneId.of("Asia/Shanghai")).toInstant().toEpochMilli();
        r = trend.chart().rendered();
        assertEquals(List.of(march), r.missingPeriods());
        ChartSeries monthly = trend.chart().series().get(0);
        assertTrue(Double.isNaN(monthly.values()[14]), "March 2024 has no value");
        assertTrue(monthly.missing().get(0).reason().contains("20"), monthly.missing().get(0).reason());

        // the early warning needs 25 months for a monthly forecast: the window says so
        assertTrue(!r.forecast());
        String note = GuiTestSupport.fx(() -> ((javafx.scene.control.Label) trend.panel().node().lookup("#forecastNote")).getText());
        assertTrue(note.contains("25"), note);

        // exports: PNG, SVG (XML with a polyline), CSV
        Path png = folder.resolve("trend.png");
        Path svg = folder.resolve("trend.svg");
        Path csv = folder.resolve("trend.csv");
        GuiTestSupport.fx(() -> trend.exportPng(png)).get(20, TimeUnit.SECONDS);
        GuiTestSupport.fx(() -> trend.exportSvg(svg)).get(20, TimeUnit.SECONDS);
        GuiTestSupport.fx(() -> trend.exportData(csv)).get(20, TimeUnit.SECONDS);
        assertTrue(Files.size(png) > 5000);
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(svg.toFile());
        assertEquals("svg", doc.getDocumentElement().getNodeName());
        assertTrue(doc.getElementsByTagName("polyline").getLength() >= 1);
        assertTrue(doc.getElementsByTagName("text").getLength() > 10);
        List<String> lines = Files.readAllLines(csv);
        assertTrue(lines.get(0).contains("station"), lines.get(0));
        assertEquals(1 + 24 + 0, lines.size(), "24 months");
        Path xlsx = folder.resolve("trend.xlsx");
        GuiTestSupport.fx(() -> trend.exportData(xlsx)).get(20, TimeUnit.SECONDS);
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(Files.newInputStream(xlsx))) {
            var sheet = wb.getSheetAt(0);
            assertEquals(24, sheet.getLastRowNum());
            assertEquals(org.apache.poi.ss.usermodel.CellType.NUMERIC, sheet.getRow(1).getCell(5).getCellType());
            assertTrue(sheet.getRow(15).getCell(5) == null, "March 2024 is an empty cell, not a number");
        }

        // daily values: a forecast band with the probability of exceeding the limit per coming day
        GuiTestSupport.fx(() -> trend.step().setValue(TrendStep.DAILY));
        GuiTestSupport.waitUntil(() -> trend.chart().series().get(0).size() > 700, 20);
        trend.loading().get(30, TimeUnit.SECONDS);
        GuiTestSupport.waitUntil(() -> trend.chart().rendered().forecast(), 10);
        assertEquals(12, GuiTestSupport.fx(() -> trend.panel().forecast().getItems().size()));
        assertTrue(trend.chart().forecast().exceedance()[0] >= 0 && trend.chart().forecast().exceedance()[0] <= 1);

        // the calendar colours the planted day (100 µg/m³ all day: IAQI 132, lightly polluted) in its AQI colour
        GuiTestSupport.fx(() -> trend.tabs().getSelectionModel().select(2));
        Color expected = Color.rgb(255, 126, 0);
        assertEquals(expected, trend.calendar().colourOf(MonitoringProject.PLANTED_DAY));
        Color seen = GuiTestSupport.fx(() -> {
            double[] c = trend.calendar().cellCentre(MonitoringProject.PLANTED_DAY);
            WritableImage img = trend.calendar().canvas().snapshot(null, null);
            return img.getPixelReader().getColor((int) c[0], (int) c[1]);
        });
        assertEquals(expected.getRed(), seen.getRed(), 0.02);
        assertEquals(expected.getGreen(), seen.getGreen(), 0.02);
        assertEquals(expected.getBlue(), seen.getBlue(), 0.02);
        assertNotNull(trend.boxPlot().boxes());
        assertEquals(12, trend.boxPlot().boxes().size());
        assertTrue(errors.isEmpty(), errors.toString());
    }

    @Test
    void stationsColouredByLatestClassAndTheIdentifyPopupOpensTheTrend(FxRobot robot) throws Exception {
        awaitLayers();
        var water = window.layers().stations().stream().filter(l -> l.kind() == org.ecomonitor.model.StationKind.SURFACE_WATER)
                .findFirst().orElseThrow();
        var ownStyle = water.style();
        // the latest ammonia sample (1.6 mg/L in December 2024) is GB 3838 class V
        GuiTestSupport.fx(() -> window.monitoring().colourByLatestClass(org.ecomonitor.model.StationKind.SURFACE_WATER, true))
                .get(10, TimeUnit.SECONDS);
        GuiTestSupport.waitUntil(() -> water.style().categorised(), 5);
        assertEquals("Class V", water.data().feature(0).getString(org.ecomonitor.gui.layers.LatestClassColouring.FIELD));
        assertEquals(Color.web("#ff9b00"), water.style().fillFor("Class V"));
        assertEquals(MainWindowTest.argb(Color.web("#ff9b00")), GuiTestSupport.fx(() -> {
            MapViewport vp = window.mapPane().viewport();
            WritableImage img = window.mapPane().snapshot(null, null);
            return img.getPixelReader().getArgb((int) Math.round(vp.screenX(Mercator.x(MonitoringProject.W1[0]))),
                    (int) Math.round(vp.screenY(Mercator.y(MonitoringProject.W1[1]))));
        }));
        // air stations by their latest daily AQI category
        GuiTestSupport.fx(() -> window.monitoring().colourByLatestClass(org.ecomonitor.model.StationKind.AIR, true)).get(10, TimeUnit.SECONDS);
        var air = window.layers().stations().stream().filter(l -> l.kind() == org.ecomonitor.model.StationKind.AIR).findFirst().orElseThrow();
        GuiTestSupport.waitUntil(() -> air.style().categorised(), 5);
        String category = air.data().features().stream().filter(f -> "TST-A1".equals(f.getString("code"))).findFirst().orElseThrow()
                .getString(org.ecomonitor.gui.layers.LatestClassColouring.FIELD);
        assertTrue(org.ecomonitor.analysis.standards.AqiCategory.all().stream().anyMatch(c -> c.nameEn().equals(category)), category);
        // off again: the layer's own style
        GuiTestSupport.fx(() -> window.monitoring().colourByLatestClass(org.ecomonitor.model.StationKind.SURFACE_WATER, false));
        assertEquals(ownStyle, water.style());

        // identify a station: its popup has a button to the trend chart
        GuiTestSupport.fx(() -> window.mapPane().toolProperty().set(org.ecomonitor.gui.map.MapTool.IDENTIFY));
        robot.clickOn(onScreen(MonitoringProject.A2));
        GuiTestSupport.waitUntil(() -> window.identifyPopup().isShowing(), 10);
        robot.clickOn("#identifyStationAction");
        TrendWindow trend = awaitTrend();
        assertEquals("TST-A2", trend.shown().get(0).station().code());
        assertTrue(errors.isEmpty(), errors.toString());
    }
}
