package org.jianhu.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

final class Privileges {

    private Privileges() {
    }

    /** PostgreSQL's initdb and postgres refuse to run as root; so does the embedded one. */
    static boolean runningAsRoot() {
        try {
            return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException notUnix) {
            return "root".equals(System.getProperty("user.name"));
        }
    }
}
