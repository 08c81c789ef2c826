package org.jianhu.alert.handling;

/** What the signal says about itself, kept with the alert for the reader. */
public record SignalDetails(int ruleVersion, String subject, String explanationZh, String explanationEn, String region) {
}
