package ai.vidyut.console.ui.dashboard;

import javafx.scene.Node;

/**
 * A tile another area adds to the dashboard (for example the next-hours forecast), registered in
 * {@link DashboardTiles}. Created on the FX thread with the view's context; it updates itself (from
 * {@code ctx.live()}, a service or a background query) at most a few times per second.
 */
public interface DashboardTile {

    /** The node to place in the tile grid (typically a TilesFX {@code Tile}). */
    Node node();

    /** The dashboard switched to another site (null: none selected). */
    default void siteChanged(String siteId) {
    }

    /** The window is closing. */
    default void dispose() {
    }
}
