package org.jianhu.project.web;

import org.jianhu.project.project.Actor;
import org.jianhu.servicesupport.web.CorrelationIdFilter;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.Map;

/**
 * Sends a command on behalf of an actor, so that every event it produces carries who acted, in
 * which role and organisation, and the request's correlation id.
 */
@Component
public class CommandDispatcher {

    private final CommandGateway commandGateway;

    public CommandDispatcher(CommandGateway commandGateway) {
        this.commandGateway = commandGateway;
    }

    /**
     * @return the project's version after the command
     * @throws OutcomeUnknown when the command came back without one (the waiting thread was interrupted): nothing
     *                        may be acknowledged that is not known to be recorded
     */
    public long dispatch(Object command, Actor actor) {
        Object version = commandGateway.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                .andMetaData(metadataOf(actor)));
        if (version instanceof Long number) {
            return number;
        }
        if (version != null) {
            // a registration answers with the new project's identifier; its first event is version 0
            return 0L;
        }
        throw new OutcomeUnknown(command);
    }

    /** A command whose outcome is not known: answered 503, so that a retry (with its Idempotency-Key) settles it. */
    public static class OutcomeUnknown extends RuntimeException {

        OutcomeUnknown(Object command) {
            super("no version came back for " + command.getClass().getSimpleName());
        }
    }

    private static Map<String, Object> metadataOf(Actor actor) {
        Map<String, Object> metadata = new HashMap<>(actor.asMetadata());
        String correlationId = MDC.get(CorrelationIdFilter.MDC_KEY);
        if (correlationId != null) {
            metadata.put(CorrelationIdFilter.MDC_KEY, correlationId);
        }
        return metadata;
    }
}
