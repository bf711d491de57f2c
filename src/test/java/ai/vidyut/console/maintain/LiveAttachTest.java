package ai.vidyut.console.maintain;

import ai.vidyut.console.ingest.Pipeline;
import ai.vidyut.console.runtime.ConsoleRuntime;
import ai.vidyut.console.simulate.Fault;
import ai.vidyut.console.simulate.FaultType;
import ai.vidyut.console.simulate.SiteProfile;
import ai.vidyut.console.simulate.SiteSimulator;
import ai.vidyut.console.telemetry.Asset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** Readings committed by the real pipeline re-plan their site in the background; the live model is registered. */
class LiveAttachTest {

    @Test
    void committedReadingsDriveTheLivePlan(@TempDir Path dataDir) throws Exception {
        try (ConsoleRuntime rt = ConsoleRuntime.open(dataDir, Pipeline.Options.defaults())) {
            SiteProfile profile = SiteProfile.standard(1);
            rt.siteStore().saveSite(profile.site());
            for (Asset a : profile.assets()) {
                rt.siteStore().saveAsset(a);
            }
            Instant end = Instant.now();
            SiteSimulator sim = new SiteSimulator(profile, 5, List.of(Fault.of(SiteProfile.PUMP,
                    FaultType.RISING_VIBRATION, end.minus(Duration.ofDays(1)), end.plus(Duration.ofDays(1)))));
            try (MaintenanceService service = MaintenanceService.attach(rt, Duration.ofMillis(200))) {
                assertThat(rt.registry().active(HealthClassifier.KIND, LiveHealthModel.SCOPE)).isPresent();
                List<String> refreshed = new CopyOnWriteArrayList<>();
                service.addPlanListener(refreshed::add);
                rt.pipeline().submitReadings("test", sim.readings(end.minus(Duration.ofDays(2)).toEpochMilli(),
                        end.toEpochMilli(), Duration.ofMinutes(30).toMillis()));
                assertThat(rt.pipeline().drain(Duration.ofSeconds(30))).isTrue();
                long deadline = System.currentTimeMillis() + 60_000;
                while (service.plans().plan(profile.siteId()).isEmpty() && System.currentTimeMillis() < deadline) {
                    Thread.sleep(100);
                }
                assertThat(refreshed).contains(profile.siteId());
                assertThat(service.plans().plan(profile.siteId()).get(0).assetId()).isEqualTo(SiteProfile.PUMP);
            }
        }
    }
}
