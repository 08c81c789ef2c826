package org.jianhu.contracts.envelope;

/**
 * The RabbitMQ topic exchange that carries every committed project event. Routing key
 * {@code project.<EventType>}, so a consumer may bind to {@code project.#} or to single types.
 */
public final class ProjectEventsExchange {

    public static final String SUFFIX = ".project-events";
    public static final String ROUTING_KEY_PREFIX = "project.";

    public static final String HEADER_EVENT_ID = "jianhu-event-id";
    public static final String HEADER_PROJECT_ID = "jianhu-project-id";
    public static final String HEADER_SEQUENCE_NUMBER = "jianhu-sequence-number";
    public static final String HEADER_GLOBAL_POSITION = "jianhu-global-position";
    public static final String HEADER_EVENT_TYPE = "jianhu-event-type";
    public static final String HEADER_ENVELOPE_VERSION = "jianhu-envelope-version";

    private ProjectEventsExchange() {
    }

    /** @param prefix the deployment's AMQP name prefix ({@code jianhu.amqp.prefix}), e.g. {@code jianhu} */
    public static String name(String prefix) {
        return prefix + SUFFIX;
    }

    public static String routingKey(String eventType) {
        return ROUTING_KEY_PREFIX + eventType;
    }
}
