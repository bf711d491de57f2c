package ai.vidyut.console.ui;

import javafx.scene.control.Dialog;

import java.util.Objects;

/** The console's stylesheet ({@code styles/console.css}) and how to apply it to dialogs, which have their own scene. */
public final class Theme {

    public static final String STYLESHEET = "/styles/console.css";

    private Theme() {
    }

    public static String url() {
        return Objects.requireNonNull(Theme.class.getResource(STYLESHEET), STYLESHEET).toExternalForm();
    }

    public static <D extends Dialog<?>> D style(D dialog) {
        dialog.getDialogPane().getStylesheets().add(url());
        dialog.getDialogPane().getStyleClass().add("console-dialog");
        return dialog;
    }
}
