package ai.vidyut.console.maintain;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ColumnReferencesTest {

    private static final Set<String> FUNCTIONS = new LinkedHashSet<>(List.of("log", "if"));

    @Test
    void replacesEveryColumnReferenceByOneVariablePerColumn() {
        ColumnReferences refs = ColumnReferences.translate(
                "`Torque [Nm]`*sensor.rpm/if(Type=='L',`Torque [Nm]`,2.5e-3)", FUNCTIONS);
        assertThat(refs.translated()).isEqualTo("_1*_2/if(_3=='L',_1,2.5e-3)");
        assertThat(refs.columns()).containsExactly("Torque [Nm]", "sensor.rpm", "Type");
        assertThat(refs.variables()).containsExactly("_1", "_2", "_3");
        assertThat(refs.column("_2")).isEqualTo("sensor.rpm");
        assertThat(refs.column("_4")).isNull();
    }

    @Test
    void copiesTextLiteralsNumbersAndFunctionNamesUnchanged() {
        ColumnReferences refs = ColumnReferences.translate("LOG (x) + if(y==\"a `b` c\", .5, 1E3) - 'log(z)'",
                FUNCTIONS);
        assertThat(refs.translated()).isEqualTo("LOG (_1) + if(_2==\"a `b` c\", .5, 1E3) - 'log(z)'");
        assertThat(refs.columns()).containsExactly("x", "y");
    }

    @Test
    void refusesFunctionsOutsideTheAllowedOnesAndUnterminatedQuotes() {
        assertThatThrownBy(() -> ColumnReferences.translate("1 + java.lang.System.exit(0)", FUNCTIONS))
                .hasMessage("unknown function 'java.lang.System.exit' (known: log, if) at position 5");
        assertThatThrownBy(() -> ColumnReferences.translate("a * `b c", FUNCTIONS))
                .hasMessage("unterminated `column name` at position 5");
    }

    @Test
    void mapsPositionsBackToTheOriginalText() {
        ColumnReferences refs = ColumnReferences.translate("`long name` + b x", FUNCTIONS);
        assertThat(refs.translated()).isEqualTo("_1 + _2 _3");
        assertThat(refs.originalPosition(1)).isEqualTo(1);  // inside _1: the back-quote
        assertThat(refs.originalPosition(2)).isEqualTo(1);
        assertThat(refs.originalPosition(4)).isEqualTo(13); // the +
        assertThat(refs.originalPosition(6)).isEqualTo(15); // b
        assertThat(refs.originalPosition(8)).isEqualTo(16); // the space before x
        assertThat(refs.originalPosition(10)).isEqualTo(17); // inside _3: x
    }
}
