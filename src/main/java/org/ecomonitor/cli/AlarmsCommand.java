package org.ecomonitor.cli;

import org.ecomonitor.i18n.Messages;
import org.ecomonitor.i18n.UserException;
import org.ecomonitor.io.AlarmService;
import org.ecomonitor.store.AlarmTable;
import org.ecomonitor.store.ProjectStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code alarms --store S.gpkg [--open] [--station CODE] [--limit N]}, {@code --ack ID [--comment TEXT]},
 * {@code --rules} (print the rules in force as JSON), {@code --load-rules FILE}.
 */
@Command(name = "alarms", mixinStandardHelpOptions = true,
        description = "List, acknowledge and configure the project's alarms (raised after every import and sync).")
final class AlarmsCommand implements Callable<Integer> {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.of("Asia/Shanghai"));

    @Spec
    CommandSpec spec;

    @Option(names = "--store", required = true) Path store;
    @Option(names = "--open", description = "Only alarms not yet acknowledged.") boolean open;
    @Option(names = "--station") String station;
    @Option(names = "--limit", defaultValue = "100") int limit;
    @Option(names = "--ack", paramLabel = "ID", description = "Acknowledge the alarm with this id.") Long ack;
    @Option(names = "--comment", defaultValue = "") String comment;
    @Option(names = "--rules", description = "Print the alarm rules in force (JSON).") boolean rules;
    @Option(names = "--load-rules", paramLabel = "FILE", description = "Make the rules of a JSON file the project's rules.") Path loadRules;
    @Option(names = "--json") boolean json;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        try (ProjectStore s = ProjectStore.open(store)) {
            AlarmService service = new AlarmService(s);
            if (loadRules != null) {
                service.saveRules(AlarmService.fromJson(Files.readString(loadRules)));
                out.println(Messages.get("cli.alarms.rules_loaded", service.rules().size()));
                out.flush();
                return 0;
            }
            if (rules) {
                out.println(AlarmService.toJson(service.rules()));
                out.flush();
                return 0;
            }
            if (ack != null) {
                String user = System.getProperty("user.name", "unknown");
                boolean done = s.inTransaction(() -> s.alarms().acknowledge(ack, user, comment));
                if (!done) {
                    throw new UserException("cli.alarms.no_such", ack);
                }
                out.println(Messages.get("cli.alarms.acknowledged", ack));
                out.flush();
                return 0;
            }
            List<AlarmTable.Row> rows = s.alarms().list(open, station, limit);
            if (json) {
                List<Map<String, Object>> list = new ArrayList<>();
                for (AlarmTable.Row r : rows) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("id", r.id());
                    m.put("station", r.station());
                    m.put("parameter", r.parameter());
                    m.put("rule", r.ruleId());
                    m.put("kind", r.kind());
                    m.put("start", Instant.ofEpochMilli(r.start()).toString());
                    m.put("end", Instant.ofEpochMilli(r.end()).toString());
                    m.put("message", Messages.get(r.messageKey(), r.args().toArray()));
                    m.put("acknowledged_by", r.acknowledgedBy());
                    m.put("comment", r.comment());
                    list.add(m);
                }
                Output.json(out, Map.of("total", s.alarms().count(), "alarms", list));
                return 0;
            }
            for (AlarmTable.Row r : rows) {
                out.printf("%6d  %s  %-12s %-8s %s%s%n", r.id(), TIME.format(Instant.ofEpochMilli(r.start())), r.station(),
                        r.parameter(), Messages.get(r.messageKey(), r.args().toArray()),
                        r.isOpen() ? "" : "  [" + Messages.get("cli.alarms.acked_by", r.acknowledgedBy()) + "]");
            }
            out.flush();
        }
        return 0;
    }
}
