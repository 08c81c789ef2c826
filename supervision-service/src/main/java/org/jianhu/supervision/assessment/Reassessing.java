package org.jianhu.supervision.assessment;

import org.jianhu.contracts.common.BusinessCalendar;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;

/**
 * Evaluates every project again without a new event: each day for the rules that trip on time
 * passing (R03, R06's deadline…), and when an administrator changes thresholds. One transaction
 * per project, under the same lock as event application.
 *
 * <p>The daily run records the Shanghai date it completed. It is due whenever today's has not
 * completed: at 00:05, on startup and every hour, so that a restart or an outage over 00:05 loses
 * no day. A session advisory lock lets one instance at a time run it.
 */
@Service
public class Reassessing {

    private static final Logger log = LoggerFactory.getLogger(Reassessing.class);
    /** The advisory lock of the daily run ("jianhu" in ASCII). */
    private static final long DAILY_LOCK = 0x6A69616E6875L;

    private final RiskProjects projects;
    private final ProjectAssessment assessment;
    private final TransactionTemplate transaction;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    Reassessing(RiskProjects projects, ProjectAssessment assessment, PlatformTransactionManager transactions,
                JdbcTemplate jdbc, Clock clock) {
        this.projects = projects;
        this.assessment = assessment;
        this.transaction = new TransactionTemplate(transactions);
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Scheduled(cron = "${jianhu.reassessment.cron:0 5 0 * * *}", zone = "Asia/Shanghai")
    public void daily() {
        catchUp();
    }

    @Scheduled(fixedDelayString = "${jianhu.reassessment.catch-up-interval-ms:3600000}",
            initialDelayString = "${jianhu.reassessment.catch-up-interval-ms:3600000}")
    void hourly() {
        catchUp();
    }

    @EventListener(ApplicationReadyEvent.class)
    void onStartup() {
        catchUp();
    }

    /**
     * Runs the daily re-evaluation if today's (Shanghai) has not completed and no other instance is
     * running it. @return whether this call ran it
     */
    public boolean catchUp() {
        LocalDate today = BusinessCalendar.dateOf(clock.instant());
        if (completedOn(today)) {
            return false;
        }
        return Boolean.TRUE.equals(jdbc.execute((ConnectionCallback<Boolean>) connection -> {
            if (!advisoryLock(connection, "pg_try_advisory_lock")) {
                return false;
            }
            try {
                if (completedOn(today)) {
                    return false;
                }
                log.info("daily re-evaluation for {}: {} projects", today, reassessAll());
                jdbc.update("INSERT INTO daily_reassessment (id, last_completed) VALUES (1, ?) ON CONFLICT (id) "
                        + "DO UPDATE SET last_completed = greatest(daily_reassessment.last_completed, "
                        + "excluded.last_completed), completed_at = now()", Date.valueOf(today));
                return true;
            } finally {
                advisoryLock(connection, "pg_advisory_unlock");
            }
        }));
    }

    public int reassessAll() {
        int count = 0;
        for (String projectId : projects.ids()) {
            transaction.executeWithoutResult(status -> assessment.assessAndSave(projects.lock(projectId)));
            count++;
        }
        return count;
    }

    private boolean completedOn(LocalDate today) {
        return jdbc.queryForObject("SELECT count(*) FROM daily_reassessment WHERE last_completed >= ?", Long.class,
                Date.valueOf(today)) > 0;
    }

    private static boolean advisoryLock(Connection connection, String function) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT " + function + "(?)")) {
            statement.setLong(1, DAILY_LOCK);
            try (ResultSet result = statement.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        }
    }
}
