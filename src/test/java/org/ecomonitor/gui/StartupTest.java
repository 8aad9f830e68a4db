package org.ecomonitor.gui;

import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.ecomonitor.i18n.Messages;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Which project a start opens: the last one from the preferences, else the sample project in the user's folder
 * (created on the very first start: that import of 3.6 million readings is measured by WorkstationBenchmark, here
 * the sample store is put in place beforehand). The sample's files travel inside the application.
 */
@ExtendWith(ApplicationExtension.class)
class StartupTest {

    @TempDir
    static Path folder;
    static Path store;
    static int run;
    MainWindow window;
    AppDirectories dirs;

    @BeforeAll
    static void makeStore() throws Exception {
        GuiTestSupport.init();
        store = SmallProject.create(folder.resolve("project"));
    }

    @Start
    void start(Stage stage) throws Exception {
        Messages.setLocale(Messages.ENGLISH);
        dirs = GuiTestSupport.dirs(folder.resolve("home" + run++));
        Files.createDirectories(dirs.sampleProject().getParent());
        Files.copy(store, dirs.sampleProject());
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
        window = new MainWindow(stage, dirs, WorkstationPreferences.load(dirs.preferencesFile()), none);
    }

    @Test
    void withoutALastProjectTheSampleOpensAndIsRememberedAsLast() throws Exception {
        GuiTestSupport.fx(() -> window.show(null));
        GuiTestSupport.waitUntil(() -> window.layers().topFirst().size() >= 4, 20);
        assertEquals(dirs.sampleProject().toAbsolutePath().normalize(), window.session().path());
        WorkstationPreferences prefs = WorkstationPreferences.load(dirs.preferencesFile());
        assertEquals(dirs.sampleProject().toAbsolutePath().normalize(), prefs.lastProject());
        // the next start opens the last project
        Path other = folder.resolve("other" + run + ".gpkg");
        Files.copy(store, other);
        prefs.projectOpened(other);
        assertEquals(other.toAbsolutePath().normalize(),
                Workstation.initialProject(WindowOptions.parse(), dirs, WorkstationPreferences.load(dirs.preferencesFile())));
        assertEquals(Path.of("x.gpkg"), Workstation.initialProject(WindowOptions.parse("--store", "x.gpkg"), dirs, prefs));
    }

    @Test
    void aProjectIsWrittenBesideItsTargetAndMovedInPlaceWhenComplete() throws Exception {
        Path files = SmallProject.writeFiles(folder.resolve("files" + run));
        Path target = folder.resolve("made" + run).resolve("tongren.gpkg");
        Path part = SampleProject.partOf(target);
        assertEquals("tongren.creating.gpkg", part.getFileName().toString());
        var report = SampleProject.importInto(files, target, part, org.ecomonitor.model.Progress.NONE);
        assertTrue(report.landed());
        assertTrue(Files.isRegularFile(target));
        assertTrue(!Files.exists(part));
    }

    @Test
    void theSampleProjectTravelsInsideTheApplication() {
        assertNotNull(SampleProject.class.getResource(SampleProject.RESOURCE));
        assertNotNull(SampleProject.class.getResource("/samples/tongren/stations/air_stations.csv"));
        assertNotNull(SampleProject.class.getResource("/styles/app.css"));
        assertNotNull(SampleProject.class.getResource("/styles/layers/air.style"));
        assertTrue(Files.isRegularFile(dirs.sampleProject()));
    }
}
