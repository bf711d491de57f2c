package ai.vidyut.console.store;

import java.util.List;

/**
 * Input that cannot be stored: an unknown site, a bad time zone, a duplicate id, an out-of-range value.
 * The message lists every problem in words a user can act on; {@link #problems()} has them one by one
 * (for a dialog that marks fields).
 */
public final class ValidationException extends StoreException {

    private final List<String> problems;

    public ValidationException(List<String> problems) {
        super(String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public ValidationException(String problem) {
        this(List.of(problem));
    }

    public List<String> problems() {
        return problems;
    }
}
