package org.ecomonitor.cli;

import org.ecomonitor.i18n.Messages;
import org.ecomonitor.i18n.UserException;
import org.ecomonitor.server.Role;
import org.ecomonitor.server.ServerDatabase;
import org.ecomonitor.server.User;
import org.ecomonitor.server.UserDirectory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code user add|list|disable|passwd}: the server's users, straight in its database. */
@Command(name = "user", mixinStandardHelpOptions = true, description = "Manage the sync server's users.",
        subcommands = {UserCommand.Add.class, UserCommand.ListUsers.class, UserCommand.Disable.class, UserCommand.Passwd.class})
final class UserCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a user command is required (add, list, disable, passwd)");
    }

    static final String BY = "cli";

    /** Options every user command has. */
    static class DbOption {
        @Option(names = "--db", defaultValue = ServeCommand.DEFAULT_DB,
                description = "The server database: sqlite:FILE or postgresql://HOST/DB?user=... (default ${DEFAULT-VALUE}).")
        String db;

        @Option(names = "--json", description = "Machine-readable output.")
        boolean json;
    }

    static Map<String, Object> json(User u) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", u.name());
        m.put("role", u.role().code());
        m.put("counties", u.allCounties() ? List.of("*") : u.counties().stream().sorted().toList());
        m.put("disabled", u.disabled());
        m.put("created", Instant.ofEpochMilli(u.createdMs()).toString());
        return m;
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Add a user (password from the terminal or --password-stdin).")
    static final class Add implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @CommandLine.Mixin
        DbOption common = new DbOption();
        @Parameters(index = "0", paramLabel = "NAME")
        String name;
        @Option(names = "--role", required = true, description = "admin, analyst, planner or field.")
        String role;
        @Option(names = "--county", paramLabel = "ADCODE", description = "A county the user may see and change (repeat; none: all counties).")
        List<String> counties = new ArrayList<>();
        @Option(names = "--password-stdin", description = "Read the password from the first line of standard input.")
        boolean passwordStdin;

        @Override
        public Integer call() {
            Role r = Role.parse(role);
            if (r == null) {
                throw new CommandLine.ParameterException(spec.commandLine(), Messages.get("cli.user.bad_role", role));
            }
            char[] password = Passwords.read(passwordStdin, Messages.get("cli.password.new", name), true);
            try (ServerDatabase db = ServerDatabase.open(common.db)) {
                User u = new UserDirectory(db).add(name, r, new LinkedHashSet<>(counties), password, BY);
                PrintWriter out = spec.commandLine().getOut();
                if (common.json) {
                    Output.json(out, json(u));
                } else {
                    out.println(Messages.get("cli.user.added", u.name(), u.role().code(),
                            u.allCounties() ? Messages.get("cli.user.all_counties") : String.join(", ", u.counties())));
                    out.flush();
                }
            } finally {
                java.util.Arrays.fill(password, '\0');
            }
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the users.")
    static final class ListUsers implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @CommandLine.Mixin
        DbOption common = new DbOption();

        @Override
        public Integer call() {
            try (ServerDatabase db = ServerDatabase.open(common.db)) {
                List<User> users = new UserDirectory(db).list();
                PrintWriter out = spec.commandLine().getOut();
                if (common.json) {
                    Output.json(out, users.stream().map(UserCommand::json).toList());
                } else {
                    for (User u : users) {
                        out.printf("%-20s %-8s %-30s %s%n", u.name(), u.role().code(),
                                u.allCounties() ? "*" : String.join(",", u.counties()),
                                u.disabled() ? Messages.get("cli.user.disabled_mark") : "");
                    }
                    out.flush();
                }
            }
            return 0;
        }
    }

    @Command(name = "disable", mixinStandardHelpOptions = true, description = "Disable a user and revoke their tokens.")
    static final class Disable implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @CommandLine.Mixin
        DbOption common = new DbOption();
        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Override
        public Integer call() {
            try (ServerDatabase db = ServerDatabase.open(common.db)) {
                new UserDirectory(db).disable(name, BY);
            }
            PrintWriter out = spec.commandLine().getOut();
            if (common.json) {
                Output.json(out, Map.of("name", name, "disabled", true));
            } else {
                out.println(Messages.get("cli.user.disabled", name));
                out.flush();
            }
            return 0;
        }
    }

    @Command(name = "passwd", mixinStandardHelpOptions = true, description = "Set a user's password (revokes their tokens).")
    static final class Passwd implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @CommandLine.Mixin
        DbOption common = new DbOption();
        @Parameters(index = "0", paramLabel = "NAME")
        String name;
        @Option(names = "--password-stdin", description = "Read the password from the first line of standard input.")
        boolean passwordStdin;

        @Override
        public Integer call() {
            char[] password = Passwords.read(passwordStdin, Messages.get("cli.password.new", name), true);
            try (ServerDatabase db = ServerDatabase.open(common.db)) {
                UserDirectory users = new UserDirectory(db);
                if (users.find(name).isEmpty()) {
                    throw new UserException("server.user.unknown", name);
                }
                users.setPassword(name, password, BY);
            } finally {
                java.util.Arrays.fill(password, '\0');
            }
            PrintWriter out = spec.commandLine().getOut();
            if (common.json) {
                Output.json(out, Map.of("name", name, "password_changed", true));
            } else {
                out.println(Messages.get("cli.user.password_set", name));
                out.flush();
            }
            return 0;
        }
    }
}
