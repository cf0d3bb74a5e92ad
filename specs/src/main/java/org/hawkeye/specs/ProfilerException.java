package org.hawkeye.specs;

/**
 * An error the user caused (a bad model, spec, formula, option): one line that names where it is, shown
 * without a stack trace and ending the run with exit code 2. The location is {@code file:line:col},
 * {@code file: node 'name'} or empty when no place applies (a bad option).
 */
public class ProfilerException extends RuntimeException {
    private final String location;
    private final String reason;

    public ProfilerException(String location, String reason) {
        this(location, reason, null);
    }

    public ProfilerException(String location, String reason, Throwable cause) {
        super(location == null || location.isEmpty() ? reason : location + ": " + reason, cause);
        this.location = location == null ? "" : location;
        this.reason = reason;
    }

    /** Where the error is, e.g. {@code specs/crypten/framework.yaml:42:17}; empty when nowhere in particular. */
    public String location() {
        return location;
    }

    /** What is wrong, without the location. */
    public String reason() {
        return reason;
    }
}
