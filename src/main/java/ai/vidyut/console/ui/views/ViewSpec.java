package ai.vidyut.console.ui.views;

import java.util.Objects;

/**
 * One view of the console: {@code id} names its FXML ({@code /fxml/<id>.fxml}, whose {@code fx:controller}
 * is {@code ui.<id>.<Id>Controller}); {@code title} labels its button in the shell; {@code needsSite} views
 * show a hint until a site is selected.
 */
public record ViewSpec(String id, String title, boolean needsSite) {

    public ViewSpec {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
    }

    public String fxmlPath() {
        return "/fxml/" + id + ".fxml";
    }
}
