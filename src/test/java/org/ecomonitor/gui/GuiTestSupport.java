package org.ecomonitor.gui;

import javafx.application.Platform;
import org.ecomonitor.gui.tiles.Basemap;
import org.ecomonitor.gui.tiles.Basemaps;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** Helpers of the headless GUI tests: no network, no tiles unless a test asks, waiting for the FX thread. */
final class GuiTestSupport {

    static {
        // tests never touch the internet: no online background by default, and online sources refuse non-loopback hosts
        System.setProperty("ecomonitor.offline", "true");
        System.setProperty("ecomonitor.basemap", "none");
    }

    private GuiTestSupport() {
    }

    static void init() {
        Basemaps.use(org.ecomonitor.gui.tiles.TileSource.NONE);
    }

    /** Application directories in a test folder, with preferences that choose no background. */
    static AppDirectories dirs(Path folder) {
        AppDirectories d = new AppDirectories(folder);
        WorkstationPreferences.load(d.preferencesFile()).setBasemap(Basemap.NONE);
        return d;
    }

    /** Waits (polling, FX events flushed) until the condition holds, at most {@code seconds}. */
    static void waitUntil(BooleanSupplier condition, int seconds) {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> {
                WaitForAsyncUtils.waitForFxEvents();
                return condition.getAsBoolean();
            });
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("condition not met within " + seconds + " s", e);
        }
    }

    static void fx(Runnable r) {
        FxThread.run(r);
        WaitForAsyncUtils.waitForFxEvents();
    }

    static <T> T fx(java.util.concurrent.Callable<T> c) {
        T t = FxThread.call(c);
        WaitForAsyncUtils.waitForFxEvents();
        return t;
    }

    static boolean onFx() {
        return Platform.isFxApplicationThread();
    }
}
