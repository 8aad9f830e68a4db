package org.ecomonitor.gui;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.TextArea;
import javafx.stage.Window;
import org.ecomonitor.i18n.Messages;
import org.ecomonitor.i18n.UserException;
import org.ecomonitor.model.CancelledException;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;

/**
 * Shows failures to the user: a {@link UserException} with its text (what, where, what to do); anything else as
 * an internal error with the details folded away. Cancelling is not a failure and shows nothing. Tests replace
 * the presenter to see what would have been shown.
 */
public final class ErrorDialogs {

    private static volatile Consumer<String> presenter;

    private ErrorDialogs() {
    }

    /** Replaces the dialog by a consumer of the message (tests). */
    public static void setPresenter(Consumer<String> p) {
        presenter = p;
    }

    /** The innermost meaningful cause of a failure from a future. */
    public static Throwable unwrap(Throwable e) {
        Throwable t = e;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    public static boolean isCancellation(Throwable e) {
        return unwrap(e) instanceof CancelledException;
    }

    /** The text a user is shown for a failure. */
    public static String message(Throwable e) {
        Throwable t = unwrap(e);
        if (t instanceof UserException ue) {
            return ue.getMessage();
        }
        return Messages.get("gui.error.internal", t.toString());
    }

    /** Shows the failure (FX thread). */
    public static void show(Window owner, Throwable e) {
        if (isCancellation(e)) {
            return;
        }
        String text = message(e);
        Consumer<String> p = presenter;
        if (p != null) {
            p.accept(text);
            return;
        }
        Alert alert = new Alert(Alert.AlertType.ERROR, text, ButtonType.OK);
        alert.initOwner(owner);
        alert.setTitle(Messages.get("app.title"));
        alert.setHeaderText(Messages.get("gui.error.title"));
        Throwable t = unwrap(e);
        if (!(t instanceof UserException)) {
            StringWriter w = new StringWriter();
            t.printStackTrace(new PrintWriter(w));
            TextArea details = new TextArea(w.toString());
            details.setEditable(false);
            alert.getDialogPane().setExpandableContent(details);
        }
        alert.show();
    }
}
