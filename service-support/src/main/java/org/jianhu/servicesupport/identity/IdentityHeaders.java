package org.jianhu.servicesupport.identity;

/** The headers that carry a caller's identity from the gateway to a service. */
public final class IdentityHeaders {

    public static final String USER = "X-Jianhu-User";
    public static final String ROLE = "X-Jianhu-Role";
    public static final String ORGANISATION = "X-Jianhu-Organisation";
    public static final String REGION = "X-Jianhu-Region";
    /** {@code v1;t=<epoch seconds>;sig=<base64url HMAC-SHA256>} over the four headers above and t. */
    public static final String ASSERTION = "X-Jianhu-Identity";

    private IdentityHeaders() {
    }
}
