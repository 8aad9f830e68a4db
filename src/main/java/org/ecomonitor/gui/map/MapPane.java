package org.ecomonitor.gui.map;

import com.gluonhq.maps.MapView;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Cursor;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import org.ecomonitor.i18n.Messages;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The map: Gluon's {@link MapView} with the background tiles, the {@link VectorOverlay} of the project's layers,
 * the scale bar and north arrow, and the tools (identify, click and rectangle selection, geodesic measuring).
 * Knows how to zoom to an extent, a layer, the selection or everything, and what lies under a pixel.
 */
public final class MapPane extends StackPane {

    /** A feature under the mouse: its layer, its index in the layer's data, and where the click was. */
    public record Hit(VectorLayer layer, int index, double x, double y) {
    }

    private static final GeometryFactory GEOMETRY = new GeometryFactory();

    private final MapLayers layers;
    private final Selection selection;
    private final VectorOverlay overlay;
    private final Canvas decorations = new Canvas();
    private final Canvas toolCanvas = new Canvas();
    private MapView mapView;
    private final ObjectProperty<MapTool> tool = new SimpleObjectProperty<>(this, "tool", MapTool.PAN);
    private final ReadOnlyObjectWrapper<double[]> cursorLonLat = new ReadOnlyObjectWrapper<>(this, "cursor");
    private final ReadOnlyObjectWrapper<MapViewport> view = new ReadOnlyObjectWrapper<>(this, "view");
    private final ReadOnlyStringWrapper measurement = new ReadOnlyStringWrapper(this, "measurement", "");
    private final ObjectProperty<MapInteraction> interaction = new SimpleObjectProperty<>(this, "interaction");
    private Consumer<Hit> onIdentify = h -> { };
    private double[] pendingExtent;
    private double[] dragStart;
    private double[] dragNow;
    private final List<double[]> measurePoints = new ArrayList<>();
    private double[] rubberBand;
    private boolean measureFinished;

    public MapPane(MapLayers layers, Selection selection) {
        this.layers = layers;
        this.selection = selection;
        this.overlay = new VectorOverlay(layers, selection);
        getStyleClass().add("map-pane");
        decorations.setMouseTransparent(true);
        toolCanvas.setMouseTransparent(true);
        decorations.widthProperty().bind(widthProperty());
        decorations.heightProperty().bind(heightProperty());
        toolCanvas.widthProperty().bind(widthProperty());
        toolCanvas.heightProperty().bind(heightProperty());
        setMinSize(50, 50);
        newMapView(null);
        tool.addListener((o, a, b) -> {
            measurePoints.clear();
            rubberBand = null;
            dragStart = null;
            measurement.set("");
            paintTools();
            setCursor(b == MapTool.PAN ? Cursor.DEFAULT : Cursor.CROSSHAIR);
        });
        addEventHandler(MouseEvent.MOUSE_MOVED, e -> mouseMoved(e.getX(), e.getY()));
        addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> mouseMoved(e.getX(), e.getY()));
        addEventHandler(MouseEvent.MOUSE_EXITED, e -> cursorLonLat.set(null));
    }

    /** Creates the tile map (again, after the background changed), keeping the view. */
    public void reloadBasemap() {
        MapViewport vp = viewport();
        newMapView(vp.width() > 0 ? vp : null);
    }

    private void newMapView(MapViewport keep) {
        MapView old = mapView;
        mapView = new MapView();
        mapView.getStyleClass().add("map-view");
        mapView.addLayer(overlay);
        installToolFilters(mapView);
        if (old != null) {
            getChildren().remove(old);
        }
        getChildren().setAll(mapView, decorations, toolCanvas);
        if (keep != null) {
            applyView(keep.zoom(), keep.centerLatitude(), keep.centerLongitude());
        } else {
            mapView.setZoom(4);
            mapView.setCenter(35, 105);
        }
        overlay.baseMapChanged();
    }

    public VectorOverlay overlay() {
        return overlay;
    }

    public MapView mapView() {
        return mapView;
    }

    public ObjectProperty<MapTool> toolProperty() {
        return tool;
    }

    /** A dialog's own tool that gets the mouse first (the planned-points editor), or null. */
    public ObjectProperty<MapInteraction> interactionProperty() {
        return interaction;
    }

    /** Longitude/latitude under the mouse, or null when it is outside the map. */
    public ReadOnlyObjectProperty<double[]> pointerLonLatProperty() {
        return cursorLonLat.getReadOnlyProperty();
    }

    /** The viewport after every redraw (for the scale in the status bar). */
    public ReadOnlyObjectProperty<MapViewport> viewProperty() {
        return view.getReadOnlyProperty();
    }

    /** The result of the measure tool ("" when not measuring). */
    public ReadOnlyStringProperty measurementProperty() {
        return measurement.getReadOnlyProperty();
    }

    public void setOnIdentify(Consumer<Hit> handler) {
        this.onIdentify = handler == null ? h -> { } : handler;
    }

    public MapViewport viewport() {
        return overlay.viewport();
    }

    @Override
    protected void layoutChildren() {
        super.layoutChildren();
        if (pendingExtent != null && getWidth() > 0 && getHeight() > 0) {
            double[] e = pendingExtent;
            pendingExtent = null;
            zoomTo(e[0], e[1], e[2], e[3]);
        }
        overlay.redrawIfNeeded();
        MapViewport vp = viewport();
        if (!vp.equals(view.get())) {
            view.set(vp);
            GraphicsContext gc = decorations.getGraphicsContext2D();
            gc.clearRect(0, 0, decorations.getWidth(), decorations.getHeight());
            MapDecorationPainter.paint(gc, vp);
            paintTools();
        }
    }

    // ---- zooming

    /** Shows the lon/lat box as large as it fits (a point or a tiny box gets a few hundred metres around it). */
    public void zoomTo(double minLon, double minLat, double maxLon, double maxLat) {
        if (getWidth() <= 0 || getHeight() <= 0) {
            pendingExtent = new double[]{minLon, minLat, maxLon, maxLat};
            requestLayout();
            return;
        }
        double pad = Math.max(0.004, Math.max(maxLon - minLon, maxLat - minLat) * 0.05);
        MapViewport vp = MapViewport.fitting(minLon - pad, minLat - pad, maxLon + pad, maxLat + pad, getWidth(), getHeight(), 18);
        applyView(vp.zoom(), vp.centerLatitude(), vp.centerLongitude());
    }

    public void zoomTo(Envelope lonLat) {
        if (lonLat != null && !lonLat.isNull()) {
            zoomTo(lonLat.getMinX(), lonLat.getMinY(), lonLat.getMaxX(), lonLat.getMaxY());
        }
    }

    /** Zooms in (+1) or out (-1) around the centre. */
    public void zoomBy(double delta) {
        MapViewport vp = viewport();
        applyView(Math.max(1, Math.min(19, vp.zoom() + delta)), vp.centerLatitude(), vp.centerLongitude());
    }

    /**
     * Sets zoom and centre. Gluon's MapView only reacts to values that differ from the last ones it was given
     * (panning and the wheel do not update them), so equal values are nudged first.
     */
    private void applyView(double zoom, double lat, double lon) {
        if (mapView.getZoom() == zoom) {
            mapView.setZoom(zoom + 1e-9);
        }
        mapView.setZoom(zoom);
        MapPointValues c = new MapPointValues(mapView.getCenter().getLatitude(), mapView.getCenter().getLongitude());
        if (c.lat == lat && c.lon == lon) {
            mapView.setCenter(lat + 1e-9, lon);
        }
        mapView.setCenter(lat, lon);
        overlay.requestRedraw();
        requestLayout();
    }

    private record MapPointValues(double lat, double lon) {
    }

    public void zoomToLayer(VectorLayer layer) {
        if (layer.data() != null) {
            zoomTo(layer.data().extent());
        }
    }

    /** Zooms to all layers. */
    public void zoomFull() {
        Envelope all = new Envelope();
        for (VectorLayer l : layers.topFirst()) {
            if (l.data() != null) {
                all.expandToInclude(l.data().extent());
            }
        }
        for (RasterLayer r : layers.rasters()) {
            all.expandToInclude(r.lonLatExtent());
        }
        zoomTo(all);
    }

    /** The lon/lat envelope of the selected features (null envelope when nothing is selected). */
    public Envelope selectionExtent() {
        Envelope env = new Envelope();
        for (Map.Entry<String, Set<Long>> e : selection.all().entrySet()) {
            layers.byId(e.getKey()).ifPresent(l -> {
                for (long fid : e.getValue()) {
                    int i = l.data().indexOf(fid);
                    if (i >= 0 && l.data().lonLat(i) != null) {
                        env.expandToInclude(l.data().lonLat(i).getEnvelopeInternal());
                    }
                }
            });
        }
        return env;
    }

    public void zoomToSelection() {
        zoomTo(selectionExtent());
    }

    // ---- hit testing

    /** The topmost visible feature at a pixel, within a few pixels. */
    public Optional<Hit> hitTest(double x, double y) {
        MapViewport vp = viewport();
        for (VectorLayer l : layers.visibleTopFirst()) {
            ProjectedLayer d = l.data();
            if (d == null) {
                continue;
            }
            if (d.family() == GeometryFamily.POINT) {
                double tol = Math.max(5, l.style().size() / 2 + 2);
                int best = -1;
                double bestD = tol * tol;
                for (int i = 0; i < d.size(); i++) {
                    double dx = vp.screenX(d.x(i)) - x, dy = vp.screenY(d.y(i)) - y;
                    double dd = dx * dx + dy * dy;
                    if (dd <= bestD) {
                        bestD = dd;
                        best = i;
                    }
                }
                if (best >= 0) {
                    return Optional.of(new Hit(l, best, x, y));
                }
                continue;
            }
            double lon = vp.longitude(x), lat = vp.latitude(y);
            double tolDeg = 4 * 360 / vp.worldSize();
            Point p = GEOMETRY.createPoint(new Coordinate(lon, lat));
            Envelope box = new Envelope(lon - tolDeg, lon + tolDeg, lat - tolDeg, lat + tolDeg);
            int best = -1;
            double bestArea = Double.MAX_VALUE;
            for (int i : d.candidates(box)) {
                Geometry g = d.lonLat(i);
                boolean hit = d.family() == GeometryFamily.POLYGON ? g.covers(p) || g.getBoundary().isWithinDistance(p, tolDeg)
                        : g.isWithinDistance(p, tolDeg);
                if (hit && g.getArea() < bestArea) {
                    best = i;
                    bestArea = g.getArea();
                }
            }
            if (best >= 0) {
                return Optional.of(new Hit(l, best, x, y));
            }
        }
        return Optional.empty();
    }

    /** The screen position of a feature's point (or label anchor). */
    public double[] screenPosition(VectorLayer layer, int index) {
        MapViewport vp = viewport();
        return new double[]{vp.screenX(layer.data().x(index)), vp.screenY(layer.data().y(index))};
    }

    // ---- tools

    private void installToolFilters(MapView view) {
        // the wheel zooms by half a level around the pointer (Gluon's own step is a tenth, slow for analysts)
        view.addEventFilter(ScrollEvent.SCROLL, e -> {
            if (e.getDeltaY() != 0) {
                overlay.zoomAround(e.getDeltaY() > 0 ? 0.5 : -0.5, e.getX(), e.getY());
            }
            e.consume();
        });
        view.addEventFilter(MouseEvent.MOUSE_PRESSED, e -> {
            if (interaction.get() != null && interaction.get().pressed(e)) {
                e.consume();
                return;
            }
            MapTool t = tool.get();
            if (t == MapTool.SELECT && e.getButton() == MouseButton.PRIMARY) {
                dragStart = new double[]{e.getX(), e.getY()};
                dragNow = dragStart;
                e.consume();
            } else if ((t == MapTool.MEASURE_DISTANCE || t == MapTool.MEASURE_AREA)) {
                e.consume();
            }
        });
        view.addEventFilter(MouseEvent.MOUSE_DRAGGED, e -> {
            if (interaction.get() != null && interaction.get().dragged(e)) {
                e.consume();
                return;
            }
            if (tool.get() == MapTool.SELECT && dragStart != null) {
                dragNow = new double[]{e.getX(), e.getY()};
                paintTools();
                e.consume();
            } else if (tool.get() == MapTool.MEASURE_DISTANCE || tool.get() == MapTool.MEASURE_AREA) {
                e.consume();
            }
        });
        view.addEventFilter(MouseEvent.MOUSE_RELEASED, e -> {
            if (interaction.get() != null && interaction.get().released(e)) {
                e.consume();
                return;
            }
            if (tool.get() == MapTool.SELECT && dragStart != null) {
                boolean additive = e.isShiftDown() || e.isControlDown() || e.isShortcutDown();
                if (Math.abs(e.getX() - dragStart[0]) > 3 || Math.abs(e.getY() - dragStart[1]) > 3) {
                    selectRectangle(dragStart[0], dragStart[1], e.getX(), e.getY(), additive);
                } else {
                    selectAt(e.getX(), e.getY(), additive);
                }
                dragStart = null;
                paintTools();
                e.consume();
            } else if (tool.get() == MapTool.MEASURE_DISTANCE || tool.get() == MapTool.MEASURE_AREA) {
                e.consume();
            }
        });
        view.addEventFilter(MouseEvent.MOUSE_CLICKED, e -> {
            if (interaction.get() != null && interaction.get().clicked(e)) {
                e.consume();
                return;
            }
            MapTool t = tool.get();
            if (t == MapTool.IDENTIFY && e.getButton() == MouseButton.PRIMARY && e.isStillSincePress()) {
                identifyAt(e.getX(), e.getY());
            } else if (t == MapTool.MEASURE_DISTANCE || t == MapTool.MEASURE_AREA) {
                measureClick(e.getX(), e.getY(), e.getButton(), e.getClickCount());
                e.consume();
            }
        });
    }

    /** Identifies the feature at a pixel (what the identify tool does on a click). */
    public void identifyAt(double x, double y) {
        hitTest(x, y).ifPresentOrElse(onIdentify, () -> onIdentify.accept(null));
    }

    /** Selects the feature at a pixel (adds it, or removes it when selected, with {@code additive}). */
    public void selectAt(double x, double y, boolean additive) {
        Optional<Hit> hit = hitTest(x, y);
        if (hit.isEmpty()) {
            if (!additive) {
                selection.clear();
            }
            return;
        }
        VectorLayer l = hit.get().layer();
        long fid = l.data().feature(hit.get().index()).fid();
        if (additive) {
            Set<Long> now = new LinkedHashSet<>(selection.of(l.id()));
            if (!now.remove(fid)) {
                now.add(fid);
            }
            selection.replaceIn(l.id(), now);
        } else {
            selection.select(l.id(), List.of(fid));
        }
    }

    /** Selects the features of all visible layers inside or crossing the pixel rectangle. */
    public void selectRectangle(double x0, double y0, double x1, double y1, boolean additive) {
        MapViewport vp = viewport();
        Envelope box = new Envelope(vp.longitude(Math.min(x0, x1)), vp.longitude(Math.max(x0, x1)),
                vp.latitude(Math.max(y0, y1)), vp.latitude(Math.min(y0, y1)));
        Map<String, Set<Long>> result = new HashMap<>();
        if (additive) {
            selection.all().forEach((k, v) -> result.put(k, new LinkedHashSet<>(v)));
        }
        for (VectorLayer l : layers.visibleTopFirst()) {
            if (l.data() == null) {
                continue;
            }
            for (int i : l.data().within(box)) {
                result.computeIfAbsent(l.id(), k -> new LinkedHashSet<>()).add(l.data().feature(i).fid());
            }
        }
        selection.selectAll(result);
    }

    private void measureClick(double x, double y, MouseButton button, int clicks) {
        MapViewport vp = viewport();
        if (button == MouseButton.SECONDARY) {
            measurePoints.clear();
            measureFinished = false;
            measurement.set("");
        } else if (clicks >= 2) {
            measureFinished = true;
        } else {
            if (measureFinished) {
                measurePoints.clear();
                measureFinished = false;
            }
            measurePoints.add(new double[]{vp.longitude(x), vp.latitude(y)});
        }
        updateMeasurement();
        paintTools();
    }

    /** Adds a measuring vertex at a lon/lat (as a click of the measure tools does). */
    public void addMeasurePoint(double lon, double lat) {
        measurePoints.add(new double[]{lon, lat});
        updateMeasurement();
        paintTools();
    }

    private void updateMeasurement() {
        List<double[]> pts = new ArrayList<>(measurePoints);
        if (!measureFinished && rubberBand != null && !pts.isEmpty()) {
            pts.add(rubberBand);
        }
        if (pts.size() < 2) {
            measurement.set(pts.isEmpty() ? "" : Messages.get("gui.measure.hint"));
            return;
        }
        if (tool.get() == MapTool.MEASURE_AREA) {
            measurement.set(Messages.get("gui.measure.area", GeodesicMeasure.formatArea(GeodesicMeasure.area(pts)),
                    GeodesicMeasure.formatLength(GeodesicMeasure.length(closed(pts)))));
        } else {
            measurement.set(Messages.get("gui.measure.distance", GeodesicMeasure.formatLength(GeodesicMeasure.length(pts))));
        }
    }

    private static List<double[]> closed(List<double[]> pts) {
        List<double[]> c = new ArrayList<>(pts);
        c.add(pts.get(0));
        return c;
    }

    private void mouseMoved(double x, double y) {
        MapViewport vp = viewport();
        if (vp.worldSize() <= 0 || vp.width() <= 0) {
            return;
        }
        cursorLonLat.set(new double[]{vp.longitude(x), vp.latitude(y)});
        if ((tool.get() == MapTool.MEASURE_DISTANCE || tool.get() == MapTool.MEASURE_AREA) && !measurePoints.isEmpty() && !measureFinished) {
            rubberBand = new double[]{vp.longitude(x), vp.latitude(y)};
            updateMeasurement();
            paintTools();
        }
    }

    private void paintTools() {
        GraphicsContext gc = toolCanvas.getGraphicsContext2D();
        gc.clearRect(0, 0, toolCanvas.getWidth(), toolCanvas.getHeight());
        MapViewport vp = viewport();
        if (dragStart != null && dragNow != null) {
            gc.setFill(Color.color(0.2, 0.5, 1, 0.15));
            gc.setStroke(Color.web("#1f63d6"));
            gc.setLineWidth(1);
            gc.setLineDashes(5, 3);
            double x = Math.min(dragStart[0], dragNow[0]), y = Math.min(dragStart[1], dragNow[1]);
            double w = Math.abs(dragNow[0] - dragStart[0]), h = Math.abs(dragNow[1] - dragStart[1]);
            gc.fillRect(x, y, w, h);
            gc.strokeRect(x, y, w, h);
            gc.setLineDashes();
        }
        if (!measurePoints.isEmpty()) {
            List<double[]> pts = new ArrayList<>(measurePoints);
            if (!measureFinished && rubberBand != null) {
                pts.add(rubberBand);
            }
            double[] xs = new double[pts.size() + 1], ys = new double[pts.size() + 1];
            for (int i = 0; i < pts.size(); i++) {
                xs[i] = vp.screenX(Mercator.x(pts.get(i)[0]));
                ys[i] = vp.screenY(Mercator.y(pts.get(i)[1]));
            }
            gc.setStroke(Color.web("#d62728"));
            gc.setLineWidth(2);
            if (tool.get() == MapTool.MEASURE_AREA && pts.size() >= 3) {
                gc.setFill(Color.color(0.84, 0.15, 0.16, 0.15));
                gc.fillPolygon(xs, ys, pts.size());
                gc.strokePolygon(xs, ys, pts.size());
            } else {
                gc.strokePolyline(xs, ys, pts.size());
            }
            gc.setFill(Color.WHITE);
            for (int i = 0; i < measurePoints.size(); i++) {
                gc.fillOval(xs[i] - 3, ys[i] - 3, 6, 6);
                gc.strokeOval(xs[i] - 3, ys[i] - 3, 6, 6);
            }
            if (!measurement.get().isEmpty()) {
                gc.setFont(CjkFont.of(12));
                double tx = xs[pts.size() - 1] + 10, ty = ys[pts.size() - 1] - 10;
                gc.setStroke(Color.WHITE);
                gc.setLineWidth(3);
                gc.strokeText(measurement.get(), tx, ty);
                gc.setFill(Color.web("#a50f15"));
                gc.fillText(measurement.get(), tx, ty);
            }
        }
    }
}
