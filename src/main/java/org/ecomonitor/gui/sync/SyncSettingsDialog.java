package org.ecomonitor.gui.sync;

import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.ecomonitor.gui.ErrorDialogs;
import org.ecomonitor.i18n.Messages;
import org.ecomonitor.i18n.UserException;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Server settings and login: the server's address, the user name and the password. "Log in and sync" checks the
 * address, logs in on a network thread (the window stays usable), stores the token — never the password — and
 * starts automatic sync; a failure is shown in the dialog (wrong password, server unreachable ...) and it stays
 * open to correct.
 */
public final class SyncSettingsDialog extends Dialog<Boolean> {

    public static final ButtonType LOGIN = new ButtonType(Messages.get("gui.sync.login"), ButtonBar.ButtonData.OK_DONE);

    private final TextField server = new TextField();
    private final TextField user = new TextField();
    private final PasswordField password = new PasswordField();
    private final Label message = new Label();
    private final ProgressIndicator busy = new ProgressIndicator();

    public SyncSettingsDialog(Window owner, SyncController.Settings current, SyncController controller) {
        initOwner(owner);
        setTitle(Messages.get("gui.sync.settings_title"));
        setHeaderText(Messages.get("gui.sync.settings_header"));
        server.setId("syncServer");
        server.setPromptText("https://centre.example.cn:8443/");
        server.setPrefColumnCount(32);
        server.setText(current.server());
        user.setId("syncUser");
        user.setText(current.user());
        password.setId("syncPassword");
        message.setId("syncDialogMessage");
        message.setWrapText(true);
        message.setMaxWidth(460);
        busy.setPrefSize(18, 18);
        busy.setVisible(false);
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(6);
        grid.addRow(0, new Label(Messages.get("gui.sync.server")), server);
        grid.addRow(1, new Label(Messages.get("gui.sync.user")), user);
        grid.addRow(2, new Label(Messages.get("gui.sync.password")), password);
        Label note = new Label(Messages.get("gui.sync.password_note"));
        note.setWrapText(true);
        note.setMaxWidth(460);
        note.getStyleClass().add("hint");
        VBox box = new VBox(8, grid, note, new HBox(6, busy, message));
        box.setPadding(new Insets(10));
        getDialogPane().setContent(box);
        getDialogPane().getButtonTypes().setAll(LOGIN, new ButtonType(Messages.get("gui.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE));
        getDialogPane().setId("syncSettings");
        Node login = getDialogPane().lookupButton(LOGIN);
        login.setId("syncLogin");
        login.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();
            URI uri;
            try {
                uri = serverUri(server.getText());
                if (user.getText().isBlank()) {
                    throw new UserException("gui.sync.error.user");
                }
                if (password.getText().isEmpty()) {
                    throw new UserException("gui.sync.error.password");
                }
            } catch (UserException ex) {
                showProblem(ex.getMessage());
                return;
            }
            login.setDisable(true);
            busy.setVisible(true);
            message.getStyleClass().remove("warning");
            message.setText(Messages.get("gui.sync.logging_in", uri));
            char[] pw = password.getText().toCharArray();
            password.clear();
            controller.login(uri, user.getText().trim(), pw).whenComplete((r, ex) -> javafx.application.Platform.runLater(() -> {
                busy.setVisible(false);
                login.setDisable(false);
                if (ex != null) {
                    showProblem(ErrorDialogs.message(ex));
                } else {
                    setResult(Boolean.TRUE);
                    close();
                }
            }));
        });
        setResultConverter(b -> b == LOGIN ? Boolean.TRUE : null);
    }

    private void showProblem(String text) {
        message.setText(text);
        if (!message.getStyleClass().contains("warning")) {
            message.getStyleClass().add("warning");
        }
    }

    /** The server's base URL from what the user typed: http or https, a host, ending with "/". */
    static URI serverUri(String text) {
        String t = text == null ? "" : text.trim();
        if (!t.isEmpty() && !t.contains("://")) {
            t = "http://" + t;
        }
        try {
            URI u = new URI(t);
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || u.getHost() == null || u.getHost().isBlank()) {
                throw new UserException("gui.sync.error.url", text == null ? "" : text.trim());
            }
            String path = u.getPath() == null || u.getPath().isEmpty() ? "/" : u.getPath();
            if (!path.endsWith("/")) {
                path = path + "/";
            }
            return new URI(scheme, null, u.getHost(), u.getPort(), path, null, null);
        } catch (URISyntaxException e) {
            throw new UserException(e, "gui.sync.error.url", text == null ? "" : text.trim());
        }
    }

    public Label message() {
        return message;
    }
}
