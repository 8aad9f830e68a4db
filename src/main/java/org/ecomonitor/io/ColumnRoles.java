package org.ecomonitor.io;

import org.ecomonitor.store.ParameterCatalogue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which column of a table plays which role (station code, name, kind, coordinates, time, parameter, value, flag
 * ...), from the headers monitoring files use in Chinese and English, or from explicit overrides (a manifest's
 * "columns"). Headers are compared lower-case, without spaces, full-width characters folded, units in brackets
 * ignored.
 */
final class ColumnRoles {

    static final String CODE = "code";
    static final String NAME = "name";
    static final String KIND = "kind";
    static final String LON = "longitude";
    static final String LAT = "latitude";
    static final String X = "x";
    static final String Y = "y";
    static final String ADCODE = "adcode";
    static final String LEVEL = "level";
    static final String TIME = "time";
    static final String PARAMETER = "parameter";
    static final String VALUE = "value";
    static final String FLAG = "flag";
    static final String UNIT = "unit";
    static final String MN = "mn";
    static final String LIMIT = "limit";
    static final String BASIS = "basis";

    private static final Map<String, List<String>> ALIASES = Map.ofEntries(
            Map.entry(CODE, List.of("code", "id", "stationcode", "station_code", "station", "stationid", "站点编码", "站点代码", "企业编码",
                    "点位编码", "点位代码", "断面编码", "断面代码", "编码", "站码", "编号", "点位编号", "监测点编码", "企业编码")),
            Map.entry(NAME, List.of("name", "stationname", "station_name", "名称", "站点名称", "点位名称", "断面名称", "站名",
                    "监测点名称", "企业名称", "水源地名称")),
            Map.entry(KIND, List.of("kind", "type", "stationkind", "类型", "站点类型", "点位类型")),
            Map.entry(LON, List.of("lon", "lng", "long", "longitude", "经度", "东经")),
            Map.entry(LAT, List.of("lat", "latitude", "纬度", "北纬")),
            Map.entry(X, List.of("x", "x坐标", "easting", "东坐标", "横坐标")),
            Map.entry(Y, List.of("y", "y坐标", "northing", "北坐标", "纵坐标")),
            Map.entry(ADCODE, List.of("adcode", "行政区划代码", "区划代码", "区县代码", "countycode", "county_code")),
            Map.entry(LEVEL, List.of("level", "级别", "控制级别", "断面级别", "站点级别", "点位级别", "断面属性")),
            Map.entry(TIME, List.of("time", "datetime", "date", "timestamp", "时间", "监测时间", "采样时间", "日期", "采样日期",
                    "监测日期", "数据时间", "时间戳")),
            Map.entry(PARAMETER, List.of("parameter", "param", "pollutant", "item", "factor", "参数", "监测项目", "项目", "指标",
                    "污染物", "监测因子", "因子")),
            Map.entry(VALUE, List.of("value", "concentration", "result", "值", "监测值", "浓度", "数值", "结果", "浓度值")),
            Map.entry(FLAG, List.of("flag", "dataflag", "标识", "数据标识", "标记", "数据标记")),
            Map.entry(UNIT, List.of("unit", "units", "单位")),
            Map.entry(MN, List.of("mn", "设备编码", "数采仪编码")),
            Map.entry(LIMIT, List.of("limit", "permitlimit", "permit_limit", "许可排放浓度限值", "许可限值", "排放限值", "限值")),
            Map.entry(BASIS, List.of("basis", "依据", "限值依据")));

    private final Map<String, Integer> index = new HashMap<>();
    private final List<String> header;

    ColumnRoles(List<String> header, Map<String, String> overrides) {
        this.header = header;
        for (Map.Entry<String, String> o : overrides.entrySet()) {
            int i = find(o.getValue());
            if (i >= 0) {
                index.put(o.getKey(), i);
            }
        }
        for (int i = 0; i < header.size(); i++) {
            String h = normalize(header.get(i));
            for (Map.Entry<String, List<String>> e : ALIASES.entrySet()) {
                if (!index.containsKey(e.getKey()) && !index.containsValue(i) && e.getValue().contains(h)) {
                    index.put(e.getKey(), i);
                }
            }
        }
    }

    private int find(String headerName) {
        String n = normalize(headerName);
        for (int i = 0; i < header.size(); i++) {
            if (normalize(header.get(i)).equals(n)) {
                return i;
            }
        }
        return -1;
    }

    static String normalize(String h) {
        String n = ParameterCatalogue.normalize(h);
        String stripped = n.replaceAll("\\([^()]*\\)$", "").replaceAll("\\[[^\\[\\]]*]$", "");
        return stripped.isEmpty() ? n : stripped;
    }

    /** The column index of a role, or -1. */
    int get(String role) {
        return index.getOrDefault(role, -1);
    }

    boolean has(String role) {
        return index.containsKey(role);
    }

    /** True when column {@code i} plays any role. */
    boolean isRole(int i) {
        return index.containsValue(i);
    }

    boolean hasGeographic() {
        return has(LON) && has(LAT);
    }

    boolean hasProjected() {
        return has(X) && has(Y);
    }
}
