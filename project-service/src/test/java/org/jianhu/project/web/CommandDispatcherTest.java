package org.jianhu.project.web;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.jianhu.project.project.Actor;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

class CommandDispatcherTest {

    private final CommandGateway gateway = mock(CommandGateway.class);
    private final CommandDispatcher dispatcher = new CommandDispatcher(gateway);
    private final Actor owner = new Actor("owner-zhang", "owner", "transport-bureau", "Haishu");

    @Test
    void theVersionTheCommandCameBackWithIsAnswered() {
        when(gateway.sendAndWait(any())).thenReturn(7L);
        assertThat(dispatcher.dispatch("a command", owner)).isEqualTo(7L);
    }

    @Test
    void aRegistrationAnswersWithTheNewProjectsIdAtVersionZero() {
        when(gateway.sendAndWait(any())).thenReturn("p-1");
        assertThat(dispatcher.dispatch("a registration", owner)).isZero();
    }

    @Test
    void aCommandThatCameBackWithoutAVersionIsNotAcknowledged() {
        when(gateway.sendAndWait(any())).thenReturn(null);
        assertThatThrownBy(() -> dispatcher.dispatch("a command", owner))
                .isInstanceOf(CommandDispatcher.OutcomeUnknown.class);
    }
}
