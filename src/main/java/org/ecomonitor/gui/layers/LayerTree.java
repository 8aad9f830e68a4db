package org.ecomonitor.gui.layers;

import javafx.beans.property.ObjectProperty;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.CustomMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioButton;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Slider;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.ecomonitor.gui.map.GeometryFamily;
import org.ecomonitor.gui.map.LegendPainter;
import org.ecomonitor.gui.map.MapLayers;
import org.ecomonitor.gui.map.RasterLayer;
import org.ecomonitor.gui.map.VectorLayer;
import org.ecomonitor.gui.tiles.Basemap;
import org.ecomonitor.i18n.Messages;

import java.util.List;
import java.util.function.Supplier;

/**
 * The layer tree on the left, as in QGIS: the station networks (one layer per kind), the other layers, and the
 * backgrounds. A layer has a visibility box, its symbol and name; drag it to change the order within its group;
 * its context menu zooms to it, opens its attribute table, edits its style or opacity, moves or removes it.
 * Rasters of analyses (noise maps) have their own group below, with visibility, colours, opacity, order and
 * removal. A background is chosen with its radio button.
 */
public final class LayerTree {

    /** What the tree's commands do, supplied by the window. */
    public interface Actions {
        void zoomTo(VectorLayer layer);

        void openTable(VectorLayer layer);

        void editStyle(VectorLayer layer);

        void remove(VectorLayer layer);

        /** The opacity slider moved (save the style). */
        void styleChanged(VectorLayer layer);

        void chooseBasemap(Basemap basemap);

        /** Zooms the map to a lon/lat extent (a raster's). */
        default void zoomTo(org.locationtech.jts.geom.Envelope lonLat) {
        }
    }

    /** The groups of the tree. */
    public enum Group {
        STATIONS("gui.tree.stations"), LAYERS("gui.tree.layers"), RASTERS("gui.tree.rasters"),
        BASEMAPS("gui.tree.basemaps");

        final String key;

        Group(String key) {
            this.key = key;
        }
    }

    private final MapLayers layers;
    private final Supplier<List<BasemapEntry>> basemaps;
    private final ObjectProperty<Basemap> current;
    private final Actions actions;
    private final TreeView<Object> view = new TreeView<>();
    private final TreeItem<Object> stations = new TreeItem<>(Group.STATIONS);
    private final TreeItem<Object> others = new TreeItem<>(Group.LAYERS);
    private final TreeItem<Object> rasters = new TreeItem<>(Group.RASTERS);
    private final TreeItem<Object> backgrounds = new TreeItem<>(Group.BASEMAPS);
    private java.util.function.Function<VectorLayer, List<MenuItem>> extraItems = l -> List.of();

    public LayerTree(MapLayers layers, Supplier<List<BasemapEntry>> basemaps, ObjectProperty<Basemap> current, Actions actions) {
        this.layers = layers;
        this.basemaps = basemaps;
        this.current = current;
        this.actions = actions;
        TreeItem<Object> root = new TreeItem<>("root");
        root.getChildren().addAll(List.of(stations, others, backgrounds));
        for (TreeItem<Object> g : List.of(stations, others, rasters, backgrounds)) {
            g.setExpanded(true);
        }
        view.setRoot(root);
        view.setShowRoot(false);
        view.setId("layerTree");
        view.getStyleClass().add("layer-tree");
        view.setCellFactory(v -> new LayerCell());
        ListChangeListener<VectorLayer> structural = c -> {
            while (c.next()) {
                if (!c.wasUpdated()) {
                    refreshLayers();
                    return;
                }
            }
            view.refresh();
        };
        layers.stations().addListener(structural);
        layers.others().addListener(structural);
        layers.rasters().addListener((ListChangeListener<RasterLayer>) c -> {
            while (c.next()) {
                if (!c.wasUpdated()) {
                    refreshLayers();
                    return;
                }
            }
            view.refresh();
        });
        current.addListener((o, a, b) -> view.refresh());
        refreshLayers();
        refreshBasemaps();
    }

    public TreeView<Object> node() {
        return view;
    }

    /** Adds items to each layer's context menu (after the style items), made when the menu is built. */
    public void setExtraItems(java.util.function.Function<VectorLayer, List<MenuItem>> items) {
        extraItems = items == null ? l -> List.of() : items;
        view.refresh();
    }

    /** The layer selected in the tree, or null. */
    public VectorLayer selectedLayer() {
        TreeItem<Object> item = view.getSelectionModel().getSelectedItem();
        return item != null && item.getValue() instanceof VectorLayer l ? l : null;
    }

    public void select(VectorLayer layer) {
        for (TreeItem<Object> g : List.of(stations, others)) {
            for (TreeItem<Object> item : g.getChildren()) {
                if (item.getValue() == layer) {
                    view.getSelectionModel().select(item);
                }
            }
        }
    }

    private void refreshLayers() {
        stations.getChildren().setAll(layers.stations().stream().map(l -> new TreeItem<Object>(l)).toList());
        others.getChildren().setAll(layers.others().stream().map(l -> new TreeItem<Object>(l)).toList());
        rasters.getChildren().setAll(layers.rasters().stream().map(l -> new TreeItem<Object>(l)).toList());
        // the rasters' group is there only while the map has rasters
        var top = view.getRoot().getChildren();
        if (layers.rasters().isEmpty()) {
            top.remove(rasters);
        } else if (!top.contains(rasters)) {
            top.add(top.indexOf(backgrounds), rasters);
        }
    }

    /** Moves a raster one place up (drawn later, over the others) or down. */
    public void move(RasterLayer raster, int delta) {
        ObservableList<RasterLayer> list = layers.rasters();
        int i = list.indexOf(raster), j = i + delta;
        if (i < 0 || j < 0 || j >= list.size()) {
            return;
        }
        list.remove(i);
        list.add(j, raster);
    }

    /** Re-reads the backgrounds on offer (after an MBTiles file or a tile table was added). */
    public void refreshBasemaps() {
        backgrounds.getChildren().setAll(basemaps.get().stream().map(b -> new TreeItem<Object>(b)).toList());
    }

    private ObservableList<VectorLayer> listOf(VectorLayer l) {
        return layers.stations().contains(l) ? layers.stations() : layers.others();
    }

    /** Moves a layer one place up (toward the top of the drawing order) or down within its group. */
    public void move(VectorLayer layer, int delta) {
        ObservableList<VectorLayer> list = listOf(layer);
        int i = list.indexOf(layer), j = i + delta;
        if (i < 0 || j < 0 || j >= list.size()) {
            return;
        }
        list.remove(i);
        list.add(j, layer);
        select(layer);
    }

    /** Puts {@code moved} where {@code target} is (the drop of a drag). */
    public void moveTo(VectorLayer moved, VectorLayer target) {
        ObservableList<VectorLayer> list = listOf(moved);
        if (moved == target || !list.contains(target)) {
            return;
        }
        list.remove(moved);
        list.add(list.indexOf(target), moved);
        select(moved);
    }

    private static Node swatch(VectorLayer l) {
        Canvas c = new Canvas(22, 16);
        GeometryFamily f = l.data() == null ? GeometryFamily.POINT : l.data().family();
        LegendPainter.swatch(c.getGraphicsContext2D(), f, l.style(), l.style().fill(), 11, 8);
        return c;
    }

    private final class LayerCell extends TreeCell<Object> {

        LayerCell() {
            setOnDragDetected(e -> {
                if (getItem() instanceof VectorLayer l) {
                    Dragboard db = startDragAndDrop(TransferMode.MOVE);
                    ClipboardContent content = new ClipboardContent();
                    content.putString("layer:" + l.id());
                    db.setContent(content);
                    e.consume();
                }
            });
            setOnDragOver(e -> {
                if (getItem() instanceof VectorLayer target && e.getDragboard().hasString()
                        && e.getDragboard().getString().startsWith("layer:")) {
                    layers.byId(e.getDragboard().getString().substring(6)).ifPresent(src -> {
                        if (listOf(src) == listOf(target)) {
                            e.acceptTransferModes(TransferMode.MOVE);
                        }
                    });
                }
                e.consume();
            });
            setOnDragDropped(e -> {
                boolean done = false;
                if (getItem() instanceof VectorLayer target && e.getDragboard().hasString()) {
                    var src = layers.byId(e.getDragboard().getString().substring(6));
                    if (src.isPresent()) {
                        moveTo(src.get(), target);
                        done = true;
                    }
                }
                e.setDropCompleted(done);
                e.consume();
            });
        }

        @Override
        protected void updateItem(Object item, boolean empty) {
            super.updateItem(item, empty);
            setText(null);
            setContextMenu(null);
            if (empty || item == null) {
                setGraphic(null);
                return;
            }
            if (item instanceof Group g) {
                Label label = new Label(Messages.get(g.key));
                label.getStyleClass().add("tree-group");
                setGraphic(label);
            } else if (item instanceof VectorLayer l) {
                CheckBox box = new CheckBox();
                box.setSelected(l.isVisible());
                box.selectedProperty().addListener((o, a, b) -> l.setVisible(b));
                box.setId("visible-" + l.id().replace(':', '-'));
                Label name = new Label(l.title() + "  (" + (l.data() == null ? 0 : l.data().size()) + ")");
                HBox row = new HBox(4, box, swatch(l), name);
                row.setAlignment(Pos.CENTER_LEFT);
                setGraphic(row);
                setContextMenu(menuFor(l));
            } else if (item instanceof RasterLayer r) {
                CheckBox box = new CheckBox();
                box.setSelected(r.isVisible());
                box.selectedProperty().addListener((o, a, b) -> r.setVisible(b));
                box.setId("visible-raster-" + r.id());
                Canvas swatch = new Canvas(22, 16);
                LegendPainter.rampSwatch(swatch.getGraphicsContext2D(), r, 11, 8);
                HBox row = new HBox(4, box, swatch, new Label(r.title()));
                row.setAlignment(Pos.CENTER_LEFT);
                setGraphic(row);
                setContextMenu(menuFor(r));
            } else if (item instanceof BasemapEntry b) {
                RadioButton radio = new RadioButton(b.title());
                radio.setSelected(b.basemap().equals(current.get()));
                radio.setOnAction(e -> {
                    actions.chooseBasemap(b.basemap());
                    view.refresh();
                });
                setGraphic(radio);
            }
        }

        private ContextMenu menuFor(VectorLayer l) {
            MenuItem zoom = new MenuItem(Messages.get("gui.layer.zoom_to"));
            zoom.setOnAction(e -> actions.zoomTo(l));
            MenuItem table = new MenuItem(Messages.get("gui.layer.open_table"));
            table.setOnAction(e -> actions.openTable(l));
            MenuItem style = new MenuItem(Messages.get("gui.layer.style"));
            style.setOnAction(e -> actions.editStyle(l));
            Slider opacity = new Slider(0, 1, l.style().opacity());
            opacity.setPrefWidth(140);
            opacity.valueProperty().addListener((o, a, b) -> l.styleProperty().set(l.style().withOpacity(b.doubleValue())));
            opacity.setOnMouseReleased(e -> actions.styleChanged(l));
            CustomMenuItem opacityItem = new CustomMenuItem(new VBox(2, new Label(Messages.get("gui.layer.opacity")), opacity));
            opacityItem.setHideOnClick(false);
            MenuItem up = new MenuItem(Messages.get("gui.layer.move_up"));
            up.setOnAction(e -> move(l, -1));
            MenuItem down = new MenuItem(Messages.get("gui.layer.move_down"));
            down.setOnAction(e -> move(l, 1));
            MenuItem remove = new MenuItem(Messages.get("gui.layer.remove"));
            remove.setOnAction(e -> actions.remove(l));
            ContextMenu menu = new ContextMenu(zoom, table, style, opacityItem, new SeparatorMenuItem(), up, down,
                    new SeparatorMenuItem(), remove);
            List<MenuItem> extra = extraItems.apply(l);
            if (!extra.isEmpty()) {
                menu.getItems().addAll(4, extra);
            }
            return menu;
        }

        private ContextMenu menuFor(RasterLayer r) {
            MenuItem zoom = new MenuItem(Messages.get("gui.layer.zoom_to"));
            zoom.setOnAction(e -> actions.zoomTo(r.lonLatExtent()));
            Slider opacity = new Slider(0, 1, r.opacity());
            opacity.setPrefWidth(140);
            opacity.valueProperty().addListener((o, a, b) -> r.opacityProperty().set(b.doubleValue()));
            CustomMenuItem opacityItem = new CustomMenuItem(new VBox(2, new Label(Messages.get("gui.layer.opacity")), opacity));
            opacityItem.setHideOnClick(false);
            MenuItem up = new MenuItem(Messages.get("gui.layer.move_up"));
            up.setOnAction(e -> move(r, -1));
            MenuItem down = new MenuItem(Messages.get("gui.layer.move_down"));
            down.setOnAction(e -> move(r, 1));
            MenuItem remove = new MenuItem(Messages.get("gui.layer.remove"));
            remove.setOnAction(e -> layers.rasters().remove(r));
            return new ContextMenu(zoom, opacityItem, new SeparatorMenuItem(), up, down, new SeparatorMenuItem(), remove);
        }
    }
}
