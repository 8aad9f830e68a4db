package org.ecomonitor.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.ecomonitor.i18n.Messages;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The CLI's contract: exit 0 ok, 1 error, 2 usage, 3 done with rejected rows; --json for machines. */
class CliTest {

    @TempDir
    Path dir;

    record Run(int status, String out, String err) {
    }

    static Locale before;

    @BeforeAll
    static void english() {
        before = Messages.locale();
        Messages.setLocale(Locale.ENGLISH);
    }

    @AfterAll
    static void restore() {
        Messages.setLocale(before);
    }

    static Run run(String... args) {
        CommandLine cl = EcoMonitorCommand.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int status = cl.execute(args);
        return new Run(status, out.toString(), err.toString());
    }

    @Test
    void importInfoExportAndExitStatuses() throws IOException {
        Path store = dir.resolve("p.gpkg");
        Path st = dir.resolve("stations.csv");
        Files.writeString(st, "code,name,lon,lat,kind\nA1,碧江站,109.19,27.72,air\n");
        Run ok = run("import", "--store", store.toString(), st.toString());
        assertEquals(0, ok.status(), ok.err());
        assertTrue(ok.out().contains("Stations: 1 new"), ok.out());

        Path bad = dir.resolve("r.csv");
        Files.writeString(bad, "station,parameter,time,value\nA1,PM2.5,2024-01-01 00:00,35\nA1,PM2.5,yesterday,35\n");
        Run partial = run("import", "--store", store.toString(), bad.toString(), "--json");
        assertEquals(3, partial.status(), "done with rejected rows");
        JsonNode json = new ObjectMapper().readTree(partial.out());
        assertEquals(1, json.get("readings").get("inserted").asInt());
        assertEquals(1, json.get("rejected").asInt());
        assertEquals("r.csv", json.get("rejections").get(0).get("file").asText());
        assertEquals(3, json.get("rejections").get(0).get("line").asInt());
        assertEquals("reject.time_unparseable", json.get("rejections").get(0).get("reason").asText());

        Files.writeString(bad, "station,parameter,time,value\nA1,PM2.5,2024-01-01 01:00,35\nA1,PM2.5,yesterday,35\n");
        Run strict = run("import", "--store", store.toString(), bad.toString(), "--strict");
        assertEquals(1, strict.status());
        assertTrue(strict.out().contains("--strict: nothing was imported"), strict.out());

        Run info = run("info", "--store", store.toString(), "--json");
        assertEquals(0, info.status());
        JsonNode i = new ObjectMapper().readTree(info.out());
        assertEquals(1, i.get("readings_total").asInt(), "the strict import landed nothing");
        assertEquals(1, i.get("stations_by_kind").get("air").asInt());

        Path out = dir.resolve("stations.geojson");
        Run export = run("export", "--store", store.toString(), "--layer", "stations", "--to", out.toString());
        assertEquals(0, export.status(), export.err());
        assertTrue(Files.readString(out).contains("碧江站"));
    }

    @Test
    void usageErrorsAreStatusTwoAndUserErrorsStatusOneWithoutAStackTrace() {
        assertEquals(2, run("import").status());
        assertEquals(2, run("no-such-command").status());
        Run missing = run("info", "--store", dir.resolve("none.gpkg").toString());
        assertEquals(1, missing.status());
        assertTrue(missing.err().contains("does not exist"), missing.err());
        assertTrue(!missing.err().contains("\tat "), "no stack trace for a user error");
        Run layer = run("export", "--store", dir.resolve("none.gpkg").toString(), "--layer", "x", "--to", "x.geojson");
        assertEquals(1, layer.status());
    }
}
