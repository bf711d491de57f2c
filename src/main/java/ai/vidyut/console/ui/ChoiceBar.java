package ai.vidyut.console.ui;

import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.Pane;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/** A bar of toggle buttons, one per value, of which exactly one is pressed (a horizon, a time range, a view). */
public final class ChoiceBar {

    private ChoiceBar() {
    }

    /**
     * Fills {@code bar} with a button per value (its label and node id from the functions), presses the one of
     * {@code selected} and calls {@code chosen} with the value of each button the user presses.
     */
    public static <T> void fill(Pane bar, List<T> values, Function<T, String> label, Function<T, String> id,
                                T selected, Consumer<T> chosen) {
        ToggleGroup group = new ToggleGroup();
        for (T value : values) {
            ToggleButton b = new ToggleButton(label.apply(value));
            b.setId(id.apply(value));
            b.getStyleClass().add("view-button");
            b.setToggleGroup(group);
            b.setUserData(value);
            b.setSelected(value.equals(selected));
            bar.getChildren().add(b);
        }
        bar.getStyleClass().add("view-bar");
        keepOnePressed(group);
        group.selectedToggleProperty().addListener((o, was, now) -> {
            if (now != null) {
                @SuppressWarnings("unchecked")
                T value = (T) now.getUserData();
                chosen.accept(value);
            }
        });
    }

    /** A toggle group lets the user un-press the pressed button; this presses it again. */
    public static void keepOnePressed(ToggleGroup group) {
        group.selectedToggleProperty().addListener((o, was, now) -> {
            if (now == null && was != null) {
                was.setSelected(true);
            }
        });
    }
}
