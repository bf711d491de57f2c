package ai.vidyut.console.ui.history;

import ai.vidyut.console.ui.views.ViewContext;
import ai.vidyut.console.ui.views.ViewController;

/** Charts stored history of any series, downsampled. */
public final class HistoryController implements ViewController {

    private final ViewContext ctx;

    public HistoryController(ViewContext ctx) {
        this.ctx = ctx;
    }

    ViewContext context() {
        return ctx;
    }
}
