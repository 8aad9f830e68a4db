package org.ecomonitor.cli;

import org.ecomonitor.i18n.Messages;
import org.ecomonitor.i18n.UserException;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/** Reads a password from standard input (one line) or from the terminal without echo; never from an argument. */
final class Passwords {

    private Passwords() {
    }

    static char[] read(boolean fromStdin, String prompt, boolean confirm) {
        if (fromStdin) {
            try {
                String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
                if (line == null) {
                    throw new UserException("cli.password.none");
                }
                return line.toCharArray();
            } catch (IOException e) {
                throw new UserException(e, "cli.password.none");
            }
        }
        Console console = System.console();
        if (console == null) {
            throw new UserException("cli.password.no_console");
        }
        char[] first = console.readPassword("%s", prompt);
        if (first == null) {
            throw new UserException("cli.password.none");
        }
        if (confirm) {
            char[] again = console.readPassword("%s", Messages.get("cli.password.again"));
            if (again == null || !java.util.Arrays.equals(first, again)) {
                throw new UserException("cli.password.mismatch");
            }
        }
        return first;
    }
}
