package org.ecomonitor.store;

import org.ecomonitor.model.Parameter;
import org.ecomonitor.model.StationKind;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The parameter catalogue: the {@code parameters} attribute table, seeded from the built-in list
 * ({@code parameters.csv} beside this class), and the mapping of file headers in Chinese or English
 * ("PM2.5(μg/m3)", "氨氮", "Dissolved oxygen") to parameter codes, by station kind where a header is ambiguous
 * (pH of water or of soil).
 */
public final class ParameterCatalogue {

    /** A built-in parameter with the station domain it belongs to and its header aliases. */
    record Entry(Parameter parameter, String domain, List<String> aliases) {
    }

    private static final List<Entry> BUILT_IN = loadBuiltIn();

    private final Connection connection;
    private Map<String, Parameter> byCode;

    ParameterCatalogue(Connection connection) {
        this.connection = connection;
    }

    private static List<Entry> loadBuiltIn() {
        List<Entry> entries = new ArrayList<>();
        try (InputStream in = ParameterCatalogue.class.getResourceAsStream("parameters.csv");
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            boolean header = true;
            while ((line = r.readLine()) != null) {
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                if (header) {
                    header = false;
                    continue;
                }
                String[] f = line.split(",", -1);
                Parameter p = new Parameter(f[0], f[1].isEmpty() ? null : f[1], f[3], f[4], f[5]);
                List<String> aliases = new ArrayList<>();
                for (String a : f[6].split(";")) {
                    if (!a.isBlank()) {
                        aliases.add(normalize(a));
                    }
                }
                entries.add(new Entry(p, f[2], aliases));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(entries);
    }

    /** The built-in catalogue (what a new store starts with). */
    public static List<Parameter> builtIn() {
        return BUILT_IN.stream().map(Entry::parameter).toList();
    }

    /** The station domain of a kind: air, water, soil, noise, radiation or source; null for ecology (any). */
    public static String domainOf(StationKind kind) {
        if (kind == null) {
            return null;
        }
        return switch (kind) {
            case AIR -> "air";
            case SURFACE_WATER, DRINKING_WATER, GROUNDWATER -> "water";
            case SOIL -> "soil";
            case NOISE -> "noise";
            case RADIATION -> "radiation";
            case POLLUTION_SOURCE -> "source";
            case ECOLOGY -> null;
        };
    }

    /** Lower case, NFKC (full-width to half-width, µ to μ), no spaces. */
    public static String normalize(String header) {
        String n = Normalizer.normalize(header, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        return n.replaceAll("\\s+", "").replace('µ', 'μ');
    }

    /** Inserts the built-in parameters that the table lacks (new stores, and new built-ins after an upgrade). */
    void seed() {
        try (PreparedStatement ps = connection.prepareStatement(
                "INSERT OR IGNORE INTO parameters(code, hj212, name_zh, name_en, unit) VALUES (?, ?, ?, ?, ?)")) {
            for (Entry e : BUILT_IN) {
                Parameter p = e.parameter();
                ps.setString(1, p.code());
                ps.setString(2, p.hj212());
                ps.setString(3, p.nameZh());
                ps.setString(4, p.nameEn());
                ps.setString(5, p.unit());
                ps.addBatch();
            }
            ps.executeBatch();
        } catch (SQLException e) {
            throw new StoreException(e);
        }
        byCode = null;
    }

    /** Every parameter of the store, by code. */
    public synchronized Map<String, Parameter> all() {
        if (byCode == null) {
            Map<String, Parameter> m = new LinkedHashMap<>();
            try (Statement st = connection.createStatement();
                 ResultSet rs = st.executeQuery("SELECT code, hj212, name_zh, name_en, unit FROM parameters ORDER BY id")) {
                while (rs.next()) {
                    m.put(rs.getString(1), new Parameter(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)));
                }
            } catch (SQLException e) {
                throw new StoreException(e);
            }
            byCode = m;
        }
        return byCode;
    }

    public Optional<Parameter> get(String code) {
        return Optional.ofNullable(all().get(code));
    }

    /** Parameter code to row id. */
    public Map<String, Long> idsByCode() {
        Map<String, Long> ids = new HashMap<>();
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery("SELECT code, id FROM parameters")) {
            while (rs.next()) {
                ids.put(rs.getString(1), rs.getLong(2));
            }
        } catch (SQLException e) {
            throw new StoreException(e);
        }
        return ids;
    }

    /**
     * The parameter a header or code means for a station of {@code kind} (null: any kind). Tried in order: the
     * code itself; an alias within the kind's domain; the HJ 212 code within the domain; an alias that only one
     * parameter has. Units in brackets are ignored ("PM2.5(μg/m3)"). Empty when unknown or ambiguous.
     */
    public Optional<Parameter> resolve(String header, StationKind kind) {
        return resolve(header, kind, all());
    }

    /** As {@link #resolve}, against the built-in catalogue only (for files analysed without a store). */
    public static Optional<Parameter> resolveBuiltIn(String header, StationKind kind) {
        Map<String, Parameter> all = new LinkedHashMap<>();
        for (Entry e : BUILT_IN) {
            all.put(e.parameter().code(), e.parameter());
        }
        return resolve(header, kind, all);
    }

    private static Optional<Parameter> resolve(String header, StationKind kind, Map<String, Parameter> all) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        String n = normalize(header);
        Optional<Parameter> p = resolveNormalized(n, domainOf(kind), all);
        if (p.isEmpty()) {
            String stripped = n.replaceAll("\\([^()]*\\)$", "").replaceAll("\\[[^\\[\\]]*]$", "");
            if (!stripped.equals(n) && !stripped.isEmpty()) {
                p = resolveNormalized(stripped, domainOf(kind), all);
            }
        }
        return p;
    }

    private static Optional<Parameter> resolveNormalized(String n, String domain, Map<String, Parameter> all) {
        for (Parameter p : all.values()) {
            if (p.code().equalsIgnoreCase(n)) {
                if (domain == null || domainMatches(p.code(), domain)) {
                    return Optional.of(p);
                }
            }
        }
        List<Parameter> candidates = new ArrayList<>();
        for (Entry e : BUILT_IN) {
            boolean hit = e.aliases().contains(n) || normalize(e.parameter().nameZh()).equals(n)
                    || normalize(e.parameter().nameEn()).equals(n)
                    || (e.parameter().hj212() != null && e.parameter().hj212().equals(n));
            if (hit && (domain == null || domain.equals(e.domain()))) {
                candidates.add(e.parameter());
            }
        }
        if (candidates.size() == 1) {
            return Optional.of(candidates.get(0));
        }
        if (candidates.isEmpty() && domain != null) {
            // a code of another domain is still a code (an ecology point measuring water items, say)
            for (Parameter p : all.values()) {
                if (p.code().equalsIgnoreCase(n)) {
                    return Optional.of(p);
                }
            }
        }
        return Optional.empty();
    }

    private static boolean domainMatches(String code, String domain) {
        for (Entry e : BUILT_IN) {
            if (e.parameter().code().equals(code)) {
                return domain.equals(e.domain());
            }
        }
        return true;
    }
}
