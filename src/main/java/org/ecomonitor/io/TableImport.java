package org.ecomonitor.io;

import org.ecomonitor.geo.Crs;
import org.ecomonitor.geo.CoordinateTransform;
import org.ecomonitor.geo.CrsGuess;
import org.ecomonitor.i18n.UserException;
import org.ecomonitor.model.Flag;
import org.ecomonitor.model.LayerInfo;
import org.ecomonitor.model.Parameter;
import org.ecomonitor.model.Progress;
import org.ecomonitor.model.Station;
import org.ecomonitor.model.StationKind;
import org.ecomonitor.store.FeatureTables;
import org.ecomonitor.store.ReadingKey;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Interprets a table (CSV or spreadsheet) by its columns, whatever its layout:
 * <ul>
 *   <li>points (longitude/latitude or projected x/y): stations when the kind is known (a kind column or the
 *       manifest), otherwise a point layer of their own;</li>
 *   <li>long readings: station, parameter, time, value[, flag];</li>
 *   <li>wide readings: time, then one column per parameter (Chinese or English headers), the station from a
 *       column, the manifest, or the file name; a column "X_flag"/"X标识" carries the flag of parameter X;</li>
 *   <li>points with readings (a soil or noise survey: one row per point with its date and values).</li>
 * </ul>
 * Every row that cannot be used is rejected with its line, column and reason; the others land.
 */
final class TableImport {

    private static final GeometryFactory GEOMETRY = new GeometryFactory();

    private final TableSource table;
    private final ImportSession session;
    private final FileSpec spec;
    private final Progress progress;
    private final String file;
    private final ColumnRoles roles;
    private final List<String> header;
    private int belowDetection;

    TableImport(TableSource table, ImportSession session, FileSpec spec, Progress progress) {
        this.table = table;
        this.session = session;
        this.spec = spec;
        this.progress = progress;
        this.file = table.name();
        this.header = table.header();
        this.roles = new ColumnRoles(header, spec.columns());
    }

    void run() {
        boolean points = roles.hasGeographic() || roles.hasProjected();
        boolean time = roles.has(ColumnRoles.TIME);
        if (points) {
            importPoints();
        } else if (time && roles.has(ColumnRoles.PARAMETER) && roles.has(ColumnRoles.VALUE)) {
            importLongReadings();
        } else if (time) {
            importWideReadings();
        } else if (roles.has(ColumnRoles.CODE) && roles.has(ColumnRoles.PARAMETER) && roles.has(ColumnRoles.LIMIT)) {
            importPermitLimits();
        } else {
            throw new UserException("import.table_unrecognised", file, String.join(", ", header));
        }
        if (belowDetection > 0) {
            session.notice(file, "import.below_detection", belowDetection);
        }
    }

    // ---------------------------------------------------------------- points

    private void importPoints() {
        List<TableSource.Row> rows = new ArrayList<>();
        for (TableSource.Row r : table) {
            rows.add(r);
        }
        boolean geographic = roles.hasGeographic();
        int cx = geographic ? roles.get(ColumnRoles.LON) : roles.get(ColumnRoles.X);
        int cy = geographic ? roles.get(ColumnRoles.LAT) : roles.get(ColumnRoles.Y);
        int crs = crsOf(rows, cx, cy, geographic);
        boolean swapXy = false;
        if (!geographic && crs > 0 && !Crs.isGeographic(crs)) {
            swapXy = surveyorsAxes(rows, cx, cy);
            if (swapXy) {
                session.notice(file, "import.xy_swapped", header.get(cx), header.get(cy));
            }
        }
        CoordinateTransform toStore = session.toStore(crs);

        int cKind = roles.get(ColumnRoles.KIND);
        boolean stations = spec.kind() != null || cKind >= 0 || "stations".equals(spec.layer());
        Map<Integer, String> parameterColumns = time() ? parameterColumns(spec.kind()) : Map.of();
        String layerTable = null;
        FeatureTables.Inserter inserter = null;
        List<LayerInfo.Column> layerColumns = List.of();
        if (!stations) {
            layerTable = FeatureTables.tableName(spec.layer() != null ? spec.layer() : baseName(file));
            List<LayerInfo.Column> cols = new ArrayList<>();
            for (int i = 0; i < header.size(); i++) {
                if (i != cx && i != cy && !header.get(i).isBlank()) {
                    cols.add(new LayerInfo.Column(uniqueColumn(cols, header.get(i)), "TEXT"));
                }
            }
            if (session.store().features().exists(layerTable)) {
                session.store().features().dropLayer(layerTable);
                session.notice(file, "import.layer_replaced", layerTable);
            }
            session.store().features().createLayer(layerTable, spec.layer() != null ? spec.layer() : baseName(file),
                    file, "POINT", Crs.CGCS2000, cols);
            inserter = session.store().features().inserter(layerTable);
            layerColumns = session.store().features().columns(layerTable);
        }
        progress.start(file, rows.size());
        double[] xy = new double[2];
        long done = 0;
        for (TableSource.Row row : rows) {
            if ((++done & 1023) == 0) {
                progress.checkCancelled();
                progress.update(done);
            }
            double x = ValueText.parse(row.cell(cx));
            double y = ValueText.parse(row.cell(cy));
            if (Double.isNaN(x) || Double.isNaN(y) || Double.isInfinite(x) || Double.isInfinite(y)) {
                int bad = Double.isNaN(x) || Double.isInfinite(x) ? cx : cy;
                session.reject(file, row.line(), header.get(bad), "reject.coordinate_not_number", row.cell(bad));
                continue;
            }
            if (swapXy) {
                double t = x;
                x = y;
                y = t;
            }
            toStore.apply(x, y, xy);
            double lon = xy[0];
            double lat = xy[1];
            if (!(lon >= -180 && lon <= 180 && lat >= -90 && lat <= 90)) {
                session.reject(file, row.line(), header.get(cx), "reject.coordinate_out_of_range", row.cell(cx), row.cell(cy));
                continue;
            }
            if (!stations) {
                Map<String, Object> attrs = new LinkedHashMap<>();
                List<LayerInfo.Column> cols = layerColumns;
                int k = 0;
                for (int i = 0; i < header.size(); i++) {
                    if (i != cx && i != cy && !header.get(i).isBlank()) {
                        attrs.put(cols.get(k++).name(), row.cell(i));
                    }
                }
                inserter.add(GEOMETRY.createPoint(new Coordinate(lon, lat)), attrs);
                session.featureStored();
                continue;
            }
            StationKind kind = spec.kind();
            if (cKind >= 0 && !row.cell(cKind).isBlank()) {
                kind = StationKind.parse(row.cell(cKind));
                if (kind == null) {
                    session.reject(file, row.line(), header.get(cKind), "reject.kind_unknown", row.cell(cKind));
                    continue;
                }
            }
            if (kind == null) {
                session.reject(file, row.line(), null, "reject.kind_missing");
                continue;
            }
            int cCode = roles.get(ColumnRoles.CODE);
            String code = cCode >= 0 ? row.cell(cCode).trim() : "";
            if (code.isEmpty()) {
                session.reject(file, row.line(), cCode >= 0 ? header.get(cCode) : null, "reject.code_missing");
                continue;
            }
            Station s = stationOf(row, code, kind, lon, lat, parameterColumns.keySet());
            session.station(s);
            if (!parameterColumns.isEmpty()) {
                readingsOfRow(row, code, kind, parameterColumns);
            }
        }
        if (inserter != null) {
            inserter.close();
        }
        progress.update(rows.size());
    }

    private static String uniqueColumn(List<LayerInfo.Column> cols, String name) {
        String base = name.trim().replace('"', '_');
        String n = base;
        int i = 2;
        while (true) {
            String candidate = n;
            if (cols.stream().noneMatch(c -> c.name().equalsIgnoreCase(candidate))
                    && !candidate.equalsIgnoreCase("fid") && !candidate.equalsIgnoreCase(FeatureTables.GEOMETRY_COLUMN)) {
                return n;
            }
            n = base + "_" + i++;
        }
    }

    private Station stationOf(TableSource.Row row, String code, StationKind kind, double lon, double lat,
                              java.util.Set<Integer> valueColumns) {
        int cName = roles.get(ColumnRoles.NAME);
        int cAdcode = roles.get(ColumnRoles.ADCODE);
        Map<String, String> attrs = new LinkedHashMap<>(spec.attributes());
        for (int i = 0; i < header.size(); i++) {
            if (roles.isRole(i) && i != roles.get(ColumnRoles.LEVEL) && i != roles.get(ColumnRoles.MN)) {
                continue;
            }
            if (valueColumns.contains(i) || header.get(i).isBlank() || row.cell(i).isBlank()) {
                continue;
            }
            String key = i == roles.get(ColumnRoles.LEVEL) ? "level" : i == roles.get(ColumnRoles.MN) ? "mn" : header.get(i);
            attrs.put(key, row.cell(i).trim());
        }
        String adcode = cAdcode >= 0 && !row.cell(cAdcode).isBlank() ? row.cell(cAdcode).trim() : null;
        String name = cName >= 0 && !row.cell(cName).isBlank() ? row.cell(cName).trim() : code;
        return new Station(code, name, kind, lon, lat, adcode, Station.DEFAULT_ZONE, attrs);
    }

    private int crsOf(List<TableSource.Row> rows, int cx, int cy, boolean geographic) {
        if (spec.crs() != null) {
            return spec.crs();
        }
        if (session.options().crs() != null) {
            return session.options().crs();
        }
        if (geographic) {
            return Crs.CGCS2000;
        }
        double minX = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        for (TableSource.Row r : rows) {
            double x = ValueText.parse(r.cell(cx));
            double y = ValueText.parse(r.cell(cy));
            if (Double.isFinite(x) && Double.isFinite(y)) {
                minX = Math.min(minX, x);
                maxX = Math.max(maxX, x);
                minY = Math.min(minY, y);
                maxY = Math.max(maxY, y);
            }
        }
        int guess = CrsGuess.guess(minX, maxX, minY, maxY, 108.9);
        if (guess < 0) {
            // surveyors write X = northing, Y = easting: try the other way round
            guess = CrsGuess.guess(minY, maxY, minX, maxX, 108.9);
        }
        if (guess < 0) {
            throw new UserException("import.crs_undetectable", file, minX, maxX, minY, maxY);
        }
        session.notice(file, "import.crs_guessed", Crs.displayName(guess));
        return guess;
    }

    /** True when the "x" column holds northings (Chinese surveying convention: X north, Y east). */
    private static boolean surveyorsAxes(List<TableSource.Row> rows, int cx, int cy) {
        for (TableSource.Row r : rows) {
            double x = ValueText.parse(r.cell(cx));
            double y = ValueText.parse(r.cell(cy));
            if (Double.isFinite(x) && Double.isFinite(y)) {
                boolean xLooksNorthing = x >= 1_000_000 && x < 10_000_000;
                boolean yLooksEasting = y < 1_000_000 || y >= 10_000_000;
                return xLooksNorthing && yLooksEasting;
            }
        }
        return false;
    }

    private static String baseName(String file) {
        int dot = file.lastIndexOf('.');
        return dot > 0 ? file.substring(0, dot) : file;
    }

    private boolean time() {
        return roles.has(ColumnRoles.TIME);
    }

    // ---------------------------------------------------------------- permit limits

    /** A table of pollution sources' permit limits: source code, parameter, limit[, basis]. */
    private void importPermitLimits() {
        int cCode = roles.get(ColumnRoles.CODE);
        int cParam = roles.get(ColumnRoles.PARAMETER);
        int cLimit = roles.get(ColumnRoles.LIMIT);
        int cBasis = roles.get(ColumnRoles.BASIS);
        for (TableSource.Row row : table) {
            String code = session.stationCode(row.cell(cCode));
            if (code == null) {
                session.reject(file, row.line(), header.get(cCode), "reject.unknown_station", row.cell(cCode));
                continue;
            }
            Optional<Parameter> p = session.parameter(row.cell(cParam), session.stationKind(code));
            if (p.isEmpty()) {
                session.reject(file, row.line(), header.get(cParam), "reject.unknown_parameter", row.cell(cParam));
                continue;
            }
            double limit = ValueText.parse(row.cell(cLimit));
            if (!Double.isFinite(limit) || limit <= 0) {
                session.reject(file, row.line(), header.get(cLimit), "reject.value_not_number", row.cell(cLimit));
                continue;
            }
            session.store().stations().putPermitLimit(code, p.get().code(), limit, p.get().unit(),
                    cBasis >= 0 ? row.cell(cBasis) : null);
            session.featureStored();
        }
    }

    // ---------------------------------------------------------------- readings

    /** Parameter columns (index to header) of a wide table for a station kind: headers that resolve to a parameter. */
    private Map<Integer, String> parameterColumns(StationKind kind) {
        Map<Integer, String> cols = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            if (roles.isRole(i) || header.get(i).isBlank() || flagColumnOf(i) != null) {
                continue;
            }
            if (session.parameter(header.get(i), kind).isPresent()) {
                cols.put(i, header.get(i));
            }
        }
        return cols;
    }

    /** For a column "PM2.5_flag" or "PM2.5标识", the header it flags; null otherwise. */
    private String flagColumnOf(int i) {
        String h = header.get(i).trim();
        String lower = h.toLowerCase(Locale.ROOT);
        for (String suffix : new String[]{"_flag", " flag", "-flag", "标识", "_标识", "标记"}) {
            if (lower.endsWith(suffix) && lower.length() > suffix.length()) {
                return h.substring(0, h.length() - suffix.length()).trim();
            }
        }
        return null;
    }

    private int flagColumnFor(String parameterHeader) {
        for (int i = 0; i < header.size(); i++) {
            String of = flagColumnOf(i);
            if (of != null && of.equalsIgnoreCase(parameterHeader.trim())) {
                return i;
            }
        }
        return -1;
    }

    private void readingsOfRow(TableSource.Row row, String code, StationKind kind, Map<Integer, String> parameterColumns) {
        int cTime = roles.get(ColumnRoles.TIME);
        long t = TimeParser.parse(row.cell(cTime), zoneOf(code));
        if (t == Long.MIN_VALUE) {
            session.reject(file, row.line(), header.get(cTime), "reject.time_unparseable", row.cell(cTime));
            return;
        }
        if (!ReadingKey.inRange(t)) {
            session.reject(file, row.line(), header.get(cTime), "reject.time_out_of_range", row.cell(cTime));
            return;
        }
        int cFlag = roles.get(ColumnRoles.FLAG);
        for (Map.Entry<Integer, String> pc : parameterColumns.entrySet()) {
            String cell = row.cell(pc.getKey());
            if (ValueText.isMissing(cell)) {
                continue;
            }
            Optional<Parameter> p = session.parameter(pc.getValue(), kind);
            if (p.isEmpty()) {
                continue;
            }
            int fc = flagColumnFor(pc.getValue());
            String flagText = fc >= 0 ? row.cell(fc) : cFlag >= 0 ? row.cell(cFlag) : "";
            value(row, pc.getKey(), code, p.get(), t, cell, flagText, fc >= 0 ? fc : cFlag);
        }
    }

    private ZoneId zoneOf(String code) {
        return session.zone(code);
    }

    /** Validates and stores one value cell. */
    private void value(TableSource.Row row, int column, String code, Parameter p, long t, String cell, String flagText,
                       int flagColumn) {
        double v = ValueText.parse(cell);
        if (v == ValueText.NOT_A_NUMBER) {
            session.reject(file, row.line(), header.get(column), "reject.value_not_number", cell);
            return;
        }
        if (Double.isNaN(v)) {
            session.reject(file, row.line(), header.get(column), "reject.value_missing");
            return;
        }
        if (v < 0 && !p.unit().contains("°C")) {
            session.reject(file, row.line(), header.get(column), "reject.value_negative", cell, p.code());
            return;
        }
        if ((p.code().equals("w01001") || p.code().equals("soil_ph")) && v > 14) {
            session.reject(file, row.line(), header.get(column), "reject.ph_range", cell);
            return;
        }
        Flag flag = Flag.parse(flagText);
        if (flag == null) {
            session.reject(file, row.line(), flagColumn >= 0 ? header.get(flagColumn) : null, "reject.flag_unknown", flagText);
            return;
        }
        if (ValueText.isBelowDetection(cell)) {
            belowDetection++;
        }
        session.reading(code, p, t, v, flag);
    }

    private void importLongReadings() {
        int cStation = roles.has(ColumnRoles.CODE) ? roles.get(ColumnRoles.CODE) : roles.get(ColumnRoles.NAME);
        int cParam = roles.get(ColumnRoles.PARAMETER);
        int cValue = roles.get(ColumnRoles.VALUE);
        int cTime = roles.get(ColumnRoles.TIME);
        int cFlag = roles.get(ColumnRoles.FLAG);
        String fixedStation = cStation < 0 ? stationFromSpecOrName() : null;
        progress.start(file, -1);
        long n = 0;
        Map<String, String> codeCache = new HashMap<>();
        for (TableSource.Row row : table) {
            if ((++n & 4095) == 0) {
                progress.checkCancelled();
                progress.update(n);
            }
            String code = fixedStation;
            if (code == null) {
                String text = row.cell(cStation);
                code = codeCache.computeIfAbsent(text, session::stationCode);
                if (code == null) {
                    session.reject(file, row.line(), header.get(cStation), "reject.unknown_station", text);
                    continue;
                }
            }
            StationKind kind = session.stationKind(code);
            String paramText = row.cell(cParam);
            Optional<Parameter> p = session.parameter(paramText, kind);
            if (p.isEmpty()) {
                session.reject(file, row.line(), header.get(cParam), "reject.unknown_parameter", paramText);
                continue;
            }
            long t = TimeParser.parse(row.cell(cTime), zoneOf(code));
            if (t == Long.MIN_VALUE) {
                session.reject(file, row.line(), header.get(cTime), "reject.time_unparseable", row.cell(cTime));
                continue;
            }
            if (!ReadingKey.inRange(t)) {
                session.reject(file, row.line(), header.get(cTime), "reject.time_out_of_range", row.cell(cTime));
                continue;
            }
            value(row, cValue, code, p.get(), t, row.cell(cValue), cFlag >= 0 ? row.cell(cFlag) : "", cFlag);
        }
        progress.update(n);
    }

    private void importWideReadings() {
        int cStation = roles.has(ColumnRoles.CODE) ? roles.get(ColumnRoles.CODE) : roles.get(ColumnRoles.NAME);
        String fixedStation = cStation < 0 ? stationFromSpecOrName() : null;
        Map<StationKind, Map<Integer, String>> columnsByKind = new HashMap<>();
        progress.start(file, -1);
        long n = 0;
        boolean anyParameter = false;
        for (TableSource.Row row : table) {
            if ((++n & 4095) == 0) {
                progress.checkCancelled();
                progress.update(n);
            }
            String code = fixedStation;
            if (code == null) {
                code = session.stationCode(row.cell(cStation));
                if (code == null) {
                    session.reject(file, row.line(), header.get(cStation), "reject.unknown_station", row.cell(cStation));
                    continue;
                }
            }
            StationKind kind = session.stationKind(code);
            Map<Integer, String> cols = columnsByKind.computeIfAbsent(kind, this::parameterColumns);
            if (cols.isEmpty()) {
                throw new UserException("import.no_parameter_columns", file, String.join(", ", header));
            }
            anyParameter = true;
            readingsOfRow(row, code, kind, cols);
        }
        if (anyParameter) {
            for (Map<Integer, String> cols : columnsByKind.values()) {
                for (int i = 0; i < header.size(); i++) {
                    if (!roles.isRole(i) && !cols.containsKey(i) && flagColumnOf(i) == null && !header.get(i).isBlank()) {
                        session.notice(file, "import.column_ignored", header.get(i));
                    }
                }
            }
        }
        progress.update(n);
    }

    /** The station of a file without a station column: the manifest's, or one whose code or name the file name holds. */
    private String stationFromSpecOrName() {
        if (spec.station() != null) {
            String code = session.stationCode(spec.station());
            if (code == null) {
                throw new UserException("import.manifest_station_unknown", file, spec.station());
            }
            return code;
        }
        String base = baseName(file);
        String best = null;
        int bestLength = 0;
        for (Map.Entry<String, String> e : session.stationNames().entrySet()) {
            String name = e.getKey();
            if (name.length() > bestLength && base.contains(name)) {
                best = e.getValue();
                bestLength = name.length();
            }
            String code = e.getValue();
            if (code.length() > bestLength && base.contains(code)) {
                best = code;
                bestLength = code.length();
            }
        }
        if (best == null) {
            throw new UserException("import.station_column_missing", file);
        }
        session.notice(file, "import.station_from_file_name", best);
        return best;
    }
}
