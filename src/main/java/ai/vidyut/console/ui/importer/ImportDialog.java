package ai.vidyut.console.ui.importer;

import ai.vidyut.console.detect.AnomalyStore;
import ai.vidyut.console.detect.HistoryScan;
import ai.vidyut.console.store.csv.CsvFormat;
import ai.vidyut.console.store.csv.CsvImporter;
import ai.vidyut.console.store.csv.ImportOptions;
import ai.vidyut.console.store.csv.ImportResult;
import ai.vidyut.console.ui.Background;
import ai.vidyut.console.ui.Theme;
import ai.vidyut.console.ui.events.AnomaliesChanged;
import ai.vidyut.console.ui.events.DataImported;
import ai.vidyut.console.ui.events.SitesChanged;
import ai.vidyut.console.ui.views.ViewContext;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.concurrent.Task;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Imports a CSV file with the store's {@link CsvImporter}: long ({@code timestamp,site,asset,metric,value}),
 * wide ({@code timestamp,<metric>,…} for one site and asset) or auto-detected; a progress bar; every bad line
 * listed with its line number. By default nothing is stored if any line is bad; "skip bad rows" keeps the good
 * ones. The import runs off the FX thread and can be cancelled. An import bypasses live detection, so afterwards
 * the imported range of every series is scanned for anomalies in the background ({@link HistoryScan}); the
 * Anomalies view reloads through {@link AnomaliesChanged}.
 */
public final class ImportDialog extends Dialog<Void> {

    public static final ButtonType IMPORT = new ButtonType("Import", ButtonBar.ButtonData.OTHER);
    public static final ButtonType CANCEL_IMPORT = new ButtonType("Cancel import", ButtonBar.ButtonData.OTHER);

    private static final ExecutorService IMPORTS = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "ui-import");
        t.setDaemon(true);
        return t;
    });

    private final ViewContext ctx;
    private final TextField file = new TextField();
    private final RadioButton autoFormat = new RadioButton("Detect from the header");
    private final RadioButton longFormat = new RadioButton("Long: timestamp,site,asset,metric,value");
    private final RadioButton wideFormat = new RadioButton("Wide: timestamp,<metric>,… for one site and asset");
    private final TextField site = new TextField();
    private final TextField asset = new TextField();
    private final TextField zone = new TextField("UTC");
    private final CheckBox skipBad = new CheckBox("Skip bad rows (import the good ones)");
    private final ProgressBar progress = new ProgressBar(0);
    private final Label summary = new Label();
    private final ListView<String> badLines = new ListView<>();
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final AtomicBoolean cancel = new AtomicBoolean();
    private Task<ImportResult> running;
    private Task<List<HistoryScan.Summary>> scanning;

    public ImportDialog(ViewContext ctx) {
        this.ctx = ctx;
        initOwner(ctx.owner().get());
        setTitle("Import CSV");
        setResizable(true);

        file.setId("importFileField");
        file.setPromptText("CSV file");
        HBox.setHgrow(file, Priority.ALWAYS);
        Button browse = new Button("Browse…");
        browse.setId("importBrowseButton");
        browse.setOnAction(e -> browse());
        ToggleGroup formats = new ToggleGroup();
        for (RadioButton b : new RadioButton[]{autoFormat, longFormat, wideFormat}) {
            b.setToggleGroup(formats);
        }
        autoFormat.setId("importAutoFormat");
        longFormat.setId("importLongFormat");
        wideFormat.setId("importWideFormat");
        autoFormat.setSelected(true);
        site.setId("importSiteField");
        asset.setId("importAssetField");
        zone.setId("importZoneField");
        site.setPromptText("site id (wide)");
        asset.setPromptText("asset id (wide)");
        zone.setPromptText("e.g. UTC, Asia/Kolkata");
        zone.setPrefColumnCount(12);
        site.disableProperty().bind(longFormat.selectedProperty());
        asset.disableProperty().bind(longFormat.selectedProperty());
        if (ctx.selectedSite().get() != null) {
            site.setText(ctx.selectedSite().get());
        }
        skipBad.setId("importSkipBad");
        progress.setId("importProgress");
        progress.setMaxWidth(Double.MAX_VALUE);
        summary.setId("importSummary");
        summary.setWrapText(true);
        badLines.setId("importBadLines");
        badLines.setPrefHeight(180);
        badLines.setPlaceholder(new Label("No bad lines."));

        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        HBox fileRow = new HBox(6, file, browse);
        grid.add(new Label("File"), 0, 0);
        grid.add(fileRow, 1, 0);
        grid.add(new Label("Format"), 0, 1);
        grid.add(new VBox(4, autoFormat, longFormat, wideFormat), 1, 1);
        grid.add(new Label("Site / asset"), 0, 2);
        grid.add(new HBox(6, site, asset), 1, 2);
        grid.add(new Label("Time zone"), 0, 3);
        Label zoneHint = new Label("for timestamps without an offset");
        zoneHint.getStyleClass().add("form-label");
        grid.add(new HBox(8, zone, zoneHint), 1, 3);
        grid.add(skipBad, 1, 4);
        GridPane.setHgrow(fileRow, Priority.ALWAYS);

        Label badTitle = new Label("BAD LINES");
        badTitle.getStyleClass().add("section-title");
        VBox box = new VBox(10, grid, progress, summary, badTitle, badLines);
        box.setPadding(new Insets(12));
        box.setPrefWidth(680);
        VBox.setVgrow(badLines, Priority.ALWAYS);
        getDialogPane().setContent(box);
        Theme.style(this);
        getDialogPane().getButtonTypes().addAll(IMPORT, CANCEL_IMPORT, ButtonType.CLOSE);
        Node importButton = getDialogPane().lookupButton(IMPORT);
        importButton.setId("importRunButton");
        importButton.getStyleClass().add("accent");
        importButton.addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
            e.consume(); // keep the dialog open to show the report
            start();
        });
        importButton.disableProperty().bind(Bindings.createBooleanBinding(() -> file.getText().isBlank(),
                file.textProperty()).or(busy));
        Node cancelButton = getDialogPane().lookupButton(CANCEL_IMPORT);
        cancelButton.setId("importCancelButton");
        cancelButton.disableProperty().bind(busy.not());
        cancelButton.addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
            e.consume();
            cancel.set(true);
        });
        // Closing the dialog while importing cancels the import (committed batches stay; re-import completes it).
        setOnHidden(e -> cancel.set(true));
    }

    public static ImportDialog show(ViewContext ctx) {
        ImportDialog dialog = new ImportDialog(ctx);
        dialog.show();
        return dialog;
    }

    private void browse() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("CSV file to import");
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("CSV files", "*.csv", "*.txt"),
                new FileChooser.ExtensionFilter("All files", "*"));
        File chosen = chooser.showOpenDialog(getDialogPane().getScene().getWindow());
        if (chosen != null) {
            file.setText(chosen.getAbsolutePath());
        }
    }

    private void start() {
        Path path = Path.of(file.getText().trim());
        if (!Files.isRegularFile(path)) {
            summary.setText("No such file: " + path);
            return;
        }
        CsvFormat format = autoFormat.isSelected() ? CsvFormat.AUTO : longFormat.isSelected() ? CsvFormat.LONG
                : CsvFormat.WIDE;
        if (format == CsvFormat.WIDE && (site.getText().isBlank() || asset.getText().isBlank())) {
            summary.setText("Wide format: give the site and the asset the columns belong to.");
            return;
        }
        ZoneId zoneId;
        try {
            zoneId = ZoneId.of(zone.getText().isBlank() ? "UTC" : zone.getText().trim());
        } catch (DateTimeException e) {
            summary.setText("Unknown time zone '" + zone.getText().trim() + "'.");
            return;
        }
        ImportOptions options = ImportOptions.defaults().withFormat(format)
                .withSiteAndAsset(blankToNull(site.getText()), blankToNull(asset.getText())).withZone(zoneId)
                .withSkipBadRows(skipBad.isSelected());
        badLines.getItems().clear();
        summary.setText("Importing " + path.getFileName() + "…");
        cancel.set(false);
        HistoryScan.Span span = new HistoryScan.Span();
        CsvImporter importer = new CsvImporter(ctx.backend().readings()).onBatchStored(span);
        Task<ImportResult> task = new Task<>() {
            @Override
            protected ImportResult call() {
                // Task.updateProgress coalesces: at most one pending FX update, however often it is called.
                return importer.importFile(path, options, p -> updateProgress(p.fraction(), 1.0), cancel::get);
            }
        };
        progress.progressProperty().bind(task.progressProperty());
        task.setOnSucceeded(e -> {
            busy.set(false);
            finished(task.getValue(), span);
        });
        task.setOnFailed(e -> {
            busy.set(false);
            progress.progressProperty().unbind();
            progress.setProgress(0);
            summary.setText("Import failed: " + Background.message(task.getException()));
        });
        running = task;
        busy.set(true);
        IMPORTS.execute(task);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private void finished(ImportResult result, HistoryScan.Span span) {
        progress.progressProperty().unbind();
        progress.setProgress(result.status() == ImportResult.Status.CANCELLED ? progress.getProgress() : 1);
        for (ImportResult.BadRow bad : result.badRows()) {
            badLines.getItems().add("line " + bad.line() + ": " + bad.reason());
        }
        long nBad = result.badRowCount();
        String bad = nBad + " bad line" + (nBad == 1 ? "" : "s")
                + (nBad > result.badRows().size() ? " (first " + result.badRows().size() + " listed)" : "");
        String format = result.format().name().toLowerCase(Locale.ROOT);
        switch (result.status()) {
            case REJECTED -> summary.setText(bad + " — nothing imported. Fix the file or tick \"Skip bad rows\".");
            case CANCELLED -> summary.setText("Cancelled after " + result.readingsImported() + " new readings; "
                    + "importing the file again completes it (nothing is stored twice).");
            case IMPORTED -> summary.setText(String.format(Locale.ROOT,
                    "Imported %d new readings of %d read (%s format)%s%s.", result.readingsImported(),
                    result.readingsRead(), format,
                    result.duplicates() > 0 ? "; " + result.duplicates() + " were already stored" : "",
                    nBad > 0 ? "; skipped " + bad : ""));
        }
        if (result.readingsImported() > 0) {
            ctx.bus().publish(new DataImported(result.readingsImported()));
            ctx.bus().publish(new SitesChanged());
            scanForAnomalies(span);
        }
    }

    /** Batch detection over what was just imported, off the FX thread; the result is appended to the summary. */
    private void scanForAnomalies(HistoryScan.Span span) {
        if (span.isEmpty()) {
            return;
        }
        String imported = summary.getText();
        summary.setText(imported + " Scanning the imported range for anomalies…");
        HistoryScan scan = new HistoryScan(ctx.backend().readings(), new AnomalyStore(ctx.backend().database()),
                ctx.backend().runtime().map(r -> r.registry()).orElse(null));
        Task<List<HistoryScan.Summary>> task = new Task<>() {
            @Override
            protected List<HistoryScan.Summary> call() {
                return scan.scan(span);
            }
        };
        task.setOnSucceeded(e -> {
            List<HistoryScan.Summary> result = task.getValue();
            int found = result.stream().mapToInt(HistoryScan.Summary::anomaliesFound).sum();
            int stored = result.stream().mapToInt(HistoryScan.Summary::anomaliesStored).sum();
            int series = result.stream().mapToInt(HistoryScan.Summary::series).sum();
            summary.setText(imported + String.format(Locale.ROOT, " Anomaly scan: %d series, %d anomalies found, "
                    + "%d new stored.", series, found, stored));
            ctx.bus().publish(new AnomaliesChanged(result.stream().map(HistoryScan.Summary::siteId).toList(),
                    stored));
        });
        task.setOnFailed(e -> summary.setText(imported + " Anomaly scan failed: "
                + Background.message(task.getException())));
        scanning = task;
        IMPORTS.execute(task);
    }

    /** The last anomaly scan started after an import (null before the first). */
    public Task<List<HistoryScan.Summary>> scanning() {
        return scanning;
    }

    public Task<ImportResult> running() {
        return running;
    }
}
