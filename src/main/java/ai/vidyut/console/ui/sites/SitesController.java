package ai.vidyut.console.ui.sites;

import ai.vidyut.console.ui.views.ViewContext;
import ai.vidyut.console.ui.views.ViewController;

/** The selected site's details and its assets (create, edit, delete). */
public final class SitesController implements ViewController {

    private final ViewContext ctx;

    public SitesController(ViewContext ctx) {
        this.ctx = ctx;
    }

    ViewContext context() {
        return ctx;
    }
}
