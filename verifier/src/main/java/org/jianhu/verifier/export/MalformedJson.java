package org.jianhu.verifier.export;

/** Text that is not JSON, or not the JSON expected. */
public class MalformedJson extends RuntimeException {

    public MalformedJson(String message) {
        super(message);
    }
}
