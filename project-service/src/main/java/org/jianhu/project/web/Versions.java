package org.jianhu.project.web;

/**
 * A project's version is the sequence number of its last event. It is the ETag of the project and
 * what {@code If-Match} names to make a write conditional on nobody having written since.
 */
public final class Versions {

    private Versions() {
    }

    public static String etag(long version) {
        return "\"" + version + "\"";
    }

    /** @return the version named by an If-Match header, or null when the write is unconditional */
    public static Long expected(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            return null;
        }
        String tag = ifMatch.trim();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        try {
            return Long.parseLong(tag.replace("\"", ""));
        } catch (NumberFormatException notAVersion) {
            throw new MalformedIfMatch(ifMatch);
        }
    }

    public static class MalformedIfMatch extends RuntimeException {
        MalformedIfMatch(String ifMatch) {
            super("If-Match must name one version of the project as an ETag, e.g. \"3\"; got " + ifMatch);
        }
    }
}
