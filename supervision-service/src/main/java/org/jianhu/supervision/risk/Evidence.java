package org.jianhu.supervision.risk;

import java.util.Collection;
import java.util.List;
import java.util.Objects;

/** Global log positions of the events behind a finding: distinct and ascending, as auditors replay them. */
final class Evidence {

    private Evidence() {
    }

    static List<Long> ascending(Collection<Long> positions) {
        return positions.stream().filter(Objects::nonNull).distinct().sorted().toList();
    }
}
