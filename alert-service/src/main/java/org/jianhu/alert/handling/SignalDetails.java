package org.jianhu.alert.handling;

import java.util.List;

/**
 * What the signal says about itself and its project, kept with the alert for the reader. A null project
 * field is unknown and leaves what the alert has.
 */
public record SignalDetails(int ruleVersion, String subject, String explanationZh, String explanationEn, String region,
                            String projectCode, String projectTitle, String ownerOrganisation,
                            List<String> supervisors) {
}
