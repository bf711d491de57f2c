package ai.vidyut.console.ui.forecast;

import ai.vidyut.console.simulate.SiteProfile;
import ai.vidyut.console.telemetry.Asset;
import ai.vidyut.console.telemetry.SeriesKey;
import ai.vidyut.console.ui.SeriesChoice;
import org.junit.jupiter.api.Test;

import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ForecastRequestsTest {

    @Test
    void holidayCalendarDefaultsFromTheSitesZone() {
        assertThat(ForecastRequests.defaultCountry(ZoneId.of("Asia/Kolkata"))).isEqualTo("IN");
        assertThat(ForecastRequests.defaultCountry(ZoneId.of("Asia/Calcutta"))).isEqualTo("IN");
        assertThat(ForecastRequests.defaultCountry(ZoneId.of("America/Phoenix"))).isEqualTo("US");
        assertThat(ForecastRequests.defaultCountry(ZoneId.of("America/New_York"))).isEqualTo("US");
        assertThat(ForecastRequests.defaultCountry(ZoneId.of("Europe/Berlin"))).isEqualTo("none");
        assertThat(ForecastRequests.defaultCountry(ZoneId.of("UTC"))).isEqualTo("none");
    }

    @Test
    void loadSeriesIsTheBuildingLoadNotTheGridExchange() {
        SiteProfile p = SiteProfile.standard(1);
        List<SeriesKey> stored = p.assets().stream().map(a -> new SeriesKey(p.siteId(), a.id(), "power_kw")).toList();
        // the simulator's meter-1 carries the net grid exchange (load + pump − PV − battery)
        assertThat(SeriesChoice.defaultSeries(stored).assetId()).isEqualTo(SiteProfile.GRID_METER);
        assertThat(SeriesChoice.loadSeries(stored, p.assets()).assetId()).isEqualTo(SiteProfile.LOAD);
        // without asset records, the asset id still says "load"
        assertThat(SeriesChoice.loadSeries(stored, List.of()).assetId()).isEqualTo(SiteProfile.LOAD);
    }

    @Test
    void loadSeriesFallsBackToAMeterThenToAnyNonGenerationPower() {
        SeriesKey pv = new SeriesKey("s", "pv-1", "power_kw");
        SeriesKey meter = new SeriesKey("s", "main-meter", "power_kw");
        SeriesKey hvac = new SeriesKey("s", "ahu-2", "power_kw");
        SeriesKey temp = new SeriesKey("s", "ahu-2", "temperature_c");
        assertThat(SeriesChoice.loadSeries(List.of(pv, hvac, meter, temp), List.of())).isEqualTo(meter);
        assertThat(SeriesChoice.loadSeries(List.of(pv, hvac, temp), List.of())).isEqualTo(hvac);
        // a named "load" asset wins over the meter, whatever its id
        Asset named = new Asset("s", "ahu-2", "Plant load", ai.vidyut.console.telemetry.AssetKind.HVAC,
                java.util.Map.of(), false);
        assertThat(SeriesChoice.loadSeries(List.of(pv, meter, hvac), List.of(named))).isEqualTo(hvac);
        assertThat(SeriesChoice.loadSeries(List.of(temp), List.of())).isNull();
    }
}
