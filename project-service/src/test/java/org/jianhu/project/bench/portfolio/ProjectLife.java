package org.jianhu.project.bench.portfolio;

import org.jianhu.contracts.common.Money;
import org.jianhu.contracts.common.OrganisationReference;
import org.jianhu.contracts.common.Period;
import org.jianhu.project.bench.portfolio.PlannedProject.Planned;
import org.jianhu.project.bench.portfolio.PlannedProject.Risk;
import org.jianhu.project.bench.portfolio.Zhejiang.Owner;
import org.jianhu.project.bench.portfolio.Zhejiang.Region;
import org.jianhu.project.contract.AwardContractCommand;
import org.jianhu.project.contract.ModifyContractCommand;
import org.jianhu.project.funds.RecordTransactionCommand;
import org.jianhu.project.inspection.RecordInspectionCommand;
import org.jianhu.project.inspection.ReportRectificationCommand;
import org.jianhu.project.inspection.VerifyRectificationCommand;
import org.jianhu.project.milestone.PlanMilestoneCommand;
import org.jianhu.project.milestone.ReportMilestoneStatusCommand;
import org.jianhu.project.progress.ReportProgressCommand;
import org.jianhu.project.project.Actor;
import org.jianhu.project.project.ApproveProjectCommand;
import org.jianhu.project.project.CancelProjectCommand;
import org.jianhu.project.project.ReassignSupervisorsCommand;
import org.jianhu.project.project.RecordCompletionCommand;
import org.jianhu.project.project.RegisterProjectCommand;
import org.jianhu.project.project.ResumeProjectCommand;
import org.jianhu.project.project.SuspendProjectCommand;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * One project's life, as an owner and the admins would record it: registration, approval, milestones, the design,
 * works and supervision contracts with their tenders, change orders, appropriations in and payments out, monthly
 * progress, inspections (some failed and put right), perhaps a suspension, a new supervisor, a cancellation, and
 * completion. Facts are laid out on their business dates, then sorted by date and cut at {@code asOf}: what would
 * happen later has not happened yet.
 *
 * <p>A clean project keeps every supervision rule quiet when judged on {@code asOf}: payments follow progress,
 * milestones are met about when due, contracts stay well inside the budget, tenders run at least 25 days. The risky
 * ones break exactly one rule on purpose ({@link Injected}); what happens to land near {@code asOf} (a milestone due
 * last week, an inspection failed days ago) is left as life leaves it.
 */
final class ProjectLife {

    /** The rule a risky project breaks, and the colour supervision gives it. */
    enum Injected {
        NONE(Risk.GREEN),
        SINGLE_BID(Risk.YELLOW), OVERRUN(Risk.YELLOW), VARIATION(Risk.YELLOW), ESTIMATE_HUG(Risk.YELLOW),
        DIRECT_AWARD(Risk.RED), PAYMENT_AHEAD(Risk.RED), LARGE_VARIATION(Risk.RED), UNRECTIFIED(Risk.RED),
        PAYEE_NOT_A_PARTY(Risk.RED), SHORT_TENDER(Risk.RED);

        final Risk risk;

        Injected(Risk risk) {
            this.risk = risk;
        }
    }

    private static final double DAYS_PER_MONTH = 30.4;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final Random random;
    private final LocalDate asOf;
    private final int index;
    private final String projectId;
    private final Region region;
    private final Owner owner;
    private final Actor admin = new Actor(Zhejiang.ADMIN, Actor.ADMIN, Zhejiang.ADMIN_ORGANISATION, null);
    private final Actor recorder;
    private final List<Fact> facts = new ArrayList<>();
    private final Injected injected;
    private Fact injectedFact;
    private int sequence;
    private int transactions;
    private int inspections;
    private int modifications;

    /** A command on its business date; {@code order} keeps facts of one day in the order they were made. */
    private record Fact(LocalDate date, int order, Actor actor, Object command) {
    }

    private ProjectLife(long seed, int index, LocalDate asOf) {
        this.random = new Random(mix(seed * 0x9E3779B97F4A7C15L + index));
        this.asOf = asOf;
        this.index = index;
        this.projectId = UUID.nameUUIDFromBytes(("jianhu-portfolio:" + seed + ":" + index)
                .getBytes(StandardCharsets.UTF_8)).toString();
        this.region = Zhejiang.region(random);
        this.owner = Zhejiang.owner(random);
        this.recorder = new Actor(owner.user(), Actor.OWNER, owner.id(), null);
        this.injected = injection(random.nextDouble());
    }

    static PlannedProject of(long seed, int index, LocalDate asOf) {
        return new ProjectLife(seed, index, asOf).live();
    }

    /** About 3 % red, 11 % yellow, as in a portfolio where most projects run as they should. */
    private static Injected injection(double draw) {
        Injected[] red = {Injected.DIRECT_AWARD, Injected.PAYMENT_AHEAD, Injected.LARGE_VARIATION,
                Injected.UNRECTIFIED, Injected.PAYEE_NOT_A_PARTY, Injected.SHORT_TENDER};
        Injected[] yellow = {Injected.SINGLE_BID, Injected.OVERRUN, Injected.VARIATION, Injected.ESTIMATE_HUG};
        if (draw < 0.03) {
            return red[(int) (draw / 0.03 * red.length)];
        }
        if (draw < 0.14) {
            return yellow[(int) ((draw - 0.03) / 0.11 * yellow.length)];
        }
        return Injected.NONE;
    }

    private PlannedProject live() {
        LocalDate registered = LocalDate.of(2022, 1, 4).plusDays(random.nextInt(
                (int) ChronoUnit.DAYS.between(LocalDate.of(2022, 1, 4), asOf.minusDays(14)) + 1));
        long budget = roundTo(logUniform(owner.minBudget(), owner.maxBudget()), 10_000);
        int plannedMonths = Math.min(48, 15 + (int) (30 * Math.log((double) budget / owner.minBudget())
                / Math.log((double) owner.maxBudget() / owner.minBudget())) + random.nextInt(10));
        long plannedDays = Math.round(plannedMonths * DAYS_PER_MONTH);
        String code = "ZJ-" + region.cityCode() + "-" + registered.getYear() + "-" + "%05d".formatted(index);
        String type = pick("construction", "construction", "construction", "construction", "construction",
                "construction", "rehabilitation", "rehabilitation", "expansion", "expansion", "replacement");
        String title = region.name() + pick(Zhejiang.PLACES) + pick(owner.facilities()) + switch (type) {
            case "rehabilitation" -> "改造工程";
            case "expansion" -> "扩建工程";
            case "replacement" -> "更新工程";
            default -> "新建工程";
        };
        List<String> supervisors = random.nextInt(5) == 0 ? region.supervisors()
                : List.of(region.supervisors().get(random.nextInt(2)));

        // the schedule before anything is recorded: the planned period is the one the works contract will hold
        LocalDate approved = registered.plusDays(15 + random.nextInt(75));
        LocalDate designTender = approved.plusDays(5 + random.nextInt(15));
        LocalDate designSigned = designTender.plusDays(28 + random.nextInt(13) + 3 + random.nextInt(10));
        int designDays = 45 + random.nextInt(75);
        LocalDate designDue = designSigned.plusDays(designDays);
        LocalDate designMet = designDue.minusDays(random.nextInt(10));
        LocalDate worksTender = designMet.plusDays(5 + random.nextInt(10));
        int worksTenderDays = injected == Injected.SHORT_TENDER ? 10 + random.nextInt(6) : 25 + random.nextInt(20);
        LocalDate worksSigned = worksTender.plusDays(worksTenderDays + 5 + random.nextInt(10));
        LocalDate start = worksSigned.plusDays(10 + random.nextInt(20));
        LocalDate plannedEnd = start.plusDays(plannedDays);

        record(registered, admin, new RegisterProjectCommand(projectId, code, title, type, region.id(), owner.id(),
                cny(budget), new Period(start, plannedEnd), supervisors));
        record(approved, admin, new ApproveProjectCommand(projectId, null, approved,
                "浙发改投资〔" + approved.getYear() + "〕" + (10 + random.nextInt(490)) + "号"));
        long appropriated = roundTo(budget * (15 + random.nextInt(10)) / 100, 10_000);
        appropriate(approved.plusDays(10 + random.nextInt(20)), appropriated);

        List<Milestone> milestones = planMilestones(approved, designDue, start, plannedDays, plannedEnd);
        met(milestones.get(0), approved);

        // design: a small contract, so a direct award is within the law for the smaller projects
        long designValue = roundTo(budget * (25 + random.nextInt(15)) / 1000, 100);
        String designMethod = designValue < 1_000_000 && random.nextBoolean() ? "direct" : "open";
        OrganisationReference designer = Zhejiang.supplier("design", random);
        award(designSigned, "C-DESIGN", "design", designMethod, designTender, designSigned.minusDays(3 + random.nextInt(5)),
                designValue, designer, new Period(designSigned.plusDays(1), designDue), 3 + random.nextInt(6));
        met(milestones.get(1), designMet);

        // the works, in one or two lots
        long worksValue = roundTo(budget * (66 + random.nextInt(10)) / 100, 1000);
        int lots = budget >= 300_000_000L && random.nextBoolean() ? 2 : 1;
        List<Works> works = new ArrayList<>();
        for (int lot = 1; lot <= lots; lot++) {
            long value = lots == 1 ? worksValue : lot == 1 ? worksValue * 6 / 10 : worksValue - worksValue * 6 / 10;
            String id = "C-WORKS-" + lot;
            OrganisationReference builder = Zhejiang.supplier("construction", random);
            boolean firstLot = lot == 1;
            String method = firstLot && injected == Injected.DIRECT_AWARD ? "direct" : "open";
            int tenderers = firstLot && injected == Injected.SINGLE_BID ? 1 : 2 + random.nextInt(10);
            Fact fact = award(worksSigned, id, "construction", method, "direct".equals(method) ? null : worksTender,
                    worksTender.plusDays(worksTenderDays), value, builder, new Period(start, plannedEnd), tenderers);
            if (firstLot && (injected == Injected.DIRECT_AWARD || injected == Injected.SINGLE_BID
                    || injected == Injected.SHORT_TENDER || injected == Injected.ESTIMATE_HUG)) {
                injectedFact = fact;
            }
            works.add(new Works(id, builder, value));
        }
        long supervisionValue = roundTo(budget * (15 + random.nextInt(10)) / 1000, 100);
        OrganisationReference supervisor = Zhejiang.supplier("supervision", random);
        // the supervising engineer is engaged with the works, before they start
        LocalDate supervisionSigned = worksSigned.minusDays(random.nextInt(4));
        boolean directSupervision = supervisionValue < 1_000_000 && random.nextBoolean();
        award(supervisionSigned, "C-SUPERVISION", "supervision", directSupervision ? "direct" : "open",
                supervisionSigned.minusDays(30 + random.nextInt(10)), supervisionSigned.minusDays(5 + random.nextInt(3)),
                supervisionValue, supervisor, new Period(start, plannedEnd.plusDays(60)), 3 + random.nextInt(5));
        pay(worksSigned.plusDays(5 + random.nextInt(15)), designValue / 2, designer, "C-DESIGN",
                milestones.get(1).id());
        long designPaid = designValue / 2;

        // the works month by month; a suspension moves everything after it
        double delay = injected == Injected.OVERRUN ? 0.14 + random.nextDouble() * 0.08
                : -0.05 + random.nextDouble() * 0.07;
        int months = Math.max(6, (int) Math.round(plannedMonths * (1 + delay)));
        long actualDays = Math.round(months * DAYS_PER_MONTH);
        int suspendAt = random.nextInt(25) == 0 ? 2 + random.nextInt(Math.max(1, months - 4)) : -1;
        // what is left of the time overrun's 10 % once the works run as they run: a suspension stays inside it
        long allowance = Math.min(60, Math.round(plannedDays * 0.085) - (actualDays - plannedDays) - 10);
        if (allowance < 10 && injected != Injected.OVERRUN) {
            suspendAt = -1;
        }
        long suspensionDays = Math.max(10, allowance);
        long shift = 0;
        LocalDate cancelled = random.nextInt(50) == 0
                ? approved.plusDays(20 + random.nextInt((int) Math.max(1, actualDays / 2))) : null;

        long paidAdvance = Math.round(worksValue * (injected == Injected.PAYMENT_AHEAD ? 0.45 : 0.05));
        long[] worksPaid = new long[works.size()];
        for (int lot = 0; lot < works.size(); lot++) {
            long advance = paidAdvance * works.get(lot).value / worksValue;
            Fact fact = pay(start.minusDays(3 + random.nextInt(5)), advance, works.get(lot).supplier,
                    works.get(lot).id, null);
            worksPaid[lot] = advance;
            if (lot == 0 && injected == Injected.PAYMENT_AHEAD) {
                injectedFact = fact;
            }
        }
        met(milestones.get(2), start.plusDays(random.nextInt(4)));

        long supervisionPaid = 0;
        int nextMilestone = 3;
        int changeOrders = switch (injected) {
            case VARIATION, LARGE_VARIATION -> 2;
            default -> random.nextInt(10) < 4 ? 0 : random.nextInt(10) < 7 ? 1 : 2;
        };
        List<Integer> changeMonths = new ArrayList<>();
        for (int c = 0; c < changeOrders; c++) {
            changeMonths.add(Math.max(1, months * (c + 1) / (changeOrders + 1)));
        }
        int unrectifiedMonth = injected == Injected.UNRECTIFIED ? Math.max(1, months / 3) : -1;
        int payeeMonth = injected == Injected.PAYEE_NOT_A_PARTY ? Math.max(1, months / 2) : -1;
        BigDecimal lastProgress = BigDecimal.ZERO;
        LocalDate end = start;
        for (int month = 1; month <= months; month++) {
            LocalDate reported = start.plusDays(Math.round(month * DAYS_PER_MONTH) + shift - random.nextInt(4));
            double done = smoothStep((double) month / months);
            BigDecimal progress = month == months ? HUNDRED
                    : BigDecimal.valueOf(done * 100).setScale(1, RoundingMode.HALF_UP).max(lastProgress);
            lastProgress = progress;
            record(reported, recorder, new ReportProgressCommand(projectId, null, progress, reported));
            for (int lot = 0; lot < works.size(); lot++) {
                long due = Math.round(works.get(lot).value * done * 0.80) - worksPaid[lot];
                if (due > 0 && month < months) {
                    pay(reported.plusDays(3 + random.nextInt(7)), due, works.get(lot).supplier, works.get(lot).id, null);
                    worksPaid[lot] += due;
                }
            }
            long supervisionDue = Math.round(supervisionValue * done * 0.85) - supervisionPaid;
            if (supervisionDue > 0 && month < months) {
                pay(reported.plusDays(5 + random.nextInt(10)), supervisionDue, supervisor, "C-SUPERVISION", null);
                supervisionPaid += supervisionDue;
            }
            if (month % 3 == 0 && month < months) {
                long target = Math.min(budget * 95 / 100, Math.round(budget * (done + 0.2)));
                if (target > appropriated) {
                    appropriate(reported.plusDays(1 + random.nextInt(10)), target - appropriated);
                    appropriated = target;
                }
            }
            if (month == payeeMonth) {
                injectedFact = pay(reported.plusDays(8), Math.max(100_000, worksValue / 200),
                        Zhejiang.subcontractor(region, random), works.get(0).id, null);
            }
            if (changeMonths.contains(month)) {
                Fact order = modify(reported.plusDays(random.nextInt(10)), works.get(0), plannedDays);
                if (injected == Injected.VARIATION || injected == Injected.LARGE_VARIATION) {
                    injectedFact = order;
                }
            }
            if (month == unrectifiedMonth) {
                injectedFact = inspect(reported.minusDays(7 + random.nextInt(5)), true, false);
            } else if (random.nextInt(2) == 0) {
                inspect(reported.minusDays(5 + random.nextInt(15)), random.nextInt(7) == 0, true);
            }
            while (nextMilestone < milestones.size() - 1
                    && milestones.get(nextMilestone).fraction <= (double) month / months) {
                met(milestones.get(nextMilestone++), reported.minusDays(random.nextInt(5)));
            }
            if (month == suspendAt) {
                LocalDate suspended = reported.plusDays(2);
                record(suspended, admin, new SuspendProjectCommand(projectId, null, suspended,
                        pick("征地拆迁未完成，暂停施工", "设计方案调整，暂停施工", "汛期安全原因停工", "资金未到位，暂缓施工")));
                LocalDate resumed = suspended.plusDays(suspensionDays);
                record(resumed, admin, new ResumeProjectCommand(projectId, null, resumed, "停工原因已消除，恢复施工"));
                shift += suspensionDays;
            }
            end = reported;
        }
        LocalDate finished = end.plusDays(3 + random.nextInt(5));
        met(milestones.get(milestones.size() - 1), finished);
        LocalDate settled = finished.plusDays(5 + random.nextInt(10));
        for (int lot = 0; lot < works.size(); lot++) {
            long current = currentValue(works.get(lot));
            pay(settled, Math.round(current * 0.97) - worksPaid[lot], works.get(lot).supplier, works.get(lot).id,
                    milestones.get(milestones.size() - 1).id());
        }
        pay(settled, designValue - designPaid, designer, "C-DESIGN", null);
        pay(settled.plusDays(1), Math.round(supervisionValue * 0.97) - supervisionPaid, supervisor, "C-SUPERVISION",
                null);
        long finalValue = works.stream().mapToLong(this::currentValue).sum() + designValue + supervisionValue;
        record(settled.plusDays(10 + random.nextInt(20)), recorder, new RecordCompletionCommand(projectId, null,
                finished, cny(finalValue), "按批复建设内容全部完成，通过竣工验收"));

        if (random.nextInt(12) == 0) {
            LocalDate moved = approved.plusDays(30 + random.nextInt((int) Math.max(1, actualDays)));
            List<String> next = supervisors.size() == 2 ? List.of(supervisors.get(random.nextInt(2)))
                    : List.of(region.supervisors().get(region.supervisors().get(0).equals(supervisors.get(0)) ? 1 : 0));
            record(moved, admin, new ReassignSupervisorsCommand(projectId, null, next, "监护责任人岗位调整"));
        }
        if (cancelled != null) {
            facts.removeIf(fact -> fact.date.isAfter(cancelled));
            record(cancelled, admin, new CancelProjectCommand(projectId, null, cancelled,
                    pick("规划调整，项目取消", "资金来源变化，终止建设", "选址不符合国土空间规划，撤销立项")));
        }
        return planned(code);
    }

    private record Milestone(String id, double fraction) {
    }

    private record Works(String id, OrganisationReference supplier, long value) {
    }

    private List<Milestone> planMilestones(LocalDate approved, LocalDate designDue, LocalDate start, long plannedDays,
                                           LocalDate plannedEnd) {
        List<Milestone> milestones = new ArrayList<>();
        milestones.add(plan(approved, "M-APPROVAL", "项目批复", "approval", "projectApproval", approved, 0));
        milestones.add(plan(approved, "M-DESIGN", "初步设计审批", "assessment", "designApproval", designDue, 0));
        milestones.add(plan(approved, "M-START", "开工", "engagement", "commencement", start, 0));
        int nodes = Math.max(1, (int) (plannedDays / 240));
        for (int node = 1; node <= nodes; node++) {
            double fraction = (double) node / (nodes + 1);
            milestones.add(plan(approved, "M-NODE-" + node, "形象进度节点" + node, "delivery", null,
                    start.plusDays(Math.round(plannedDays * fraction)), fraction));
        }
        milestones.add(plan(approved, "M-COMPLETION", "竣工验收", "delivery", "completion", plannedEnd, 1));
        return milestones;
    }

    private Milestone plan(LocalDate on, String id, String title, String type, String code, LocalDate due,
                           double fraction) {
        record(on, recorder, new PlanMilestoneCommand(projectId, null, id, title, type, code, due, null));
        return new Milestone(id, fraction);
    }

    private void met(Milestone milestone, LocalDate on) {
        record(on, recorder, new ReportMilestoneStatusCommand(projectId, null, milestone.id, "met", on));
    }

    private Fact award(LocalDate signed, String id, String nature, String method, LocalDate tenderStart,
                       LocalDate tenderEnd, long value, OrganisationReference supplier, Period period, int tenderers) {
        boolean direct = "direct".equals(method);
        long estimate = injected == Injected.ESTIMATE_HUG && "construction".equals(nature)
                ? Math.round(value * 1.004) : Math.round(value / (0.90 + random.nextDouble() * 0.07));
        return record(signed, recorder, new AwardContractCommand(projectId, null, id, nature, method,
                direct ? 1 : tenderers, direct ? null : new Period(tenderStart, tenderEnd),
                direct ? null : cny(roundTo(estimate, 100)), supplier, cny(value), period, signed));
    }

    private Fact pay(LocalDate on, long amount, OrganisationReference payee, String contractId, String milestoneId) {
        if (amount <= 0) {
            return null;
        }
        return record(on, recorder, new RecordTransactionCommand(projectId, null, "T-" + ++transactions, "payment", on,
                cny(amount), owner.entityIn(region), payee, contractId, milestoneId));
    }

    private void appropriate(LocalDate on, long amount) {
        record(on, recorder, new RecordTransactionCommand(projectId, null, "T-" + ++transactions, "appropriation", on,
                cny(roundTo(amount, 10_000)), region.financeBureau(), owner.entityIn(region), null, null));
    }

    /**
     * A change order on a works lot: its price (by a few percent of the original value; in the variation profiles
     * enough to cross 10 or 20 % over two orders), its period (by a few days, inside the time overrun's 10 %), or its
     * scope.
     */
    private Fact modify(LocalDate on, Works works, long plannedDays) {
        String id = "V-" + ++modifications;
        int kind = injected == Injected.VARIATION || injected == Injected.LARGE_VARIATION ? 0 : random.nextInt(4);
        if (kind <= 1) {
            double share = switch (injected) {
                case VARIATION -> 0.06 + random.nextDouble() * 0.025;
                case LARGE_VARIATION -> 0.11 + random.nextDouble() * 0.04;
                default -> 0.01 + random.nextDouble() * 0.02;
            };
            // the value a change order names is the contract's new total, so each builds on the last
            long added = Math.round(works.value * share);
            long newValue = currentValue(works) + added;
            return record(on, recorder, new ModifyContractCommand(projectId, null, works.id, id, on, "value",
                    "工程量清单调整", pick("地质条件与勘察报告不符", "设计变更增加工程量", "材料价格调整"), cny(newValue), null));
        }
        if (kind == 2) {
            LocalDate newEnd = currentEnd(works).plusDays(5 + random.nextInt((int) Math.max(1, plannedDays / 40)));
            return record(on, recorder, new ModifyContractCommand(projectId, null, works.id, id, on, "duration",
                    null, pick("连续降雨影响工期", "管线迁改滞后"), null, new Period(currentStart(works), newEnd)));
        }
        return record(on, recorder, new ModifyContractCommand(projectId, null, works.id, id, on, "scope",
                pick("增设人行天桥一座", "调整排水管网走向", "增加绿化景观工程"), "根据使用单位意见优化设计", null, null));
    }

    private long currentValue(Works works) {
        long value = works.value;
        for (Fact fact : facts) {
            if (fact.command instanceof ModifyContractCommand order && order.contractId().equals(works.id)
                    && order.newContractValue() != null) {
                value = order.newContractValue().amount().longValue();
            }
        }
        return value;
    }

    private Period currentPeriod(Works works) {
        Period period = null;
        for (Fact fact : facts) {
            if (fact.command instanceof AwardContractCommand award && award.contractId().equals(works.id)) {
                period = award.contractPeriod();
            } else if (fact.command instanceof ModifyContractCommand order && order.contractId().equals(works.id)
                    && order.newContractPeriod() != null) {
                period = order.newContractPeriod();
            }
        }
        return period;
    }

    private LocalDate currentStart(Works works) {
        return currentPeriod(works).startDate();
    }

    private LocalDate currentEnd(Works works) {
        return currentPeriod(works).endDate();
    }

    /** An inspection by the region's quality station; a failed one is put right before its deadline, or never. */
    private Fact inspect(LocalDate on, boolean failed, boolean rectified) {
        String id = "I-" + ++inspections;
        String scope = pick("主体结构质量", "施工安全文明", "混凝土强度检测", "钢筋隐蔽工程验收", "防水工程", "消防设施");
        LocalDate deadline = on.plusDays(15 + random.nextInt(16));
        Fact inspection = record(on, recorder, new RecordInspectionCommand(projectId, null, id,
                region.qualityStation(), on, scope, failed ? "failed" : "passed",
                failed ? pick("部分构件混凝土强度不足", "脚手架连墙件缺失", "钢筋保护层厚度不符合规范", "临边防护不到位") : null,
                failed ? deadline : null));
        if (failed && rectified) {
            LocalDate reported = on.plusDays(3 + random.nextInt(10));
            String verifier = Zhejiang.supervisorName(region.supervisors().get(0));
            record(reported, recorder, new ReportRectificationCommand(projectId, null, id, reported, "已按整改通知完成整改并自检合格"));
            LocalDate verified = reported.plusDays(1 + random.nextInt(4));
            if (random.nextInt(10) == 0) {
                record(verified, recorder, new VerifyRectificationCommand(projectId, null, id, verified, verifier,
                        false, "整改不彻底，需重新整改"));
                LocalDate again = verified.plusDays(2 + random.nextInt(4));
                record(again, recorder, new ReportRectificationCommand(projectId, null, id, again, "已重新整改"));
                verified = again.plusDays(1 + random.nextInt(3));
            }
            record(verified, recorder, new VerifyRectificationCommand(projectId, null, id, verified, verifier, true,
                    "整改到位，同意销号"));
        }
        return inspection;
    }

    private Fact record(LocalDate date, Actor actor, Object command) {
        Fact fact = new Fact(date, sequence++, actor, command);
        facts.add(fact);
        return fact;
    }

    /** Sorted by business date, cut at {@code asOf}, and nothing after a completion or cancellation. */
    private PlannedProject planned(String code) {
        List<Fact> happened = facts.stream().filter(fact -> !fact.date.isAfter(asOf))
                .sorted(Comparator.comparing(Fact::date).thenComparing(Fact::order)).toList();
        List<Planned> commands = new ArrayList<>();
        for (Fact fact : happened) {
            commands.add(new Planned(fact.date, fact.actor, fact.command));
            if (fact.command instanceof RecordCompletionCommand || fact.command instanceof CancelProjectCommand) {
                break;
            }
        }
        Risk risk = injectedFact != null && commands.stream().anyMatch(c -> c.command() == injectedFact.command)
                ? injected.risk : Risk.GREEN;
        return new PlannedProject(index, projectId, code, region.id(), owner.id(), risk, List.copyOf(commands));
    }

    private long logUniform(long min, long max) {
        return Math.round(Math.exp(Math.log(min) + random.nextDouble() * (Math.log(max) - Math.log(min))));
    }

    private static long roundTo(long value, long unit) {
        return Math.max(unit, value / unit * unit);
    }

    private static double smoothStep(double x) {
        return x * x * (3 - 2 * x);
    }

    private static LocalDate minimum(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    @SafeVarargs
    private <T> T pick(T... choices) {
        return choices[random.nextInt(choices.length)];
    }

    private <T> T pick(List<T> choices) {
        return choices.get(random.nextInt(choices.size()));
    }

    private static Money cny(long yuan) {
        return new Money(BigDecimal.valueOf(yuan), Money.CNY);
    }

    /** SplitMix64's finaliser: neighbouring seeds and indexes give unrelated streams. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
