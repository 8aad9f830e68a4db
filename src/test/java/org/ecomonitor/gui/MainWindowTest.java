package org.ecomonitor.gui;

import javafx.geometry.Point2D;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuBar;
import javafx.scene.image.WritableImage;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.ecomonitor.gui.dialogs.ImportReportDialog;
import org.ecomonitor.gui.map.Mercator;
import org.ecomonitor.gui.map.MapTool;
import org.ecomonitor.gui.map.MapViewport;
import org.ecomonitor.gui.map.VectorLayer;
import org.ecomonitor.gui.table.AttributeTable;
import org.ecomonitor.i18n.Messages;
import org.ecomonitor.model.Feature;
import org.ecomonitor.model.StationKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The main window on a small store, driven headless with TestFX on Monocle. */
@ExtendWith(ApplicationExtension.class)
class MainWindowTest {

    @TempDir
    static Path folder;
    static Path store;
    static int run;

    MainWindow window;
    AppDirectories dirs;
    final List<Path> toOpen = new ArrayList<>();
    final List<String> errors = new ArrayList<>();

    @BeforeAll
    static void makeStore() throws Exception {
        GuiTestSupport.init();
        store = SmallProject.create(folder.resolve("project"));
    }

    @Start
    void start(Stage stage) {
        Messages.setLocale(Messages.ENGLISH);
        ErrorDialogs.setPresenter(errors::add);
        dirs = GuiTestSupport.dirs(folder.resolve("home" + (run++)));
        FileDialogs dialogs = new FileDialogs() {
            @Override
            public List<Path> open(Window owner, String title, List<FileChooser.ExtensionFilter> filters, boolean multiple) {
                return List.copyOf(toOpen);
            }

            @Override
            public Path save(Window owner, String title, String initialName, List<FileChooser.ExtensionFilter> filters) {
                return folder.resolve("export-" + initialName);
            }
        };
        window = new MainWindow(stage, dirs, WorkstationPreferences.load(dirs.preferencesFile()), dialogs);
        stage.setWidth(1100);
        stage.setHeight(720);
        Path copy = folder.resolve("copy" + run + ".gpkg");
        try {
            java.nio.file.Files.copy(store, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        window.show(copy);
    }

    @AfterEach
    void tearDown() {
        ErrorDialogs.setPresenter(null);
    }

    private void awaitLayers() {
        GuiTestSupport.waitUntil(() -> window.layers().topFirst().size() >= 4, 20);
        GuiTestSupport.fx(() -> window.mapPane().zoomTo(SmallProject.BBOX[0], SmallProject.BBOX[1], SmallProject.BBOX[2], SmallProject.BBOX[3]));
        GuiTestSupport.waitUntil(() -> window.mapPane().viewport().width() > 0, 5);
    }

    private VectorLayer layer(StationKind kind) {
        return window.layers().stations().stream().filter(l -> l.kind() == kind).findFirst().orElseThrow();
    }

    /** A station's position on the screen. */
    private Point2D onScreen(double[] lonLat) {
        return GuiTestSupport.fx(() -> {
            MapViewport vp = window.mapPane().viewport();
            return window.mapPane().localToScreen(vp.screenX(Mercator.x(lonLat[0])), vp.screenY(Mercator.y(lonLat[1])));
        });
    }

    /** The colour the map shows at a station, read from a snapshot of the map pane. */
    private int mapPixel(double[] lonLat) {
        return GuiTestSupport.fx(() -> {
            MapViewport vp = window.mapPane().viewport();
            WritableImage img = window.mapPane().snapshot(null, null);
            int x = (int) Math.round(vp.screenX(Mercator.x(lonLat[0])));
            int y = (int) Math.round(vp.screenY(Mercator.y(lonLat[1])));
            return img.getPixelReader().getArgb(x, y);
        });
    }

    @Test
    void startsOnASmallStoreWithItsLayersGroupedByKind(FxRobot robot) throws Exception {
        awaitLayers();
        Set<StationKind> kinds = window.layers().stations().stream().map(VectorLayer::kind).collect(Collectors.toSet());
        assertEquals(Set.of(StationKind.AIR, StationKind.SURFACE_WATER, StationKind.POLLUTION_SOURCE), kinds);
        assertEquals(List.of("rivers", "admin_areas"), window.layers().others().stream().map(VectorLayer::id).toList());
        assertEquals(2, layer(StationKind.AIR).data().size());
        assertTrue(window.stage().getTitle().contains(".gpkg"), window.stage().getTitle());
        assertTrue(errors.isEmpty(), errors.toString());
        Label sync = robot.lookup("#syncStatus").queryAs(Label.class);
        assertNotNull(sync);

        // the tree reorders within a group (the map draws the new order) and removes from the map
        VectorLayer first = window.layers().stations().get(0);
        GuiTestSupport.fx(() -> window.layerTree().move(first, 1));
        assertEquals(first, window.layers().stations().get(1));
        assertEquals(first, window.layers().drawOrder().get(window.layers().drawOrder().size() - 2));
        VectorLayer rivers = window.layers().byId("rivers").orElseThrow();
        GuiTestSupport.fx(() -> window.layerTree().moveTo(rivers, window.layers().byId("admin_areas").orElseThrow()));
        GuiTestSupport.fx(() -> window.layers().remove(window.layers().byId("admin_areas").orElseThrow()));
        assertTrue(window.layers().byId("admin_areas").isEmpty());

        // a style from the dialog is applied and saved as the kind's style file, which the next start reads
        VectorLayer air = layer(StationKind.AIR);
        org.ecomonitor.gui.map.LayerStyle edited = GuiTestSupport.fx(() ->
                new org.ecomonitor.gui.layers.StyleDialog(window.stage(), air).result().withSize(17));
        GuiTestSupport.fx(() -> window.applyStyle(air, edited));
        assertTrue(Files.exists(dirs.styles().resolve("air.style")));
        assertEquals(17, window.styles().load("air", org.ecomonitor.gui.map.GeometryFamily.POINT).size());
        assertEquals(air.style().categories().keySet(), edited.categories().keySet());

        // the view with its legend as a PNG
        Path png = folder.resolve("view" + run + ".png");
        GuiTestSupport.fx(() -> window.exportView(png)).join();
        assertTrue(Files.size(png) > 1000);
    }

    @Test
    void togglingALayerHidesItsSymbols(FxRobot robot) {
        awaitLayers();
        VectorLayer air = layer(StationKind.AIR);
        int before = mapPixel(SmallProject.A1);
        CheckBox box = robot.lookup("#visible-" + air.id().replace(':', '-')).queryAs(CheckBox.class);
        robot.clickOn(box);
        GuiTestSupport.waitUntil(() -> !air.isVisible(), 5);
        int after = mapPixel(SmallProject.A1);
        assertEquals(argb(air.style().fillFor("国控")), before);
        assertTrue(after != before, "the station's colour is gone when the layer is hidden");
        robot.clickOn(robot.lookup("#visible-" + air.id().replace(':', '-')).queryAs(CheckBox.class));
        GuiTestSupport.waitUntil(air::isVisible, 5);
        assertEquals(before, mapPixel(SmallProject.A1));
    }

    static int argb(javafx.scene.paint.Color c) {
        return (int) Math.round(c.getOpacity() * 255) << 24 | (int) Math.round(c.getRed() * 255) << 16
                | (int) Math.round(c.getGreen() * 255) << 8 | (int) Math.round(c.getBlue() * 255);
    }

    @Test
    void identifyOnAStationShowsItsLatestReadingsAndFlags(FxRobot robot) {
        awaitLayers();
        GuiTestSupport.fx(() -> window.mapPane().toolProperty().set(MapTool.IDENTIFY));
        robot.clickOn(onScreen(SmallProject.A1));
        GuiTestSupport.waitUntil(() -> window.identifyPopup().isShowing(), 10);
        String text = GuiTestSupport.fx(() -> texts(window.identifyPopup().content()));
        assertTrue(text.contains("碧江环境监测站"), text);
        assertTrue(text.contains("41"), text);
        assertTrue(text.contains("C (calibration)"), text);
        assertTrue(text.contains("2025-01-01 02:00"), text);
    }

    static String texts(javafx.scene.Parent p) {
        StringBuilder b = new StringBuilder();
        for (javafx.scene.Node n : p.lookupAll(".label")) {
            if (n instanceof Label l) {
                b.append(l.getText()).append('\n');
            }
        }
        return b.toString();
    }

    @Test
    void selectingRowsInTheAttributeTableSelectsOnTheMapAndBack(FxRobot robot) {
        awaitLayers();
        VectorLayer air = layer(StationKind.AIR);
        AttributeTable table = GuiTestSupport.fx(() -> window.openTable(air));
        Feature second = air.data().feature(1);
        GuiTestSupport.fx(() -> table.table().getSelectionModel().select(table.table().getItems().indexOf(second)));
        assertEquals(Set.of(second.fid()), window.selection().of(air.id()));
        // highlighted on the map
        assertEquals(argb(org.ecomonitor.gui.map.LayerPainter.HIGHLIGHT_FILL),
                mapPixel(new double[]{((org.locationtech.jts.geom.Point) second.geometry()).getX(), ((org.locationtech.jts.geom.Point) second.geometry()).getY()}));
        // a click with the select tool on the other station selects its row
        GuiTestSupport.fx(() -> window.mapPane().toolProperty().set(MapTool.SELECT));
        Feature first = air.data().feature(0);
        double[] p = {((org.locationtech.jts.geom.Point) first.geometry()).getX(), ((org.locationtech.jts.geom.Point) first.geometry()).getY()};
        robot.clickOn(onScreen(p));
        GuiTestSupport.waitUntil(() -> window.selection().of(air.id()).equals(Set.of(first.fid())), 5);
        assertEquals(List.of(first), GuiTestSupport.fx(() -> List.copyOf(table.table().getSelectionModel().getSelectedItems())));
        // a rectangle over the whole view selects in every visible layer; the table follows
        GuiTestSupport.fx(() -> window.mapPane().selectRectangle(0, 0, window.mapPane().getWidth(), window.mapPane().getHeight(), false));
        assertEquals(2, window.selection().of(air.id()).size());
        assertEquals(1, window.selection().of(layer(StationKind.SURFACE_WATER).id()).size());
        assertEquals(2, GuiTestSupport.fx(() -> table.table().getSelectionModel().getSelectedItems().size()));
        // filter
        GuiTestSupport.fx(() -> table.filterField().setText("学院"));
        assertEquals(1, GuiTestSupport.fx(() -> table.table().getItems().size()));
    }

    @Test
    void importingAFileByTheMenuShowsRejectedRowsWithFileAndLine(FxRobot robot) throws Exception {
        awaitLayers();
        Path csv = folder.resolve("more_stations.csv");
        Files.writeString(csv, """
                code,name,longitude,latitude,kind
                TST-G1,新井,109.200,27.700,groundwater
                TST-G2,坏井,abc,27.700,groundwater
                """, StandardCharsets.UTF_8);
        toOpen.add(csv);
        robot.clickOn("File");
        robot.clickOn("#menuImport");
        GuiTestSupport.waitUntil(() -> robot.lookup("#rejections").tryQuery().isPresent(), 20);
        @SuppressWarnings("unchecked")
        javafx.scene.control.TableView<org.ecomonitor.model.Rejection> rejections =
                robot.lookup("#rejections").queryAs(javafx.scene.control.TableView.class);
        assertEquals(1, rejections.getItems().size());
        assertEquals("more_stations.csv:3", rejections.getItems().get(0).where());
        GuiTestSupport.waitUntil(() -> window.layers().stations().stream().anyMatch(l -> l.kind() == StationKind.GROUNDWATER), 10);
        GuiTestSupport.fx(() -> robot.lookup("#importReport").query().getScene().getWindow().hide());
    }

    @Test
    void theLanguageSwitchesEveryText(FxRobot robot) {
        awaitLayers();
        robot.clickOn("Settings");
        robot.clickOn("Language");
        robot.clickOn("#menuLangZh");
        GuiTestSupport.waitUntil(() -> menuTexts(robot).contains("文件"), 5);
        assertTrue(menuTexts(robot).containsAll(List.of("文件", "视图", "工具", "设置", "帮助")));
        assertEquals("环境空气", layer(StationKind.AIR).title());
        GuiTestSupport.fx(() -> window.setLanguage(Messages.ENGLISH));
        assertTrue(menuTexts(robot).contains("File"));
        assertEquals("en", WorkstationPreferences.load(dirs.preferencesFile()).language());
    }

    private List<String> menuTexts(FxRobot robot) {
        return GuiTestSupport.fx(() -> robot.lookup("#menuBar").queryAs(MenuBar.class).getMenus().stream().map(m -> m.getText()).toList());
    }

    @Test
    void searchFindsAStationByNameAndMeasureIsGeodesic(FxRobot robot) {
        awaitLayers();
        assertTrue(GuiTestSupport.fx(() -> window.search("锦江断面")));
        VectorLayer water = layer(StationKind.SURFACE_WATER);
        assertEquals(1, window.selection().of(water.id()).size());
        GuiTestSupport.fx(() -> {
            window.mapPane().toolProperty().set(MapTool.MEASURE_DISTANCE);
            window.mapPane().addMeasurePoint(109.0, 27.0);
            window.mapPane().addMeasurePoint(109.0, 28.0);
        });
        // one degree of latitude at 27.5°N on GRS80: 110.8 km
        String m = window.mapPane().measurementProperty().get();
        assertTrue(m.contains("110.8"), m);
        // the wheel zooms by half a level around the pointer
        double before = GuiTestSupport.fx(() -> window.mapPane().viewport().zoom());
        robot.moveTo(onScreen(SmallProject.W1));
        robot.scroll(1, javafx.geometry.VerticalDirection.UP);
        GuiTestSupport.waitUntil(() -> Math.abs(Math.abs(window.mapPane().viewport().zoom() - before) - 0.5) < 1e-6, 5);
    }
}
