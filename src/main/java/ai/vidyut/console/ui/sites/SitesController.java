package ai.vidyut.console.ui.sites;

import ai.vidyut.console.telemetry.Asset;
import ai.vidyut.console.telemetry.Site;
import ai.vidyut.console.ui.Background;
import ai.vidyut.console.ui.Theme;
import ai.vidyut.console.ui.events.SiteSelected;
import ai.vidyut.console.ui.events.SitesChanged;
import ai.vidyut.console.ui.views.ViewContext;
import ai.vidyut.console.ui.views.ViewController;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.GridPane;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/** The selected site's details and its assets, which can be created, edited and deleted here. */
public final class SitesController implements ViewController {

    private final ViewContext ctx;
    private final SitesModel model = new SitesModel();
    private long generation;

    @FXML private Label title;
    @FXML private Label subtitle;
    @FXML private GridPane details;
    @FXML private Button newAssetButton;
    @FXML private Button editAssetButton;
    @FXML private Button deleteAssetButton;
    @FXML private TableView<Asset> assetTable;
    @FXML private Label messageLabel;

    public SitesController(ViewContext ctx) {
        this.ctx = ctx;
    }

    public SitesModel model() {
        return model;
    }

    @FXML
    private void initialize() {
        assetTable.setId("assetTable");
        assetTable.getColumns().setAll(List.of(
                column("Id", 130, Asset::id),
                column("Name", 200, Asset::name),
                column("Kind", 120, a -> a.kind().wireName()),
                column("Rated values", 300, a -> AssetDialog.format(a.ratedValues())),
                column("Origin", 100, a -> a.discovered() ? "discovered" : "configured")));
        assetTable.setItems(model.assets());
        assetTable.setPlaceholder(new Label("No assets."));
        assetTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        assetTable.setRowFactory(t -> {
            javafx.scene.control.TableRow<Asset> row = new javafx.scene.control.TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && row.getItem() != null) {
                    editAsset();
                }
            });
            return row;
        });
        newAssetButton.disableProperty().bind(model.siteProperty().isNull());
        editAssetButton.disableProperty().bind(assetTable.getSelectionModel().selectedItemProperty().isNull());
        deleteAssetButton.disableProperty().bind(assetTable.getSelectionModel().selectedItemProperty().isNull());
        messageLabel.textProperty().bind(model.messageProperty());
        model.siteProperty().addListener((o, was, site) -> showDetails(site));
        ctx.bus().subscribe(SiteSelected.class, e -> load(e.siteId()));
        ctx.bus().subscribe(SitesChanged.class, e -> load(ctx.selectedSite().get()));
        load(ctx.selectedSite().get());
    }

    private static TableColumn<Asset, String> column(String name, double width, Function<Asset, String> value) {
        TableColumn<Asset, String> c = new TableColumn<>(name);
        c.setPrefWidth(width);
        c.setCellValueFactory(f -> new ReadOnlyStringWrapper(value.apply(f.getValue())));
        return c;
    }

    private void load(String siteId) {
        long gen = ++generation;
        if (siteId == null) {
            model.siteProperty().set(null);
            model.assets().clear();
            return;
        }
        record Loaded(Site site, List<Asset> assets) {
        }
        ctx.background().run(() -> new Loaded(ctx.backend().sites().site(siteId).orElse(null),
                ctx.backend().sites().assets(siteId)), loaded -> {
            if (gen != generation) {
                return;
            }
            model.siteProperty().set(loaded.site());
            Asset keep = assetTable.getSelectionModel().getSelectedItem();
            model.assets().setAll(loaded.assets());
            if (keep != null) {
                loaded.assets().stream().filter(a -> a.id().equals(keep.id())).findFirst()
                        .ifPresent(a -> assetTable.getSelectionModel().select(a));
            }
        }, e -> model.messageProperty().set("Cannot load " + siteId + ": " + Background.message(e)));
    }

    private void showDetails(Site site) {
        details.getChildren().clear();
        if (site == null) {
            title.setText("Site & assets");
            subtitle.setText("Select a site on the left, or create one with New.");
            return;
        }
        title.setText(site.name());
        subtitle.setText(site.id() + (site.discovered() ? " · discovered on the wire — edit it to describe it" : ""));
        String[][] rows = {
                {"Latitude", num(site.latitude())}, {"Longitude", num(site.longitude())},
                {"Time zone", site.timeZone()}, {"Capacity", Double.isNaN(site.capacityKw()) ? "—" : num(site.capacityKw()) + " kW"}};
        for (int i = 0; i < rows.length; i++) {
            Label k = new Label(rows[i][0]);
            k.getStyleClass().add("form-label");
            Label v = new Label(rows[i][1]);
            v.setId("site-detail-" + rows[i][0].toLowerCase().replace(' ', '-'));
            details.add(k, i * 2, 0);
            details.add(v, i * 2 + 1, 0);
        }
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "—" : Forms.number(v);
    }

    @FXML
    private void newAsset() {
        Site site = model.siteProperty().get();
        if (site == null) {
            return;
        }
        AssetDialog dialog = new AssetDialog(ctx.owner().get(), site.id(), null,
                id -> model.assets().stream().anyMatch(a -> a.id().equals(id)));
        dialog.resultProperty().addListener((o, was, asset) -> {
            if (asset != null) {
                save(asset, true);
            }
        });
        dialog.show();
    }

    @FXML
    private void editAsset() {
        Asset current = assetTable.getSelectionModel().getSelectedItem();
        if (current == null) {
            return;
        }
        AssetDialog dialog = new AssetDialog(ctx.owner().get(), current.siteId(), current, id -> false);
        dialog.resultProperty().addListener((o, was, asset) -> {
            if (asset != null) {
                save(asset, false);
            }
        });
        dialog.show();
    }

    private void save(Asset asset, boolean create) {
        ctx.background().run(() -> {
            if (create) {
                ctx.backend().sites().createAsset(asset);
            } else {
                ctx.backend().sites().updateAsset(asset);
            }
            return asset;
        }, a -> {
            model.messageProperty().set("Saved asset " + a.id() + ".");
            ctx.bus().publish(new SitesChanged());
        }, e -> model.messageProperty().set("Cannot save asset " + asset.id() + ": " + Background.message(e)));
    }

    @FXML
    private void deleteAsset() {
        Asset current = assetTable.getSelectionModel().getSelectedItem();
        if (current == null) {
            return;
        }
        Alert confirm = new Alert(Alert.AlertType.CONFIRMATION,
                "Delete asset " + current.id() + " and all its stored readings? This cannot be undone.",
                ButtonType.OK, ButtonType.CANCEL);
        confirm.initOwner(ctx.owner().get());
        confirm.setHeaderText("Delete " + current.name() + "?");
        Theme.style(confirm);
        confirm.getDialogPane().lookupButton(ButtonType.OK).setId("confirmDeleteAssetButton");
        confirm.resultProperty().addListener((o, was, answer) -> {
            if (answer == ButtonType.OK) {
                ctx.background().run(() -> ctx.backend().sites().deleteAsset(current.siteId(), current.id()), deleted -> {
                    model.messageProperty().set(deleted ? "Deleted asset " + current.id() + "." : "Already gone.");
                    if (Objects.equals(current.siteId(), ctx.selectedSite().get())) {
                        ctx.bus().publish(new SitesChanged());
                    }
                }, e -> model.messageProperty().set("Cannot delete: " + Background.message(e)));
            }
        });
        confirm.show();
    }
}
