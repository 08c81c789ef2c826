package org.jianhu.servicesupport.paging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jianhu.servicesupport.input.InvalidInput;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

/**
 * The opaque text of a position in a list: the list's name and the key of the last item a page held, in
 * base64url, and a check over both. The check is no secret (a cursor is only a position in a list whose every
 * item the caller may read anyway, and the query applies the caller's scope again); it is there so that a
 * cursor that was edited, cut short, made up or given out by another list is refused in plain words instead of
 * being read as some other position.
 */
public final class Cursor {

    static final String PARAMETER = "after";
    private static final byte[] CHECK_KEY = "jianhu paging cursor v1".getBytes(StandardCharsets.US_ASCII);
    private static final int CHECK_BYTES = 9;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private Cursor() {
    }

    public static String encode(String list, List<?> key) {
        List<String> parts = new ArrayList<>(key.size() + 1);
        parts.add(list);
        key.forEach(value -> parts.add(Objects.toString(Objects.requireNonNull(value, "a key value of " + list))));
        byte[] payload = write(parts);
        return ENCODER.encodeToString(payload) + "." + ENCODER.encodeToString(check(payload));
    }

    /** The key values in the cursor, once it is known to be one {@code list} gave out; else a refusal naming after. */
    public static Position decode(String list, String cursor) {
        if (cursor.isBlank()) {
            throw new InvalidInput(PARAMETER, PARAMETER + " is the next of a previous page; leave it out for the "
                    + "first page");
        }
        int dot = cursor.indexOf('.');
        try {
            byte[] payload = DECODER.decode(cursor.substring(0, Math.max(dot, 0)));
            byte[] check = DECODER.decode(cursor.substring(dot + 1));
            if (dot < 0 || !MessageDigest.isEqual(check, check(payload))) {
                throw unknown();
            }
            List<String> parts = JSON.readValue(payload, new TypeReference<List<String>>() {
            });
            if (parts.isEmpty() || parts.contains(null)) {
                throw unknown();
            }
            if (!parts.get(0).equals(list)) {
                throw new InvalidInput(PARAMETER, PARAMETER + " is a cursor of " + parts.get(0) + ", not of " + list
                        + ": start again from the first page, leaving after out");
            }
            return new Position(parts.subList(1, parts.size()));
        } catch (IllegalArgumentException | IOException unreadable) {
            throw unknown();
        }
    }

    /** What a cursor that no list gave out, or that its list cannot read, is told. */
    static InvalidInput unknown() {
        return new InvalidInput(PARAMETER, PARAMETER + " is not a cursor this list gave out (changed, cut short or "
                + "made up): start again from the first page, leaving after out");
    }

    private static byte[] write(List<String> parts) {
        try {
            return JSON.writeValueAsBytes(parts);
        } catch (JsonProcessingException unwritable) {
            throw new IllegalStateException("a cursor cannot be written", unwritable);
        }
    }

    private static byte[] check(byte[] payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(CHECK_KEY, "HmacSHA256"));
            return Arrays.copyOf(mac.doFinal(payload), CHECK_BYTES);
        } catch (GeneralSecurityException missing) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", missing);
        }
    }
}
