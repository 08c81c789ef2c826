package org.jianhu.local;

/** What to install and run when the embedded PostgreSQL cannot serve. */
final class PostgresInstructions {

    private PostgresInstructions() {
    }

    static String forRoot(int port) {
        return "The embedded PostgreSQL does not run as root (PostgreSQL itself refuses to). Run ./jianhu up as an"
                + " unprivileged user, or install and start PostgreSQL (Debian/Ubuntu):\n" + install(port);
    }

    static String afterFailure(int port, Exception failure) {
        return "The embedded PostgreSQL did not start on port " + port + ": " + EngineFailure.rootCauseOf(failure)
                + "\nInstall and start PostgreSQL instead (Debian/Ubuntu):\n" + install(port);
    }

    private static String install(int port) {
        return """
                  apt-get install postgresql
                  pg_ctlcluster --skip-systemctl-redirect <version> main start    (<version>: ls /etc/postgresql)
                Jianhu connects as postgres, without a password, to localhost:%d: in
                /etc/postgresql/<version>/main/pg_hba.conf end the line "host all all 127.0.0.1/32" in trust
                (a local trial only) and run pg_ctlcluster --skip-systemctl-redirect <version> main reload;
                or point JIANHU_DB_HOST/JIANHU_DB_PORT at another server.""".formatted(port);
    }
}
