package ai.vidyut.console.ui.forecast;

import ai.vidyut.console.forecast.ForecastService;
import ai.vidyut.console.registry.ModelRegistry;
import ai.vidyut.console.runtime.ConsoleRuntime;
import ai.vidyut.console.ui.views.ViewContext;

import java.time.Clock;
import java.time.Duration;

/**
 * The window's one {@link ForecastService}, shared by the forecast view and the dashboard tile: fed by committed
 * readings, recording its runs in the runtime's model registry when the window runs on one, closed with the window.
 */
final class ForecastServices {

    private ForecastServices() {
    }

    static ForecastService of(ViewContext ctx) {
        return ctx.services().get(ForecastService.class, () -> {
            ModelRegistry registry = ctx.backend().runtime().map(ConsoleRuntime::registry).orElse(null);
            ForecastService service = new ForecastService(ctx.backend().readings(), registry, Clock.systemUTC(),
                    Duration.ofMinutes(1));
            ctx.backend().addCommittedListener(service::onCommitted);
            return service;
        });
    }
}
