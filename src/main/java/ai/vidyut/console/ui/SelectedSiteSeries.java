package ai.vidyut.console.ui;

import ai.vidyut.console.telemetry.SeriesKey;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListCell;

import java.util.List;
import java.util.Objects;

/**
 * The series picker of a view that works on the selected site: the site's series list is read off the FX thread
 * when the site changes or data arrives (right away while the view is shown, else when it is shown next), a list
 * that comes back after another site was selected is dropped, and the selection is kept when the new list still
 * has it. Everything but {@link View#fetch} runs on the FX thread.
 *
 * @param <T> what the view reads about a site in one go: at least its series, possibly more (its assets, …)
 */
public final class SelectedSiteSeries<T> {

    /** What the view contributes to a load. */
    public interface View<T> {
        /** Reads the site's series (and whatever else the view chooses by); runs on a background worker. */
        T fetch(String siteId) throws Exception;

        /** The series in what {@link #fetch} read. */
        List<SeriesKey> series(T fetched);

        /**
         * The series to select in the new list. {@code kept} is the current selection when the new list still has
         * it, else null (the view picks its default then).
         */
        SeriesKey choose(T fetched, List<SeriesKey> list, SeriesKey kept);

        /** The list was replaced and the selection stayed the same: the view queries the selected series again. */
        void reselected();

        /** The list was replaced (before the selection is set): subtitles and the like. */
        default void listed(T fetched) {
        }
    }

    private final Background background;
    private final SiteSeriesModel model;
    private final View<T> view;
    private boolean shown;
    private boolean stale = true;

    public SelectedSiteSeries(Background background, SiteSeriesModel model, View<T> view) {
        this.background = background;
        this.model = model;
        this.view = view;
    }

    /** Lets {@code box} show the model's series by their labels ({@link SeriesChoice#label}) and pick the selected one. */
    public void bind(ComboBox<SeriesKey> box) {
        box.setItems(model.series());
        box.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(SeriesKey key, boolean empty) {
                super.updateItem(key, empty);
                setText(empty || key == null ? null : SeriesChoice.label(key));
            }
        });
        box.setButtonCell(box.getCellFactory().call(null));
        box.valueProperty().bindBidirectional(model.selectedProperty());
    }

    /** Another site was selected (null for none). */
    public void siteChanged(String siteId) {
        model.siteIdProperty().set(siteId);
        dataChanged();
    }

    /** The site may store other series now (an import): the list is read again. */
    public void dataChanged() {
        stale = true;
        if (shown) {
            reload();
        }
    }

    /** The view became visible: a list that went stale while it was hidden is read now. */
    public void shown() {
        shown = true;
        if (stale) {
            reload();
        }
    }

    public void hidden() {
        shown = false;
    }

    /** Reads the selected site's series list now. */
    public void reload() {
        String siteId = model.siteIdProperty().get();
        stale = false;
        if (siteId == null) {
            model.series().clear();
            model.messageProperty().set("Select a site on the left.");
            return;
        }
        background.run(() -> view.fetch(siteId), fetched -> {
            if (Objects.equals(siteId, model.siteIdProperty().get())) {
                show(siteId, fetched);
            }
        }, e -> model.messageProperty().set("Cannot list series: " + Background.message(e)));
    }

    private void show(String siteId, T fetched) {
        List<SeriesKey> list = view.series(fetched);
        SeriesKey current = model.selectedProperty().get();
        SeriesKey pick = view.choose(fetched, list, current != null && list.contains(current) ? current : null);
        model.series().setAll(list);
        view.listed(fetched);
        if (Objects.equals(pick, model.selectedProperty().get())) {
            view.reselected();
        } else {
            model.selectedProperty().set(pick);
        }
        if (list.isEmpty()) {
            model.messageProperty().set("No stored readings for " + siteId + " yet.");
        }
    }
}
