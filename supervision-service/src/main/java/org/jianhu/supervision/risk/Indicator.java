package org.jianhu.supervision.risk;

/**
 * What an indicator is known by, whether it judges one project ({@link RiskRule}) or the awards of
 * many ({@link RepeatWinner}): the catalogue lists both alike.
 */
public interface Indicator {

    String id();

    /** Bumped whenever the indicator's definition changes; a signal names the version that raised it. */
    int version();

    String nameZh();

    String nameEn();
}
