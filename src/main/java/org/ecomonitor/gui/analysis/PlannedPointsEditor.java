package org.ecomonitor.gui.analysis;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.event.EventHandler;
import javafx.scene.Cursor;
import javafx.scene.Scene;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import org.ecomonitor.analysis.interpolation.VariogramModel;
import org.ecomonitor.analysis.layout.Discretisation;
import org.ecomonitor.analysis.layout.LayoutPlan;
import org.ecomonitor.analysis.layout.NetworkEvaluation;
import org.ecomonitor.analysis.layout.NetworkMetrics;
import org.ecomonitor.gui.ErrorDialogs;
import org.ecomonitor.gui.MainWindow;
import org.ecomonitor.gui.TaskProgress;
import org.ecomonitor.gui.map.MapInteraction;
import org.ecomonitor.gui.map.MapPane;
import org.ecomonitor.gui.map.MapViewport;
import org.ecomonitor.gui.map.Mercator;
import org.ecomonitor.gui.map.VectorLayer;
import org.ecomonitor.i18n.Messages;
import org.ecomonitor.model.Feature;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * The map tool that edits planned points in place: in "move" mode a new point is dragged to where it can really
 * be measured (a click selects a point, the Delete key deletes the selected one), in "add" mode a click adds a
 * point, in "delete" mode a click deletes one (an existing station is proposed for removal instead, and kept
 * again by a second click). Ctrl+Z undoes the last edit. Points stay in the admissible part of the study area.
 * After each edit the layer is redrawn at once, and the "after" metrics of the edited network are recomputed in
 * the background ({@link NetworkEvaluation}, on the method's evaluation grid and variogram), so the before/after
 * table follows the edits. Panning with a drag that does not start on a point still works.
 */
final class PlannedPointsEditor implements MapInteraction {

    /** What a click on the map does. */
    enum Mode { MOVE, ADD, DELETE }

    /** How near (pixels) a click must be to a point to hit it. */
    static final double HIT_PIXELS = 8;

    private final MainWindow window;
    private final EditablePlan plan;
    private final VectorLayer layer;
    private final VariogramModel model;
    private final int evaluationCells;
    private final ObjectProperty<Mode> mode = new SimpleObjectProperty<>(this, "mode", Mode.MOVE);
    private final ObjectProperty<NetworkMetrics> after = new SimpleObjectProperty<>(this, "after");
    private final List<Scene> scenes = new ArrayList<>();
    private final EventHandler<KeyEvent> keys = this::key;
    private final KeyCombination undoKeys = KeyCombination.keyCombination("Shortcut+Z");
    private Consumer<String> messages = m -> { };
    private Runnable changed = () -> { };
    private volatile Discretisation evaluationGrid;
    private int evaluatedRevision = -1;
    private TaskProgress evaluating;
    private CompletableFuture<NetworkMetrics> evaluation = CompletableFuture.completedFuture(null);
    private long dragging = -1;
    private boolean dragMoved;
    private boolean active;

    PlannedPointsEditor(MainWindow window, EditablePlan plan, VectorLayer layer, VariogramModel model,
                        int evaluationCells) {
        this.window = window;
        this.plan = plan;
        this.layer = layer;
        this.model = model;
        this.evaluationCells = evaluationCells;
        after.set(plan.original().after());
        evaluatedRevision = plan.revision();
    }

    EditablePlan plan() {
        return plan;
    }

    VectorLayer layer() {
        return layer;
    }

    ObjectProperty<Mode> modeProperty() {
        return mode;
    }

    /** The metrics of the network as edited (the method's own until the first edit is evaluated). */
    ObjectProperty<NetworkMetrics> afterProperty() {
        return after;
    }

    /** Where edits report what they did (refused moves ...). */
    void onMessage(Consumer<String> c) {
        this.messages = c;
    }

    /** Called after every edit, undo and evaluation. */
    void onChange(Runnable r) {
        this.changed = r;
    }

    /** Takes over the map's mouse, and the Delete and Ctrl+Z keys of the main window and the given scenes. */
    void start(Scene... more) {
        active = true;
        MapPane map = window.mapPane();
        map.interactionProperty().set(this);
        map.setCursor(Cursor.CROSSHAIR);
        scenes.clear();
        if (window.stage().getScene() != null) {
            scenes.add(window.stage().getScene());
        }
        scenes.addAll(List.of(more));
        for (Scene s : scenes) {
            s.addEventFilter(KeyEvent.KEY_PRESSED, keys);
        }
    }

    /** Gives the map back. */
    void stop() {
        active = false;
        MapPane map = window.mapPane();
        if (map.interactionProperty().get() == this) {
            map.interactionProperty().set(null);
        }
        map.setCursor(Cursor.DEFAULT);
        for (Scene s : scenes) {
            s.removeEventFilter(KeyEvent.KEY_PRESSED, keys);
        }
        scenes.clear();
        if (evaluating != null) {
            evaluating.cancel();
        }
        window.selection().replaceIn(layer.id(), List.of());
    }

    boolean isActive() {
        return active;
    }

    // ---- edits (also called by tests and the buttons)

    /** Moves a point to a longitude/latitude as one edit. */
    EditablePlan.Result move(long fid, double lon, double lat) {
        EditablePlan.Result r = plan.move(fid, lon, lat);
        after(r);
        return r;
    }

    /** Deletes a point (or proposes an existing one for removal). */
    EditablePlan.Result delete(long fid) {
        EditablePlan.Result r = plan.delete(fid);
        window.selection().replaceIn(layer.id(), List.of());
        after(r);
        return r;
    }

    /** Deletes the selected point. */
    EditablePlan.Result deleteSelected() {
        Set<Long> sel = window.selection().of(layer.id());
        return sel.isEmpty() ? EditablePlan.Result.NO_POINT : delete(sel.iterator().next());
    }

    /** Adds a point; returns its fid, or -1 when the place is outside the admissible area. */
    long add(double lon, double lat) {
        long fid = plan.add(lon, lat);
        after(fid < 0 ? EditablePlan.Result.OUTSIDE_AREA : EditablePlan.Result.DONE);
        if (fid >= 0) {
            window.selection().replaceIn(layer.id(), List.of(fid));
        }
        return fid;
    }

    boolean undo() {
        boolean done = plan.undo();
        if (done) {
            refresh();
            messages.accept(Messages.get("gui.layout.edit.undone"));
        }
        return done;
    }

    private void after(EditablePlan.Result r) {
        switch (r) {
            case DONE -> refresh();
            case OUTSIDE_AREA -> messages.accept(Messages.get("gui.layout.edit.outside"));
            case EXISTING_FIXED -> messages.accept(Messages.get("gui.layout.edit.existing_fixed"));
            case NO_POINT -> messages.accept(Messages.get("gui.layout.edit.no_point"));
        }
    }

    /** Redraws the layer and re-evaluates the edited network. */
    private void refresh() {
        redrawLayer();
        evaluate();
        changed.run();
    }

    private void redrawLayer() {
        List<Feature> features = new ArrayList<>();
        for (EditablePlan.Entry e : plan.entries()) {
            features.add(PlanLayers.feature(e.fid(), e.point()));
        }
        layer.dataProperty().set(PlanLayers.pointData(features));
    }

    /** Recomputes the "after" metrics in the background (a newer edit cancels an older evaluation). */
    CompletableFuture<NetworkMetrics> evaluate() {
        if (evaluating != null) {
            evaluating.cancel();
        }
        int revision = plan.revision();
        var sites = plan.afterSites();
        var area = plan.area();
        TaskProgress p = new TaskProgress(Messages.get("gui.layout.evaluating"));
        evaluating = p;
        evaluation = BackgroundWork.compute(window, p, () -> {
            if (evaluationGrid == null) {
                evaluationGrid = area.discretiseTo(evaluationCells);
            }
            return NetworkEvaluation.of(area, evaluationGrid, sites, model, p);
        }).whenComplete((m, e) -> {
            if (evaluating == p) {
                evaluating = null;
            }
            if (e != null) {
                if (!ErrorDialogs.isCancellation(e)) {
                    ErrorDialogs.show(window.stage(), e);
                }
                return;
            }
            if (revision == plan.revision()) {
                evaluatedRevision = revision;
                after.set(m);
                changed.run();
            }
        });
        return evaluation;
    }

    /** True when the "after" metrics belong to the points as they are now. */
    boolean upToDate() {
        return evaluatedRevision == plan.revision();
    }

    /** The edited plan with up-to-date metrics (waits for a running evaluation, or evaluates). */
    CompletableFuture<LayoutPlan> currentPlan() {
        if (upToDate()) {
            return CompletableFuture.completedFuture(plan.toPlan(after.get()));
        }
        return evaluate().thenApply(m -> plan.toPlan(m));
    }

    // ---- the map's mouse and the keys

    /** The fid of the point of the edited layer within {@link #HIT_PIXELS} of a map pixel, or -1. */
    long hit(double x, double y) {
        MapViewport vp = window.mapPane().viewport();
        long best = -1;
        double bestD = HIT_PIXELS * HIT_PIXELS;
        for (EditablePlan.Entry e : plan.entries()) {
            double dx = vp.screenX(Mercator.x(e.point().longitude())) - x;
            double dy = vp.screenY(Mercator.y(e.point().latitude())) - y;
            double d = dx * dx + dy * dy;
            if (d <= bestD) {
                bestD = d;
                best = e.fid();
            }
        }
        return best;
    }

    @Override
    public boolean pressed(MouseEvent e) {
        if (e.getButton() != MouseButton.PRIMARY || mode.get() != Mode.MOVE) {
            return false;
        }
        long fid = hit(e.getX(), e.getY());
        if (fid < 0) {
            return false;
        }
        window.selection().replaceIn(layer.id(), List.of(fid));
        if (plan.movable(fid)) {
            dragging = fid;
            dragMoved = false;
        } else {
            messages.accept(Messages.get("gui.layout.edit.existing_fixed"));
        }
        return true;
    }

    @Override
    public boolean dragged(MouseEvent e) {
        if (dragging < 0) {
            return false;
        }
        MapViewport vp = window.mapPane().viewport();
        if (!dragMoved) {
            plan.checkpoint();
            dragMoved = true;
        }
        if (plan.moveTo(dragging, vp.longitude(e.getX()), vp.latitude(e.getY())) == EditablePlan.Result.DONE) {
            redrawLayer();
        }
        return true;
    }

    @Override
    public boolean released(MouseEvent e) {
        if (dragging < 0) {
            return false;
        }
        MapViewport vp = window.mapPane().viewport();
        if (dragMoved && plan.moveTo(dragging, vp.longitude(e.getX()), vp.latitude(e.getY())) == EditablePlan.Result.OUTSIDE_AREA) {
            messages.accept(Messages.get("gui.layout.edit.outside_kept"));
        }
        dragging = -1;
        if (dragMoved) {
            dragMoved = false;
            refresh();
            messages.accept(Messages.get("gui.layout.edit.moved"));
        }
        return true;
    }

    @Override
    public boolean clicked(MouseEvent e) {
        if (e.getButton() != MouseButton.PRIMARY || !e.isStillSincePress()) {
            return false;
        }
        MapViewport vp = window.mapPane().viewport();
        switch (mode.get()) {
            case ADD -> {
                if (add(vp.longitude(e.getX()), vp.latitude(e.getY())) >= 0) {
                    messages.accept(Messages.get("gui.layout.edit.added"));
                }
                return true;
            }
            case DELETE -> {
                long fid = hit(e.getX(), e.getY());
                if (fid >= 0 && delete(fid) == EditablePlan.Result.DONE) {
                    messages.accept(Messages.get("gui.layout.edit.deleted"));
                }
                return true;
            }
            default -> {
                return hit(e.getX(), e.getY()) >= 0;
            }
        }
    }

    private void key(KeyEvent e) {
        Scene scene = e.getSource() instanceof Scene s ? s : null;
        if (scene != null && scene.getFocusOwner() instanceof TextInputControl) {
            return;
        }
        if (e.getCode() == KeyCode.DELETE || e.getCode() == KeyCode.BACK_SPACE) {
            if (deleteSelected() == EditablePlan.Result.DONE) {
                messages.accept(Messages.get("gui.layout.edit.deleted"));
            }
            e.consume();
        } else if (undoKeys.match(e)) {
            undo();
            e.consume();
        }
    }
}
