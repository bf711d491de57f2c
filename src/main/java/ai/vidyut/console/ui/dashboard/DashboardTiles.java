package ai.vidyut.console.ui.dashboard;

import ai.vidyut.console.ui.views.ViewContext;

import java.util.List;
import java.util.function.Function;

/**
 * Extra dashboard tiles contributed by other areas, one line each, placed after the built-in tiles in this
 * order, e.g. {@code ctx -> new ai.vidyut.console.ui.forecast.ForecastTile(ctx)}.
 */
public final class DashboardTiles {

    private static final List<Function<ViewContext, DashboardTile>> EXTRA = List.of(
            ai.vidyut.console.ui.forecast.NextDayTile::new
    );

    private DashboardTiles() {
    }

    public static List<Function<ViewContext, DashboardTile>> extra() {
        return EXTRA;
    }
}
