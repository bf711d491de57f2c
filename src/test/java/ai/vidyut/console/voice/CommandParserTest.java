package ai.vidyut.console.voice;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CommandParserTest {

    private final CommandParser parser = VoiceFixtures.parser();

    @Test
    void numbersOneToFiftyRoundTripThroughWordsAndDigits() {
        for (int n = 1; n <= SpokenNumbers.GRAMMAR_MAX; n++) {
            List<String> words = CommandParser.normalize("acknowledge alarm " + SpokenNumbers.toWords(n));
            assertThat(parser.parse(String.join(" ", words)).entities().get("number")).as("words %d", n).isEqualTo(n);
            assertThat(parser.parse("acknowledge alarm " + n).entities().get("number")).as("digits %d", n).isEqualTo(n);
        }
        assertThat(SpokenNumbers.toWords(21)).isEqualTo("twenty one");
        assertThat(SpokenNumbers.toWords(50)).isEqualTo("fifty");
    }

    @Test
    void timeExpressionsResolveAgainstTheClockInTheSiteZone() {
        // the fixed clock is 2026-11-22T10:00Z, a Sunday
        assertThat(time("what is the energy consumption today"))
                .containsEntry("from", "2026-11-22T00:00:00Z").containsEntry("to", "2026-11-23T00:00:00Z");
        assertThat(time("forecast solar for tomorrow"))
                .containsEntry("from", "2026-11-23T00:00:00Z").containsEntry("to", "2026-11-24T00:00:00Z");
        assertThat(time("energy usage this week")).containsEntry("from", "2026-11-16T00:00:00Z");
        assertThat(time("forecast the load at three pm")).containsEntry("at", "2026-11-22T15:00:00Z");
        assertThat(time("forecast the load at three thirty pm")).containsEntry("at", "2026-11-22T15:30:00Z");
        assertThat(time("forecast the load at nine am")).containsEntry("at", "2026-11-23T09:00:00Z");
        assertThat(time("what will the load be in five minutes")).containsEntry("at", "2026-11-22T10:05:00Z");
        assertThat(time("what will the load be in an hour")).containsEntry("at", "2026-11-22T11:00:00Z");
        assertThat(time("what is the load forecast for the next six hours"))
                .containsEntry("from", "2026-11-22T10:00:00Z").containsEntry("to", "2026-11-22T16:00:00Z");
        assertThat(time("energy consumption in the last two days"))
                .containsEntry("from", "2026-11-20T10:00:00Z").containsEntry("to", "2026-11-22T10:00:00Z");
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> time(String phrase) {
        VoiceCommand c = parser.parse(phrase, "site-1");
        assertThat(c.valid()).as("%s: %s", phrase, c.errors()).isTrue();
        return (Map<String, Object>) c.entities().get("time");
    }

    @Test
    void theCurrentSiteIsTheDefaultAndIsReportedAsSuch() {
        VoiceCommand implicit = parser.parse("switch on pump one", "site-2");
        assertThat(implicit.siteId()).isEqualTo("site-2");
        assertThat(implicit.defaults()).contains("site");
        VoiceCommand explicit = parser.parse("switch on pump one at site one", "site-2");
        assertThat(explicit.siteId()).isEqualTo("site-1");
        assertThat(explicit.defaults()).doesNotContain("site");
        // no current site given: the first site
        assertThat(parser.parse("switch on pump one").siteId()).isEqualTo("site-1");
    }

    @Test
    void anEmptyConsoleSaysThatNoSiteIsConfigured() {
        CommandParser empty = new CommandParser(Vocabulary.builder().build(), VoiceFixtures.CLOCK);
        VoiceCommand c = empty.parse("switch on pump two");
        assertThat(c.intent()).isEqualTo(Intent.DEVICE_CONTROL);
        assertThat(c.valid()).isFalse();
        assertThat(c.errors()).contains("no site is configured");
    }

    @Test
    @SuppressWarnings("unchecked")
    void jsonHasTheStableShape() throws Exception {
        String json = new ObjectMapper().writeValueAsString(parser.parse("switch on pump two", "site-1").toJson());
        @SuppressWarnings("unchecked")
        Map<String, Object> m = new ObjectMapper().readValue(json, Map.class);
        assertThat(m.keySet()).startsWith("transcript", "intent", "entities", "confidence", "valid", "errors");
        assertThat(m.get("transcript")).isEqualTo("switch on pump two");
        assertThat(m.get("intent")).isEqualTo("device_control");
        assertThat((Map<String, Object>) m.get("entities")).containsEntry("asset", "pump-2").containsEntry("action", "on")
                .containsEntry("site", "site-1").containsEntry("number", 2);
        assertThat(m.get("valid")).isEqualTo(true);
        assertThat((List<Object>) m.get("errors")).isEmpty();

        @SuppressWarnings("unchecked")
        Map<String, Object> bad = new ObjectMapper().readValue(new ObjectMapper().writeValueAsString(
                parser.parse("turn on", "site-1").toJson()), Map.class);
        assertThat(bad.get("valid")).isEqualTo(false);
        assertThat((List<Object>) bad.get("errors")).containsExactly("no device given");
        assertThat((String) bad.get("suggestion")).startsWith("Try: \"turn on pump one\"");
    }

    @Test
    void confidenceDropsWithWordsThatWereNotUnderstood() {
        double clean = parser.parse("switch on pump two").confidence();
        double noisy = parser.parse("switch on pump two banana flamingo").confidence();
        double unknown = parser.parse("banana flamingo").confidence();
        assertThat(clean).isEqualTo(1.0);
        assertThat(noisy).isLessThan(clean);
        assertThat(unknown).isLessThan(noisy);
    }

    @Test
    void spokenNamesSplitDigitsAndSayNumbers() {
        assertThat(Vocabulary.spoken("Inv-02")).isEqualTo("inv two");
        assertThat(Vocabulary.spoken("pump2")).isEqualTo("pump two");
        assertThat(Vocabulary.spoken("Lab 3 Lights")).isEqualTo("lab three lights");
        assertThat(VoiceFixtures.vocabulary().assets("site-1").stream()
                .filter(a -> a.id().equals("inv-2")).findFirst().orElseThrow().spoken())
                .containsExactly("inverter two", "inv two");
    }
}
