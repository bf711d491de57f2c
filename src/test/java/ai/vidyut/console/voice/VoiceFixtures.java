package ai.vidyut.console.voice;

import ai.vidyut.console.telemetry.Asset;
import ai.vidyut.console.telemetry.AssetKind;
import ai.vidyut.console.telemetry.Site;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/** A small console world for voice tests: three sites and a dozen assets. */
public final class VoiceFixtures {

    /** Sunday 22 November 2026, 10:00 UTC. */
    public static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC);

    private VoiceFixtures() {
    }

    public static List<Site> sites() {
        return List.of(
                new Site("site-1", "Site 1", -32.95, 151.72, "UTC", 500, false),
                new Site("site-2", "Site 2", 12.97, 77.59, "UTC", 800, false),
                new Site("site-3", "Newcastle Solar", -32.9, 151.7, "UTC", 82.4, false));
    }

    public static List<Asset> assets() {
        return List.of(
                asset("site-1", "pump-1", "Pump 1", AssetKind.PUMP),
                asset("site-1", "pump-2", "Pump 2", AssetKind.PUMP),
                asset("site-1", "inv-1", "Inverter 1", AssetKind.INVERTER),
                asset("site-1", "inv-2", "Inverter 2", AssetKind.INVERTER),
                asset("site-1", "bat-1", "Battery 1", AssetKind.BATTERY),
                asset("site-1", "pv-1", "Solar Array 1", AssetKind.PV_ARRAY),
                asset("site-1", "lab-3-lights", "Lab 3 Lights", AssetKind.LIGHTING),
                asset("site-1", "lab-2-lights", "Lab 2 Lights", AssetKind.LIGHTING),
                asset("site-1", "tx-main", "Main Transformer", AssetKind.TRANSFORMER),
                asset("site-1", "hvac-1", "Office Air Conditioner", AssetKind.HVAC),
                asset("site-2", "pump-1", "Pump 1", AssetKind.PUMP),
                asset("site-2", "pump-3", "Pump 3", AssetKind.PUMP),
                asset("site-2", "inv-1", "Inverter 1", AssetKind.INVERTER),
                asset("site-2", "bat-1", "Battery 1", AssetKind.BATTERY),
                asset("site-2", "bat-2", "Battery 2", AssetKind.BATTERY),
                asset("site-3", "pv-1", "Solar Array 1", AssetKind.PV_ARRAY),
                asset("site-3", "meter-1", "Meter 1", AssetKind.METER));
    }

    private static Asset asset(String site, String id, String name, AssetKind kind) {
        return new Asset(site, id, name, kind, Map.of(), false);
    }

    public static Vocabulary vocabulary() {
        Vocabulary.Builder b = Vocabulary.builder().sites(sites());
        assets().forEach(b::asset);
        return b.build();
    }

    public static CommandParser parser() {
        return new CommandParser(vocabulary(), CLOCK);
    }
}
