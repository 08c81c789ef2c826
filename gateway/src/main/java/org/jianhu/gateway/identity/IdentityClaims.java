package org.jianhu.gateway.identity;

/** The token claims the gateway turns into the services' identity headers (subject is the user). */
final class IdentityClaims {

    static final String NAME = "name";
    static final String ROLE = "role";
    static final String ORGANISATION = "organisation";
    static final String REGION = "region";

    private IdentityClaims() {
    }
}
