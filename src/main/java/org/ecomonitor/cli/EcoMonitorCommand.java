package org.ecomonitor.cli;

import org.ecomonitor.i18n.UserException;
import org.ecomonitor.model.CancelledException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;

/** The top-level command: {@code ecomonitor COMMAND ...}. */
@Command(name = "ecomonitor", mixinStandardHelpOptions = true, version = "EcoMonitor Workstation 0.1",
        description = "EcoMonitor Workstation: monitoring-network GIS. Without a command it opens the window.",
        subcommands = {ImportCommand.class, InfoCommand.class, ExportCommand.class, InterpolateCommand.class,
                LayoutCommand.class, TrendCommand.class, EvaluateCommand.class, AlarmsCommand.class,
                ServeCommand.class, UserCommand.class, SyncCommand.class, CommandLine.HelpCommand.class})
public final class EcoMonitorCommand implements Runnable {

    /** Exit status of a command that finished but rejected some rows. */
    public static final int EXIT_REJECTED = 3;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
    }

    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new EcoMonitorCommand());
        cl.setExecutionExceptionHandler(EcoMonitorCommand::handleExecutionException);
        return cl;
    }

    private static int handleExecutionException(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
        PrintWriter err = cl.getErr();
        if (e instanceof UserException ue) {
            err.println(cl.getColorScheme().errorText("error: ").toString() + ue.getMessage());
        } else if (e instanceof CancelledException) {
            err.println("cancelled");
        } else {
            err.println(cl.getColorScheme().errorText("internal error: ").toString() + e);
            e.printStackTrace(err);
        }
        err.flush();
        return 1;
    }
}
