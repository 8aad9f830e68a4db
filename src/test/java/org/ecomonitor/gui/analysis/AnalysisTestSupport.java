package org.ecomonitor.gui.analysis;

import javafx.scene.image.WritableImage;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.ecomonitor.gui.AppDirectories;
import org.ecomonitor.gui.FileDialogs;
import org.ecomonitor.gui.FxThread;
import org.ecomonitor.gui.MainWindow;
import org.ecomonitor.gui.WorkstationPreferences;
import org.ecomonitor.gui.map.MapViewport;
import org.ecomonitor.gui.map.Mercator;
import org.ecomonitor.gui.tiles.Basemap;
import org.ecomonitor.gui.tiles.Basemaps;
import org.ecomonitor.gui.tiles.TileSource;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** The analysis dialogs' GUI tests: a main window on a test store, no network, waiting for the FX thread. */
final class AnalysisTestSupport {

    static {
        // tests never touch the internet (as GuiTestSupport of the window's tests)
        System.setProperty("ecomonitor.offline", "true");
        System.setProperty("ecomonitor.basemap", "none");
    }

    private AnalysisTestSupport() {
    }

    /** A main window on a copy of {@code store}, whose save dialogs answer {@code exports/NAME}. */
    static MainWindow window(Stage stage, Path home, Path store, Path exports) {
        Basemaps.use(TileSource.NONE);
        AppDirectories dirs = new AppDirectories(home);
        WorkstationPreferences.load(dirs.preferencesFile()).setBasemap(Basemap.NONE);
        FileDialogs dialogs = new FileDialogs() {
            @Override
            public List<Path> open(Window owner, String title, List<FileChooser.ExtensionFilter> filters, boolean multiple) {
                return List.of();
            }

            @Override
            public Path save(Window owner, String title, String initialName, List<FileChooser.ExtensionFilter> filters) {
                return exports.resolve(initialName);
            }
        };
        MainWindow w = new MainWindow(stage, dirs, WorkstationPreferences.load(dirs.preferencesFile()), dialogs);
        stage.setWidth(1100);
        stage.setHeight(720);
        w.show(store);
        return w;
    }

    static void waitUntil(BooleanSupplier condition, int seconds) {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> {
                WaitForAsyncUtils.waitForFxEvents();
                return fx(condition::getAsBoolean);
            });
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("condition not met within " + seconds + " s", e);
        }
    }

    static void fx(Runnable r) {
        FxThread.run(r);
        WaitForAsyncUtils.waitForFxEvents();
    }

    static <T> T fx(Callable<T> c) {
        return FxThread.call(c);
    }

    /** The map pane's pixel (ARGB) at a longitude/latitude. */
    static int mapPixel(MainWindow window, double lon, double lat) {
        return fx(() -> {
            MapViewport vp = window.mapPane().viewport();
            WritableImage img = window.mapPane().snapshot(null, null);
            int x = (int) Math.round(vp.screenX(Mercator.x(lon)));
            int y = (int) Math.round(vp.screenY(Mercator.y(lat)));
            return img.getPixelReader().getArgb(x, y);
        });
    }

    /** A longitude/latitude as a point on the screen. */
    static javafx.geometry.Point2D onScreen(MainWindow window, double lon, double lat) {
        return fx(() -> {
            MapViewport vp = window.mapPane().viewport();
            return window.mapPane().localToScreen(vp.screenX(Mercator.x(lon)), vp.screenY(Mercator.y(lat)));
        });
    }
}
