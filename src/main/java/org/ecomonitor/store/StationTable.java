package org.ecomonitor.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.ecomonitor.geo.Crs;
import org.ecomonitor.model.Station;
import org.ecomonitor.model.StationKind;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Point;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code stations} feature table: one table for every kind of monitoring point, told apart by the
 * {@code kind} column (QGIS categorises by it; one query serves a map of all networks). Unique on {@code code}:
 * importing a station again updates it in place and keeps its readings.
 */
public final class StationTable {

    public static final String TABLE = "stations";
    /** Attribute keys that have their own column rather than living in the JSON {@code attributes} column. */
    public static final String LEVEL = "level";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Connection connection;
    private final FeatureTables features;
    private final GpkgGeometry codec = new GpkgGeometry(Crs.CGCS2000);

    StationTable(Connection connection, FeatureTables features) {
        this.connection = connection;
        this.features = features;
    }

    /** What an upsert did. */
    public enum Change { INSERTED, UPDATED, UNCHANGED }

    /** Inserts the station, or updates the one with the same code when anything differs. */
    public Change upsert(Station s) {
        Optional<Station> existing = find(s.code());
        if (existing.isPresent() && sameContent(existing.get(), s)) {
            return Change.UNCHANGED;
        }
        Point p = codec.factory().createPoint(new Coordinate(s.longitude(), s.latitude()));
        Map<String, String> attrs = new LinkedHashMap<>(s.attributes());
        String level = attrs.remove(LEVEL);
        String sql = existing.isPresent()
                ? "UPDATE stations SET geom = ?, name = ?, kind = ?, adcode = ?, zone = ?, level = ?, attributes = ? WHERE code = ?"
                : "INSERT INTO stations (geom, name, kind, adcode, zone, level, attributes, code) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setBytes(1, codec.encode(p));
            ps.setString(2, s.name());
            ps.setString(3, s.kind().code());
            ps.setString(4, s.adcode());
            ps.setString(5, s.zone().getId());
            ps.setString(6, level);
            ps.setString(7, attrs.isEmpty() ? null : JSON.writeValueAsString(attrs));
            ps.setString(8, s.code());
            ps.executeUpdate();
        } catch (SQLException | JsonProcessingException e) {
            throw new StoreException(e);
        }
        features.growExtent(TABLE, new Envelope(p.getCoordinate()));
        return existing.isPresent() ? Change.UPDATED : Change.INSERTED;
    }

    private static boolean sameContent(Station a, Station b) {
        return a.name().equals(b.name()) && a.kind() == b.kind() && Objects.equals(a.adcode(), b.adcode())
                && a.zone().equals(b.zone()) && a.attributes().equals(b.attributes())
                && Math.abs(a.longitude() - b.longitude()) < 1e-9 && Math.abs(a.latitude() - b.latitude()) < 1e-9;
    }

    public Optional<Station> find(String code) {
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT fid, geom, code, name, kind, adcode, zone, level, attributes FROM stations WHERE code = ?")) {
            ps.setString(1, code);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    /** Every station, ordered by kind and code. */
    public List<Station> all() {
        return query("SELECT fid, geom, code, name, kind, adcode, zone, level, attributes FROM stations ORDER BY kind, code", null);
    }

    public List<Station> ofKind(StationKind kind) {
        return query("SELECT fid, geom, code, name, kind, adcode, zone, level, attributes FROM stations WHERE kind = ? ORDER BY code", kind.code());
    }

    private List<Station> query(String sql, String arg) {
        List<Station> list = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            if (arg != null) {
                ps.setString(1, arg);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    list.add(read(rs));
                }
            }
        } catch (SQLException e) {
            throw new StoreException(e);
        }
        return list;
    }

    private Station read(ResultSet rs) throws SQLException {
        Point p = (Point) codec.decode(rs.getBytes("geom"));
        Map<String, String> attrs = new LinkedHashMap<>();
        String json = rs.getString("attributes");
        if (json != null && !json.isBlank()) {
            try {
                attrs.putAll(JSON.readValue(json, new TypeReference<LinkedHashMap<String, String>>() { }));
            } catch (JsonProcessingException e) {
                attrs.put("attributes", json);
            }
        }
        String level = rs.getString("level");
        if (level != null) {
            attrs.put(LEVEL, level);
        }
        StationKind kind = StationKind.parse(rs.getString("kind"));
        String zone = rs.getString("zone");
        return new Station(rs.getString("code"), rs.getString("name"), kind == null ? StationKind.ECOLOGY : kind,
                p.getX(), p.getY(), rs.getString("adcode"), zone == null ? null : ZoneId.of(zone), attrs);
    }

    /** Station code to row id, for fast lookups during imports. */
    public Map<String, Long> idsByCode() {
        Map<String, Long> ids = new HashMap<>();
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery("SELECT code, fid FROM stations")) {
            while (rs.next()) {
                ids.put(rs.getString(1), rs.getLong(2));
            }
        } catch (SQLException e) {
            throw new StoreException(e);
        }
        return ids;
    }

    /** Station name to code, for files that name stations instead of coding them (names unique per store). */
    public Map<String, String> codesByName() {
        Map<String, String> codes = new HashMap<>();
        Map<String, Integer> seen = new HashMap<>();
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery("SELECT name, code FROM stations")) {
            while (rs.next()) {
                String name = rs.getString(1);
                if (name != null && seen.merge(name, 1, Integer::sum) == 1) {
                    codes.put(name, rs.getString(2));
                } else {
                    codes.remove(name);
                }
            }
        } catch (SQLException e) {
            throw new StoreException(e);
        }
        return codes;
    }

    public long count() {
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery("SELECT count(*) FROM stations")) {
            return rs.next() ? rs.getLong(1) : 0;
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    /** Number of stations per kind code. */
    public Map<String, Long> countByKind() {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT kind, count(*) FROM stations GROUP BY kind ORDER BY kind")) {
            while (rs.next()) {
                counts.put(rs.getString(1), rs.getLong(2));
            }
        } catch (SQLException e) {
            throw new StoreException(e);
        }
        return counts;
    }

    /** Stores or replaces a pollution source's permit limit for one parameter. */
    public void putPermitLimit(String stationCode, String parameter, double limit, String unit, String basis) {
        try (PreparedStatement ps = connection.prepareStatement(
                "INSERT INTO permit_limits(station_code, parameter, limit_value, unit, basis) VALUES (?, ?, ?, ?, ?) "
                        + "ON CONFLICT(station_code, parameter) DO UPDATE SET limit_value = excluded.limit_value, "
                        + "unit = excluded.unit, basis = excluded.basis")) {
            ps.setString(1, stationCode);
            ps.setString(2, parameter);
            ps.setDouble(3, limit);
            ps.setString(4, unit);
            ps.setString(5, basis);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    /** A pollution source's permit limits: parameter code to limit value. */
    public Map<String, Double> permitLimits(String stationCode) {
        Map<String, Double> limits = new LinkedHashMap<>();
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT parameter, limit_value FROM permit_limits WHERE station_code = ? ORDER BY parameter")) {
            ps.setString(1, stationCode);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    limits.put(rs.getString(1), rs.getDouble(2));
                }
            }
        } catch (SQLException e) {
            throw new StoreException(e);
        }
        return limits;
    }
}
