package org.ecomonitor.io;

import org.ecomonitor.geo.Crs;
import org.ecomonitor.geo.CoordinateTransform;
import org.ecomonitor.geo.GeometryTransform;
import org.ecomonitor.model.Feature;
import org.ecomonitor.model.Flag;
import org.ecomonitor.model.Parameter;
import org.ecomonitor.model.Rejection;
import org.ecomonitor.model.Station;
import org.ecomonitor.model.StationKind;
import org.ecomonitor.store.ProjectStore;
import org.ecomonitor.store.ReadingTable;
import org.ecomonitor.store.StationTable;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The state of one import while it runs inside its transaction: the store, lookups of stations (by code, name
 * and HJ 212 MN) and parameters, the readings writer, and the report. Format readers hand it stations, features
 * and readings; it validates, counts and rejects with file:line and reason.
 */
public final class ImportSession {

    private final ProjectStore store;
    private final ImportOptions options;
    private final ImportReport report = new ImportReport();
    private final long importId;
    private final Map<String, Long> stationIds;
    private final Map<String, StationKind> stationKinds = new HashMap<>();
    private final Map<String, java.time.ZoneId> stationZones = new HashMap<>();
    private final Map<String, String> codesByName;
    private final Map<String, String> codesByMn = new HashMap<>();
    private final Map<String, Long> parameterIds;
    private final Map<StationKind, Map<String, Optional<Parameter>>> parameterCache = new HashMap<>();
    private final Map<String, Optional<Parameter>> anyKindParameters = new HashMap<>();
    private ReadingTable.Writer writer;
    /** Station code to {first, last} instant of the readings this import brought (for the alarm rules). */
    private final Map<String, long[]> touched = new HashMap<>();
    private final Map<String, java.util.Set<String>> touchedParameters = new HashMap<>();
    private List<Map.Entry<String, PreparedGeometry>> adminAreas;

    ImportSession(ProjectStore store, ImportOptions options, String source, String format) {
        this.store = store;
        this.options = options;
        this.importId = store.importLog().begin(source, format, options.user());
        this.report.importId = importId;
        this.stationIds = store.stations().idsByCode();
        this.codesByName = store.stations().codesByName();
        for (Station s : store.stations().all()) {
            stationKinds.put(s.code(), s.kind());
            stationZones.put(s.code(), s.zone());
            String mn = s.attribute("mn");
            if (mn != null) {
                codesByMn.put(mn, s.code());
            }
        }
        this.parameterIds = store.parameters().idsByCode();
    }

    /** The store, idle: readings being written in the background are in it when this returns. */
    public ProjectStore store() {
        storeIdle();
        return store;
    }

    public ImportOptions options() {
        return options;
    }

    public ImportReport report() {
        return report;
    }

    public long importId() {
        return importId;
    }

    public void reject(Rejection r) {
        report.reject(r);
    }

    public void reject(String file, long line, String column, String key, Object... args) {
        report.reject(Rejection.of(file, line, column, key, args));
    }

    public void notice(String file, String key, Object... args) {
        report.notice(Notice.of(file, key, args));
    }

    void file(String name) {
        report.file(name);
    }

    // ---- stations

    /** Stores a station (insert or update by code) and makes it known to the rest of the import. */
    public void station(Station s) {
        storeIdle();
        Station withArea = s.adcode() == null ? withAdcode(s) : s;
        StationTable.Change change = store.stations().upsert(withArea);
        switch (change) {
            case INSERTED -> report.stationsInserted++;
            case UPDATED -> report.stationsUpdated++;
            case UNCHANGED -> report.stationsUnchanged++;
        }
        if (!stationIds.containsKey(s.code())) {
            stationIds.put(s.code(), store.stations().idsByCode().get(s.code()));
        }
        stationKinds.put(s.code(), s.kind());
        stationZones.put(s.code(), s.zone());
        codesByName.putIfAbsent(s.name(), s.code());
        String mn = s.attribute("mn");
        if (mn != null) {
            codesByMn.put(mn, s.code());
        }
    }

    private Station withAdcode(Station s) {
        String adcode = adcodeAt(s.longitude(), s.latitude());
        return adcode == null ? s : new Station(s.code(), s.name(), s.kind(), s.longitude(), s.latitude(), adcode,
                s.zone(), s.attributes());
    }

    /** The adcode of the administrative area containing a CGCS2000 point, from the store's admin_areas. */
    public String adcodeAt(double lon, double lat) {
        if (adminAreas == null) {
            adminAreas = new ArrayList<>();
            for (Feature f : store.features().readAll("admin_areas")) {
                if (f.geometry() != null && !f.geometry().isEmpty()) {
                    adminAreas.add(Map.entry(f.getString("adcode"), PreparedGeometryFactory.prepare(f.geometry())));
                }
            }
        }
        Point p = new GeometryFactory().createPoint(new Coordinate(lon, lat));
        for (Map.Entry<String, PreparedGeometry> e : adminAreas) {
            if (e.getValue().covers(p)) {
                return e.getKey();
            }
        }
        return null;
    }

    /** Waits for readings being written in the background, before other use of the store's connection. */
    public void storeIdle() {
        if (writer != null) {
            writer.awaitWritten();
        }
    }

    /** Forget the cached administrative areas (after admin_areas changed). */
    void adminAreasChanged() {
        adminAreas = null;
    }

    /** The station code a file means by {@code text}: a code, a unique name, or an HJ 212 MN; null if none. */
    public String stationCode(String text) {
        if (text == null) {
            return null;
        }
        String t = text.trim();
        if (stationIds.containsKey(t)) {
            return t;
        }
        String byName = codesByName.get(t);
        if (byName != null) {
            return byName;
        }
        return codesByMn.get(t);
    }

    /** The time zone of a station's local clock (Asia/Shanghai when unknown). */
    public java.time.ZoneId zone(String code) {
        java.time.ZoneId z = code == null ? null : stationZones.get(code);
        return z == null ? Station.DEFAULT_ZONE : z;
    }

    public StationKind stationKind(String code) {
        return stationKinds.get(code);
    }

    /** Known station codes and names, to find the station a file name refers to. */
    Map<String, String> stationNames() {
        return codesByName;
    }

    // ---- parameters

    /** The parameter a header means at a station of {@code kind}, cached. */
    public Optional<Parameter> parameter(String header, StationKind kind) {
        Map<String, Optional<Parameter>> cache = kind == null ? anyKindParameters
                : parameterCache.computeIfAbsent(kind, k -> new HashMap<>());
        Optional<Parameter> p = cache.get(header);
        if (p == null) {
            p = store.parameters().resolve(header, kind);
            cache.put(header, p);
        }
        return p;
    }

    // ---- readings

    /** Adds one reading of a known station and parameter. */
    public void reading(String stationCode, Parameter parameter, long instant, double value, Flag flag) {
        if (writer == null) {
            writer = store.readings().writer(importId);
        }
        long[] range = touched.get(stationCode);
        if (range == null) {
            touched.put(stationCode, new long[]{instant, instant});
            touchedParameters.put(stationCode, new java.util.HashSet<>());
        } else {
            range[0] = Math.min(range[0], instant);
            range[1] = Math.max(range[1], instant);
        }
        touchedParameters.get(stationCode).add(parameter.code());
        writer.add(stationIds.get(stationCode), parameterIds.get(parameter.code()), instant, value, flag);
    }

    // ---- features

    /** Transforms coordinates of a file CRS to the store's CGCS2000, reusing transforms. */
    private final Map<Integer, CoordinateTransform> transforms = new HashMap<>();

    /** Geometries of a file CRS reprojected to the store's CGCS2000. */
    GeometryTransform geometriesToStore(int sourceEpsg) {
        toStore(sourceEpsg);
        return geometryTransforms.computeIfAbsent(sourceEpsg, c -> GeometryTransform.between(c, Crs.CGCS2000));
    }

    private final Map<Integer, GeometryTransform> geometryTransforms = new HashMap<>();

    public CoordinateTransform toStore(int sourceEpsg) {
        return transforms.computeIfAbsent(sourceEpsg, c -> {
            if (Crs.hasDatumShiftWarning(c)) {
                notice("", "import.xian80_no_shift", Crs.displayName(c));
            }
            return CoordinateTransform.between(c, Crs.CGCS2000);
        });
    }

    public void featureStored() {
        report.features++;
    }

    /** The stations this import brought readings for, with the time span of those readings. */
    Map<String, long[]> touched() {
        return touched;
    }

    Map<String, java.util.Set<String>> touchedParameters() {
        return touchedParameters;
    }

    /** Finishes counting readings; called once before commit. */
    void finish(String status, String message) {
        if (writer != null) {
            ReadingTable.WriteCounts c = writer.finish();
            writer.close();
            writer = null;
            report.readingsSubmitted = c.submitted();
            report.readingsInserted = c.inserted();
            report.readingsUpdated = c.updated();
            report.readingsUnchanged = c.unchanged();
        }
        store.importLog().addRejections(importId, report.rejections());
        store.importLog().finish(importId, status, report.stationsInserted + report.stationsUpdated, report.features,
                report.readingsSubmitted + report.rejectedCount(), report.readingsInserted, report.readingsUpdated,
                report.readingsUnchanged, report.rejectedCount(), message);
    }
}
