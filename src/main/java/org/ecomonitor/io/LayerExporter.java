package org.ecomonitor.io;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.ecomonitor.i18n.UserException;
import org.ecomonitor.model.Feature;
import org.ecomonitor.model.LayerInfo;
import org.ecomonitor.model.Progress;
import org.ecomonitor.store.FeatureTables;
import org.ecomonitor.store.PlainGeoPackage;
import org.ecomonitor.store.ProjectStore;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.io.WKTWriter;
import org.locationtech.jts.io.geojson.GeoJsonWriter;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

/**
 * Exports a layer of a project store to GeoJSON (RFC 7946, CGCS2000 longitude/latitude), CSV (UTF-8 with a BOM
 * so Excel shows Chinese; points as longitude/latitude columns, other geometries as WKT), a plain GeoPackage, or
 * an ESRI Shapefile; the format follows the target's extension. The pseudo-layer {@code readings} exports all
 * readings as a long CSV (station, parameter, local time, value, flag).
 */
public final class LayerExporter {

    private final ProjectStore store;
    private final Progress progress;

    public LayerExporter(ProjectStore store, Progress progress) {
        this.store = store;
        this.progress = progress;
    }

    /** Exports and returns the number of features (or readings) written. */
    public long export(String layer, Path target) {
        String ext = extension(target);
        if (layer.equals("readings")) {
            if (!ext.equals("csv")) {
                throw new UserException("export.readings_csv_only", target);
            }
            return readingsCsv(target);
        }
        LayerInfo info = store.features().info(layer);
        try {
            Path parent = target.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            return switch (ext) {
                case "geojson", "json" -> geoJson(info, target);
                case "csv" -> csv(info, target);
                case "gpkg" -> geoPackage(info, target);
                case "shp" -> ShapefileExport.write(store, info, target);
                default -> throw new UserException("export.format_unknown", target);
            };
        } catch (IOException e) {
            throw new UserException(e, "export.write_failed", target, e.getMessage());
        }
    }

    private static String extension(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        int dot = n.lastIndexOf('.');
        return dot < 0 ? "" : n.substring(dot + 1);
    }

    private long geoJson(LayerInfo info, Path target) throws IOException {
        GeoJsonWriter gw = new GeoJsonWriter(9);
        gw.setEncodeCRS(false);
        ObjectMapper mapper = new ObjectMapper();
        long[] n = {0};
        progress.start(info.table(), info.featureCount());
        try (OutputStream os = Files.newOutputStream(target);
             JsonGenerator g = new JsonFactory(mapper).createGenerator(os, JsonEncoding.UTF8)) {
            g.writeStartObject();
            g.writeStringField("type", "FeatureCollection");
            g.writeStringField("name", info.table());
            g.writeArrayFieldStart("features");
            store.features().forEach(info.table(), f -> {
                try {
                    g.writeStartObject();
                    g.writeStringField("type", "Feature");
                    g.writeNumberField("id", f.fid());
                    g.writeFieldName("geometry");
                    if (f.geometry() == null) {
                        g.writeNull();
                    } else {
                        g.writeRawValue(gw.write(f.geometry()));
                    }
                    g.writeObjectFieldStart("properties");
                    for (Map.Entry<String, Object> e : f.attributes().entrySet()) {
                        g.writeFieldName(e.getKey());
                        mapper.writeValue(g, e.getValue());
                    }
                    g.writeEndObject();
                    g.writeEndObject();
                    if ((++n[0] & 1023) == 0) {
                        progress.update(n[0]);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            g.writeEndArray();
            g.writeEndObject();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return n[0];
    }

    private long csv(LayerInfo info, Path target) throws IOException {
        boolean points = info.geometryType().equals("POINT");
        long[] n = {0};
        WKTWriter wkt = new WKTWriter();
        try (BufferedWriter w = Files.newBufferedWriter(target, StandardCharsets.UTF_8)) {
            w.write('\uFEFF');
            StringBuilder header = new StringBuilder(points ? "longitude,latitude" : "wkt");
            for (LayerInfo.Column c : info.columns()) {
                header.append(',').append(csvCell(c.name()));
            }
            w.write(header.toString());
            w.write("\r\n");
            store.features().forEach(info.table(), f -> {
                StringBuilder line = new StringBuilder();
                if (points) {
                    Point p = (Point) f.geometry();
                    line.append(p == null ? "," : p.getX() + "," + p.getY());
                } else {
                    line.append(f.geometry() == null ? "" : csvCell(wkt.write(f.geometry())));
                }
                for (LayerInfo.Column c : info.columns()) {
                    Object v = f.get(c.name());
                    line.append(',').append(v == null ? "" : csvCell(v.toString()));
                }
                try {
                    w.write(line.toString());
                    w.write("\r\n");
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                n[0]++;
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return n[0];
    }

    static String csvCell(String s) {
        if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
            return '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }

    private long geoPackage(LayerInfo info, Path target) {
        long n = 0;
        try (PlainGeoPackage out = PlainGeoPackage.create(target)) {
            out.features().createLayer(info.table(), info.title(), "exported from EcoMonitor", info.geometryType(),
                    info.srsId(), info.columns().stream()
                            .map(c -> new LayerInfo.Column(c.name(), c.type().replace("NOT NULL", "").trim())).toList());
            try (FeatureTables.Inserter ins = out.features().inserter(info.table())) {
                for (Feature f : store.features().readAll(info.table())) {
                    ins.add(f.geometry(), f.attributes());
                    n++;
                }
            }
        }
        return n;
    }

    private long readingsCsv(Path target) {
        DateTimeFormatter local = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
        long n = 0;
        try (BufferedWriter w = Files.newBufferedWriter(target, StandardCharsets.UTF_8);
             PreparedStatement ps = store.connection().prepareStatement(
                     "SELECT s.code, p.code, r.t, r.value, r.flag, s.zone FROM readings r JOIN stations s ON s.fid = r.station_id "
                             + "JOIN parameters p ON p.id = r.parameter_id ORDER BY r.station_id, r.parameter_id, r.t")) {
            w.write("\uFEFFstation,parameter,time,value,flag\r\n");
            progress.start("readings", store.readings().count());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ZoneId zone = ZoneId.of(rs.getString(6) == null ? "Asia/Shanghai" : rs.getString(6));
                    double v = rs.getDouble(4);
                    String value = rs.wasNull() ? "" : stripZeros(v);
                    w.write(csvCell(rs.getString(1)) + "," + rs.getString(2) + ","
                            + local.format(Instant.ofEpochMilli(rs.getLong(3)).atZone(zone)) + "," + value + "," + rs.getString(5) + "\r\n");
                    if ((++n & 65535) == 0) {
                        progress.checkCancelled();
                        progress.update(n);
                    }
                }
            }
        } catch (IOException e) {
            throw new UserException(e, "export.write_failed", target, e.getMessage());
        } catch (SQLException e) {
            throw new org.ecomonitor.store.StoreException(e);
        }
        return n;
    }

    static String stripZeros(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }
}
