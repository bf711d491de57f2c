package ai.vidyut.console.runtime;

import ai.vidyut.console.ingest.ConnectionSettings;
import ai.vidyut.console.ingest.SettingsStore;
import ai.vidyut.console.ingest.Source;
import ai.vidyut.console.telemetry.Reading;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class ConsoleRuntimeTest {

    @TempDir
    Path dataDir;

    @Test
    void withNothingConfiguredRunsTheDemoOverARealWebSocket() throws Exception {
        List<Reading> committed = new CopyOnWriteArrayList<>();
        try (ConsoleRuntime rt = ConsoleRuntime.start(dataDir, new ConsoleRuntime.DemoOptions(2, 10, 7))) {
            rt.pipeline().addListener(committed::addAll);
            assertThat(rt.isDemo()).isTrue();
            assertThat(rt.sources()).hasSize(2);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (System.nanoTime() < deadline
                    && (committed.stream().map(Reading::siteId).distinct().count() < 2
                    || rt.sources().stream().anyMatch(s -> s.state() != Source.State.CONNECTED))) {
                Thread.sleep(50);
            }
            assertThat(rt.sources()).allMatch(s -> s.state() == Source.State.CONNECTED);
            assertThat(committed).extracting(Reading::siteId).contains("site-1", "site-2");
            assertThat(committed).extracting(Reading::metric).contains("power_kw", "soc_pct", "frequency_hz");
            assertThat(rt.readingStore().count()).isGreaterThanOrEqualTo(committed.size());
            assertThat(rt.siteStore().site("site-1")).get().matches(s -> !s.discovered() && !s.name().equals("site-1"));
            assertThat(rt.pipeline().stats().quarantined()).isZero();

            // Adding a real connection ends the demo and persists the connection.
            Source real = rt.addConnection(ConnectionSettings.webSocket("ws://127.0.0.1:9/ws/site/x"));
            assertThat(rt.isDemo()).isFalse();
            assertThat(rt.sources()).containsExactly(real);
            assertThat(new SettingsStore(dataDir).load()).singleElement()
                    .matches(c -> c.url().equals("ws://127.0.0.1:9/ws/site/x"));
        }
    }

    @Test
    void withASavedConnectionDoesNotRunTheDemo() {
        new SettingsStore(dataDir).save(List.of(ConnectionSettings.webSocket("ws://127.0.0.1:9/ws/site/x")));
        try (ConsoleRuntime rt = ConsoleRuntime.start(dataDir)) {
            assertThat(rt.isDemo()).isFalse();
            assertThat(rt.sources()).singleElement().extracting(Source::name).isEqualTo("ws:127.0.0.1:9/ws/site/x");
        }
    }
}
