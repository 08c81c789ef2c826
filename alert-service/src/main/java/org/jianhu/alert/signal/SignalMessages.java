package org.jianhu.alert.signal;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.jianhu.contracts.signal.RiskSignalChanged;

import java.io.IOException;

/** A signal change off the wire (or held back for a parked project), read as supervision wrote it. */
final class SignalMessages {

    private SignalMessages() {
    }

    /** @throws UnreadableSignal for no JSON, no ids, or a level this service does not know */
    static RiskSignalChanged read(ObjectMapper json, byte[] body) {
        RiskSignalChanged change;
        try {
            change = json.readValue(body, RiskSignalChanged.class);
        } catch (IOException notJson) {
            throw new UnreadableSignal(notJson.getMessage());
        }
        if (change.changeId() == null || change.signalId() == null || change.projectId() == null
                || change.level() == null) {
            throw new UnreadableSignal("no changeId, signalId, projectId or level");
        }
        try {
            ReceivingSignals.openingLevel(change);
        } catch (IllegalArgumentException unknownLevel) {
            throw new UnreadableSignal(unknownLevel.getMessage());
        }
        return change;
    }

    /** No signal change at all: dropped, as no retry can make it one. */
    static final class UnreadableSignal extends RuntimeException {

        UnreadableSignal(String message) {
            super(message);
        }
    }
}
