package ai.vidyut.console.ui.importer;

import ai.vidyut.console.ui.Background;
import ai.vidyut.console.ui.events.DataImported;
import ai.vidyut.console.ui.events.SitesChanged;
import ai.vidyut.console.ui.views.ViewContext;
import javafx.beans.binding.Bindings;
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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Imports a CSV file (long or wide format) with a progress bar; bad lines are listed with their line
 * numbers. By default nothing is stored if any line is bad; "skip bad rows" keeps the good ones.
 */
public final class ImportDialog extends Dialog<Void> {

    public static final ButtonType IMPORT = new ButtonType("Import", ButtonBar.ButtonData.OTHER);

    private static final ExecutorService IMPORTS = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "ui-import");
        t.setDaemon(true);
        return t;
    });

    private final ViewContext ctx;
    private final TextField file = new TextField();
    private final RadioButton longFormat = new RadioButton("Long: timestamp,site,asset,metric,value");
    private final RadioButton wideFormat = new RadioButton("Wide: timestamp,<metric>,… for one asset");
    private final TextField site = new TextField();
    private final TextField asset = new TextField();
    private final CheckBox skipBad = new CheckBox("Skip bad rows (import the good ones)");
    private final ProgressBar progress = new ProgressBar(0);
    private final Label summary = new Label();
    private final ListView<String> badLines = new ListView<>();
    private Task<ImportService.Result> running;
    private final javafx.beans.property.BooleanProperty busy = new javafx.beans.property.SimpleBooleanProperty();

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
        longFormat.setToggleGroup(formats);
        wideFormat.setToggleGroup(formats);
        longFormat.setId("importLongFormat");
        wideFormat.setId("importWideFormat");
        longFormat.setSelected(true);
        site.setId("importSiteField");
        asset.setId("importAssetField");
        site.setPromptText("site id");
        asset.setPromptText("asset id");
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
        grid.add(new Label("File"), 0, 0);
        grid.add(new HBox(6, file, browse), 1, 0);
        grid.add(new Label("Format"), 0, 1);
        grid.add(new VBox(4, longFormat, wideFormat), 1, 1);
        grid.add(new Label("Site / asset"), 0, 2);
        grid.add(new HBox(6, site, asset), 1, 2);
        grid.add(skipBad, 1, 3);
        GridPane.setHgrow(file.getParent(), Priority.ALWAYS);

        Label badTitle = new Label("Bad lines");
        badTitle.getStyleClass().add("section-title");
        VBox box = new VBox(10, grid, progress, summary, badTitle, badLines);
        box.setPadding(new Insets(12));
        box.setPrefWidth(640);
        VBox.setVgrow(badLines, Priority.ALWAYS);
        getDialogPane().setContent(box);
        ai.vidyut.console.ui.Theme.style(this);
        getDialogPane().getButtonTypes().addAll(IMPORT, ButtonType.CLOSE);
        Node importButton = getDialogPane().lookupButton(IMPORT);
        importButton.setId("importRunButton");
        importButton.addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
            e.consume(); // keep the dialog open to show the report
            start();
        });
        importButton.disableProperty().bind(Bindings.createBooleanBinding(() -> file.getText().isBlank(),
                file.textProperty()).or(busy));
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
        ImportService.Format format = longFormat.isSelected() ? ImportService.Format.LONG : ImportService.Format.WIDE;
        if (format == ImportService.Format.WIDE && (site.getText().isBlank() || asset.getText().isBlank())) {
            summary.setText("Wide format: give the site and the asset the columns belong to.");
            return;
        }
        ImportService.Options options = new ImportService.Options(format, site.getText().trim(), asset.getText().trim(),
                skipBad.isSelected());
        badLines.getItems().clear();
        summary.setText("Importing " + path.getFileName() + "…");
        Task<ImportService.Result> task = new Task<>() {
            @Override
            protected ImportService.Result call() throws Exception {
                // Task.updateProgress coalesces: at most one pending FX update, however often it is called.
                return ctx.backend().importer().run(path, options, p -> updateProgress(p, 1.0));
            }
        };
        progress.progressProperty().bind(task.progressProperty());
        task.setOnSucceeded(e -> {
            busy.set(false);
            finished(task.getValue());
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

    private void finished(ImportService.Result result) {
        progress.progressProperty().unbind();
        progress.setProgress(1);
        for (ImportService.BadLine bad : result.badLines()) {
            badLines.getItems().add("line " + bad.lineNumber() + ": " + bad.reason());
        }
        int nBad = result.badLines().size();
        if (!result.committed()) {
            summary.setText(nBad + " bad line" + (nBad == 1 ? "" : "s") + " — nothing imported. Fix the file or tick "
                    + "\"Skip bad rows\".");
            return;
        }
        summary.setText("Imported " + result.stored() + " new readings of " + result.readings() + " read"
                + (result.readings() > result.stored() ? " (" + (result.readings() - result.stored())
                + " were already stored)" : "") + (nBad > 0 ? "; skipped " + nBad + " bad line" + (nBad == 1 ? "" : "s")
                : "") + ".");
        ctx.bus().publish(new DataImported(result.stored()));
        ctx.bus().publish(new SitesChanged());
    }

    public Task<ImportService.Result> running() {
        return running;
    }
}
