package org.jianhu.gateway.console;

/**
 * The console's files (its jar's static/, served at /): open to everyone, since signing in happens inside
 * them; everything they show comes from the API, with the user's token.
 */
public final class ConsolePaths {

    static final String ASSETS = "/assets/";

    public static final String[] PUBLIC = {"/", "/index.html", "/favicon.svg", ASSETS + "**"};

    private ConsolePaths() {
    }
}
