package ai.vidyut.console.voice;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Text-level understanding, table-driven: phrase | intent | valid | the exact entities (time by its text).
 * The current site is site-1 (see {@link VoiceFixtures}).
 */
class CommandParserTableTest {

    private static final CommandParser PARSER = VoiceFixtures.parser();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            # navigate
            show the dashboard                          | navigate | true  | site=site-1 view=dashboard
            show me the dashboard                       | navigate | true  | site=site-1 view=dashboard
            open the history                            | navigate | true  | site=site-1 view=history
            go to the forecast view                     | navigate | true  | site=site-1 view=forecast
            show anomalies for site two                 | navigate | true  | site=site-2 view=anomalies
            show the anomalies for site 2               | navigate | true  | site=site-2 view=anomalies
            Show the alarms for Site Three.             | navigate | true  | site=site-3 view=alarms
            show maintenance                            | navigate | true  | site=site-1 view=maintenance
            display the alerts                          | navigate | true  | site=site-1 view=alarms
            take me to the models                       | navigate | true  | site=site-1 view=models
            switch to the forecast                      | navigate | true  | site=site-1 view=forecast
            bring up the overview                       | navigate | true  | site=site-1 view=dashboard
            go to site three                            | navigate | true  | site=site-3
            go to newcastle solar                       | navigate | true  | site=site-3
            open the dashboard for newcastle solar      | navigate | true  | site=site-3 view=dashboard
            show the forecast for site two              | navigate | true  | site=site-2 view=forecast
            navigate to the anomaly timeline            | navigate | true  | site=site-1 view=anomalies
            please show me the maintenance plan         | navigate | true  | site=site-1 view=maintenance
            anomalies for site two                      | navigate | true  | site=site-2 view=anomalies
            show alarms for site nine                   | navigate | false | view=alarms
            go to site forty two                        | navigate | false |
            show the                                    | navigate | false | site=site-1
            show                                        | navigate | false | site=site-1
            show the spaceship                          | navigate | false | site=site-1
            go to                                       | navigate | false | site=site-1
            show the history of pump two                | navigate | false | site=site-1 view=history
            # query_status
            what is the solar output at site one        | query_status | true | site=site-1 deviceKind=pv_array metric=power_kw asset=pv-1
            what's the solar output                     | query_status | true | site=site-1 deviceKind=pv_array metric=power_kw asset=pv-1
            status of inverter two                      | query_status | true | site=site-1 deviceKind=inverter number=2 asset=inv-2
            what is the status of inverter 1            | query_status | true | site=site-1 deviceKind=inverter number=1 asset=inv-1
            how is pump one                             | query_status | true | site=site-1 deviceKind=pump number=1 asset=pump-1
            check pump three at site two                | query_status | true | site=site-2 deviceKind=pump number=3 asset=pump-3
            what is the temperature of the main transformer | query_status | true | site=site-1 deviceKind=transformer metric=temperature_c asset=tx-main
            what is the vibration of pump two           | query_status | true | site=site-1 deviceKind=pump number=2 metric=vibration_mm_s asset=pump-2
            what is the state of charge of battery one  | query_status | true | site=site-1 deviceKind=battery number=1 metric=soc_pct asset=bat-1
            what is the battery level at site two       | query_status | true | site=site-2 metric=soc_pct
            what is the voltage                         | query_status | true | site=site-1 metric=voltage_v
            what is the grid frequency at site three    | query_status | true | site=site-3 metric=frequency_hz
            is pump two on                              | query_status | true | site=site-1 deviceKind=pump number=2 asset=pump-2
            status of the batteries at site two         | query_status | true | site=site-2 deviceKind=battery
            how are the inverters                       | query_status | true | site=site-1 deviceKind=inverter
            what is the power of inverter two           | query_status | true | site=site-1 deviceKind=inverter number=2 metric=power_kw asset=inv-2
            show me the power of inverter two           | query_status | true | site=site-1 deviceKind=inverter number=2 metric=power_kw asset=inv-2
            what is the humidity                        | query_status | true | site=site-1 metric=humidity_pct
            what is the irradiance at newcastle solar   | query_status | true | site=site-3 metric=irradiance_w_m2
            status of the office air conditioner        | query_status | true | site=site-1 deviceKind=hvac asset=hvac-1
            status of meter one at site three           | query_status | true | site=site-3 deviceKind=meter number=1 asset=meter-1
            status of inverter nine                     | query_status | false | site=site-1 deviceKind=inverter number=9
            status of the wind turbine                  | query_status | false | site=site-1
            what is the                                 | unknown | false |
            status of                                   | query_status | false | site=site-1
            what is the status                          | query_status | true  | site=site-1
            # query_energy
            what is the energy consumption today        | query_energy | true | site=site-1 metric=energy_kwh time=today
            what is the energy consumption this week at site one | query_energy | true | site=site-1 metric=energy_kwh time=this week
            energy usage yesterday at site two          | query_energy | true | site=site-2 metric=energy_kwh time=yesterday
            how much electricity did we use this month  | query_energy | true | site=site-1 metric=energy_kwh time=this month
            what is the energy consumption              | query_energy | true | site=site-1 metric=energy_kwh time=today
            how much energy did the solar produce today | query_energy | true | site=site-1 deviceKind=pv_array metric=energy_kwh time=today asset=pv-1
            consumption last week                       | query_energy | true | site=site-1 metric=energy_kwh time=last week
            what was the energy usage in the last six hours | query_energy | true | site=site-1 metric=energy_kwh time=the last six hours
            kilowatt hours today at newcastle solar     | query_energy | true | site=site-3 metric=energy_kwh time=today
            energy consumption of pump two today        | query_energy | true | site=site-1 deviceKind=pump number=2 metric=energy_kwh time=today asset=pump-2
            energy consumption for                      | query_energy | false | site=site-1 metric=energy_kwh time=today
            # query_forecast
            forecast solar for tomorrow                 | query_forecast | true | site=site-1 deviceKind=pv_array metric=power_kw time=tomorrow asset=pv-1
            what is the load forecast for the next six hours | query_forecast | true | site=site-1 metric=power_kw time=the next six hours
            forecast the load for tomorrow at site two  | query_forecast | true | site=site-2 metric=power_kw time=tomorrow
            predict the solar output for the next 24 hours | query_forecast | true | site=site-1 deviceKind=pv_array metric=power_kw time=the next 24 hours asset=pv-1
            what is the expected demand at three pm     | query_forecast | true | site=site-1 metric=power_kw time=three pm
            forecast solar at 3 pm                      | query_forecast | true | site=site-1 deviceKind=pv_array metric=power_kw time=3 pm asset=pv-1
            forecast the energy consumption for this week | query_forecast | true | site=site-1 metric=energy_kwh time=this week
            what will the load be in five minutes       | query_forecast | true  | site=site-1 metric=power_kw time=in five minutes
            load forecast for the next two days at site three | query_forecast | true | site=site-3 metric=power_kw time=the next two days
            show me the solar forecast for tomorrow     | query_forecast | true | site=site-1 deviceKind=pv_array metric=power_kw time=tomorrow asset=pv-1
            forecast                                    | query_forecast | false | site=site-1 metric=power_kw time=the next 24 hours
            forecast the unicorns                       | query_forecast | false | site=site-1 metric=power_kw time=the next 24 hours
            forecast for tomorrow                       | query_forecast | true | site=site-1 metric=power_kw time=tomorrow
            # query_schedule
            when is the next maintenance for pump one   | query_schedule | true | site=site-1 deviceKind=pump number=1 asset=pump-1
            what is the maintenance schedule            | query_schedule | true | site=site-1
            when is inverter two due for service        | query_schedule | true | site=site-1 deviceKind=inverter number=2 asset=inv-2
            when is the generator due                   | query_schedule | false | site=site-1 deviceKind=generator
            # acknowledge_alarm
            acknowledge all alarms                      | acknowledge_alarm | true | site=site-1 all=true
            acknowledge alarm three                     | acknowledge_alarm | true | site=site-1 number=3
            ack alarm 12                                | acknowledge_alarm | true | site=site-1 number=12
            acknowledge alarm number twenty one         | acknowledge_alarm | true | site=site-1 number=21
            please acknowledge every alert              | acknowledge_alarm | true | site=site-1 all=true
            silence all alarms at site two              | acknowledge_alarm | true | site=site-2 all=true
            clear alarm forty                           | acknowledge_alarm | true | site=site-1 number=40
            acknowledge                                 | acknowledge_alarm | false | site=site-1
            acknowledge the alarm                       | acknowledge_alarm | false | site=site-1
            # device_control
            switch on pump two                          | device_control | true | site=site-1 deviceKind=pump number=2 action=on asset=pump-2
            Switch ON pump 2!                           | device_control | true | site=site-1 deviceKind=pump number=2 action=on asset=pump-2
            turn off the lights in lab three            | device_control | true | site=site-1 deviceKind=lighting location=lab 3 number=3 action=off asset=lab-3-lights
            turn the lights off in lab two              | device_control | true | site=site-1 deviceKind=lighting location=lab 2 number=2 action=off asset=lab-2-lights
            set the battery to charge                   | device_control | true | site=site-1 deviceKind=battery action=charge asset=bat-1
            set battery two to discharge at site two    | device_control | true | site=site-2 deviceKind=battery number=2 action=discharge asset=bat-2
            discharge battery one                       | device_control | true | site=site-1 deviceKind=battery number=1 action=discharge asset=bat-1
            start pump one                              | device_control | true | site=site-1 deviceKind=pump number=1 action=on asset=pump-1
            stop pump one at site two                   | device_control | true | site=site-2 deviceKind=pump number=1 action=off asset=pump-1
            power off inverter one                      | device_control | true | site=site-1 deviceKind=inverter number=1 action=off asset=inv-1
            turn on the office air conditioner          | device_control | true | site=site-1 deviceKind=hvac action=on asset=hvac-1
            please switch off pump number two           | device_control | true | site=site-1 deviceKind=pump number=2 action=off asset=pump-2
            shut down the main transformer              | device_control | true | site=site-1 deviceKind=transformer action=off asset=tx-main
            turn on pump three                          | device_control | false | site=site-1 deviceKind=pump number=3 action=on
            switch on pump two at site two              | device_control | false | site=site-2 deviceKind=pump number=2 action=on
            turn on the flux capacitor                  | device_control | false | site=site-1 action=on
            turn on                                     | device_control | false | site=site-1 action=on
            switch off the                              | device_control | false | site=site-1 action=off
            turn pump two                               | device_control | false | site=site-1 deviceKind=pump number=2 asset=pump-2
            set the battery                             | device_control | false | site=site-1 deviceKind=battery asset=bat-1
            turn on the lights                          | device_control | false | site=site-1 deviceKind=lighting action=on
            charge pump one                             | device_control | false | site=site-1 deviceKind=pump number=1 action=charge asset=pump-1
            turn on pump two off                        | device_control | false | site=site-1 deviceKind=pump number=2 action=on asset=pump-2
            stop pump one and the lights                | device_control | false | site=site-1 deviceKind=pump number=1 action=off asset=pump-1
            switch on the inverter at site two          | device_control | true  | site=site-2 deviceKind=inverter action=on asset=inv-1
            # unknown
            make me a sandwich                          | unknown | false |
            what is the meaning of life                 | unknown | false |
            hello                                       | unknown | false |
            sing a song                                 | unknown | false |
            remind me in five minutes                   | unknown | false |
            """)
    void understands(String phrase, String intent, boolean valid, String expectedEntities) {
        VoiceCommand command = PARSER.parse(phrase, "site-1");
        assertThat(command.intent().wireName()).as("intent of '%s'", phrase).isEqualTo(intent);
        assertThat(command.valid()).as("valid '%s' errors %s", phrase, command.errors()).isEqualTo(valid);
        assertThat(flatten(command.entities())).as("entities of '%s'", phrase).isEqualTo(expected(expectedEntities));
        if (valid) {
            assertThat(command.errors()).isEmpty();
            assertThat(command.suggestion()).isNull();
        } else {
            assertThat(command.errors()).as("errors of '%s'", phrase).isNotEmpty();
            assertThat(command.suggestion()).as("suggestion for '%s'", phrase).isNotBlank();
            assertThat(command.confidence()).isLessThan(1.0);
        }
        assertThat(command.confidence()).isBetween(0.0, 1.0);
    }

    /** Entities as strings; the time entity by its spoken text. */
    static Map<String, String> flatten(Map<String, Object> entities) {
        Map<String, String> out = new LinkedHashMap<>();
        entities.forEach((k, v) -> out.put(k, v instanceof Map<?, ?> m ? String.valueOf(m.get("text")) : String.valueOf(v)));
        return out;
    }

    /** "site=site-1 location=lab 3 number=3": keys are known words, a value runs up to the next key. */
    static Map<String, String> expected(String spec) {
        Map<String, String> out = new LinkedHashMap<>();
        if (spec == null || spec.isBlank()) {
            return out;
        }
        String[] parts = spec.trim().split("\\s+(?=[a-zA-Z]+=)");
        for (String p : parts) {
            int eq = p.indexOf('=');
            out.put(p.substring(0, eq), p.substring(eq + 1).trim());
        }
        return out;
    }
}
