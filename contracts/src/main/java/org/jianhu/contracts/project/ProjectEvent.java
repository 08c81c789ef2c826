package org.jianhu.contracts.project;

/**
 * A fact about one major project. Every event names its project so that consumers can order
 * and de-duplicate per project without looking inside the envelope.
 */
public sealed interface ProjectEvent permits
        ProjectRegistered, ProjectApproved, SupervisorsReassigned,
        ProjectSuspended, ProjectResumed, ProjectCancelled, ProjectCompleted,
        MilestonePlanned, MilestoneStatusReported, ProgressReported,
        ContractAwarded, ContractModified, TransactionRecorded,
        InspectionRecorded, RectificationReported, RectificationVerified {

    String projectId();
}
