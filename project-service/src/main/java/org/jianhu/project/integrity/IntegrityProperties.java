package org.jianhu.project.integrity;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.nio.file.Path;
import java.time.Duration;

/**
 * {@code jianhu.integrity.*}: the record's tree, its signed checkpoints and where they are published.
 *
 * @param enabled            follow the log and sign checkpoints (false: the API still answers from what is stored)
 * @param origin             the log's name: the first line of every checkpoint and the name of its key
 * @param keyFile            the log's Ed25519 private key, PKCS#8 PEM (a file, or a Kubernetes Secret mounted as one)
 * @param generateKey        when the key file is missing, make a development key there and keep it; false in
 *                           production, where a missing key must stop the service rather than start a new log
 * @param checkpointInterval how often a checkpoint is signed when the log grew
 * @param followInterval     how often the tree looks for new events
 * @param publishInterval    how often checkpoints not yet confirmed by RabbitMQ are published
 * @param batchSize          events taken into the tree per transaction
 * @param confirmTimeout     how long RabbitMQ may take to confirm a published checkpoint
 */
@ConfigurationProperties("jianhu.integrity")
public record IntegrityProperties(@DefaultValue("true") boolean enabled,
                                  @DefaultValue("jianhu.local/project-log") String origin,
                                  @DefaultValue(".jianhu/integrity/log-key.pem") Path keyFile,
                                  @DefaultValue("true") boolean generateKey,
                                  @DefaultValue("5s") Duration checkpointInterval,
                                  @DefaultValue("200ms") Duration followInterval,
                                  @DefaultValue("1s") Duration publishInterval,
                                  @DefaultValue("1000") int batchSize,
                                  @DefaultValue("10s") Duration confirmTimeout) {
}
