package ai.vidyut.console.ui.connections;

import ai.vidyut.console.ui.Background;
import ai.vidyut.console.ui.views.ViewContext;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;

/**
 * Adds, edits and removes live connections: MQTT (broker URL, topic filter, client id, username, password,
 * TLS, MQTT version) and WebSocket (URL). Saving persists through the backend and (re)starts the source.
 */
public final class ConnectionsDialog extends Dialog<Void> {

    public static final String DEFAULT_TOPIC = "vidyut/+/+/telemetry";

    private final ViewContext ctx;
    private final ListView<ConnectionSpec> list = new ListView<>();
    private final TextField name = field("connNameField", "e.g. plant-broker");
    private final ComboBox<ConnectionSpec.Kind> kind = new ComboBox<>();
    private final TextField url = field("connUrlField", "tcp://broker:1883 or ws://host:8787/ws/site/plant-1");
    private final TextField topic = field("connTopicField", DEFAULT_TOPIC);
    private final TextField clientId = field("connClientIdField", "unique per console (persistent session)");
    private final TextField username = field("connUserField", "optional");
    private final PasswordField password = new PasswordField();
    private final CheckBox tls = new CheckBox("TLS");
    private final ComboBox<String> version = new ComboBox<>();
    private final Label message = new Label();

    public ConnectionsDialog(ViewContext ctx) {
        this.ctx = ctx;
        initOwner(ctx.owner().get());
        setTitle("Connections");
        setResizable(true);

        list.setId("connList");
        list.setPrefWidth(220);
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(ConnectionSpec item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null
                        : item.name() + "  (" + item.kind().name().toLowerCase(Locale.ROOT) + ")");
            }
        });
        list.setPlaceholder(new Label("No connections:\nthe console runs the demo."));
        list.getSelectionModel().selectedItemProperty().addListener((o, was, spec) -> edit(spec));

        kind.setId("connKindBox");
        kind.getItems().setAll(ConnectionSpec.Kind.values());
        kind.setValue(ConnectionSpec.Kind.MQTT);
        password.setId("connPasswordField");
        password.setPromptText("optional; stored encrypted");
        tls.setId("connTlsBox");
        version.setId("connVersionBox");
        version.getItems().setAll("5", "3.1.1");
        version.setValue("5");
        for (javafx.scene.Node mqttOnly : List.of(topic, clientId, username, password, version)) {
            mqttOnly.disableProperty().bind(kind.valueProperty().isEqualTo(ConnectionSpec.Kind.WEBSOCKET));
        }

        GridPane form = new GridPane();
        form.setHgap(10);
        form.setVgap(8);
        int r = 0;
        form.addRow(r++, new Label("Name"), name);
        form.addRow(r++, new Label("Kind"), kind);
        form.addRow(r++, new Label("URL"), url);
        form.addRow(r++, new Label("Topic filter"), topic);
        form.addRow(r++, new Label("Client id"), clientId);
        form.addRow(r++, new Label("Username"), username);
        form.addRow(r++, new Label("Password"), password);
        form.addRow(r++, new Label("MQTT version"), version);
        form.add(tls, 1, r++);
        url.setPrefColumnCount(28);

        Button newButton = new Button("New");
        newButton.setId("connNewButton");
        newButton.setOnAction(e -> {
            list.getSelectionModel().clearSelection();
            edit(null);
        });
        Button save = new Button("Save");
        save.setId("connSaveButton");
        save.getStyleClass().add("accent");
        save.setOnAction(e -> save());
        Button remove = new Button("Remove");
        remove.setId("connRemoveButton");
        remove.getStyleClass().add("danger");
        remove.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
        remove.setOnAction(e -> remove());
        message.setId("connMessage");
        message.setWrapText(true);
        message.getStyleClass().add("form-error");

        VBox right = new VBox(10, form, new HBox(6, newButton, save, remove), message);
        HBox content = new HBox(12, list, right);
        HBox.setHgrow(right, Priority.ALWAYS);
        content.setPadding(new Insets(12));
        content.setPrefSize(760, 420);
        getDialogPane().setContent(content);
        ai.vidyut.console.ui.Theme.style(this);
        getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        reload(null);
    }

    public static ConnectionsDialog show(ViewContext ctx) {
        ConnectionsDialog dialog = new ConnectionsDialog(ctx);
        dialog.show();
        return dialog;
    }

    private static TextField field(String id, String prompt) {
        TextField f = new TextField();
        f.setId(id);
        f.setPromptText(prompt);
        return f;
    }

    private void reload(String select) {
        ctx.background().run(() -> ctx.backend().connections().list(), specs -> {
            list.getItems().setAll(specs);
            specs.stream().filter(s -> s.name().equals(select)).findFirst()
                    .ifPresent(s -> list.getSelectionModel().select(s));
        }, e -> message.setText("Cannot read connections: " + Background.message(e)));
    }

    private void edit(ConnectionSpec spec) {
        name.setText(spec == null ? "" : spec.name());
        name.setDisable(spec != null);
        kind.setValue(spec == null ? ConnectionSpec.Kind.MQTT : spec.kind());
        url.setText(spec == null ? "" : spec.url());
        topic.setText(spec == null || spec.topicFilter() == null ? DEFAULT_TOPIC : spec.topicFilter());
        clientId.setText(spec == null || spec.clientId() == null ? "" : spec.clientId());
        username.setText(spec == null || spec.username() == null ? "" : spec.username());
        password.setText(spec == null || spec.password() == null ? "" : spec.password());
        tls.setSelected(spec != null && spec.tls());
        version.setValue(spec == null || spec.mqttVersion() == null ? "5" : spec.mqttVersion());
        message.setText("");
    }

    /** Checks the form; returns an error message or null. */
    static String validate(String name, ConnectionSpec.Kind kind, String url) {
        if (name.isBlank()) {
            return "Give the connection a name.";
        }
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (URISyntaxException e) {
            return "Not a valid URL: " + url;
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.getHost() == null) {
            return "The URL needs a host, e.g. " + (kind == ConnectionSpec.Kind.MQTT ? "tcp://broker:1883" : "ws://host:8787/ws");
        }
        if (kind == ConnectionSpec.Kind.MQTT && !List.of("tcp", "ssl", "mqtt", "mqtts").contains(scheme)) {
            return "An MQTT broker URL starts with tcp:// or ssl://";
        }
        if (kind == ConnectionSpec.Kind.WEBSOCKET && !List.of("ws", "wss").contains(scheme)) {
            return "A WebSocket URL starts with ws:// or wss://";
        }
        return null;
    }

    private void save() {
        String problem = validate(name.getText().trim(), kind.getValue(), url.getText());
        if (problem != null) {
            message.setText(problem);
            return;
        }
        String u = url.getText().trim();
        boolean secure = tls.isSelected() || u.startsWith("ssl:") || u.startsWith("mqtts:") || u.startsWith("wss:");
        ConnectionSpec spec = kind.getValue() == ConnectionSpec.Kind.WEBSOCKET
                ? new ConnectionSpec(name.getText().trim(), ConnectionSpec.Kind.WEBSOCKET, u, null, null, null, null,
                secure, null)
                : new ConnectionSpec(name.getText().trim(), ConnectionSpec.Kind.MQTT, u,
                topic.getText().isBlank() ? DEFAULT_TOPIC : topic.getText().trim(), blankToNull(clientId.getText()),
                blankToNull(username.getText()), password.getText().isEmpty() ? null : password.getText(), secure,
                version.getValue());
        ctx.background().run(() -> {
            ctx.backend().connections().save(spec);
            return spec.name();
        }, saved -> {
            message.setText("Saved " + saved + ".");
            reload(saved);
        }, e -> message.setText("Cannot save: " + Background.message(e)));
    }

    private void remove() {
        ConnectionSpec spec = list.getSelectionModel().getSelectedItem();
        if (spec == null) {
            return;
        }
        ctx.background().run(() -> {
            ctx.backend().connections().remove(spec.name());
            return spec.name();
        }, removed -> {
            message.setText("Removed " + removed + ".");
            edit(null);
            reload(null);
        }, e -> message.setText("Cannot remove: " + Background.message(e)));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
