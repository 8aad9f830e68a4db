package org.ecomonitor.gui;

import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.ecomonitor.gui.map.CjkFont;
import org.ecomonitor.gui.tiles.Basemap;
import org.ecomonitor.i18n.Messages;
import org.ecomonitor.i18n.UserException;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;

/**
 * Starts the workstation: the main window, or with {@code --snapshot} a PNG of a project's map without a window.
 * The command line ({@code org.ecomonitor.cli}) calls {@link #launchWindow} and prints what it returns.
 * <p>
 * The language comes from {@code --lang}, else the preferences, else the system. Without a display (a Linux
 * server or CI) JavaFX's headless platform is chosen, so snapshots work there too.
 */
public final class Workstation {

    /** System property: a file that receives the milliseconds from JVM start to the ready window (benchmarks). */
    public static final String READY_FILE = "ecomonitor.benchmark.readyFile";

    private Workstation() {
    }

    public static LaunchResult launchWindow(String[] args) {
        WindowOptions options;
        try {
            options = WindowOptions.parse(args);
        } catch (UserException e) {
            return LaunchResult.error(2, e.getMessage());
        }
        AppDirectories dirs = AppDirectories.forUser();
        WorkstationPreferences prefs = WorkstationPreferences.load(dirs.preferencesFile());
        chooseLanguage(options.language(), prefs);
        if (options.snapshot() != null) {
            HeadlessPlatform.choose();
        } else {
            HeadlessPlatform.chooseIfNeeded();
        }
        try {
            if (options.snapshot() != null) {
                return snapshot(options, dirs, prefs);
            }
            return window(options, dirs, prefs);
        } catch (UserException e) {
            return LaunchResult.error(1, e.getMessage());
        } catch (Exception e) {
            return LaunchResult.error(1, ErrorDialogs.message(e));
        }
    }

    /** Sets the language: the option, else the saved preference, else the system's. */
    static void chooseLanguage(Locale option, WorkstationPreferences prefs) {
        if (option != null) {
            Messages.setLocale(option);
        } else if (prefs.language() != null) {
            Messages.setLocale(Locale.forLanguageTag(prefs.language()));
        } else {
            Messages.setLocale(Messages.defaultLocale());
        }
    }

    private static void startToolkit() throws InterruptedException {
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
    }

    private static LaunchResult snapshot(WindowOptions o, AppDirectories dirs, WorkstationPreferences prefs) throws Exception {
        if (!Files.isRegularFile(o.store())) {
            throw new UserException("store.missing", o.store());
        }
        // read the layers while the toolkit starts
        java.util.concurrent.CompletableFuture<ProjectLoader.Layers> layers = java.util.concurrent.CompletableFuture.supplyAsync(
                () -> MapSnapshot.load(o.store(), dirs));
        startToolkit();
        Platform.setImplicitExit(false);
        try {
            Basemap background = Basemap.parse(System.getProperty("ecomonitor.basemap"), prefs.basemap());
            MapSnapshot.Result r = MapSnapshot.render(layers.join(), o.snapshot(), o.width(), o.height(), o.bbox(), background, dirs);
            String text = Messages.get("gui.snapshot.done", r.file(), o.width(), o.height(), r.layers(), r.firstFrameMillis(),
                    r.renderMillis()) + (r.tilesFailed() > 0 ? " " + Messages.get("gui.snapshot.tiles_failed", r.tilesFailed()) : "");
            return new LaunchResult(0, text, r.file(), r.firstFrameMillis());
        } finally {
            Platform.exit();
        }
    }

    /** The project a window opens: the given one, else the last one, else the sample when it exists. */
    static Path initialProject(WindowOptions o, AppDirectories dirs, WorkstationPreferences prefs) {
        if (o.store() != null) {
            return o.store();
        }
        if (prefs.lastProject() != null && Files.isRegularFile(prefs.lastProject())) {
            return prefs.lastProject();
        }
        return Files.isRegularFile(dirs.sampleProject()) ? dirs.sampleProject() : null;
    }

    private static LaunchResult window(WindowOptions o, AppDirectories dirs, WorkstationPreferences prefs) throws Exception {
        CountDownLatch closed = new CountDownLatch(1);
        // open the store and read its layers while the toolkit starts: the window shows them as soon as it is up
        Path project = initialProject(o, dirs, prefs);
        java.util.concurrent.CompletableFuture<ProjectSession> opening = project == null ? null : ProjectSession.open(project);
        if (opening != null) {
            opening.thenAccept(s -> s.prefetchLayers(new org.ecomonitor.gui.map.StyleFiles(dirs.styles())));
        }
        startToolkit();
        Platform.runLater(() -> {
            Stage stage = new Stage();
            MainWindow window = new MainWindow(stage, dirs, prefs, FileDialogs.NATIVE);
            // as large as asked (1600×1000 by default) but never larger than the screen (1366×768 laptops)
            javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
            stage.setWidth(Math.min(o.width(), screen.getWidth()));
            stage.setHeight(Math.min(o.height(), screen.getHeight()));
            stage.addEventHandler(javafx.stage.WindowEvent.WINDOW_HIDDEN, e -> closed.countDown());
            String readyFile = System.getProperty(READY_FILE);
            if (readyFile != null) {
                window.onReady(() -> Platform.runLater(() -> {
                    long ms = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
                    try {
                        Files.writeString(Path.of(readyFile), Long.toString(ms));
                    } catch (IOException e) {
                        // the benchmark reports the missing file
                    }
                    stage.close();
                }));
            }
            window.show(project, opening);
            if (o.bbox() != null) {
                window.onReady(() -> window.mapPane().zoomTo(o.bbox()[0], o.bbox()[1], o.bbox()[2], o.bbox()[3]));
            }
        });
        closed.await();
        Platform.exit();
        return LaunchResult.ok();
    }

    /** The application's style sheet and a CJK-capable font for a scene. */
    public static void applyLook(Scene scene) {
        URL css = Workstation.class.getResource("/styles/app.css");
        if (css != null) {
            scene.getStylesheets().add(css.toExternalForm());
        }
        scene.getRoot().setStyle("-fx-font-family: \"" + CjkFont.family() + "\";");
    }
}
