package ai.vidyut.console.ui.voice;

import ai.vidyut.console.alerts.AlertService;
import ai.vidyut.console.store.Database;
import ai.vidyut.console.ui.Background;
import ai.vidyut.console.ui.events.NavigateRequested;
import ai.vidyut.console.ui.events.SitesChanged;
import ai.vidyut.console.ui.views.ViewContext;
import ai.vidyut.console.ui.views.ViewController;
import ai.vidyut.console.ui.views.Views;
import ai.vidyut.console.voice.AuditLog;
import ai.vidyut.console.voice.CommandExecutor;
import ai.vidyut.console.voice.CommandParser;
import ai.vidyut.console.voice.ExecutionResult;
import ai.vidyut.console.voice.Microphone;
import ai.vidyut.console.voice.MqttDevicePublisher;
import ai.vidyut.console.voice.SpeechRecognizer;
import ai.vidyut.console.voice.StoredReadings;
import ai.vidyut.console.voice.VoiceCommand;
import ai.vidyut.console.voice.VoiceInterpreter;
import ai.vidyut.console.voice.VoicePorts;
import ai.vidyut.console.voice.VoskModelFiles;
import ai.vidyut.console.voice.Vocabulary;
import javafx.application.Platform;
import javafx.fxml.FXML;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * The microphone panel: push-to-talk (button or F9), optional hands-free listening, a live input-level meter,
 * what was heard, the command understood and its result, a text box for typed commands and the history. Device
 * control asks for confirmation in a dialog before anything is sent. Without a microphone the panel says so and
 * typed commands still work. All recognition and execution runs off the FX thread.
 */
public final class VoiceController implements ViewController {

    public static final KeyCodeCombination PUSH_TO_TALK = new KeyCodeCombination(KeyCode.F9);
    private static final Logger LOG = LoggerFactory.getLogger(VoiceController.class);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final ViewContext ctx;
    private final VoiceModel model = new VoiceModel();
    private final AtomicBoolean stopListening = new AtomicBoolean();
    private final AtomicLong lastLevelUpdate = new AtomicLong();
    private volatile CommandParser parser;
    private volatile CommandExecutor executor;
    private volatile VoiceInterpreter interpreter;
    private volatile SpeechRecognizer recognizer;
    private volatile MqttDevicePublisher publisher;
    private volatile boolean disposed;
    private ai.vidyut.console.forecast.ForecastService forecasts;

    @FXML private Label micStatus;
    @FXML private Button talkButton;
    @FXML private CheckBox handsFree;
    @FXML private ProgressBar levelMeter;
    @FXML private Label heardLabel;
    @FXML private Label commandLabel;
    @FXML private Label resultLabel;
    @FXML private TextField commandField;
    @FXML private Button runButton;
    @FXML private ListView<String> historyList;

    public VoiceController(ViewContext ctx) {
        this.ctx = ctx;
    }

    public VoiceModel model() {
        return model;
    }

    @FXML
    private void initialize() {
        micStatus.setId("micStatus");
        talkButton.setId("talkButton");
        commandField.setId("commandField");
        resultLabel.setId("resultLabel");
        commandLabel.setId("commandLabel");
        heardLabel.setId("heardLabel");
        historyList.setId("historyList");
        micStatus.textProperty().bind(model.microphoneStatusProperty());
        levelMeter.progressProperty().bind(model.levelProperty());
        heardLabel.textProperty().bind(model.heardProperty());
        commandLabel.textProperty().bind(model.commandProperty());
        resultLabel.textProperty().bind(model.resultProperty());
        historyList.setItems(model.history());
        historyList.setPlaceholder(new Label("No commands yet."));
        talkButton.disableProperty().bind(model.microphoneAvailableProperty().not());
        handsFree.disableProperty().bind(model.microphoneAvailableProperty().not());
        model.listeningProperty().addListener((o, was, now) ->
                talkButton.setText(now ? "Stop listening (F9)" : "Push to talk (F9)"));
        talkButton.sceneProperty().addListener((o, was, scene) -> registerShortcut(scene));
        ctx.bus().subscribe(SitesChanged.class, e -> rebuild());
        rebuild();
        ctx.background().run(Microphone::available, this::microphoneChecked,
                e -> microphoneChecked(false));
    }

    private void registerShortcut(Scene scene) {
        if (scene != null) {
            scene.getAccelerators().put(PUSH_TO_TALK, () -> {
                if (!talkButton.isDisabled()) {
                    toggleTalk();
                }
            });
        }
    }

    /** (Re)builds the vocabulary, parser and executor from the current sites and assets. */
    private void rebuild() {
        ctx.background().run(() -> {
            Vocabulary vocabulary = Vocabulary.load(ctx.backend().sites());
            Database db = ctx.backend().database();
            CommandExecutor ex = new CommandExecutor(vocabulary, new AuditLog(db, Clock.systemUTC()),
                    new StoredReadings(db, ctx.backend().readings()), Clock.systemDefaultZone())
                    .navigator(this::navigate)
                    .alarms(alarms(db))
                    .maintenance(new ai.vidyut.console.voice.MaintenanceAnswers(
                            new ai.vidyut.console.maintain.PlanStore(db)::plan, vocabulary))
                    .forecasts(new ai.vidyut.console.voice.ForecastAnswers(forecastService(), vocabulary,
                            Clock.systemUTC()));
            MqttDevicePublisher p = publisher();
            if (p != null) {
                ex.publisher(p);
            }
            parser = new CommandParser(vocabulary);
            executor = ex;
            if (recognizer != null) {
                interpreter = new VoiceInterpreter(recognizer, parser);
                recognizer.setVocabulary(vocabulary);
            }
            return vocabulary;
        }, v -> { }, e -> model.resultProperty().set("Cannot load the sites: " + Background.message(e)));
    }

    /** Forecasts asked by voice are computed on demand (not recorded in the registry: the forecast area does that). */
    private synchronized ai.vidyut.console.forecast.ForecastService forecastService() {
        if (forecasts == null) {
            forecasts = new ai.vidyut.console.forecast.ForecastService(ctx.backend().readings(), null, Clock.systemUTC(),
                    java.time.Duration.ofMinutes(5));
        }
        return forecasts;
    }

    private static VoicePorts.Alarms alarms(Database db) {
        return VoicePorts.alarms(new AlertService(db));
    }

    /**
     * Device commands go to {@code -Dvidyut.voice.broker=host:port} or {@code $VIDYUT_COMMAND_BROKER} if set, else to the
     * first enabled saved MQTT connection.
     */
    private MqttDevicePublisher publisher() {
        if (publisher != null) {
            return publisher;
        }
        String broker = System.getProperty("vidyut.voice.broker", System.getenv("VIDYUT_COMMAND_BROKER"));
        try {
            if (broker != null && !broker.isBlank()) {
                publisher = MqttDevicePublisher.connect(broker);
            } else {
                // otherwise the broker the console's telemetry comes from: the first enabled saved MQTT connection
                var saved = ctx.backend().runtime().stream()
                        .flatMap(rt -> rt.settings().load().stream())
                        .filter(c -> c.enabled() && c.kind() == ai.vidyut.console.ingest.ConnectionSettings.Kind.MQTT)
                        .findFirst();
                if (saved.isPresent()) {
                    broker = saved.get().url();
                    publisher = MqttDevicePublisher.forConnection(saved.get());
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("cannot connect to the command broker {}", broker, e);
        }
        return publisher;
    }

    private void navigate(String view, String siteId) {
        String target = view == null ? Views.DASHBOARD : view;
        if (target.equals("alarms") && Views.byId(target).isEmpty()) {
            // alarms are acknowledged in the anomalies view
            target = Views.ANOMALIES;
        }
        if (Views.byId(target).isEmpty()) {
            throw new UnsupportedOperationException("the " + target + " view is not part of this console yet");
        }
        ctx.bus().publish(new NavigateRequested(target, siteId));
    }

    private void microphoneChecked(boolean available) {
        model.microphoneAvailableProperty().set(available);
        model.microphoneStatusProperty().set(available ? "Microphone ready. Hold F9 or press the button and speak."
                : "No microphone: speech is off on this machine. Typed commands still work.");
    }

    @FXML
    void runTyped() {
        String text = commandField.getText();
        if (text == null || text.isBlank() || parser == null) {
            return;
        }
        commandField.clear();
        model.heardProperty().set("(typed) " + text.trim());
        VoiceCommand command = parser.parse(text, ctx.selectedSite().get());
        carryOut(command);
    }

    @FXML
    void toggleTalk() {
        if (model.listeningProperty().get()) {
            stopListening.set(true);
            return;
        }
        stopListening.set(false);
        model.listeningProperty().set(true);
        ctx.background().run(this::listen, h -> { }, e -> {
            model.listeningProperty().set(false);
            model.levelProperty().set(0);
            model.resultProperty().set(Background.message(e));
        });
    }

    /** Listens once (or, hands-free, until stopped), off the FX thread. */
    private Void listen() throws Exception {
        if (interpreter == null) {
            Platform.runLater(() -> model.microphoneStatusProperty().set("Loading the speech model..."));
            Database db = ctx.backend().database();
            java.nio.file.Path dataDir = db.dataDir() != null ? db.dataDir() : ai.vidyut.console.store.DataDir.defaultDir();
            recognizer = SpeechRecognizer.open(VoskModelFiles.ensureModel(dataDir), parser.vocabulary());
            interpreter = new VoiceInterpreter(recognizer, parser);
            Platform.runLater(() -> microphoneChecked(true));
        }
        try (Microphone mic = Microphone.open()) {
            do {
                long t0 = System.nanoTime();
                SpeechRecognizer.Transcript t = mic.listenOnce(recognizer, 8, this::level,
                        () -> stopListening.get() || disposed);
                if (t.text().isBlank() && stopListening.get()) {
                    break;
                }
                VoiceInterpreter.Heard heard = interpreter.interpret(t, ctx.selectedSite().get(),
                        (System.nanoTime() - t0) / 1e9, 0);
                Platform.runLater(() -> {
                    model.heardProperty().set(heard.transcript().text());
                    carryOut(heard.command());
                });
            } while (handsFree.isSelected() && !stopListening.get() && !disposed);
        } finally {
            Platform.runLater(() -> {
                model.listeningProperty().set(false);
                model.levelProperty().set(0);
            });
        }
        return null;
    }

    /** Input level, at most five updates a second. */
    private void level(double rms) {
        long now = System.nanoTime();
        long last = lastLevelUpdate.get();
        if (now - last > 200_000_000L && lastLevelUpdate.compareAndSet(last, now)) {
            double shown = Math.min(1.0, rms * 4);
            Platform.runLater(() -> model.levelProperty().set(shown));
        }
    }

    private void carryOut(VoiceCommand command) {
        model.commandProperty().set(describe(command));
        CommandExecutor ex = executor;
        if (ex == null) {
            model.resultProperty().set("Still loading...");
            return;
        }
        ctx.background().run(() -> ex.execute(command), r -> shown(command, r),
                e -> model.resultProperty().set("Failed: " + Background.message(e)));
    }

    private void shown(VoiceCommand command, ExecutionResult r) {
        if (r.status() == ExecutionResult.Status.NEEDS_CONFIRMATION) {
            model.resultProperty().set(r.message());
            boolean send = confirm(r.message());
            CommandExecutor ex = executor;
            ctx.background().run(() -> send ? ex.confirm(r.requestId()) : ex.cancel(r.requestId()),
                    done -> finished(command, done), e -> model.resultProperty().set("Failed: " + Background.message(e)));
            return;
        }
        finished(command, r);
    }

    private void finished(VoiceCommand command, ExecutionResult r) {
        model.resultProperty().set(r.message());
        model.addHistory(LocalTime.now().format(TIME) + "  \"" + command.transcript() + "\"  ->  "
                + command.intent().wireName() + ": " + r.message());
    }

    /** The confirmation dialog before a device command is sent. */
    boolean confirm(String question) {
        ButtonType send = new ButtonType("Send", ButtonBar.ButtonData.OK_DONE);
        Alert dialog = new Alert(Alert.AlertType.CONFIRMATION, question, send, ButtonType.CANCEL);
        dialog.setTitle("Confirm device command");
        dialog.setHeaderText("Send this command to the device?");
        dialog.getDialogPane().setId("voiceConfirmDialog");
        if (ctx.owner() != null && ctx.owner().get() != null) {
            dialog.initOwner(ctx.owner().get());
        }
        Optional<ButtonType> answer = dialog.showAndWait();
        return answer.isPresent() && answer.get() == send;
    }

    static String describe(VoiceCommand c) {
        String entities = c.entities().entrySet().stream()
                .map(e -> e.getKey() + "=" + (e.getValue() instanceof Map<?, ?> m ? m.get("text") : e.getValue()))
                .collect(Collectors.joining(", "));
        return c.intent().wireName() + (entities.isEmpty() ? "" : " (" + entities + ")")
                + String.format(java.util.Locale.ROOT, "  confidence %.2f", c.confidence())
                + (c.valid() ? "" : "  - " + String.join("; ", c.errors())
                + (c.suggestion() != null ? ". " + c.suggestion() : ""));
    }

    @Override
    public void dispose() {
        disposed = true;
        stopListening.set(true);
        if (publisher != null) {
            publisher.close();
        }
        synchronized (this) {
            if (forecasts != null) {
                forecasts.close();
            }
        }
        if (recognizer != null) {
            recognizer.close();
        }
    }
}
