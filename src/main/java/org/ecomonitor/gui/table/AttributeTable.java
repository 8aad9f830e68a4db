package org.ecomonitor.gui.table;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToolBar;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.stage.FileChooser;
import org.ecomonitor.gui.FileDialogs;
import org.ecomonitor.gui.map.Selection;
import org.ecomonitor.gui.map.VectorLayer;
import org.ecomonitor.i18n.Messages;
import org.ecomonitor.model.Feature;
import org.ecomonitor.model.LayerInfo;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A layer's attribute table: a virtualised TableView (only the visible rows have cells, so 100,000 rows scroll
 * smoothly), a filter over all columns, sorting by any column (numbers as numbers), selection kept in step with
 * the map both ways, and export of the rows shown to CSV or XLSX.
 */
public final class AttributeTable {

    private final VectorLayer layer;
    private final Selection selection;
    private final TableView<Feature> table = new TableView<>();
    private final FilteredList<Feature> filtered;
    private final TextField filter = new TextField();
    private final Label count = new Label();
    private final BorderPane node = new BorderPane();
    private boolean syncing;
    private final javafx.beans.InvalidationListener selectionListener = o -> mapSelectionChanged();

    /**
     * @param export called with the export (file chosen) to run off the FX thread; {@code zoomToSelection} zooms
     *               the map to the selected rows
     */
    public AttributeTable(VectorLayer layer, Selection selection, FileDialogs dialogs, Consumer<Runnable> export,
                          Runnable zoomToSelection) {
        this.layer = layer;
        this.selection = selection;
        filtered = new FilteredList<>(FXCollections.observableArrayList(layer.data().features()));
        SortedList<Feature> sorted = new SortedList<>(filtered);
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        table.setId("attributeTable-" + layer.id());
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        table.setFixedCellSize(22);
        table.setPlaceholder(new Label(Messages.get("gui.table.empty")));
        table.getColumns().add(column("fid", f -> f.fid()));
        for (LayerInfo.Column c : layer.info().columns()) {
            table.getColumns().add(column(c.name(), f -> f.get(c.name())));
        }
        filter.setPromptText(Messages.get("gui.table.filter"));
        filter.setId("tableFilter");
        filter.textProperty().addListener((o, a, b) -> applyFilter(b));
        Button toSelection = new Button(Messages.get("gui.table.zoom_selection"));
        toSelection.setOnAction(e -> zoomToSelection.run());
        Button csv = new Button(Messages.get("gui.table.export"));
        csv.setOnAction(e -> {
            Path target = dialogs.save(table.getScene().getWindow(), Messages.get("gui.table.export"),
                    layer.table() + ".csv", List.of(new FileChooser.ExtensionFilter("CSV (UTF-8)", "*.csv"),
                            new FileChooser.ExtensionFilter("Excel (XLSX)", "*.xlsx")));
            if (target != null) {
                List<Feature> rows = List.copyOf(table.getItems());
                List<String> columns = layer.info().columns().stream().map(LayerInfo.Column::name).toList();
                export.accept(() -> TableExport.write(target, columns, rows));
            }
        });
        Region spring = new Region();
        javafx.scene.layout.HBox.setHgrow(spring, Priority.ALWAYS);
        ToolBar bar = new ToolBar(filter, count, spring, toSelection, csv);
        node.setTop(bar);
        node.setCenter(table);
        node.setPadding(new Insets(0));
        table.getSelectionModel().getSelectedItems().addListener((ListChangeListener<Feature>) c -> tableSelectionChanged());
        selection.revision().addListener(selectionListener);
        table.getItems().addListener((ListChangeListener<Feature>) c -> updateCount());
        updateCount();
        mapSelectionChanged();
        count.setAlignment(Pos.CENTER_LEFT);
    }

    private static TableColumn<Feature, Object> column(String name, java.util.function.Function<Feature, Object> value) {
        TableColumn<Feature, Object> col = new TableColumn<>(name);
        col.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(value.apply(cd.getValue())));
        col.setComparator(AttributeTable::compareValues);
        col.setPrefWidth(name.equals("fid") ? 60 : 110);
        return col;
    }

    /** Numbers numerically, then text; empty values last. */
    static int compareValues(Object a, Object b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : 1) : -1;
        }
        if (a instanceof Number x && b instanceof Number y) {
            return Double.compare(x.doubleValue(), y.doubleValue());
        }
        return a.toString().compareTo(b.toString());
    }

    private void applyFilter(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        if (t.isEmpty()) {
            filtered.setPredicate(null);
            return;
        }
        filtered.setPredicate(f -> {
            if (Long.toString(f.fid()).equals(t)) {
                return true;
            }
            for (Object v : f.attributes().values()) {
                if (v != null && v.toString().toLowerCase(Locale.ROOT).contains(t)) {
                    return true;
                }
            }
            return false;
        });
    }

    private void updateCount() {
        count.setText(Messages.get("gui.table.count", table.getItems().size(), layer.data().size()));
    }

    private void tableSelectionChanged() {
        if (syncing) {
            return;
        }
        syncing = true;
        try {
            List<Long> fids = new ArrayList<>();
            for (Feature f : table.getSelectionModel().getSelectedItems()) {
                if (f != null) {
                    fids.add(f.fid());
                }
            }
            selection.replaceIn(layer.id(), fids);
        } finally {
            syncing = false;
        }
    }

    private void mapSelectionChanged() {
        if (syncing) {
            return;
        }
        syncing = true;
        try {
            Set<Long> fids = new HashSet<>(selection.of(layer.id()));
            table.getSelectionModel().clearSelection();
            if (fids.isEmpty()) {
                return;
            }
            List<Feature> items = table.getItems();
            int first = -1;
            int[] indices = new int[fids.size()];
            int n = 0;
            for (int i = 0; i < items.size() && n < indices.length; i++) {
                if (fids.contains(items.get(i).fid())) {
                    indices[n++] = i;
                    if (first < 0) {
                        first = i;
                    }
                }
            }
            if (n > 0) {
                table.getSelectionModel().selectIndices(indices[0], java.util.Arrays.copyOfRange(indices, 1, n));
                table.scrollTo(first);
            }
        } finally {
            syncing = false;
        }
    }

    /** Stops following the map's selection (the table was closed). */
    public void dispose() {
        selection.revision().removeListener(selectionListener);
    }

    public VectorLayer layer() {
        return layer;
    }

    public TableView<Feature> table() {
        return table;
    }

    public TextField filterField() {
        return filter;
    }

    public BorderPane node() {
        return node;
    }

    /** Rows in the order shown. */
    public List<Feature> shownRows() {
        return List.copyOf(table.getItems());
    }

    static Comparator<Object> comparator() {
        return AttributeTable::compareValues;
    }
}
