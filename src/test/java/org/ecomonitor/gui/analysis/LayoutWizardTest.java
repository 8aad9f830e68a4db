package org.ecomonitor.gui.analysis;

import javafx.geometry.Point2D;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.ecomonitor.analysis.layout.LayoutPlan;
import org.ecomonitor.analysis.layout.PlannedPoint;
import org.ecomonitor.gui.ErrorDialogs;
import org.ecomonitor.gui.MainWindow;
import org.ecomonitor.gui.map.VectorLayer;
import org.ecomonitor.i18n.Messages;
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

import static org.ecomonitor.gui.analysis.AnalysisTestSupport.fx;
import static org.ecomonitor.gui.analysis.AnalysisTestSupport.onScreen;
import static org.ecomonitor.gui.analysis.AnalysisTestSupport.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The layout wizard on {@link AnalysisProject}'s built-up area (8 x 6.6 km), headless: the HJ 640 grid is
 * previewed live on the map (points, and squares with the invalid ones marked) with its before/after table; added
 * as a layer, a point is moved by dragging it, one deleted by a click, one added by a click, one deleted with the
 * Delete key and brought back with Undo, and the metrics follow; the edited plan exports to CSV and saves into the
 * project.
 */
@ExtendWith(ApplicationExtension.class)
class LayoutWizardTest {

    @TempDir
    static Path folder;
    static Path store;
    static int run;

    MainWindow window;
    Path exports;
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
        exports = Files.createDirectories(folder.resolve("exports" + run));
        window = AnalysisTestSupport.window(stage, folder.resolve("home" + run), copy, exports);
    }

    @AfterEach
    void tearDown() {
        ErrorDialogs.setPresenter(null);
    }

    private static PlannedPoint point(EditablePlan plan, String id) {
        return plan.entries().stream().map(EditablePlan.Entry::point).filter(p -> p.id().equals(id)).findFirst().orElse(null);
    }

    private static javafx.scene.control.ButtonBase button(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(javafx.scene.control.ButtonBase.class);
    }

    private static String metric(LayoutWizard w, String key, boolean after) {
        return fx(() -> w.metrics().rows().stream().filter(r -> r.key().equals(key))
                .map(r -> after ? r.after() : r.before()).findFirst().orElseThrow());
    }

    @Test
    void hj640GridIsPreviewedEditedByHandAndExported(FxRobot robot) throws Exception {
        waitUntil(() -> window.session() != null && !window.layers().topFirst().isEmpty(), 20);
        robot.clickOn("Analysis");
        robot.clickOn("#menuLayoutWizard");
        waitUntil(() -> robot.lookup("#layoutWizard").tryQuery().isPresent(), 10);
        LayoutWizard w = (LayoutWizard) robot.lookup("#layoutWizard").query().getScene().getWindow();
        // the robot clicks the map's points: the main window goes on top, the wizard's buttons are fired
        fx(() -> {
            w.setX(0);
            w.setY(0);
            window.stage().toFront();
        });

        // the live preview runs as soon as the project's layers are read: HJ 640 on the built-up area
        waitUntil(() -> w.outcome() != null && !w.isRunning(), 30);
        assertEquals("bijiang_built_up_area", fx(() -> w.inputs().area.getValue()));
        LayoutPlan plan = w.outcome().plan();
        assertEquals("hj640-grid", plan.method());
        int n = plan.added().size();
        assertTrue(n > 100, "HJ 640 wants more than 100 valid squares: " + n);
        VectorLayer preview = window.layers().byId("session_" + LayoutWizard.PREVIEW_POINTS).orElseThrow();
        assertEquals(n, preview.data().size());
        VectorLayer squares = window.layers().byId("session_" + LayoutWizard.PREVIEW_CELLS).orElseThrow();
        long invalid = squares.data().features().stream()
                .filter(f -> Messages.get("gui.layout.cell.invalid").equals(f.getString("square"))).count();
        assertTrue(invalid > 0, "the squares more than half outside the area are marked invalid");
        assertEquals(plan.cells().size() - n, invalid);
        assertEquals("0", metric(w, "points", false));
        assertEquals(Integer.toString(n), metric(w, "points", true));
        String mssd = metric(w, "mssd_m2", true);

        // a live preview follows a parameter: 1000 m squares are fewer
        fx(() -> w.parameters().cell.setText("1000"));
        waitUntil(() -> w.outcome() != null && w.outcome().plan().added().size() < n && !w.isRunning(), 30);
        fx(() -> w.parameters().cell.setText(""));
        waitUntil(() -> w.outcome() != null && w.outcome().plan().added().size() == n && !w.isRunning(), 30);

        // as a layer for editing; the preview goes
        fx(() -> w.addAsLayer());
        PlannedPointsEditor editor = w.editor();
        assertNotNull(editor);
        VectorLayer edited = window.layers().byId("session_" + LayoutWizard.EDIT_POINTS).orElseThrow();
        assertTrue(window.layers().byId("session_" + LayoutWizard.PREVIEW_POINTS).isEmpty());
        fx(() -> window.mapPane().zoomTo(AnalysisProject.WEST, AnalysisProject.SOUTH, AnalysisProject.EAST, AnalysisProject.NORTH));
        waitUntil(() -> window.mapPane().viewport().width() > 0, 5);
        List<PlannedPoint> added = w.outcome().plan().added();
        PlannedPoint moved = added.get(added.size() / 2 + 2);
        PlannedPoint deleted = added.get(added.size() / 2 - 2);
        PlannedPoint near = added.get(added.size() / 2);

        // move: drag a point 150 m east
        Point2D from = onScreen(window, moved.longitude(), moved.latitude());
        Point2D to = onScreen(window, moved.longitude() + 0.0015, moved.latitude());
        robot.drag(from, MouseButton.PRIMARY);
        robot.moveTo(to);
        robot.drop();
        waitUntil(() -> Math.abs(point(editor.plan(), moved.id()).longitude() - (moved.longitude() + 0.0015)) < 0.0003, 10);
        waitUntil(editor::upToDate, 20);
        assertNotEquals(mssd, metric(w, "mssd_m2", true), "the metrics follow the edit");
        assertEquals(Messages.get("gui.layout.after_edited"), fx(() -> w.metrics().node().getColumns().get(2).getText()));

        // delete by a click in delete mode
        fx(() -> button(robot, "#layoutEditDelete").fire());
        robot.clickOn(onScreen(window, deleted.longitude(), deleted.latitude()));
        waitUntil(() -> point(editor.plan(), deleted.id()) == null, 10);

        // add by a click in add mode, 300 m from a point
        fx(() -> button(robot, "#layoutEditAdd").fire());
        robot.clickOn(onScreen(window, near.longitude() + 0.002, near.latitude() + 0.002));
        waitUntil(() -> point(editor.plan(), "M001") != null, 10);
        assertEquals(n, editor.plan().entries().size());

        // the Delete key deletes the selected point; Undo brings it back
        fx(() -> button(robot, "#layoutEditMove").fire());
        robot.clickOn(onScreen(window, near.longitude(), near.latitude()));
        waitUntil(() -> window.selection().of(edited.id()).size() == 1, 5);
        robot.type(KeyCode.DELETE);
        waitUntil(() -> point(editor.plan(), near.id()) == null, 10);
        fx(() -> button(robot, "#layoutUndo").fire());
        waitUntil(() -> point(editor.plan(), near.id()) != null, 10);
        waitUntil(editor::upToDate, 20);
        assertEquals(Integer.toString(n), metric(w, "points", true));
        assertEquals(n, edited.data().size(), "the layer shows the edited points");

        // the edited plan as CSV: a row per point, the added one, not the deleted one, the moved one where it went
        Path csv = exports.resolve("plan.csv");
        fx(() -> w.exportTo(csv)).join();
        waitUntil(() -> Files.exists(csv), 10);
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertEquals(n + 1, lines.size(), "header and one row per point");
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("M001,")));
        assertFalse(lines.stream().anyMatch(l -> l.startsWith(deleted.id() + ",")));
        String movedRow = lines.stream().filter(l -> l.startsWith(moved.id() + ",")).findFirst().orElseThrow();
        assertEquals(moved.longitude() + 0.0015, Double.parseDouble(movedRow.split(",")[1]), 0.0003);
        assertTrue(lines.get(0).contains("edit"), lines.get(0));

        // saved into the project; when editing ends the saved layer replaces the editing one
        fx(() -> w.saveToProject());
        waitUntil(() -> window.layers().byId("noise_grid_points").isPresent(), 20);
        waitUntil(() -> !window.layers().byId("noise_grid_points").orElseThrow().isVisible(), 10);
        fx(() -> w.finishEditing());
        assertTrue(window.layers().byId("noise_grid_points").orElseThrow().isVisible());
        assertEquals(n, window.layers().byId("noise_grid_points").orElseThrow().data().size());
        assertTrue(window.layers().byId("session_" + LayoutWizard.EDIT_POINTS).isEmpty());
        assertTrue(window.mapPane().interactionProperty().get() == null, "the map has its tools back");
        assertTrue(errors.isEmpty(), errors.toString());
    }

    @Test
    void everyMethodPreviewsOnTheSampleArea(FxRobot robot) {
        waitUntil(() -> window.session() != null && !window.layers().topFirst().isEmpty(), 20);
        robot.clickOn("Analysis");
        robot.clickOn("#menuLayoutWizard");
        waitUntil(() -> robot.lookup("#layoutWizard").tryQuery().isPresent(), 10);
        LayoutWizard w = (LayoutWizard) robot.lookup("#layoutWizard").query().getScene().getWindow();
        waitUntil(() -> w.outcome() != null && !w.isRunning(), 30);
        fx(() -> {
            w.parameters().evaluationCells.setText("5000");
            w.parameters().count.setText("6");
            w.parameters().removeCount.setText("2");
            w.parameters().quotas.setText("520602=5");
            w.parameters().variogram.setText("1 Nug + 20 Sph(3000)");
        });
        for (LayoutMethod m : new LayoutMethod[]{LayoutMethod.SOIL_SYSTEMATIC, LayoutMethod.SOIL_STRATIFIED,
            LayoutMethod.SOIL_QUOTAS, LayoutMethod.COVERAGE, LayoutMethod.DENSIFY, LayoutMethod.REDUCE, LayoutMethod.CHECK}) {
            fx(() -> {
                w.inputs().existing.setValue(m == LayoutMethod.REDUCE || m == LayoutMethod.CHECK ? "kind:noise" : "");
                w.methodChoice().setValue(m);
            });
            waitUntil(() -> w.outcome() != null && w.outcome().method() == m && !w.isRunning(), 40);
            LayoutParametersForm.Outcome o = w.outcome();
            switch (m) {
                case SOIL_SYSTEMATIC -> assertTrue(o.plan().added().size() > 30, "1000 m squares: " + o.plan().added().size());
                case SOIL_STRATIFIED, COVERAGE, DENSIFY -> assertEquals(6, o.plan().added().size(), m.name());
                case SOIL_QUOTAS -> assertEquals(5, o.plan().added().size());
                case REDUCE -> assertEquals(2, o.plan().points().stream()
                        .filter(p -> p.status() == org.ecomonitor.analysis.layout.PointStatus.REMOVE).count());
                case CHECK -> {
                    assertTrue(o.report().satisfied());
                    assertEquals(Messages.get("gui.layout.check.ok", 1), metric(w, "points_in_520602", true));
                    assertTrue(window.layers().rasters().stream().anyMatch(r -> r.id().equals(LayoutWizard.PREVIEW_DISTANCE)));
                }
                default -> {
                }
            }
        }
        // a plan added as a layer and removed from the map in the tree stops being edited
        fx(() -> w.methodChoice().setValue(LayoutMethod.COVERAGE));
        waitUntil(() -> w.outcome() != null && w.outcome().method() == LayoutMethod.COVERAGE && !w.isRunning(), 40);
        fx(() -> w.addAsLayer());
        assertNotNull(w.editor());
        fx(() -> window.layers().remove(window.layers().byId("session_" + LayoutWizard.EDIT_POINTS).orElseThrow()));
        waitUntil(() -> w.editor() == null, 5);
        assertTrue(window.mapPane().interactionProperty().get() == null);
        assertTrue(errors.isEmpty(), errors.toString());
        fx(() -> w.close());
        assertTrue(window.layers().others().stream().noneMatch(l -> l.id().startsWith("session_layout_preview")),
                "closing the wizard ends its preview");
        assertTrue(window.layers().rasters().isEmpty());
    }
}
