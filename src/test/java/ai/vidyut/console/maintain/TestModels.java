package ai.vidyut.console.maintain;

/** Models shared by the tests of this package, trained once per test JVM. */
final class TestModels {

    private static HealthClassifier live;

    private TestModels() {
    }

    static synchronized HealthClassifier live() {
        if (live == null) {
            live = LiveHealthModel.trainDefault();
        }
        return live;
    }
}
