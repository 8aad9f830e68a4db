package org.ecomonitor.store;

import mil.nga.geopackage.geom.GeoPackageGeometryData;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;

import java.io.IOException;

/**
 * Converts JTS geometries to and from GeoPackage geometry blobs (the "GP" header with SRS id and envelope,
 * then standard WKB), using NGA GeoPackage for the header. Geometries are stored in two dimensions (the layers
 * declare z = 0, prohibited); a Z value of a source file is dropped. Not thread-safe (JTS readers keep buffers).
 */
public final class GpkgGeometry {

    private final GeometryFactory factory;
    private final WKBReader reader;
    private final WKBWriter writer2d = new WKBWriter(2);

    public GpkgGeometry(int srsId) {
        this.factory = new GeometryFactory(new PrecisionModel(), srsId);
        this.reader = new WKBReader(factory);
    }

    public byte[] encode(Geometry geometry) {
        if (geometry == null) {
            return null;
        }
        byte[] wkb = writer2d.write(geometry);
        try {
            return GeoPackageGeometryData.createFromWkbBuildEnvelopeAndWrite(factory.getSRID(), wkb).toBytes();
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode geometry " + geometry.getGeometryType(), e);
        }
    }

    public Geometry decode(byte[] blob) {
        if (blob == null) {
            return null;
        }
        try {
            byte[] wkb = new GeoPackageGeometryData(blob).getWkb();
            return wkb == null ? factory.createEmpty(0) : reader.read(wkb);
        } catch (IOException | ParseException | RuntimeException e) {
            throw new IllegalStateException("corrupt GeoPackage geometry blob of " + blob.length + " bytes", e);
        }
    }

    public GeometryFactory factory() {
        return factory;
    }
}
