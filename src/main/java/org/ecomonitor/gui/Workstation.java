package org.ecomonitor.gui;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.ecomonitor.i18n.Messages;

/** The workstation window (issue 3 builds it out). */
public class Workstation extends Application {

    public static int launchWindow(String[] args) {
        Application.launch(Workstation.class, args);
        return 0;
    }

    @Override
    public void start(Stage stage) {
        stage.setTitle(Messages.get("app.title"));
        stage.setScene(new Scene(new Label(Messages.get("app.title")), 800, 600));
        stage.show();
    }
}
