package org.jianhu.project.support;

import org.axonframework.common.caching.Cache;
import org.jianhu.testsupport.RealInfrastructure;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The service running on real infrastructure (a database of the test class's own), with the users its tests act
 * as: an admin, an owner of {@code owner-org} (whose projects {@link Api#register} makes) and an auditor. A
 * subclass names its {@code @SpringBootTest}.
 */
@RealInfrastructure
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class RunningService {

    @LocalServerPort
    protected int port;
    @Autowired
    protected JdbcTemplate jdbc;
    /** Health details and metrics answer on this port only. */
    @LocalManagementPort
    protected int managementPort;
    /** Emptied where a test needs the project loaded from the store, not kept from its last command. */
    @Autowired
    @Qualifier("projectCache")
    protected Cache projectCache;

    protected Api admin;
    protected Api owner;
    protected Api auditor;

    @BeforeAll
    void actAsTheUsualUsers() {
        admin = new Api(port, "admin-chen", "admin", "development-commission", null);
        owner = new Api(port, "owner-wang", "owner", "owner-org", null);
        auditor = new Api(port, "aud-sun", "auditor", "audit-bureau", null);
    }
}
