package org.jianhu.supervision.support;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.jianhu.contracts.project.ProjectCancelled;
import org.jianhu.contracts.project.ProjectEvent;
import org.jianhu.contracts.project.TransactionRecorded;
import org.jianhu.supervision.risk.ProjectFacts;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The real facts plus what the tests watch: the order events were applied in, payments, cancellation. */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE, isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class TestFacts extends ProjectFacts {

    private List<Long> applied = new ArrayList<>();
    private BigDecimal paidInTest = BigDecimal.ZERO;
    private boolean cancelledInTest;

    public TestFacts() {
    }

    public TestFacts(String projectId) {
        super(projectId);
    }

    @Override
    public void apply(ProjectEvent event, long globalPosition, Instant recordedAt, Duration catchUpGap) {
        super.apply(event, globalPosition, recordedAt, catchUpGap);
        applied.add(globalPosition);
        if (event instanceof TransactionRecorded payment && TransactionRecorded.PAYMENT.equals(payment.kind())) {
            paidInTest = paidInTest.add(payment.value().amount());
        }
        cancelledInTest |= event instanceof ProjectCancelled;
    }

    BigDecimal paid() {
        return paidInTest;
    }

    boolean cancelled() {
        return cancelledInTest;
    }

    List<Long> applied() {
        return applied;
    }
}
