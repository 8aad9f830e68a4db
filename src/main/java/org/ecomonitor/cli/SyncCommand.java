package org.ecomonitor.cli;

import org.ecomonitor.i18n.Messages;
import org.ecomonitor.store.ProjectStore;
import org.ecomonitor.sync.Conflicts;
import org.ecomonitor.sync.SyncClient;
import org.ecomonitor.sync.SyncException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code sync --store S.gpkg --server URL --user U [--password-stdin]}: push local changes, pull the server's. The
 * password is asked only when the store holds no valid token; the token is stored, the password never.
 */
@Command(name = "sync", mixinStandardHelpOptions = true,
        description = "Synchronize a project store with the central server (an empty or new store pulls everything you may see).")
final class SyncCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--store", required = true, description = "The project GeoPackage (created when missing).")
    Path store;

    @Option(names = "--server", required = true, description = "The server's base URL, e.g. https://host:8443/")
    URI server;

    @Option(names = "--user", required = true)
    String user;

    @Option(names = "--password-stdin", description = "Read the password from the first line of standard input.")
    boolean passwordStdin;

    @Option(names = "--conflicts", description = "Only list the store's open conflicts.")
    boolean listConflicts;

    @Option(names = "--resolve", paramLabel = "ID=mine|theirs", description = "Resolve a conflict (repeatable), then sync.")
    List<String> resolve = List.of();

    @Option(names = "--json", description = "Machine-readable output.")
    boolean json;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (ProjectStore s = ProjectStore.openOrCreate(store)) {
            SyncClient client = new SyncClient(s);
            if (listConflicts) {
                printConflicts(out, client.conflicts().open());
                return 0;
            }
            for (String r : resolve) {
                int eq = r.indexOf('=');
                if (eq < 0) {
                    throw new picocli.CommandLine.ParameterException(spec.commandLine(), Messages.get("cli.sync.bad_resolve", r));
                }
                String side = r.substring(eq + 1).trim().toLowerCase(java.util.Locale.ROOT);
                Conflicts.Resolution res = switch (side) {
                    case "mine" -> Conflicts.Resolution.MINE;
                    case "theirs" -> Conflicts.Resolution.THEIRS;
                    default -> throw new picocli.CommandLine.ParameterException(spec.commandLine(), Messages.get("cli.sync.bad_resolve", r));
                };
                long id;
                try {
                    id = Long.parseLong(r.substring(0, eq).trim());
                } catch (NumberFormatException e) {
                    throw new picocli.CommandLine.ParameterException(spec.commandLine(), Messages.get("cli.sync.bad_resolve", r));
                }
                client.conflicts().resolve(id, res);
            }
            client.configure(server, user);
            if (!client.loggedIn()) {
                login(client);
            }
            TerminalProgress progress = new TerminalProgress(json);
            long start = System.nanoTime();
            SyncClient.Report report;
            try {
                report = client.sync(progress);
            } catch (SyncException e) {
                if (e.kind() != SyncException.Kind.LOGIN_REQUIRED) {
                    throw e;
                }
                progress.finish();
                login(client);
                report = client.sync(progress);
            } finally {
                progress.finish();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            int open = client.openConflicts();
            if (json) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("store", store.toString());
                m.put("server", server.toString());
                m.put("pushed", report.pushed());
                m.put("batches", report.batches());
                m.put("replayed_batch", report.replayedBatch());
                m.put("pulled_stations", report.pulledStations());
                m.put("pulled_readings", report.pulledReadings());
                m.put("pulled_records", report.pulledRecords());
                m.put("skipped", report.skipped());
                m.put("new_conflicts", report.newConflicts());
                m.put("new_alarms", report.newAlarms());
                m.put("open_conflicts", open);
                m.put("cursor", report.cursor());
                m.put("seconds", Math.round(seconds * 1000) / 1000.0);
                Output.json(out, m);
            } else {
                out.println(Messages.get("cli.sync.done", report.pushed(), report.pulledStations(), report.pulledReadings(),
                        String.format("%.1f", seconds)));
                if (open > 0) {
                    out.println(Messages.get("cli.sync.conflicts", open, store));
                }
                if (report.newAlarms() > 0) {
                    out.println(Messages.get("cli.import.alarms", report.newAlarms()));
                }
                out.flush();
            }
        }
        return 0;
    }

    private void login(SyncClient client) {
        char[] password = Passwords.read(passwordStdin, Messages.get("cli.password.login", user, server), false);
        try {
            client.login(password);
        } finally {
            java.util.Arrays.fill(password, '\0');
        }
    }

    private void printConflicts(PrintWriter out, List<Conflicts.Conflict> conflicts) {
        if (json) {
            Output.json(out, conflicts.stream().map(c -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("id", c.id());
                m.put("entity", c.entity());
                m.put("key", c.key());
                m.put("mine", c.mineDeleted() ? "deleted" : c.mine());
                m.put("theirs", c.theirsDeleted() ? "deleted" : c.theirs());
                m.put("their_version", c.theirVersion());
                m.put("their_user", c.theirUser());
                m.put("differing", c.differing());
                return m;
            }).toList());
            return;
        }
        for (Conflicts.Conflict c : conflicts) {
            out.println(Messages.get("cli.sync.conflict", c.id(), c.entity(), c.key().replace('\t', ' '), c.theirUser(),
                    Instant.ofEpochMilli(c.theirTimeMs()).toString(), String.join(", ", c.differing())));
        }
        out.flush();
    }
}
