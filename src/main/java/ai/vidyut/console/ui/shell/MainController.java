package ai.vidyut.console.ui.shell;

import ai.vidyut.console.telemetry.Site;
import ai.vidyut.console.ui.Background;
import ai.vidyut.console.ui.ChoiceBar;
import ai.vidyut.console.ui.SourceStatus;
import ai.vidyut.console.ui.connections.ConnectionsDialog;
import ai.vidyut.console.ui.events.NavigateRequested;
import ai.vidyut.console.ui.events.SiteSelected;
import ai.vidyut.console.ui.events.SitesChanged;
import ai.vidyut.console.ui.importer.ImportDialog;
import ai.vidyut.console.ui.quarantine.QuarantineDialog;
import ai.vidyut.console.ui.sites.SiteDialog;
import ai.vidyut.console.ui.status.StatusModel;
import ai.vidyut.console.ui.views.ViewContext;
import ai.vidyut.console.ui.views.ViewController;
import ai.vidyut.console.ui.views.ViewLoader;
import ai.vidyut.console.ui.views.ViewSpec;
import ai.vidyut.console.ui.views.Views;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ScheduledFuture;

/**
 * The main window: site navigator, view bar and view area, demo banner, status bar. It owns navigation:
 * views ask for it with {@link NavigateRequested} on the bus and learn the site from {@link SiteSelected}.
 */
public final class MainController {

    private final ViewContext ctx;
    private final ReadOnlyObjectWrapper<String> selectedSite;
    private final ViewLoader loader;
    private final StatusModel status = new StatusModel();
    private final Map<String, ViewLoader.Loaded> loaded = new LinkedHashMap<>();
    private final Map<String, ToggleButton> viewButtons = new LinkedHashMap<>();
    private final ToggleGroup viewToggle = new ToggleGroup();
    private final ReadOnlyStringWrapper currentView = new ReadOnlyStringWrapper();
    private ScheduledFuture<?> statusPoll;
    private boolean reloading;

    @FXML private HBox viewBar;
    @FXML private Label demoBanner;
    @FXML private ListView<Site> siteList;
    @FXML private Button editSiteButton;
    @FXML private Button deleteSiteButton;
    @FXML private StackPane viewArea;
    @FXML private HBox sourcesBox;
    @FXML private Label rateLabel;
    @FXML private Hyperlink quarantineLink;
    @FXML private Label messageLabel;

    MainController(ViewContext ctx, ReadOnlyObjectWrapper<String> selectedSite, ViewLoader loader) {
        this.ctx = ctx;
        this.selectedSite = selectedSite;
        this.loader = loader;
    }

    @FXML
    private void initialize() {
        for (ViewSpec spec : Views.all()) {
            ToggleButton b = new ToggleButton(spec.title());
            b.setId("view-" + spec.id());
            b.getStyleClass().add("view-button");
            b.setToggleGroup(viewToggle);
            b.setOnAction(e -> show(spec.id()));
            viewButtons.put(spec.id(), b);
            viewBar.getChildren().add(b);
        }
        ChoiceBar.keepOnePressed(viewToggle);

        demoBanner.setId("demoBanner");
        demoBanner.visibleProperty().bind(status.demoProperty());
        demoBanner.managedProperty().bind(status.demoProperty());

        siteList.setId("siteList");
        siteList.setCellFactory(v -> new SiteCell());
        siteList.getSelectionModel().selectedItemProperty().addListener((o, was, site) -> {
            if (reloading) {
                return; // reloadSites publishes the final selection once
            }
            String id = site == null ? null : site.id();
            if (!Objects.equals(id, selectedSite.get())) {
                selectedSite.set(id);
                ctx.bus().publish(new SiteSelected(id));
            }
        });
        editSiteButton.disableProperty().bind(siteList.getSelectionModel().selectedItemProperty().isNull());
        deleteSiteButton.disableProperty().bind(siteList.getSelectionModel().selectedItemProperty().isNull());

        ctx.bus().subscribe(NavigateRequested.class, this::navigate);
        ctx.bus().subscribe(SitesChanged.class, e -> reloadSites(null));
        ctx.live().onNewSite(site -> {
            if (siteList.getItems().stream().noneMatch(s -> s.id().equals(site))) {
                reloadSites(null);
            }
        });

        status.sources().addListener((javafx.collections.ListChangeListener<SourceStatus>) c -> renderSources());
        rateLabel.setId("rateLabel");
        quarantineLink.setId("quarantineLink");
        rateLabel.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> String.format(Locale.ROOT, "%.1f msg/s · %.0f readings/s", status.messagesPerSecondProperty().get(),
                        status.readingsPerSecondProperty().get()),
                status.messagesPerSecondProperty(), status.readingsPerSecondProperty()));
        quarantineLink.textProperty().bind(status.quarantinedProperty().asString("Quarantined: %d"));
        status.apply(List.of(), 0, 0, ctx.backend().isDemo());
        renderSources();
        statusPoll = ctx.background().every(1000, this::pollStatus);

        reloadSites(null);
        show(Views.DASHBOARD);
    }

    private void pollStatus() {
        List<SourceStatus> sources = ctx.backend().sourceStatuses();
        long quarantined = ctx.backend().quarantine().count();
        boolean demo = ctx.backend().isDemo();
        Platform.runLater(() -> status.apply(sources, quarantined, ctx.live().readingsPerSecond(), demo));
    }

    private void renderSources() {
        sourcesBox.getChildren().clear();
        if (status.sources().isEmpty()) {
            Label none = new Label("No live source");
            none.getStyleClass().addAll("status-item", "state-disconnected");
            sourcesBox.getChildren().add(none);
            return;
        }
        for (SourceStatus s : status.sources()) {
            Label l = new Label("● " + s.name() + "  " + s.state().toLowerCase(Locale.ROOT)
                    + String.format(Locale.ROOT, "  %.1f msg/s", s.messagesPerSecond()));
            l.setId("source-" + s.name().replaceAll("[^A-Za-z0-9_-]", "-"));
            l.getStyleClass().addAll("status-item", "state-" + s.state().toLowerCase(Locale.ROOT));
            l.setTooltip(new javafx.scene.control.Tooltip(s.name() + "\n" + s.received() + " messages received, "
                    + s.quarantined() + " quarantined" + (s.lastError() == null ? "" : "\nlast problem: " + s.lastError())));
            sourcesBox.getChildren().add(l);
        }
    }

    public StatusModel status() {
        return status;
    }

    public ReadOnlyStringProperty currentViewProperty() {
        return currentView.getReadOnlyProperty();
    }

    /** The controller of a view, loading the view if it was never shown (for tests and embedding). */
    public Object controllerOf(String viewId) {
        return loadedView(Views.byId(viewId).orElseThrow()).controller();
    }

    /** Shows a registered view. */
    public void show(String viewId) {
        ViewSpec spec = Views.byId(viewId).orElse(null);
        if (spec == null) {
            flash("No view named " + viewId);
            return;
        }
        if (viewId.equals(currentView.get())) {
            viewButtons.get(viewId).setSelected(true);
            return;
        }
        ViewLoader.Loaded previous = currentView.get() == null ? null : loaded.get(currentView.get());
        ViewLoader.Loaded next;
        try {
            next = loadedView(spec);
        } catch (RuntimeException e) {
            flash("Cannot open " + spec.title() + ": " + Background.message(e));
            return;
        }
        if (previous != null && previous.controller() instanceof ViewController vc) {
            vc.hidden();
        }
        viewArea.getChildren().setAll(next.root());
        currentView.set(viewId);
        viewButtons.get(viewId).setSelected(true);
        if (next.controller() instanceof ViewController vc) {
            vc.shown();
        }
    }

    private ViewLoader.Loaded loadedView(ViewSpec spec) {
        ViewLoader.Loaded view = loaded.get(spec.id());
        if (view == null) {
            view = loader.load(spec);
            loaded.put(spec.id(), view);
        }
        return view;
    }

    private void navigate(NavigateRequested request) {
        if (request.siteId() != null) {
            selectSite(request.siteId());
        }
        show(request.viewId());
    }

    /** Selects a site in the navigator (if listed). */
    public void selectSite(String siteId) {
        siteList.getItems().stream().filter(s -> s.id().equals(siteId)).findFirst()
                .ifPresent(s -> siteList.getSelectionModel().select(s));
    }

    /** Reloads the site list off the FX thread, keeping the selection (or selecting {@code thenSelect}). */
    private void reloadSites(String thenSelect) {
        ctx.background().run(() -> ctx.backend().sites().sites(), sites -> {
            String keep = thenSelect != null ? thenSelect : selectedSite.get();
            Site match = sites.stream().filter(s -> s.id().equals(keep)).findFirst()
                    .orElse(sites.isEmpty() ? null : sites.get(0));
            reloading = true;
            try {
                siteList.getItems().setAll(sites);
                if (match != null) {
                    siteList.getSelectionModel().select(match);
                } else {
                    siteList.getSelectionModel().clearSelection();
                }
            } finally {
                reloading = false;
            }
            String id = match == null ? null : match.id();
            if (!Objects.equals(id, selectedSite.get())) {
                selectedSite.set(id);
                ctx.bus().publish(new SiteSelected(id));
            }
        }, e -> flash("Cannot list sites: " + Background.message(e)));
    }

    @FXML
    private void newSite() {
        SiteDialog dialog = new SiteDialog(ctx.owner().get(), null,
                id -> siteList.getItems().stream().anyMatch(s -> s.id().equals(id)));
        dialog.resultProperty().addListener((o, was, site) -> {
            if (site != null) {
                saveSite(site, true);
            }
        });
        dialog.show();
    }

    @FXML
    private void editSite() {
        Site current = siteList.getSelectionModel().getSelectedItem();
        if (current == null) {
            return;
        }
        SiteDialog dialog = new SiteDialog(ctx.owner().get(), current, id -> false);
        dialog.resultProperty().addListener((o, was, site) -> {
            if (site != null) {
                saveSite(site, false);
            }
        });
        dialog.show();
    }

    private void saveSite(Site site, boolean create) {
        ctx.background().run(() -> {
            if (create) {
                ctx.backend().sites().createSite(site);
            } else {
                ctx.backend().sites().updateSite(site);
            }
            return site;
        }, s -> {
            flash("Saved site " + s.id());
            reloadSites(s.id());
            ctx.bus().publish(new SitesChanged());
        }, e -> flash("Cannot save site " + site.id() + ": " + Background.message(e)));
    }

    @FXML
    private void deleteSite() {
        Site current = siteList.getSelectionModel().getSelectedItem();
        if (current == null) {
            return;
        }
        Alert confirm = new Alert(Alert.AlertType.CONFIRMATION,
                "Delete site " + current.id() + " with all its assets and their stored readings? This cannot be undone.",
                ButtonType.OK, ButtonType.CANCEL);
        confirm.initOwner(ctx.owner().get());
        confirm.setHeaderText("Delete " + current.name() + "?");
        ai.vidyut.console.ui.Theme.style(confirm);
        confirm.getDialogPane().lookupButton(ButtonType.OK).setId("confirmDeleteButton");
        confirm.resultProperty().addListener((o, was, answer) -> {
            if (answer == ButtonType.OK) {
                ctx.background().run(() -> ctx.backend().sites().deleteSite(current.id()), deleted -> {
                    flash(deleted ? "Deleted site " + current.id() : "Site " + current.id() + " was already gone");
                    selectedSite.set(null);
                    reloadSites(null);
                    ctx.bus().publish(new SitesChanged());
                }, e -> flash("Cannot delete site " + current.id() + ": " + Background.message(e)));
            }
        });
        confirm.show();
    }

    @FXML
    private void openImport() {
        ImportDialog.show(ctx);
    }

    @FXML
    private void openConnections() {
        ConnectionsDialog.show(ctx);
    }

    @FXML
    private void openQuarantine() {
        QuarantineDialog.show(ctx.owner().get(), ctx.backend().quarantine(), ctx.background());
    }

    /** Shows a short message in the status bar. */
    public void flash(String message) {
        messageLabel.setText(message);
    }

    public ListView<Site> siteList() {
        return siteList;
    }

    void dispose() {
        if (statusPoll != null) {
            statusPoll.cancel(false);
        }
        for (ViewLoader.Loaded view : loaded.values()) {
            if (view.controller() instanceof ViewController vc) {
                vc.dispose();
            }
        }
    }

    /** A navigator row: site name, id and a tag when it was discovered on the wire. */
    private static final class SiteCell extends ListCell<Site> {
        @Override
        protected void updateItem(Site site, boolean empty) {
            super.updateItem(site, empty);
            if (empty || site == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            Label name = new Label(site.name());
            name.getStyleClass().add("site-name");
            Label id = new Label(site.id());
            id.getStyleClass().add("site-id");
            VBox text = new VBox(1, name, id);
            HBox row = new HBox(6, text);
            HBox.setHgrow(text, Priority.ALWAYS);
            if (site.discovered()) {
                Label tag = new Label("discovered");
                tag.getStyleClass().add("tag-discovered");
                row.getChildren().add(tag);
            }
            row.setId("site-" + site.id());
            setText(null);
            setGraphic(row);
        }
    }

}
