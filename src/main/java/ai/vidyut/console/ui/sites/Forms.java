package ai.vidyut.console.ui.sites;

import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;

import java.util.Locale;
import java.util.regex.Pattern;

/** Small helpers shared by the site and asset dialogs. */
final class Forms {

    static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.\\-]{0,63}");

    private Forms() {
    }

    static TextField field(String id, String prompt, String value) {
        TextField f = new TextField(value == null ? "" : value);
        f.setId(id);
        f.setPromptText(prompt);
        return f;
    }

    static void row(GridPane grid, int row, String label, javafx.scene.Node field) {
        Label l = new Label(label);
        l.getStyleClass().add("form-label");
        grid.add(l, 0, row);
        grid.add(field, 1, row);
    }

    static String number(double v) {
        return Double.isNaN(v) ? "" : (v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v));
    }

    /** Parses an optional number: blank is NaN; anything else must parse, else an error message. */
    static double parseOptional(String text, String what, StringBuilder errors) {
        String t = text == null ? "" : text.trim();
        if (t.isEmpty()) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(t.replace(',', '.').toLowerCase(Locale.ROOT));
        } catch (NumberFormatException e) {
            errors.append(what).append(" must be a number. ");
            return Double.NaN;
        }
    }
}
