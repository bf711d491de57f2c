package ai.vidyut.console.ui.sites;

import ai.vidyut.console.telemetry.Asset;
import ai.vidyut.console.telemetry.AssetKind;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Creates or edits an asset of a site. Rated values are typed as {@code metric=value} pairs separated by
 * commas, e.g. {@code power_kw=500, voltage_v=400}.
 */
public final class AssetDialog extends Dialog<Asset> {

    public static final ButtonType SAVE = new ButtonType("Save", ButtonBar.ButtonData.OK_DONE);

    private final TextField id;
    private final TextField name;
    private final ComboBox<AssetKind> kind = new ComboBox<>();
    private final TextField rated;
    private final Label error = new Label();

    public AssetDialog(Window owner, String siteId, Asset existing, Predicate<String> idTaken) {
        initOwner(owner);
        setTitle(existing == null ? "New asset at " + siteId : "Edit asset " + existing.id());
        id = Forms.field("assetIdField", "e.g. inv-1", existing == null ? "" : existing.id());
        id.setDisable(existing != null);
        name = Forms.field("assetNameField", "Display name", existing == null ? "" : existing.name());
        kind.setId("assetKindBox");
        kind.getItems().setAll(AssetKind.values());
        kind.setValue(existing == null ? AssetKind.OTHER : existing.kind());
        rated = Forms.field("assetRatedField", "power_kw=500, voltage_v=400",
                existing == null ? "" : format(existing.ratedValues()));

        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        Forms.row(grid, 0, "Id", id);
        Forms.row(grid, 1, "Name", name);
        Forms.row(grid, 2, "Kind", kind);
        Forms.row(grid, 3, "Rated values", rated);
        error.setId("assetError");
        error.getStyleClass().add("form-error");
        error.setWrapText(true);
        VBox box = new VBox(10, grid, error);
        box.setPadding(new Insets(12));
        box.setPrefWidth(440);
        getDialogPane().setContent(box);
        ai.vidyut.console.ui.Theme.style(this);
        getDialogPane().getButtonTypes().addAll(SAVE, ButtonType.CANCEL);
        Node save = getDialogPane().lookupButton(SAVE);
        save.setId("assetSaveButton");
        save.addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
            StringBuilder errors = new StringBuilder();
            if (existing == null) {
                String assetId = id.getText().trim();
                if (!Forms.ID.matcher(assetId).matches()) {
                    errors.append("Id: letters, digits, '.', '_' or '-' (up to 64). ");
                } else if (idTaken.test(assetId)) {
                    errors.append("An asset with id ").append(assetId).append(" exists at this site. ");
                }
            }
            parseRated(rated.getText(), errors);
            if (errors.length() > 0) {
                error.setText(errors.toString().trim());
                e.consume();
            }
        });
        setResultConverter(b -> b == SAVE
                ? new Asset(siteId, existing == null ? id.getText().trim() : existing.id(), name.getText().trim(),
                kind.getValue(), parseRated(rated.getText(), new StringBuilder()), false)
                : null);
    }

    static String format(Map<String, Double> rated) {
        StringBuilder sb = new StringBuilder();
        rated.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : ", ").append(k).append('=').append(Forms.number(v)));
        return sb.toString();
    }

    static Map<String, Double> parseRated(String text, StringBuilder errors) {
        Map<String, Double> out = new LinkedHashMap<>();
        if (text == null || text.isBlank()) {
            return out;
        }
        for (String part : text.split(",")) {
            String p = part.trim();
            if (p.isEmpty()) {
                continue;
            }
            int eq = p.indexOf('=');
            if (eq <= 0) {
                errors.append("Rated value '").append(p).append("' is not metric=value. ");
                continue;
            }
            try {
                out.put(p.substring(0, eq).trim(), Double.parseDouble(p.substring(eq + 1).trim()));
            } catch (NumberFormatException e) {
                errors.append("Rated value '").append(p).append("' is not a number. ");
            }
        }
        return out;
    }
}
