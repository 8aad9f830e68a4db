package org.ecomonitor.store;

import mil.nga.geopackage.GeoPackage;
import mil.nga.geopackage.GeoPackageManager;
import org.ecomonitor.i18n.UserException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;

/**
 * A plain GeoPackage holding exported layers only (no project tables): what an export writes for QGIS, GDAL or
 * a field tablet. Writes happen in one transaction committed by {@link #close()}.
 */
public final class PlainGeoPackage implements AutoCloseable {

    private final GeoPackage geoPackage;
    private final FeatureTables features;

    private PlainGeoPackage(GeoPackage gp) {
        this.geoPackage = gp;
        this.features = new FeatureTables(gp.getConnection().getConnection());
    }

    /** Creates the file (replacing an existing one). */
    public static PlainGeoPackage create(Path file) {
        try {
            Files.deleteIfExists(file);
            GeoPackageManager.create(file.toFile(), false);
            GeoPackage gp = GeoPackageManager.open(file.toFile(), true);
            gp.createGeometryColumnsTable();
            ProjectStore.declareGeoPackage13(gp.getConnection().getConnection());
            gp.getConnection().getConnection().setAutoCommit(false);
            return new PlainGeoPackage(gp);
        } catch (Exception e) {
            throw new UserException(e, "store.create_failed", file, ProjectStore.rootMessage(e));
        }
    }

    public FeatureTables features() {
        return features;
    }

    @Override
    public void close() {
        try {
            geoPackage.getConnection().getConnection().commit();
            geoPackage.getConnection().getConnection().setAutoCommit(true);
        } catch (SQLException e) {
            throw new StoreException(e);
        } finally {
            geoPackage.close();
        }
    }
}
