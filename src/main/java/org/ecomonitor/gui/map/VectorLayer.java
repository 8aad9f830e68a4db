package org.ecomonitor.gui.map;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.ecomonitor.i18n.Messages;
import org.ecomonitor.model.LayerInfo;
import org.ecomonitor.model.StationKind;

/**
 * A vector layer of the map: a feature table of the store, or for the {@code stations} table the stations of one
 * kind. Holds its features ready for drawing, its style, and whether it is shown. The layer tree edits it, the
 * map draws it, the attribute table lists it.
 */
public final class VectorLayer {

    /** The table every monitoring point lives in. */
    public static final String STATIONS = "stations";

    private final String id;
    private final LayerInfo info;
    private final StationKind kind;
    private final String title;
    private final BooleanProperty visible = new SimpleBooleanProperty(this, "visible", true);
    private final ObjectProperty<LayerStyle> style;
    private final ObjectProperty<ProjectedLayer> data;
    private final boolean session;

    public VectorLayer(LayerInfo info, StationKind kind, String title, ProjectedLayer data, LayerStyle style) {
        this(info, kind, title, data, style, false);
    }

    private VectorLayer(LayerInfo info, StationKind kind, String title, ProjectedLayer data, LayerStyle style,
                        boolean session) {
        this.session = session;
        this.info = info;
        this.kind = kind;
        this.id = kind == null ? info.table() : info.table() + ":" + kind.code();
        this.title = title;
        this.style = new SimpleObjectProperty<>(this, "style", style);
        this.data = new SimpleObjectProperty<>(this, "data", data);
    }

    /**
     * A layer of this session only, not a table of the store: a layout's preview, planned points being edited.
     * Its features are in CGCS2000 longitude/latitude; re-reading the project keeps it (see {@link MapLayers}).
     *
     * @param name  a table-like name ("planned_points"); the id is {@code session_NAME}
     * @param title the name shown in the tree and legend
     */
    public static VectorLayer session(String name, String title, ProjectedLayer data, LayerStyle style) {
        String table = "session_" + name;
        LayerInfo info = new LayerInfo(table, title, data.family().name(), org.ecomonitor.geo.Crs.CGCS2000,
                data.size(), null, java.util.List.of());
        return new VectorLayer(info, null, title, data, style, true);
    }

    /** True for a layer of this session only (see {@link #session}). */
    public boolean isSession() {
        return session;
    }

    /** Unique in a project: the table name, or {@code stations:KIND}. */
    public String id() {
        return id;
    }

    public String table() {
        return info.table();
    }

    public LayerInfo info() {
        return info;
    }

    /** The station kind, or null for a layer that is not a station network. */
    public StationKind kind() {
        return kind;
    }

    /** The name shown in the tree and legend, in the current language. */
    public String title() {
        if (kind != null) {
            return Messages.get(kind.messageKey());
        }
        String t = Messages.get("gui.layer." + info.table());
        if (!t.startsWith("!")) {
            return t;
        }
        return title == null || title.isBlank() ? info.table() : title;
    }

    /** The style file's name: the kind's code for stations, the table name otherwise. */
    public String styleName() {
        return kind != null ? kind.code() : info.table();
    }

    public BooleanProperty visibleProperty() {
        return visible;
    }

    public boolean isVisible() {
        return visible.get();
    }

    public void setVisible(boolean v) {
        visible.set(v);
    }

    public ObjectProperty<LayerStyle> styleProperty() {
        return style;
    }

    public LayerStyle style() {
        return style.get();
    }

    public ObjectProperty<ProjectedLayer> dataProperty() {
        return data;
    }

    public ProjectedLayer data() {
        return data.get();
    }

    @Override
    public String toString() {
        return title;
    }
}
