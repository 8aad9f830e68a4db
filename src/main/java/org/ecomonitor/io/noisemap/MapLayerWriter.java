package org.ecomonitor.io.noisemap;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.ecomonitor.geo.Crs;
import org.ecomonitor.geo.GeometryTransform;
import org.ecomonitor.i18n.UserException;
import org.ecomonitor.io.shapefile.AttributeColumn;
import org.ecomonitor.io.shapefile.ShapeType;
import org.ecomonitor.io.shapefile.ShapefileCrs;
import org.ecomonitor.io.shapefile.ShapefileWriter;
import org.ecomonitor.model.Feature;
import org.ecomonitor.model.LayerInfo;
import org.ecomonitor.store.FeatureTables;
import org.ecomonitor.store.PlainGeoPackage;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.geojson.GeoJsonWriter;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes {@link MapLayer}s to files, the format by the extension: GeoPackage (.gpkg, one table per layer, in the
 * working CRS; an unknown CRS is the GeoPackage's "undefined Cartesian" -1), GeoJSON (.geojson/.json, RFC 7946:
 * CGCS2000 longitude/latitude, coordinates to 1e-9 degrees; the working coordinates themselves when the CRS is
 * unknown) or ESRI Shapefile (.shp with .shx, .dbf in UTF-8 with a .cpg, and the .prj of the working CRS).
 */
public final class MapLayerWriter {

    private MapLayerWriter() {
    }

    /** Writes one layer; returns the number of features written. */
    public static int write(MapLayer layer, Path file) {
        return switch (extension(file)) {
            case "gpkg" -> geoPackage(List.of(layer), file);
            case "geojson", "json" -> geoJson(layer, file);
            case "shp" -> shapefile(layer, file);
            default -> throw new UserException("noisemap.vectorFormatUnknown", file);
        };
    }

    /** Writes several layers into one GeoPackage (replacing the file); returns the number of features written. */
    public static int geoPackage(List<MapLayer> layers, Path file) {
        createParent(file);
        int n = 0;
        try (PlainGeoPackage gp = PlainGeoPackage.create(file)) {
            for (MapLayer layer : layers) {
                int srs = layer.crs() == 0 ? -1 : layer.crs();
                gp.features().createLayer(layer.name(), layer.name(), "EcoMonitor noise map", layer.geometryType(),
                        srs, layer.columns());
                try (FeatureTables.Inserter ins = gp.features().inserter(layer.name())) {
                    for (Feature f : layer.features()) {
                        Geometry g = f.geometry().copy();
                        g.setSRID(srs);
                        ins.add(g, f.attributes());
                        n++;
                    }
                }
            }
        }
        return n;
    }

    private static int geoJson(MapLayer layer, Path file) {
        createParent(file);
        GeometryTransform toLonLat = layer.crs() == 0 ? null : GeometryTransform.between(layer.crs(), Crs.CGCS2000);
        GeoJsonWriter gw = new GeoJsonWriter(toLonLat == null ? 3 : 9);
        gw.setEncodeCRS(false);
        ObjectMapper mapper = new ObjectMapper();
        try (OutputStream os = Files.newOutputStream(file);
             JsonGenerator g = new JsonFactory(mapper).createGenerator(os, JsonEncoding.UTF8)) {
            g.writeStartObject();
            g.writeStringField("type", "FeatureCollection");
            g.writeStringField("name", layer.name());
            g.writeArrayFieldStart("features");
            for (Feature f : layer.features()) {
                g.writeStartObject();
                g.writeStringField("type", "Feature");
                g.writeNumberField("id", f.fid());
                g.writeFieldName("geometry");
                g.writeRawValue(gw.write(toLonLat == null ? f.geometry() : toLonLat.apply(f.geometry())));
                g.writeObjectFieldStart("properties");
                for (Map.Entry<String, Object> e : f.attributes().entrySet()) {
                    g.writeFieldName(e.getKey());
                    mapper.writeValue(g, e.getValue());
                }
                g.writeEndObject();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UserException(e, "export.write_failed", file, e.getMessage());
        }
        return layer.features().size();
    }

    private static int shapefile(MapLayer layer, Path file) {
        createParent(file);
        ShapeType type = layer.geometryType().endsWith("POLYGON") ? ShapeType.POLYGON : ShapeType.POLYLINE;
        List<AttributeColumn> columns = new ArrayList<>();
        for (LayerInfo.Column c : layer.columns()) {
            columns.add(switch (c.type()) {
                case "INTEGER" -> AttributeColumn.integer(c.name());
                case "REAL" -> AttributeColumn.real(c.name());
                default -> AttributeColumn.text(c.name());
            });
        }
        ShapefileCrs crs = layer.crs() == 0 ? ShapefileCrs.NONE : ShapefileCrs.ofEpsg(layer.crs());
        try (ShapefileWriter w = ShapefileWriter.create(file, type, columns, crs)) {
            for (Feature f : layer.features()) {
                w.write(f.geometry(), f.attributes());
            }
            w.finish();
        }
        return layer.features().size();
    }

    static String extension(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        int dot = n.lastIndexOf('.');
        return dot < 0 ? "" : n.substring(dot + 1);
    }

    static void createParent(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (IOException e) {
            throw new UserException(e, "export.write_failed", file, e.getMessage());
        }
    }
}
