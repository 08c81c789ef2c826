package org.jianhu.project.integrity;

import io.micrometer.core.instrument.MeterRegistry;
import org.jianhu.project.integrity.checkpoint.Checkpoints;
import org.jianhu.project.integrity.checkpoint.LogKey;
import org.jianhu.project.integrity.checkpoint.SigningCheckpoints;
import org.jianhu.project.integrity.checkpoint.SigningStatus;
import org.jianhu.project.integrity.publishing.PublishingCheckpoints;
import org.jianhu.project.integrity.tree.FollowingTheLog;
import org.jianhu.project.integrity.tree.LoggedEvents;
import org.jianhu.project.integrity.tree.StoredTree;
import org.jianhu.verifier.note.NoteSigner;
import org.jianhu.verifier.note.VerifierKey;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;

/**
 * The record made verifiable: a Merkle tree over the event log, signed checkpoints of it, their publication, and the
 * proofs auditors ask for. {@code jianhu.integrity.enabled=false} stops following and signing (the API still
 * answers from what is stored), e.g. to measure the write path alone.
 */
@Configuration
@EnableConfigurationProperties(IntegrityProperties.class)
public class IntegrityConfiguration {

    @Bean
    public StoredTree storedTree(JdbcTemplate jdbc) {
        return new StoredTree(jdbc);
    }

    @Bean
    public LoggedEvents loggedEvents(JdbcTemplate jdbc) {
        return new LoggedEvents(jdbc);
    }

    @Bean
    public Checkpoints checkpoints(JdbcTemplate jdbc) {
        return new Checkpoints(jdbc);
    }

    @Bean
    public NoteSigner logSigner(IntegrityProperties properties) {
        return LogKey.signer(properties.origin(), properties.keyFile(), properties.generateKey());
    }

    @Bean
    public VerifierKey logVerifierKey(NoteSigner logSigner) {
        return logSigner.verifierKey();
    }

    @Bean
    public RecordProofs recordProofs(StoredTree tree, Checkpoints checkpoints, LoggedEvents events,
                                     TransactionTemplate transaction) {
        return new RecordProofs(tree, checkpoints, events, transaction);
    }

    @Bean("integrity")
    public SigningStatus signingStatus() {
        return new SigningStatus();
    }

    /**
     * The processors that follow the log, sign and publish (the publisher is defined in its package), on the
     * intervals of {@link IntegrityProperties}, only where integrity is enabled.
     */
    @Configuration
    @EnableScheduling
    @ConditionalOnProperty(name = "jianhu.integrity.enabled", havingValue = "true", matchIfMissing = true)
    static class Following implements SchedulingConfigurer {

        private final IntegrityProperties properties;
        private final ObjectProvider<FollowingTheLog> following;
        private final ObjectProvider<SigningCheckpoints> signing;
        private final ObjectProvider<PublishingCheckpoints> publishing;

        Following(IntegrityProperties properties, ObjectProvider<FollowingTheLog> following,
                  ObjectProvider<SigningCheckpoints> signing, ObjectProvider<PublishingCheckpoints> publishing) {
            this.properties = properties;
            this.following = following;
            this.signing = signing;
            this.publishing = publishing;
        }

        @Override
        public void configureTasks(ScheduledTaskRegistrar tasks) {
            tasks.addFixedDelayTask(new FixedDelayTask(() -> following.getObject().follow(),
                    properties.followInterval(), Duration.ZERO));
            tasks.addFixedDelayTask(new FixedDelayTask(() -> signing.getObject().signOnSchedule(),
                    properties.checkpointInterval(), properties.checkpointInterval()));
            tasks.addFixedDelayTask(new FixedDelayTask(() -> publishing.ifAvailable(
                    PublishingCheckpoints::publishOnSchedule), properties.publishInterval(), Duration.ZERO));
        }

        @Bean
        FollowingTheLog followingTheLog(JdbcTemplate jdbc, TransactionTemplate transaction, StoredTree tree,
                                        LoggedEvents events, MeterRegistry registry) {
            return new FollowingTheLog(jdbc, transaction, tree, events, properties.batchSize(), registry);
        }

        @Bean
        SigningCheckpoints signingCheckpoints(JdbcTemplate jdbc, TransactionTemplate transaction, StoredTree tree,
                                              Checkpoints checkpoints, NoteSigner logSigner, SigningStatus status,
                                              MeterRegistry registry) {
            return new SigningCheckpoints(jdbc, transaction, tree, checkpoints, logSigner, status, registry);
        }
    }
}
