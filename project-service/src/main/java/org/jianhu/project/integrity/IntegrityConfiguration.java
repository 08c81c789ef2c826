package org.jianhu.project.integrity;

import io.micrometer.core.instrument.MeterRegistry;
import org.jianhu.project.integrity.checkpoint.Checkpoints;
import org.jianhu.project.integrity.checkpoint.LogKey;
import org.jianhu.project.integrity.checkpoint.SigningCheckpoints;
import org.jianhu.project.integrity.checkpoint.SigningStatus;
import org.jianhu.project.integrity.tree.FollowingTheLog;
import org.jianhu.project.integrity.tree.LoggedEvents;
import org.jianhu.project.integrity.tree.StoredTree;
import org.jianhu.verifier.note.NoteSigner;
import org.jianhu.verifier.note.VerifierKey;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.transaction.support.TransactionTemplate;

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

    /** The processors that follow the log and sign, only where integrity is enabled (publishing: its package). */
    @Configuration
    @EnableScheduling
    @ConditionalOnProperty(name = "jianhu.integrity.enabled", havingValue = "true", matchIfMissing = true)
    static class Following {

        @Bean
        FollowingTheLog followingTheLog(JdbcTemplate jdbc, TransactionTemplate transaction, StoredTree tree,
                                        LoggedEvents events, IntegrityProperties properties, MeterRegistry registry) {
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
