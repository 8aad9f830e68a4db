package org.ecomonitor.gui;

import javafx.scene.control.Button;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.ecomonitor.analysis.alarm.AlarmRule;
import org.ecomonitor.gui.alarms.AlarmList;
import org.ecomonitor.gui.alarms.AlarmRulesDialog;
import org.ecomonitor.i18n.Messages;
import org.ecomonitor.io.AlarmService;
import org.ecomonitor.store.AlarmTable;
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
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 6's alarms in the window: raised by an import, a popup, the list, acknowledging, the rules editor. */
@ExtendWith(ApplicationExtension.class)
class AlarmsTest {

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
                return null;
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

    @Test
    void anImportRaisesAlarmsThatPopUpAndAreAcknowledgedInTheList(FxRobot robot) throws Exception {
        GuiTestSupport.waitUntil(() -> window.layers().stations().size() >= 2, 20);
        // eight hours of 150 µg/m³ at TST-A2: more than 6 hours in a row above the 24-hour limit
        Path csv = folder.resolve("episode" + run + ".csv");
        StringBuilder b = new StringBuilder("站点编码,监测项目,监测时间,浓度,数据标识\n");
        for (int h = 0; h < 8; h++) {
            b.append("TST-A2,PM2.5,2024-07-01 ").append(String.format("%02d", 10 + h)).append(":00,150,N\n");
        }
        Files.writeString(csv, b.toString(), StandardCharsets.UTF_8);
        var report = GuiTestSupport.fx(() -> window.importFiles(List.of(csv))).get(30, TimeUnit.SECONDS);
        assertFalse(report.alarms().isEmpty(), "the import raised alarms");

        // the popup (ControlsFX notification) says so
        GuiTestSupport.waitUntil(() -> robot.lookup(".notification-bar").tryQuery().isPresent(), 10);
        String popup = window.monitoring().notifier().lastText();
        assertNotNull(popup);
        assertTrue(popup.contains("new alarms after the import"), popup);
        assertTrue(popup.contains("TST-A2"), popup);
        GuiTestSupport.fx(() -> robot.lookup("#importReport").query().getScene().getWindow().hide());

        // the list shows it (open alarms, newest first), in the current language
        AlarmList list = GuiTestSupport.fx(() -> window.monitoring().openAlarms());
        GuiTestSupport.waitUntil(() -> !list.table().getItems().isEmpty(), 10);
        list.loading().get(10, TimeUnit.SECONDS);
        AlarmTable.Row raised = GuiTestSupport.fx(() -> list.table().getItems().stream()
                .filter(r -> r.station().equals("TST-A2") && r.messageKey().equals("alarm.consecutive")).findFirst().orElseThrow());
        assertTrue(AlarmList.message(raised).contains("in a row"), AlarmList.message(raised));
        int openBefore = GuiTestSupport.fx(() -> list.table().getItems().size());

        // selecting it zooms to its station (selected on the map)
        GuiTestSupport.fx(() -> list.table().getSelectionModel().select(raised));
        GuiTestSupport.waitUntil(() -> window.selection().count() == 1, 5);

        // acknowledged with a comment: gone from the open alarms, in all alarms with who and the comment
        GuiTestSupport.fx(() -> list.acknowledge(raised.id(), "checked on site")).get(10, TimeUnit.SECONDS);
        GuiTestSupport.waitUntil(() -> list.table().getItems().size() == openBefore - 1, 10);
        assertTrue(GuiTestSupport.fx(() -> list.table().getItems().stream().noneMatch(r -> r.id() == raised.id())));
        GuiTestSupport.fx(() -> list.openOnly().setValue(false));
        GuiTestSupport.waitUntil(() -> list.table().getItems().stream().anyMatch(r -> r.id() == raised.id()), 10);
        AlarmTable.Row done = GuiTestSupport.fx(() -> list.table().getItems().stream().filter(r -> r.id() == raised.id()).findFirst().orElseThrow());
        assertEquals("checked on site", done.comment());
        assertEquals(System.getProperty("user.name"), done.acknowledgedBy());
        assertTrue(errors.isEmpty(), errors.toString());
    }

    @Test
    void theRulesEditorValidatesAndSavesTheProjectsRules(FxRobot robot) throws Exception {
        GuiTestSupport.waitUntil(() -> window.layers().stations().size() >= 2, 20);
        AlarmRulesDialog d = GuiTestSupport.fx(() -> window.monitoring().openRules()).get(10, TimeUnit.SECONDS);
        int defaults = AlarmService.defaults().size();
        assertEquals(defaults, GuiTestSupport.fx(() -> d.table().getItems().size()));
        AlarmRule first = GuiTestSupport.fx(() -> d.table().getItems().get(0));
        // a threshold that is not a number: refused, with the rule named
        GuiTestSupport.fx(() -> d.thresholdField().setText("abc"));
        assertFalse(GuiTestSupport.fx(d::applyForm));
        String error = GuiTestSupport.fx(() -> d.error().getText());
        assertTrue(error.contains(first.id()) && error.contains("abc"), error);
        // a new limit
        GuiTestSupport.fx(() -> d.thresholdField().setText("600"));
        assertTrue(GuiTestSupport.fx(d::applyForm));
        assertEquals(600, GuiTestSupport.fx(() -> d.table().getItems().get(0).threshold()), 1e-9);
        // add a rule, remove it again, save
        robot.clickOn("#ruleAdd");
        assertEquals(defaults + 1, GuiTestSupport.fx(() -> d.table().getItems().size()));
        robot.clickOn("#ruleRemove");
        assertEquals(defaults, GuiTestSupport.fx(() -> d.table().getItems().size()));
        GuiTestSupport.fx(() -> ((Button) d.getDialogPane().lookupButton(AlarmRulesDialog.SAVE)).fire());
        GuiTestSupport.waitUntil(() -> !d.isShowing(), 5);
        GuiTestSupport.waitUntil(() -> {
            try {
                return window.session().call(s -> new AlarmService(s).rules().get(0).threshold()).get() == 600;
            } catch (Exception e) {
                return false;
            }
        }, 10);
        assertTrue(errors.isEmpty(), errors.toString());
    }
}
