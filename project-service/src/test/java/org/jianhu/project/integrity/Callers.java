package org.jianhu.project.integrity;

import org.jianhu.project.support.Api;

/** Who the integrity tests act as, each signed as the gateway signs: an admin, an owner of owner-org, an auditor. */
record Callers(Api admin, Api owner, Api auditor) {

    static Callers at(int port) {
        return new Callers(new Api(port, "admin-chen", "admin", "development-commission", null),
                new Api(port, "owner-wang", "owner", "owner-org", null),
                new Api(port, "aud-sun", "auditor", "audit-bureau", null));
    }
}
