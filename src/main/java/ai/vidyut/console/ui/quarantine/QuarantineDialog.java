package ai.vidyut.console.ui.quarantine;

import ai.vidyut.console.store.QuarantineStore;
import ai.vidyut.console.ui.Background;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Window;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The quarantined messages: newest first, with source, reason and the raw payload of the selected one. */
public final class QuarantineDialog {

    public static final int LIMIT = 1000;
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS").withZone(ZoneId.systemDefault());

    private QuarantineDialog() {
    }

    public static Dialog<Void> show(Window owner, QuarantineStore store, Background background) {
        Dialog<Void> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.initModality(Modality.NONE);
        dialog.setTitle("Quarantined messages");
        dialog.setResizable(true);

        TableView<QuarantineStore.Entry> table = new TableView<>();
        table.setId("quarantineTable");
        table.getColumns().add(column("Received", 170, e -> TIME.format(Instant.ofEpochMilli(e.receivedAtMillis()))));
        table.getColumns().add(column("Source", 140, QuarantineStore.Entry::source));
        table.getColumns().add(column("Reason", 140, QuarantineStore.Entry::reason));
        table.getColumns().add(column("Detail", 320, QuarantineStore.Entry::detail));
        table.setPlaceholder(new Label("Loading…"));

        TextArea payload = new TextArea();
        payload.setId("quarantinePayload");
        payload.setEditable(false);
        payload.setWrapText(true);
        payload.getStyleClass().add("mono");
        table.getSelectionModel().selectedItemProperty().addListener((o, was, e) ->
                payload.setText(e == null ? "" : e.rawPayload() == null ? "(empty payload)" : e.rawPayload()));

        Label summary = new Label();
        summary.setId("quarantineSummary");
        SplitPane split = new SplitPane(table, payload);
        split.setOrientation(javafx.geometry.Orientation.VERTICAL);
        split.setDividerPositions(0.65);
        VBox box = new VBox(8, summary, split);
        box.setPadding(new Insets(10));
        box.setPrefSize(900, 560);
        VBox.setVgrow(split, javafx.scene.layout.Priority.ALWAYS);
        dialog.getDialogPane().setContent(box);
        dialog.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        ai.vidyut.console.ui.Theme.style(dialog);

        record Snapshot(List<QuarantineStore.Entry> entries, Map<String, Long> byReason, long total) {
        }
        background.run(() -> new Snapshot(store.latest(LIMIT), store.countByReason(), store.count()), s -> {
            table.getItems().setAll(s.entries());
            table.setPlaceholder(new Label("No quarantined messages."));
            summary.setText(s.total() + " quarantined" + (s.total() > LIMIT ? " (newest " + LIMIT + " shown)" : "")
                    + (s.byReason().isEmpty() ? "" : " — by reason: " + s.byReason()));
            if (!s.entries().isEmpty()) {
                table.getSelectionModel().selectFirst();
            }
        }, e -> summary.setText("Cannot read the quarantine: " + Background.message(e)));
        dialog.show();
        return dialog;
    }

    private static TableColumn<QuarantineStore.Entry, String> column(String title, double width,
                                                                     Function<QuarantineStore.Entry, String> value) {
        TableColumn<QuarantineStore.Entry, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(f -> new ReadOnlyStringWrapper(value.apply(f.getValue())));
        return c;
    }
}
