package org.ecomonitor.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.ecomonitor.i18n.Messages;
import org.ecomonitor.server.ServerDatabase;
import org.ecomonitor.server.SyncServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code user ...} and {@code sync} on the command line: exit statuses, --json, passwords from standard input. */
class ServerCliTest {

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

    static Run run(String stdin, String... args) {
        InputStream in = System.in;
        try {
            System.setIn(new ByteArrayInputStream((stdin == null ? "" : stdin + "\n").getBytes(StandardCharsets.UTF_8)));
            CommandLine cl = EcoMonitorCommand.commandLine();
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            cl.setOut(new PrintWriter(out));
            cl.setErr(new PrintWriter(err));
            int status = cl.execute(args);
            return new Run(status, out.toString(), err.toString());
        } finally {
            System.setIn(in);
        }
    }

    @Test
    void usersAndSyncFromTheCommandLine() throws Exception {
        String db = "sqlite:" + dir.resolve("server.db");
        Run add = run("a good password", "user", "add", "zhang", "--db", db, "--role", "field", "--county", "520602",
                "--county", "520603", "--password-stdin", "--json");
        assertEquals(0, add.status(), add.err());
        JsonNode u = new ObjectMapper().readTree(add.out());
        assertEquals("field", u.get("role").asText());
        assertEquals(2, u.get("counties").size());
        assertEquals(0, run("another password", "user", "add", "li", "--db", db, "--role", "analyst", "--password-stdin").status());
        assertEquals(1, run("a good password", "user", "add", "zhang", "--db", db, "--role", "field", "--password-stdin").status(),
                "an existing name is an error");
        Run badRole = run("a good password", "user", "add", "wang", "--db", db, "--role", "boss", "--password-stdin");
        assertEquals(2, badRole.status(), "an unknown role is a usage error");
        Run shortPw = run("short", "user", "add", "wang", "--db", db, "--role", "field", "--password-stdin");
        assertEquals(1, shortPw.status());
        assertTrue(shortPw.err().contains("at least 8"), shortPw.err());

        Path store = dir.resolve("w.gpkg");
        try (ServerDatabase database = ServerDatabase.open(db);
             SyncServer server = SyncServer.start(database, SyncServer.Options.defaults(0).withHost("127.0.0.1"))) {
            String url = "http://127.0.0.1:" + server.port() + "/";
            Run sync = run("a good password", "sync", "--store", store.toString(), "--server", url, "--user", "zhang",
                    "--password-stdin", "--json");
            assertEquals(0, sync.status(), sync.err());
            assertEquals(0, new ObjectMapper().readTree(sync.out()).get("pushed").asInt());
            Run again = run(null, "sync", "--store", store.toString(), "--server", url, "--user", "zhang", "--json");
            assertEquals(0, again.status(), "the stored token is used: no password needed " + again.err());
            Run wrong = run("wrong password", "sync", "--store", dir.resolve("x.gpkg").toString(), "--server", url,
                    "--user", "zhang", "--password-stdin");
            assertEquals(1, wrong.status());
            assertTrue(wrong.err().contains("Wrong user name or password"), wrong.err());
            assertTrue(!wrong.err().contains("\tat "), "no stack trace");
            Run conflicts = run(null, "sync", "--store", store.toString(), "--server", url, "--user", "zhang", "--conflicts", "--json");
            assertEquals(0, conflicts.status());
            assertEquals("[ ]", conflicts.out().trim());
        }
        Run offline = run(null, "sync", "--store", store.toString(), "--server", "http://127.0.0.1:9/", "--user", "zhang");
        assertEquals(1, offline.status());

        assertEquals(0, run("new password 1", "user", "passwd", "zhang", "--db", db, "--password-stdin").status());
        assertEquals(0, run(null, "user", "disable", "li", "--db", db).status());
        Run list = run(null, "user", "list", "--db", db, "--json");
        assertEquals(0, list.status());
        JsonNode users = new ObjectMapper().readTree(list.out());
        assertEquals(2, users.size());
        assertTrue(users.get(0).get("disabled").asBoolean(), "li is listed first and disabled");
        assertEquals(1, run(null, "user", "disable", "nobody", "--db", db).status());
        assertEquals(2, run(null, "user").status(), "a user command is required");
        assertTrue(Files.exists(dir.resolve("server.db")));
        assertEquals(1, run(null, "user", "list", "--db", "mysql://x").status(), "an unknown database kind");
    }
}
