package org.ecomonitor.gui;

import javafx.scene.control.Label;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.ecomonitor.gui.sync.ConflictsDialog;
import org.ecomonitor.gui.sync.SyncSettingsDialog;
import org.ecomonitor.i18n.Messages;
import org.ecomonitor.model.Feature;
import org.ecomonitor.model.Progress;
import org.ecomonitor.model.Station;
import org.ecomonitor.model.StationKind;
import org.ecomonitor.server.Role;
import org.ecomonitor.server.ServerDatabase;
import org.ecomonitor.server.SyncServer;
import org.ecomonitor.server.UserDirectory;
import org.ecomonitor.store.ProjectStore;
import org.ecomonitor.sync.SyncClient;
import org.ecomonitor.sync.SyncState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 7 in the window, against a sync server the test starts on loopback: server and login in the dialog, Sync
 * now pulls a station another workstation sent, the status bar shows the last sync, and a conflict made by the
 * two workstations is shown side by side and resolved with "theirs".
 */
@ExtendWith(ApplicationExtension.class)
class SyncWindowTest {

    static final String PASSWORD = "correct horse battery";

    @TempDir
    Path folder;

    MainWindow window;
    ServerDatabase db;
    SyncServer server;
    final List<String> errors = new ArrayList<>();

    @Start
    void start(Stage stage) {
        Messages.setLocale(Messages.ENGLISH);
        ErrorDialogs.setPresenter(errors::add);
        GuiTestSupport.init();
        AppDirectories dirs = GuiTestSupport.dirs(folder.resolve("home"));
        FileDialogs dialogs = new FileDialogs() {
            @Override
            public List<Path> open(Window owner, String title, List<FileChooser.ExtensionFilter> filters, boolean multiple) {
                return List.of();
            }

            @Override
            public Path save(Window owner, String title, String initialName, List<FileChooser.ExtensionFilter> filters) {
                return null;
            }
        };
        window = new MainWindow(stage, dirs, WorkstationPreferences.load(dirs.preferencesFile()), dialogs);
        window.monitoring().sync().timing(java.time.Duration.ofMinutes(5), java.time.Duration.ofMillis(200), java.time.Duration.ofSeconds(1));
        stage.setWidth(1100);
        stage.setHeight(720);
        window.show(folder.resolve("field.gpkg"));
    }

    @AfterEach
    void tearDown() {
        ErrorDialogs.setPresenter(null);
        GuiTestSupport.fx(() -> window.stage().close());
        if (server != null) {
            server.close();
        }
        if (db != null) {
            db.close();
        }
    }

    static void station(ProjectStore store, String name) {
        store.inTransaction(() -> store.stations().upsert(new Station("S1", name, StationKind.AIR, 109.19, 27.72, "520602",
                null, Map.of("level", "国控"))));
    }

    private SyncState state() {
        return GuiTestSupport.fx(() -> window.monitoring().sync().state());
    }

    @Test
    void loginSyncNowAndAConflictResolvedWithTheirs(FxRobot robot) throws Exception {
        db = ServerDatabase.open("sqlite:" + folder.resolve("centre.db"));
        new UserDirectory(db).add("ana", Role.ANALYST, Set.of(), PASSWORD.toCharArray(), "test");
        server = SyncServer.start(db, SyncServer.Options.defaults(0).withHost("127.0.0.1"));
        URI url = URI.create("http://127.0.0.1:" + server.port() + "/");
        try (ProjectStore other = ProjectStore.create(folder.resolve("other.gpkg"))) {
            // another workstation sends a station
            station(other, "碧江一号");
            SyncClient a = new SyncClient(other);
            a.configure(url, "ana");
            a.login(PASSWORD.toCharArray());
            a.sync(Progress.NONE);

            // this project has no server yet
            GuiTestSupport.waitUntil(() -> state() != null && state().status() == SyncState.Status.NOT_CONFIGURED, 20);
            Label slot = robot.lookup("#syncStatus").queryAs(Label.class);
            assertEquals(Messages.get("gui.status.sync_none"), GuiTestSupport.fx(slot::getText));

            // Sync now without a server asks for it: settings and login in the dialog
            robot.clickOn("#syncNowButton");
            GuiTestSupport.waitUntil(() -> window.monitoring().settingsDialog() != null, 10);
            SyncSettingsDialog dialog = window.monitoring().settingsDialog();
            robot.clickOn("#syncServer").write("127.0.0.1:" + server.port());
            robot.clickOn("#syncUser").write("ana");
            robot.clickOn("#syncPassword").write("wrong");
            robot.clickOn("#syncLogin");
            GuiTestSupport.waitUntil(() -> dialog.message().getText().contains("ana") || dialog.message().getText().contains("password"), 15);
            assertTrue(dialog.isShowing(), "a wrong password keeps the dialog open: " + dialog.message().getText());
            robot.clickOn("#syncPassword").write(PASSWORD);
            robot.clickOn("#syncLogin");
            GuiTestSupport.waitUntil(() -> !dialog.isShowing(), 15);

            // logged in: it syncs at once and pulls the station; the map shows it
            GuiTestSupport.waitUntil(() -> state().status() == SyncState.Status.ONLINE && state().lastSyncMs() > 0, 30);
            GuiTestSupport.waitUntil(() -> window.layers().stations().stream()
                    .anyMatch(l -> l.data().features().stream().map(f -> f.getString("code")).anyMatch("S1"::equals)), 15);
            String last = DateTimeFormatter.ofPattern("HH:mm").format(Instant.ofEpochMilli(state().lastSyncMs()).atZone(ZoneId.systemDefault()));
            GuiTestSupport.waitUntil(() -> slot.getText().contains("last sync") && slot.getText().contains(last), 5);
            assertTrue(window.session().call(s -> s.stations().find("S1").isPresent()).get());
            assertTrue(GuiTestSupport.fx(() -> window.monitoring().sync().log().entries().stream()
                    .anyMatch(e -> e.text().contains("Logged in"))));

            // both workstations rename S1: theirs reaches the server first
            station(other, "A 改名");
            a.sync(Progress.NONE);
            window.session().call(s -> {
                station(s, "B 改名");
                return null;
            }).get(10, TimeUnit.SECONDS);
            robot.clickOn("#syncNowButton");
            GuiTestSupport.waitUntil(() -> state().conflicts() == 1 && state().status() == SyncState.Status.ONLINE, 30);
            GuiTestSupport.waitUntil(() -> slot.getText().contains("1 conflicts"), 5);

            // the conflicts dialog: both copies side by side; "theirs" wins
            robot.clickOn("Sync");
            robot.clickOn("#menuSyncConflicts");
            GuiTestSupport.waitUntil(() -> window.monitoring().conflictsDialog() != null, 10);
            ConflictsDialog conflicts = window.monitoring().conflictsDialog();
            GuiTestSupport.waitUntil(() -> conflicts.list().getItems().size() == 1, 10);
            String shown = GuiTestSupport.fx(() -> MainWindowTest.texts(conflicts.stage().getScene().getRoot()));
            assertTrue(shown.contains("B 改名") && shown.contains("A 改名"), shown);
            robot.clickOn("#resolveTheirs");
            GuiTestSupport.waitUntil(() -> conflicts.list().getItems().isEmpty(), 15);
            assertEquals("A 改名", window.session().call(s -> s.stations().find("S1").orElseThrow().name()).get());
            GuiTestSupport.waitUntil(() -> state().conflicts() == 0 && state().pending() == 0
                    && state().status() == SyncState.Status.ONLINE, 30);

            // the project keeps the token, never the password; opened again, it syncs by itself
            long passwordRows = window.session().call(s -> {
                try (var st = s.connection().prepareStatement("SELECT count(*) FROM sync_state WHERE value LIKE ?")) {
                    st.setString(1, "%" + PASSWORD + "%");
                    try (var rs = st.executeQuery()) {
                        return rs.getLong(1);
                    }
                }
            }).get();
            assertEquals(0, passwordRows);
            GuiTestSupport.fx(() -> window.openProject(folder.resolve("field.gpkg")));
            GuiTestSupport.waitUntil(() -> state() != null && state().status() == SyncState.Status.ONLINE, 30);
            assertTrue(errors.isEmpty(), errors.toString());
        }
    }
}
