package org.jianhu.local;

/** An engine could not start; the message says what to do instead. */
class EngineFailure extends RuntimeException {

    private final int exitCode;

    EngineFailure(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    static String rootCauseOf(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.toString() : root.getMessage();
    }

    int exitCode() {
        return exitCode;
    }
}
