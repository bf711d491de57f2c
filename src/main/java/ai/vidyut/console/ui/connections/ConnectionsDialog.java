package ai.vidyut.console.ui.connections;

import ai.vidyut.console.ingest.ConnectionSettings;
import ai.vidyut.console.ingest.WireFormat;
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
 * TLS, MQTT version) and WebSocket (URL). The kind follows from the URL scheme; TLS switches it to the secure
 * scheme ({@code ssl://}, {@code wss://}). Saving persists (passwords encrypted by the settings store) and
 * (re)starts the source.
 */
public final class ConnectionsDialog extends Dialog<Void> {

    public static final String DEFAULT_TOPIC = WireFormat.DEFAULT_TOPIC_FILTER;

    private final ViewContext ctx;
    private final ListView<ConnectionSettings> list = new ListView<>();
    private final TextField name = field("connNameField", "e.g. plant-broker");
    private final TextField url = field("connUrlField", "tcp://broker:1883 or ws://host:8787/ws/site/plant-1");
    private final Label kind = new Label();
    private final TextField topic = field("connTopicField", DEFAULT_TOPIC);
    private final TextField clientId = field("connClientIdField", "kept stable for the persistent session");
    private final TextField username = field("connUserField", "optional");
    private final PasswordField password = new PasswordField();
    private final CheckBox tls = new CheckBox("TLS");
    private final CheckBox enabled = new CheckBox("Enabled");
    private final ComboBox<String> version = new ComboBox<>();
    private final Label message = new Label();
    private ConnectionSettings editing;

    public ConnectionsDialog(ViewContext ctx) {
        this.ctx = ctx;
        initOwner(ctx.owner().get());
        setTitle("Connections");
        setResizable(true);

        list.setId("connList");
        list.setPrefWidth(230);
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(ConnectionSettings item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null
                        : item.name() + "  (" + item.kind().name().toLowerCase(Locale.ROOT) + (item.enabled() ? "" : ", off")
                        + ")");
            }
        });
        list.setPlaceholder(new Label("No connections:\nthe console runs the demo."));
        list.getSelectionModel().selectedItemProperty().addListener((o, was, c) -> {
            if (c != null) {
                edit(c);
            }
        });

        kind.setId("connKindLabel");
        password.setId("connPasswordField");
        password.setPromptText("optional; stored encrypted");
        tls.setId("connTlsBox");
        enabled.setId("connEnabledBox");
        version.setId("connVersionBox");
        version.getItems().setAll("5", "3.1.1");
        url.textProperty().addListener((o, was, now) -> urlChanged());
        for (javafx.scene.Node mqttOnly : List.of(topic, clientId, username, password, version)) {
            mqttOnly.disableProperty().bind(kind.textProperty().isEqualTo("WebSocket"));
        }

        GridPane form = new GridPane();
        form.setHgap(10);
        form.setVgap(8);
        int r = 0;
        form.addRow(r++, new Label("Name"), name);
        form.addRow(r++, new Label("URL"), url);
        form.addRow(r++, new Label("Kind"), kind);
        form.addRow(r++, new Label("Topic filter"), topic);
        form.addRow(r++, new Label("Client id"), clientId);
        form.addRow(r++, new Label("Username"), username);
        form.addRow(r++, new Label("Password"), password);
        form.addRow(r++, new Label("MQTT version"), version);
        form.add(new HBox(16, tls, enabled), 1, r++);
        url.setPrefColumnCount(30);

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

        VBox right = new VBox(10, form, new HBox(6, newButton, save, remove), message);
        HBox content = new HBox(12, list, right);
        HBox.setHgrow(right, Priority.ALWAYS);
        content.setPadding(new Insets(12));
        content.setPrefSize(780, 440);
        getDialogPane().setContent(content);
        ai.vidyut.console.ui.Theme.style(this);
        getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        edit(null);
        reload(null, null);
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

    private void urlChanged() {
        String scheme = scheme(url.getText());
        boolean ws = scheme.equals("ws") || scheme.equals("wss");
        kind.setText(scheme.isEmpty() ? "" : ws ? "WebSocket" : "MQTT");
        if (scheme.equals("ssl") || scheme.equals("mqtts") || scheme.equals("wss")) {
            tls.setSelected(true);
        }
    }

    private static String scheme(String u) {
        int i = u == null ? -1 : u.indexOf("://");
        return i <= 0 ? "" : u.substring(0, i).trim().toLowerCase(Locale.ROOT);
    }

    private void reload(String selectId, String note) {
        ctx.background().run(() -> ctx.backend().connections().list(), specs -> {
            list.getItems().setAll(specs);
            specs.stream().filter(s -> s.id().equals(selectId)).findFirst()
                    .ifPresent(s -> list.getSelectionModel().select(s));
            if (note != null) {
                message.setText(note); // after the selection, whose edit() clears the message
            }
        }, e -> message.setText("Cannot read connections: " + Background.message(e)));
    }

    private void edit(ConnectionSettings c) {
        editing = c;
        name.setText(c == null ? "" : c.name());
        url.setText(c == null ? "" : c.url());
        topic.setText(c == null || c.topicFilter() == null ? DEFAULT_TOPIC : c.topicFilter());
        clientId.setText(c == null || c.clientId() == null ? "" : c.clientId());
        username.setText(c == null || c.username() == null ? "" : c.username());
        password.setText(c == null || c.password() == null ? "" : c.password());
        tls.setSelected(c != null && c.tls());
        enabled.setSelected(c == null || c.enabled());
        version.setValue(c != null && c.mqttVersion() == 3 ? "3.1.1" : "5");
        message.setText("");
    }

    /** Checks a URL; returns an error message or null. */
    static String validate(String url) {
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (URISyntaxException e) {
            return "Not a valid URL: " + url;
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!List.of("tcp", "ssl", "mqtt", "mqtts", "ws", "wss").contains(scheme)) {
            return "Use tcp:// or ssl:// for an MQTT broker, ws:// or wss:// for a WebSocket feed.";
        }
        if (uri.getHost() == null) {
            return "The URL needs a host, e.g. tcp://broker:1883";
        }
        return null;
    }

    /** Applies the TLS box to the scheme: tcp/mqtt become ssl/mqtts, ws becomes wss (and back). */
    static String withTls(String url, boolean tls) {
        String u = url.trim();
        String scheme = scheme(u);
        String rest = u.substring(scheme.length());
        String secure = switch (scheme) {
            case "tcp", "ssl" -> tls ? "ssl" : "tcp";
            case "mqtt", "mqtts" -> tls ? "mqtts" : "mqtt";
            case "ws", "wss" -> tls ? "wss" : "ws";
            default -> scheme;
        };
        return secure + rest;
    }

    private void save() {
        String problem = validate(url.getText());
        if (problem != null) {
            message.setText(problem);
            return;
        }
        String u = withTls(url.getText(), tls.isSelected());
        ConnectionSettings.Kind k = ConnectionSettings.Kind.fromUrl(u);
        ConnectionSettings c = new ConnectionSettings(editing == null ? null : editing.id(), k, name.getText().trim(), u,
                k == ConnectionSettings.Kind.MQTT ? topic.getText().trim() : null,
                k == ConnectionSettings.Kind.MQTT ? clientId.getText().trim() : null,
                k == ConnectionSettings.Kind.MQTT ? username.getText().trim() : null,
                k == ConnectionSettings.Kind.MQTT ? password.getText() : null,
                "3.1.1".equals(version.getValue()) ? 3 : 5, enabled.isSelected());
        ctx.background().run(() -> ctx.backend().connections().save(c), note -> reload(c.id(), note),
                e -> message.setText("Cannot save: " + Background.message(e)));
    }

    private void remove() {
        ConnectionSettings c = list.getSelectionModel().getSelectedItem();
        if (c == null) {
            return;
        }
        ctx.background().run(() -> {
            ctx.backend().connections().remove(c.id());
            return c.name();
        }, removed -> {
            edit(null);
            reload(null, "Removed " + removed + ".");
        }, e -> message.setText("Cannot remove: " + Background.message(e)));
    }
}
