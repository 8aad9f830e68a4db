package org.ecomonitor.io;

import org.ecomonitor.analysis.layout.LayoutPlan;
import org.ecomonitor.i18n.UserException;
import org.ecomonitor.store.FeatureTables;
import org.ecomonitor.store.ProjectStore;
import org.ecomonitor.store.StoreException;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Set;

/**
 * Keeps a layout's planned points in the project store as a point layer (EPSG:4490) that the map shows and the
 * attribute table edits, with the columns of the CSV export and the method's parameters as the layer's
 * description; a grid method's squares go to a polygon layer beside it ({@code <layer>_cells}). Saving again under
 * the same name replaces an earlier layout layer, in one transaction; a layer that is not a layout's (stations,
 * boundaries, an imported layer) is never replaced.
 */
public final class PlannedPointsLayer {

    /** Descriptions of layout layers start with this. */
    static final String MARK = "method=";
    private static final Set<String> RESERVED = Set.of("stations", "admin_areas", "rivers", "readings",
            "parameters", "reading_revisions", "permit_limits", "import_log", "import_rejections");

    private PlannedPointsLayer() {
    }

    /**
     * Saves the plan as the layer {@code name} (made a safe table name).
     *
     * @return the table name of the points layer
     * @throws UserException when the name belongs to a layer that is not a layout
     */
    public static String save(ProjectStore store, LayoutPlan plan, String name) {
        String table = FeatureTables.tableName(name);
        String cells = table + "_cells";
        if (RESERVED.contains(table)) {
            throw new UserException("layout.layerNotLayout", table);
        }
        return store.inTransaction(() -> {
            for (String t : new String[]{table, cells}) {
                if (store.features().exists(t)) {
                    if (!isLayout(store, t)) {
                        throw new UserException("layout.layerNotLayout", t);
                    }
                    store.features().dropLayer(t);
                }
            }
            PlannedPointsExport.writeLayers(store.features(), plan, table, plan.cells().isEmpty() ? null : cells,
                    PlannedPointsExport.attributeColumns(plan));
            return table;
        });
    }

    /** True when the layer was written by {@link #save}. */
    public static boolean isLayout(ProjectStore store, String table) {
        try (PreparedStatement ps = store.connection().prepareStatement(
                "SELECT description FROM gpkg_contents WHERE table_name = ?")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getString(1) != null && rs.getString(1).startsWith(MARK);
            }
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }
}
