package org.jianhu.project.integrity.web;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.nio.charset.StandardCharsets;

/** Notes, keys and proofs travel as the text their specifications define, in UTF-8. */
final class PlainText {

    static final String VALUE = "text/plain;charset=UTF-8";
    static final MediaType TYPE = new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8);

    private PlainText() {
    }

    static ResponseEntity<String> of(String text) {
        return ResponseEntity.ok().contentType(TYPE).body(text);
    }
}
