package org.ecomonitor.cli;

import picocli.CommandLine;

import java.util.Set;

/**
 * The one entry point. With no arguments, or only the window's options ({@code --store}, {@code --snapshot}
 * ...), it opens the workstation window; with a command it runs the CLI.
 */
public final class Main {

    /** Options of the window itself; anything else is a CLI command. */
    static final Set<String> WINDOW_OPTIONS = Set.of("--store", "--snapshot", "--width", "--height", "--bbox", "--lang");

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs and returns the exit status: 0 ok, 1 error, 2 usage, 3 done with rejected rows. */
    public static int run(String... args) {
        if (args.length == 0 || WINDOW_OPTIONS.contains(optionName(args[0]))) {
            return WindowLauncher.launch(args);
        }
        return EcoMonitorCommand.commandLine().execute(args);
    }

    private static String optionName(String arg) {
        int eq = arg.indexOf('=');
        return eq < 0 ? arg : arg.substring(0, eq);
    }

    static CommandLine commandLine() {
        return EcoMonitorCommand.commandLine();
    }
}
