package ai.vidyut.console.ui.sites;

import ai.vidyut.console.telemetry.Site;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.function.Predicate;

/** Creates or edits a site. The result is the validated {@link Site}; saving is the caller's job. */
public final class SiteDialog extends Dialog<Site> {

    public static final ButtonType SAVE = new ButtonType("Save", ButtonBar.ButtonData.OK_DONE);

    private final TextField id;
    private final TextField name;
    private final TextField latitude;
    private final TextField longitude;
    private final TextField timeZone;
    private final TextField capacity;
    private final Label error = new Label();

    /** {@code existing} null: create; {@code idTaken} tells whether a new id is already used. */
    public SiteDialog(Window owner, Site existing, Predicate<String> idTaken) {
        initOwner(owner);
        setTitle(existing == null ? "New site" : "Edit site " + existing.id());
        id = Forms.field("siteIdField", "e.g. plant-1", existing == null ? "" : existing.id());
        id.setDisable(existing != null);
        name = Forms.field("siteNameField", "Display name", existing == null ? "" : existing.name());
        latitude = Forms.field("siteLatitudeField", "-90 … 90", existing == null ? "" : Forms.number(existing.latitude()));
        longitude = Forms.field("siteLongitudeField", "-180 … 180",
                existing == null ? "" : Forms.number(existing.longitude()));
        timeZone = Forms.field("siteTimeZoneField", "e.g. Europe/Berlin", existing == null ? "UTC" : existing.timeZone());
        capacity = Forms.field("siteCapacityField", "kW", existing == null ? "" : Forms.number(existing.capacityKw()));

        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        Forms.row(grid, 0, "Id", id);
        Forms.row(grid, 1, "Name", name);
        Forms.row(grid, 2, "Latitude", latitude);
        Forms.row(grid, 3, "Longitude", longitude);
        Forms.row(grid, 4, "Time zone", timeZone);
        Forms.row(grid, 5, "Capacity (kW)", capacity);
        error.setId("siteError");
        error.getStyleClass().add("form-error");
        error.setWrapText(true);
        VBox box = new VBox(10, grid, error);
        box.setPadding(new Insets(12));
        box.setPrefWidth(420);
        getDialogPane().setContent(box);
        ai.vidyut.console.ui.Theme.style(this);
        getDialogPane().getButtonTypes().addAll(SAVE, ButtonType.CANCEL);

        Node save = getDialogPane().lookupButton(SAVE);
        save.setId("siteSaveButton");
        save.addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
            String problem = validate(existing, idTaken);
            if (problem != null) {
                error.setText(problem);
                e.consume();
            }
        });
        setResultConverter(b -> b == SAVE ? build(existing) : null);
    }

    private String validate(Site existing, Predicate<String> idTaken) {
        StringBuilder errors = new StringBuilder();
        String siteId = id.getText().trim();
        if (existing == null) {
            if (!Forms.ID.matcher(siteId).matches()) {
                errors.append("Id: letters, digits, '.', '_' or '-' (up to 64). ");
            } else if (idTaken.test(siteId)) {
                errors.append("A site with id ").append(siteId).append(" exists. ");
            }
        }
        double lat = Forms.parseOptional(latitude.getText(), "Latitude", errors);
        double lon = Forms.parseOptional(longitude.getText(), "Longitude", errors);
        double cap = Forms.parseOptional(capacity.getText(), "Capacity", errors);
        if (!Double.isNaN(lat) && (lat < -90 || lat > 90)) {
            errors.append("Latitude must be within -90 … 90. ");
        }
        if (!Double.isNaN(lon) && (lon < -180 || lon > 180)) {
            errors.append("Longitude must be within -180 … 180. ");
        }
        if (!Double.isNaN(cap) && cap < 0) {
            errors.append("Capacity cannot be negative. ");
        }
        String tz = timeZone.getText().trim();
        if (!tz.isEmpty()) {
            try {
                ZoneId.of(tz);
            } catch (DateTimeException e) {
                errors.append("Unknown time zone ").append(tz).append(". ");
            }
        }
        return errors.length() == 0 ? null : errors.toString().trim();
    }

    private Site build(Site existing) {
        StringBuilder ignored = new StringBuilder();
        return new Site(existing == null ? id.getText().trim() : existing.id(), name.getText().trim(),
                Forms.parseOptional(latitude.getText(), "", ignored), Forms.parseOptional(longitude.getText(), "", ignored),
                timeZone.getText().trim(), Forms.parseOptional(capacity.getText(), "", ignored), false);
    }
}
