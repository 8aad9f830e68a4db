package org.ecomonitor.gui;

import com.sun.net.httpserver.HttpServer;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.image.WritableImage;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.ecomonitor.gui.dialogs.OfflineDownloadDialog;
import org.ecomonitor.gui.map.MapViewport;
import org.ecomonitor.gui.map.Mercator;
import org.ecomonitor.gui.map.VectorLayer;
import org.ecomonitor.gui.tiles.Basemap;
import org.ecomonitor.gui.tiles.Basemaps;
import org.ecomonitor.gui.tiles.MbtilesTileSource;
import org.ecomonitor.gui.tiles.TileRange;
import org.ecomonitor.i18n.Messages;
import org.ecomonitor.model.StationKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Offline use: a start whose online background cannot be reached still draws every vector layer at once, and an
 * area downloads from a tile server (a loopback server the test starts) into an MBTiles file that then serves as
 * the background.
 */
@ExtendWith(ApplicationExtension.class)
class OfflineTest {

    @TempDir
    static Path folder;
    static Path store;
    static int run;
    MainWindow window;

    @BeforeAll
    static void makeStore() throws Exception {
        GuiTestSupport.init();
        store = SmallProject.create(folder.resolve("project"));
    }

    @Start
    void start(Stage stage) throws Exception {
        Messages.setLocale(Messages.ENGLISH);
        AppDirectories dirs = new AppDirectories(folder.resolve("home" + run++));
        WorkstationPreferences prefs = WorkstationPreferences.load(dirs.preferencesFile());
        FileDialogs none = new FileDialogs() {
            @Override
            public List<Path> open(Window owner, String title, List<FileChooser.ExtensionFilter> filters, boolean multiple) {
                return List.of();
            }

            @Override
            public Path save(Window owner, String title, String initialName, List<FileChooser.ExtensionFilter> filters) {
                return null;
            }
        };
        window = new MainWindow(stage, dirs, prefs, none);
        stage.setWidth(1000);
        stage.setHeight(700);
        Path copy = folder.resolve("copy" + run + ".gpkg");
        Files.copy(store, copy);
        window.show(copy);
    }

    @AfterEach
    void noBackground() {
        Basemaps.use(null);
    }

    private void awaitLayers() {
        GuiTestSupport.waitUntil(() -> window.layers().topFirst().size() >= 4, 20);
        GuiTestSupport.fx(() -> window.mapPane().zoomTo(SmallProject.BBOX[0], SmallProject.BBOX[1], SmallProject.BBOX[2], SmallProject.BBOX[3]));
    }

    @Test
    void withAnUnreachableOnlineBackgroundEveryVectorLayerIsStillDrawn() {
        awaitLayers();
        long failedBefore = Basemaps.failed();
        // OpenStreetMap while offline: every tile fails at once (tests contact no host but loopback)
        GuiTestSupport.fx(() -> window.chooseBasemap(Basemap.OSM));
        GuiTestSupport.fx(() -> window.mapPane().zoomTo(SmallProject.BBOX[0], SmallProject.BBOX[1], SmallProject.BBOX[2], SmallProject.BBOX[3]));
        GuiTestSupport.waitUntil(() -> Basemaps.failed() > failedBefore && Basemaps.inFlight() == 0, 10);
        VectorLayer air = window.layers().stations().stream().filter(l -> l.kind() == StationKind.AIR).findFirst().orElseThrow();
        int pixel = GuiTestSupport.fx(() -> {
            MapViewport vp = window.mapPane().viewport();
            WritableImage img = window.mapPane().snapshot(null, null);
            return img.getPixelReader().getArgb((int) Math.round(vp.screenX(Mercator.x(SmallProject.A1[0]))),
                    (int) Math.round(vp.screenY(Mercator.y(SmallProject.A1[1]))));
        });
        assertEquals(MainWindowTest.argb(air.style().fillFor("国控")), pixel);
        assertTrue(window.layers().topFirst().stream().allMatch(VectorLayer::isVisible));
    }

    @Test
    void anAreaDownloadsFromALoopbackTileServerIntoMbtiles(FxRobot robot) throws Exception {
        awaitLayers();
        BufferedImage tile = new BufferedImage(256, 256, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 256; y++) {
            for (int x = 0; x < 256; x++) {
                tile.setRGB(x, y, 0x88aacc);
            }
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(tile, "png", png);
        byte[] bytes = png.toByteArray();
        AtomicInteger requests = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", ex -> {
            requests.incrementAndGet();
            boolean ok = ex.getRequestURI().getPath().matches("/\\d+/\\d+/\\d+\\.png");
            ex.sendResponseHeaders(ok ? 200 : 404, ok ? bytes.length : -1);
            if (ok) {
                ex.getResponseBody().write(bytes);
            }
            ex.close();
        });
        server.start();
        try {
            String template = "http://127.0.0.1:" + server.getAddress().getPort() + "/{z}/{x}/{y}.png";
            GuiTestSupport.fx(() -> window.chooseBasemap(new Basemap(Basemap.Type.CUSTOM, template)));
            OfflineDownloadDialog dialog = GuiTestSupport.fx(() -> window.openDownloadDialog());
            Path target = folder.resolve("bijiang.mbtiles");
            GuiTestSupport.fx(() -> {
                robot.lookup("#dlMinLon").queryAs(TextField.class).setText("109.10");
                robot.lookup("#dlMinLat").queryAs(TextField.class).setText("27.66");
                robot.lookup("#dlMaxLon").queryAs(TextField.class).setText("109.25");
                robot.lookup("#dlMaxLat").queryAs(TextField.class).setText("27.78");
                @SuppressWarnings("unchecked")
                Spinner<Integer> maxZoom = robot.lookup("#dlMaxZoom").queryAs(Spinner.class);
                maxZoom.getValueFactory().setValue(19);
                @SuppressWarnings("unchecked")
                Spinner<Integer> minZoom = robot.lookup("#dlMinZoom").queryAs(Spinner.class);
                minZoom.getValueFactory().setValue(9);
            });
            // the whole pyramid to zoom 19 is over the cap: refused before anything starts
            assertTrue(robot.lookup("#dlStart").query().isDisabled());
            GuiTestSupport.fx(() -> {
                @SuppressWarnings("unchecked")
                Spinner<Integer> maxZoom = robot.lookup("#dlMaxZoom").queryAs(Spinner.class);
                maxZoom.getValueFactory().setValue(12);
                robot.lookup("#dlTarget").queryAs(TextField.class).setText(target.toString());
            });
            long expected = new TileRange(109.10, 27.66, 109.25, 27.78, 9, 12).count();
            assertTrue(dialog.countLabel().getText().startsWith(expected + " tiles"), dialog.countLabel().getText());
            robot.clickOn("#dlStart");
            GuiTestSupport.waitUntil(() -> dialog.statusLabel().getText().contains("tiles written"), 30);
            try (var c = DriverManager.getConnection("jdbc:sqlite:" + target);
                 ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM tiles")) {
                rs.next();
                assertEquals(expected, rs.getLong(1));
            }
            // the file is now a background of its own: the map reads it, not the server
            GuiTestSupport.fx(() -> {
                dialog.close();
                window.useMbtiles(target);
            });
            assertInstanceOf(MbtilesTileSource.class, Basemaps.current());
            long x = (long) Math.floor((109.2 + 180) / 360 * (1 << 11));
            long y = (long) Math.floor(Mercator.y(27.7) * (1 << 11));
            assertNotNull(Basemaps.current().tile(11, x, y));
            assertEquals(Basemap.Type.MBTILES, window.basemap().get().type());
            assertTrue(requests.get() >= expected);
        } finally {
            server.stop(0);
        }
    }
}
