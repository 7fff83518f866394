package uk.cin.policy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import uk.cin.policy.pack.Anchor;
import uk.cin.policy.pack.BeforeMeetingRule;
import uk.cin.policy.pack.ChairRule;
import uk.cin.policy.pack.ClosureGuardRule;
import uk.cin.policy.pack.DeadlineRule;
import uk.cin.policy.pack.MetBy;
import uk.cin.policy.pack.MilestoneRule;
import uk.cin.policy.pack.Occurrence;
import uk.cin.policy.pack.Offset;
import uk.cin.policy.pack.PolicyPack;
import uk.cin.policy.pack.SeriesRule;
import uk.cin.policy.pack.Slot;
import uk.cin.policy.pack.SuppressRule;
import uk.cin.policy.pack.WorkingCalendar;

/**
 * Computes a plan's deadlines, next meeting and chair requirements from its facts, a date and its authority's policy
 * pack. No I/O, no shared state: the same inputs always give the same {@link Evaluation}.
 */
public final class PolicyEngine {

    /** Dates the engine computes with; anything outside is refused as bad input rather than overflowing. */
    public static final LocalDate EARLIEST_DATE = LocalDate.of(1900, 1, 1);
    public static final LocalDate LATEST_DATE = LocalDate.of(2199, 12, 31);

    /** Judges the plan as it stood at the end of {@code asOf}: facts dated after it are ignored. */
    public Evaluation evaluate(PlanFacts plan, LocalDate asOf, PolicyPack pack) {
        return new Run(plan, asOf, pack).evaluate();
    }

    /** Every problem with the plan's facts, judged as of the latest date they mention. */
    public List<ValidationProblem> validate(PlanFacts plan, PolicyPack pack) {
        return evaluate(plan, latestDate(plan), pack).problems();
    }

    static LocalDate latestDate(PlanFacts plan) {
        LocalDate latest = max(plan.referralDate(), plan.triggerDate());
        latest = max(latest, plan.allocatedOn());
        latest = max(latest, plan.closedOn());
        for (MeetingFact m : plan.meetings()) {
            latest = max(latest, m.heldOn());
        }
        for (PlanEventFact e : plan.events()) {
            latest = max(latest, e.occurredOn());
        }
        for (VisitFact v : plan.visits()) {
            latest = max(latest, v.visitedOn());
        }
        return latest;
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return b == null || (a != null && !b.isAfter(a)) ? a : b;
    }

    static DeadlineStatus status(LocalDate due, LocalDate metOn, LocalDate asOf) {
        if (metOn != null) {
            return metOn.isAfter(due) ? DeadlineStatus.MET_LATE : DeadlineStatus.MET;
        }
        return asOf.isAfter(due) ? DeadlineStatus.OVERDUE : DeadlineStatus.PENDING;
    }

    private static final Comparator<MeetingFact> HELD_ORDER = (a, b) -> {
        int byDate = a.heldOn().compareTo(b.heldOn());
        if (byDate != 0) {
            return byDate;
        }
        return Boolean.compare(a.kind() != MeetingKind.PLANNING, b.kind() != MeetingKind.PLANNING);
    };


    /** values() copies the array on every call; the engine asks often. */
    private static final PlanEventKind[] EVENT_KINDS = PlanEventKind.values();

    private static final ChairRequirement UNRULED_CHAIR =
            new ChairRequirement(ChairRole.SOCIAL_WORKER, List.of(ChairRole.values()), null, null);

    /** One occurrence of a series: a held meeting, or a visit at which the child was seen. */
    private record Occ(LocalDate date, long day, MeetingFact meeting) {

        Occ(LocalDate date, MeetingFact meeting) {
            this(date, date.toEpochDay(), meeting);
        }
    }

    /**
     * The rule that sets a slot and the due date it gives (null where the anchor is not known), and the rule the date
     * comes from: the slot's rule, or the exception that allowed a longer interval (CL8-06 "instead of CL8-02").
     */
    private record Choice(SeriesRule rule, LocalDate due, RuleRef dueRule) {
    }

    private record Due(LocalDate date, RuleRef rule) {
    }

    /** A deadline with whether it outlives the plan's closure (tasks that follow a meeting held before it). */
    private record Candidate(Deadline deadline, boolean survivesClosure) {
    }

    /** The state of one evaluation. */
    private static final class Run {
        private final PlanFacts plan;
        private final LocalDate asOf;
        private final PolicyPack pack;
        private final WorkingCalendar calendar;
        private final boolean closed;
        private final List<MeetingFact> cinMeetings = new ArrayList<>();
        private final List<MeetingFact> networkMeetings = new ArrayList<>();
        private final List<PlanEventFact> events = new ArrayList<>();
        private final List<VisitFact> visits = new ArrayList<>();
        private final List<Candidate> candidates = new ArrayList<>();
        private final List<MeetingAssessment> assessments = new ArrayList<>();
        private final Set<ValidationProblem> problems = new LinkedHashSet<>();
        private LocalDate startDate;
        private MeetingRequirement nextMeeting;
        /** CIN meetings in the order held, then network meetings: positions index the arrays below. */
        private final List<MeetingFact> heldMeetings = new ArrayList<>();
        /** By meeting position, the epoch day it was held: worked out once, used by every rule. */
        private long[] heldDays;
        /** By meeting position, the first event of each kind (by ordinal) that follows it, and that precedes it. */
        private LocalDate[][] firstAfter;
        private LocalDate[][] firstBefore;
        /** By chair rule position, plan start plus the rule's firstReviewDueFrom, once plan start is known. */
        private LocalDate[] chairMilestones;
        /** On a closed plan, the date the first CIN meeting each series rule set was held, by rule id (DER-07). */
        private java.util.Map<String, LocalDate> heldUnder;

        Run(PlanFacts plan, LocalDate asOf, PolicyPack pack) {
            this.plan = plan;
            this.asOf = asOf;
            this.pack = pack;
            this.calendar = pack.calendar();
            this.closed = plan.closedOn() != null && !plan.closedOn().isAfter(asOf);
            for (MeetingFact m : plan.meetings()) {
                if (!m.heldOn().isAfter(asOf)) {
                    (m.kind() == MeetingKind.NETWORK ? networkMeetings : cinMeetings).add(m);
                }
            }
            sortIfNeeded(cinMeetings, HELD_ORDER);
            sortIfNeeded(networkMeetings, HELD_ORDER);
            heldMeetings.addAll(cinMeetings);
            heldMeetings.addAll(networkMeetings);
            heldDays = new long[heldMeetings.size()];
            for (int i = 0; i < heldDays.length; i++) {
                heldDays[i] = heldMeetings.get(i).heldOn().toEpochDay();
            }
            for (PlanEventFact e : plan.events()) {
                if (!e.occurredOn().isAfter(asOf)) {
                    events.add(e);
                }
            }
            sortIfNeeded(events, (a, b) -> a.occurredOn().compareTo(b.occurredOn()));
            for (VisitFact v : plan.visits()) {
                if (!v.visitedOn().isAfter(asOf)) {
                    visits.add(v);
                }
            }
            sortIfNeeded(visits, (a, b) -> a.visitedOn().compareTo(b.visitedOn()));
        }

        /** Facts usually arrive in date order (the store reads them so): check before sorting. */
        private static <T> void sortIfNeeded(List<T> list, Comparator<T> order) {
            for (int i = 1; i < list.size(); i++) {
                if (order.compare(list.get(i - 1), list.get(i)) > 0) {
                    list.sort(order);
                    return;
                }
            }
        }

        Evaluation evaluate() {
            if (!datesInRange()) {
                return new Evaluation(asOf, false, null, List.of(), null, List.of(), List.copyOf(problems));
            }
            // The plan exists from its referral, even where its trigger came first (§9): deadlines the trigger
            // set are judged from the referral on.
            if (asOf.isBefore(plan.referralDate())) {
                problem(ValidationCode.AS_OF_BEFORE_PLAN, RuleRef.COMMON, null, "asOf",
                        "asOf " + asOf + " is before the plan existed (referral " + plan.referralDate() + ")");
                return new Evaluation(asOf, false, null, List.of(), null, List.of(), List.copyOf(problems));
            }
            checkDates();
            attributeEvents();
            startDate = startDate();
            checkClosure();
            checkAgreedIntervals();

            walkSeries(Occurrence.CIN_MEETING, pack.seriesRules(Occurrence.CIN_MEETING), occurrences(cinMeetings));
            checkClosureUntilHeld();
            walkSeries(Occurrence.NETWORK_MEETING, pack.seriesRules(Occurrence.NETWORK_MEETING),
                    occurrences(networkMeetings));
            walkSeries(Occurrence.CHILD_SEEN_VISIT, pack.seriesRules(Occurrence.CHILD_SEEN_VISIT), childSeenVisits());
            if (startDate != null) {
                for (java.util.Map.Entry<PlanEventKind, List<SeriesRule>> series : pack.eventSeries().entrySet()) {
                    walkSeries(Occurrence.PLAN_EVENT, series.getValue(), eventsSinceStart(series.getKey()));
                }
            }
            List<DeadlineRule> deadlineRules = pack.deadlineRules();
            for (int i = 0; i < deadlineRules.size(); i++) {
                if (deadlineRules.get(i).when().test(plan)) {
                    anchoredDeadlines(deadlineRules.get(i));
                }
            }
            List<BeforeMeetingRule> beforeRules = pack.beforeMeetingRules();
            for (int i = 0; i < beforeRules.size(); i++) {
                if (beforeRules.get(i).when().test(plan)) {
                    beforeMeetingDeadlines(beforeRules.get(i));
                }
            }
            milestones();

            List<Deadline> deadlines = new ArrayList<>(candidates.size());
            for (Candidate c : candidates) {
                // A closed plan keeps what was done, and the tasks that follow meetings held before it closed.
                if (!closed || !c.deadline().isOpen() || c.survivesClosure()) {
                    deadlines.add(c.deadline());
                }
            }
            sortByDueDate(deadlines);
            return new Evaluation(asOf, closed, startDate, deadlines, closed ? null : nextMeeting, assessments,
                    List.copyOf(problems));
        }

        /**
         * Due date, then kind, then rule id. Sorting primitive keys (date, kind, position) is several times cheaper
         * than comparing dates; the rare deadlines with the same date and kind are then put in rule id order.
         */
        private static void sortByDueDate(List<Deadline> deadlines) {
            int n = deadlines.size();
            long[] keys = new long[n];
            for (int i = 0; i < n; i++) {
                Deadline d = deadlines.get(i);
                LocalDate due = d.dueDate();
                // Year, month and day as one ordered number: cheaper than an epoch day, the same order.
                long day = (due.getYear() * 16L + due.getMonthValue()) * 32 + due.getDayOfMonth();
                keys[i] = ((day << 5 | d.kind().ordinal()) << 16) | i;
            }
            java.util.Arrays.sort(keys);
            Deadline[] sorted = new Deadline[n];
            for (int i = 0; i < n; i++) {
                sorted[i] = deadlines.get((int) (keys[i] & 0xFFFF));
            }
            for (int i = 1; i < n; i++) {
                // Insertion sort within each run of equal (date, kind): almost always runs of one.
                for (int j = i; j > 0 && keys[j] >>> 16 == keys[j - 1] >>> 16
                        && sorted[j].rule().id().compareTo(sorted[j - 1].rule().id()) < 0; j--) {
                    Deadline swap = sorted[j];
                    sorted[j] = sorted[j - 1];
                    sorted[j - 1] = swap;
                    long key = keys[j];
                    keys[j] = keys[j - 1];
                    keys[j - 1] = key;
                }
            }
            for (int i = 0; i < n; i++) {
                deadlines.set(i, sorted[i]);
            }
        }

        // ---- validation of dates that do not need a rule

        private boolean datesInRange() {
            inRange(asOf, null, "asOf");
            inRange(plan.referralDate(), null, "referralDate");
            inRange(plan.triggerDate(), null, "triggerDate");
            inRange(plan.allocatedOn(), null, "allocatedOn");
            inRange(plan.closedOn(), null, "closedOn");
            for (MeetingFact m : plan.meetings()) {
                inRange(m.heldOn(), m.id(), "heldOn");
                inRange(m.nextReviewDate(), m.id(), "nextReviewDate");
                if (m.agreedReviewIntervalWeeks() != null && m.agreedReviewIntervalWeeks() > 520) {
                    problem(ValidationCode.DATE_OUT_OF_RANGE, RuleRef.COMMON, m.id(), "agreedReviewIntervalWeeks",
                            "an agreed review interval must be at most 520 weeks");
                }
            }
            for (PlanEventFact e : plan.events()) {
                inRange(e.occurredOn(), e.id(), "occurredOn");
            }
            for (VisitFact v : plan.visits()) {
                inRange(v.visitedOn(), v.id(), "visitedOn");
            }
            if (plan.visitFrequencyWorkingDays() != null && plan.visitFrequencyWorkingDays() > 260) {
                problem(ValidationCode.DATE_OUT_OF_RANGE, RuleRef.COMMON, null, "visitFrequencyWorkingDays",
                        "a visit frequency must be at most 260 working days");
            }
            return problems.isEmpty();
        }

        private void inRange(LocalDate date, String subjectId, String field) {
            if (date != null && (date.isBefore(EARLIEST_DATE) || date.isAfter(LATEST_DATE))) {
                problem(ValidationCode.DATE_OUT_OF_RANGE, RuleRef.COMMON, subjectId, field,
                        field + " " + date + " is outside " + EARLIEST_DATE + " to " + LATEST_DATE);
            }
        }

        private void checkDates() {
            LocalDate referral = plan.referralDate();
            // §9: only a plan after an assessment or for a privately fostered child starts after its referral.
            if (plan.startReason().triggerFollowsReferral() && plan.triggerDate().isBefore(referral)) {
                problem(ValidationCode.TRIGGER_BEFORE_REFERRAL, RuleRef.COMMON, null, "triggerDate",
                        "the trigger date " + plan.triggerDate() + " is before the referral date " + referral
                                + "; a plan that starts " + plan.startReason() + " starts after its referral");
            }
            Set<String> meetingIds = new java.util.HashSet<>();
            for (MeetingFact m : plan.meetings()) {
                meetingIds.add(m.id());
            }
            for (MeetingFact m : heldMeetings) {
                if (m.heldOn().isBefore(referral)) {
                    problem(ValidationCode.DATE_BEFORE_REFERRAL, RuleRef.COMMON, m.id(), "heldOn",
                            "a meeting held on " + m.heldOn() + " is before the referral date " + referral);
                }
                if (closed && m.heldOn().isAfter(plan.closedOn())) {
                    problem(ValidationCode.MEETING_AFTER_CLOSURE, RuleRef.COMMON, m.id(), "heldOn",
                            "a meeting held on " + m.heldOn() + " is after the plan closed on " + plan.closedOn());
                }
            }
            for (PlanEventFact e : events) {
                if (e.occurredOn().isBefore(referral)) {
                    problem(ValidationCode.DATE_BEFORE_REFERRAL, RuleRef.COMMON, e.id(), "occurredOn",
                            "an event on " + e.occurredOn() + " is before the referral date " + referral);
                }
                if (e.meetingId() != null && !meetingIds.contains(e.meetingId())) {
                    problem(ValidationCode.UNKNOWN_MEETING, RuleRef.COMMON, e.id(), "meetingId",
                            "the event names a meeting that is not on this plan");
                }
            }
            for (VisitFact v : visits) {
                if (v.visitedOn().isBefore(referral)) {
                    problem(ValidationCode.DATE_BEFORE_REFERRAL, RuleRef.COMMON, v.id(), "visitedOn",
                            "a visit on " + v.visitedOn() + " is before the referral date " + referral);
                }
            }
        }

        private void checkClosure() {
            if (!closed) {
                return;
            }
            for (ClosureGuardRule guard : pack.closureGuards()) {
                if (guard.untilHeld() != null || !guard.when().test(plan)) {
                    continue;
                }
                LocalDate from = anchorDate(guard.anchor());
                if (from == null) {
                    continue;
                }
                LocalDate earliest = guard.minimum().after(from, calendar);
                if (plan.closedOn().isBefore(earliest)) {
                    problem(ValidationCode.CLOSED_BEFORE_MINIMUM, guard.ref(), null, "closedOn",
                            "the plan may not close before " + earliest + " (" + guard.minimum() + " after "
                                    + guard.anchor().packName() + " " + from + "; " + guard.ref().id() + ")");
                }
            }
        }

        /**
         * The plan may not close before the meeting a series rule sets is held (DER-07: the delist review takes place
         * even if the plan is to close), where that rule applies and CIN meetings are not suppressed (DER-12).
         */
        private void checkClosureUntilHeld() {
            if (!closed) {
                return;
            }
            for (ClosureGuardRule guard : pack.closureGuards()) {
                if (guard.untilHeld() == null || !guard.when().test(plan) || isSuppressed(Occurrence.CIN_MEETING)
                        || !applies(guard.untilHeld())) {
                    continue;
                }
                String id = guard.untilHeld().id();
                LocalDate held = heldUnder == null ? null : heldUnder.get(id);
                if (held == null || held.isAfter(plan.closedOn())) {
                    problem(ValidationCode.CLOSED_BEFORE_REVIEW, guard.ref(), null, "closedOn",
                            "the plan may not close on " + plan.closedOn() + " before the review " + id
                                    + " requires is held (" + guard.ref().id() + ")");
                }
            }
        }

        /** Whether a CIN meeting rule with this id applies to the plan. */
        private boolean applies(RuleRef seriesRule) {
            for (SeriesRule rule : pack.seriesRules(Occurrence.CIN_MEETING)) {
                if (rule.ref().id().equals(seriesRule.id()) && rule.when().test(plan)) {
                    return true;
                }
            }
            return false;
        }

        /** An interval agreed at a meeting must be within the limit of the authority's later reviews (NOT-05...). */
        private void checkAgreedIntervals() {
            SeriesRule later = null;
            for (SeriesRule rule : pack.seriesRules(Occurrence.CIN_MEETING)) {
                if (rule.slots().contains(Slot.LATER) && rule.when().test(plan)) {
                    later = rule;
                    break;
                }
            }
            for (MeetingFact m : cinMeetings) {
                Integer weeks = m.agreedReviewIntervalWeeks();
                if (weeks == null) {
                    continue;
                }
                if (weeks <= 0) {
                    problem(ValidationCode.INTERVAL_NOT_POSITIVE, RuleRef.COMMON, m.id(), "agreedReviewIntervalWeeks",
                            "an agreed review interval must be at least 1 week");
                    continue;
                }
                if (later == null) {
                    continue;
                }
                LocalDate agreed = m.heldOn().plusWeeks(weeks);
                LocalDate limit = later.due().after(m.heldOn(), calendar);
                if (!agreed.isAfter(limit) || allowingException(later, m, agreed, m.heldOn()) != null) {
                    continue;
                }
                problem(ValidationCode.INTERVAL_OVER_LIMIT, limitRule(later, m), m.id(), "agreedReviewIntervalWeeks",
                        "an agreed review interval of " + weeks + " weeks is over the limit of " + later.due()
                                + overLimitHint(later, m));
            }
        }

        /** The first exception the setter's record grants whose limit allows the date; null when none does. */
        private SeriesRule.IntervalException allowingException(SeriesRule rule, MeetingFact setter, LocalDate agreed,
                LocalDate anchor) {
            List<SeriesRule.IntervalException> exceptions = rule.exceptions();
            for (int i = 0; i < exceptions.size(); i++) {
                SeriesRule.IntervalException exception = exceptions.get(i);
                if (exceptionGranted(exception, setter) && (exception.limit() == null
                        || !agreed.isAfter(exception.limit().after(anchor, calendar)))) {
                    return exception;
                }
            }
            return null;
        }

        private boolean exceptionGranted(SeriesRule.IntervalException exception, MeetingFact setter) {
            return setter.hasExceptionReason() && (!exception.requiresDisabledChild() || plan.childDisabled());
        }

        /** The first exception the setter's record grants, whatever its limit; null when none. */
        private SeriesRule.IntervalException grantedException(SeriesRule rule, MeetingFact setter) {
            for (SeriesRule.IntervalException exception : rule.exceptions()) {
                if (exceptionGranted(exception, setter)) {
                    return exception;
                }
            }
            return null;
        }

        private RuleRef limitRule(SeriesRule rule, MeetingFact setter) {
            SeriesRule.IntervalException granted = grantedException(rule, setter);
            return granted != null ? granted.rule() : rule.ruleForLimit();
        }

        private String overLimitHint(SeriesRule rule, MeetingFact setter) {
            String cited = " (" + rule.ruleForLimit().id() + ")";
            if (rule.exceptions().isEmpty()) {
                return cited;
            }
            SeriesRule.IntervalException granted = grantedException(rule, setter);
            if (granted != null) {
                return "; with the recorded exception it may be at most " + granted.limit() + " ("
                        + granted.rule().id() + ")";
            }
            StringBuilder allowed = new StringBuilder();
            for (SeriesRule.IntervalException exception : rule.exceptions()) {
                String who = exception.requiresDisabledChild() ? "for a disabled child, with a recorded reason" :
                        "with a recorded exception reason";
                String upTo = exception.limit() == null ? "" : ", up to " + exception.limit();
                allowed.append(allowed.isEmpty() ? "" : " or ").append(who).append(upTo).append(" (")
                        .append(exception.rule().id()).append(")");
            }
            return cited + "; a longer interval is allowed only " + allowed;
        }

        // ---- plan start

        private LocalDate startDate() {
            LocalDate firstMeeting = cinMeetings.isEmpty() ? null : cinMeetings.get(0).heldOn();
            if (plan.startReason().isStepDown() && !plan.triggerDate().isAfter(asOf)) {
                return firstMeeting != null && firstMeeting.isBefore(plan.triggerDate()) ? firstMeeting
                        : plan.triggerDate();
            }
            return firstMeeting;
        }

        private LocalDate anchorDate(Anchor anchor) {
            return switch (anchor) {
                case REFERRAL -> plan.referralDate();
                case TRIGGER -> plan.triggerDate();
                case ALLOCATION -> plan.allocatedOn();
                case PLAN_START -> startDate;
                case PREVIOUS, MEETING, EVENT -> null;
            };
        }

        // ---- series: CIN meetings, network meetings, statutory visits

        private static List<Occ> occurrences(List<MeetingFact> meetings) {
            List<Occ> result = new ArrayList<>(meetings.size());
            for (MeetingFact m : meetings) {
                result.add(new Occ(m.heldOn(), m));
            }
            return result;
        }

        private List<Occ> childSeenVisits() {
            List<Occ> result = new ArrayList<>();
            if (startDate == null) {
                return result;
            }
            for (VisitFact v : visits) {
                if (v.childSeen() && !v.visitedOn().isBefore(startDate)) {
                    result.add(new Occ(v.visitedOn(), null));
                }
            }
            return result;
        }

        /**
         * Events of a kind on or after plan start (CAM-13): each one done meets the deadline open then and anchors
         * the next, which therefore exists from the moment it is done (POLICY-RULES.md §9).
         */
        private List<Occ> eventsSinceStart(PlanEventKind kind) {
            List<Occ> result = new ArrayList<>();
            for (PlanEventFact e : events) {
                if (e.kind() == kind && !e.occurredOn().isBefore(startDate)) {
                    result.add(new Occ(e.occurredOn(), null));
                }
            }
            return result;
        }

        private void walkSeries(Occurrence occurrence, List<SeriesRule> rules, List<Occ> held) {
            if (!occurrence.isMeeting() && (rules.isEmpty() || startDate == null)) {
                return;
            }
            boolean suppressed = isSuppressed(occurrence);
            boolean[] milestoneUsed = new boolean[pack.chairRules().size()];
            Slot slot = Slot.FIRST;
            Occ previous = null;
            MeetingFact intervalSetter = null;
            int index = 0;
            while (true) {
                Occ filling = index < held.size() ? held.get(index) : null;
                if (filling == null && (closed || (previous != null && previous.meeting() != null
                        && previous.meeting().endsSeries()))) {
                    return;
                }
                Choice choice = choose(rules, slot, previous, intervalSetter);
                if (choice == null && slot == Slot.SECOND) {
                    slot = Slot.LATER;
                    choice = choose(rules, slot, previous, intervalSetter);
                }
                if (choice == null && slot == Slot.FIRST && filling != null) {
                    // No rule sets the first occurrence for this plan (DER-01 is for plans after assessment), but
                    // the rules for later ones still count from it (DER-02).
                    assessUnruled(filling, index + 1);
                    previous = filling;
                    index++;
                    slot = Slot.LATER;
                    continue;
                }
                if (choice == null) {
                    for (int i = index; i < held.size(); i++) {
                        assessUnruled(held.get(i), i + 1);
                    }
                    return;
                }
                SeriesRule rule = choice.rule();
                DeadlineKind kind = rule.deadline() != null ? rule.deadline() : defaultKind(slot);
                int sequence = index + 1;
                if (occurrence == Occurrence.CIN_MEETING) {
                    choice = dueByMilestone(choice, slot, sequence, kind, filling, previous, milestoneUsed);
                }
                List<ReviewFocus> focus = new ArrayList<>(0);  // filled by focus rules, if any apply
                ChairRequirement chair = !occurrence.isMeeting() ? null
                        : chairFor(rule, slot, sequence, choice.due(), kind, filling, milestoneUsed, focus);
                ChairRole responsible = rule.responsible() != null ? rule.responsible()
                        : chair == null ? null : chair.role();
                if (filling != null) {
                    if (choice.due() != null && !suppressed) {
                        String meetingId = filling.meeting() == null ? null : filling.meeting().id();
                        add(new Deadline(kind, choice.due(), status(choice.due(), filling.date(), asOf),
                                filling.date(), responsible, choice.dueRule(), meetingId), false);
                    }
                    if (filling.meeting() != null) {
                        MeetingFact m = filling.meeting();
                        if (closed && occurrence == Occurrence.CIN_MEETING) {
                            if (heldUnder == null) {
                                heldUnder = new java.util.HashMap<>();
                            }
                            heldUnder.putIfAbsent(rule.ref().id(), m.heldOn());
                        }
                        assessments.add(new MeetingAssessment(m.id(), m.kind(), sequence, choice.due(), chair,
                                chair.isMetBy(m.chairRole(), m.chairIsCaseTeamManager()), focus));
                        if (m.agreedReviewIntervalWeeks() != null && m.agreedReviewIntervalWeeks() > 0) {
                            intervalSetter = m;
                        }
                    }
                    previous = filling;
                    index++;
                    slot = slot == Slot.FIRST && kind == DeadlineKind.INITIAL_MEETING ? Slot.SECOND : Slot.LATER;
                    continue;
                }
                if (choice.due() != null && !suppressed) {
                    add(new Deadline(kind, choice.due(), status(choice.due(), null, asOf), null, responsible,
                            choice.dueRule(), null), false);
                    if (occurrence == Occurrence.CIN_MEETING) {
                        MeetingKind meetingKind = rule.meetingKind() != null ? rule.meetingKind()
                                : kind == DeadlineKind.INITIAL_MEETING ? MeetingKind.PLANNING : MeetingKind.REVIEW;
                        nextMeeting = new MeetingRequirement(meetingKind, kind, choice.due(), choice.dueRule(), chair,
                                focus);
                    }
                }
                return;
            }
        }

        private boolean isSuppressed(Occurrence occurrence) {
            List<SuppressRule> rules = pack.suppressRules();
            for (int i = 0; i < rules.size(); i++) {
                SuppressRule rule = rules.get(i);
                if (rule.occurrences().contains(occurrence) && rule.when().test(plan)) {
                    return true;
                }
            }
            return false;
        }

        private static DeadlineKind defaultKind(Slot slot) {
            return switch (slot) {
                case FIRST -> DeadlineKind.INITIAL_MEETING;
                case SECOND -> DeadlineKind.FIRST_REVIEW;
                case LATER -> DeadlineKind.REVIEW;
            };
        }

        private Choice choose(List<SeriesRule> rules, Slot slot, Occ previous, MeetingFact intervalSetter) {
            for (int i = 0; i < rules.size(); i++) {
                SeriesRule rule = rules.get(i);
                if (!rule.slots().contains(slot) || !rule.when().test(plan)) {
                    continue;
                }
                boolean fromPrevious = slot == Slot.LATER || rule.anchor() == Anchor.PREVIOUS;
                LocalDate anchor = fromPrevious ? (previous == null ? null : previous.date())
                        : anchorDate(rule.anchor());
                if (anchor == null) {
                    return new Choice(rule, null, rule.ref());
                }
                LocalDate ruleDue = fromPrevious ? rule.due().after(anchor, previous.day(), calendar)
                        : rule.due().after(anchor, calendar);
                if (rule.onlyWhileDueWithin() != null && (startDate == null
                        || !ruleDue.isBefore(rule.onlyWhileDueWithin().after(startDate, calendar)))) {
                    continue;
                }
                Due due = agreedDue(rule, ruleDue, anchor, previous, intervalSetter);
                // Never due before the occurrence it follows: LAZ-02 counts from plan start, which for a step-down
                // is the step-down date and can precede a late initial meeting.
                if (previous != null && due.date().isBefore(previous.date())) {
                    return new Choice(rule, previous.date(), rule.ref());
                }
                return new Choice(rule, due.date(), due.rule());
            }
            return null;
        }

        /**
         * The due date after what was agreed: a next date set at the previous meeting, else an agreed interval in
         * force (rules that take one), else the plan's own visit frequency. What was agreed may bring a date
         * forward; it stretches one only with a granted exception (CL8-06, LAZ-03).
         */
        private Due agreedDue(SeriesRule rule, LocalDate ruleDue, LocalDate anchor, Occ previous,
                MeetingFact intervalSetter) {
            Due byRule = new Due(ruleDue, rule.ref());
            if (rule.occurrence() == Occurrence.CHILD_SEEN_VISIT) {
                return new Due(visitDue(rule, ruleDue, anchor), rule.ref());
            }
            if (previous == null || previous.meeting() == null) {
                return byRule;
            }
            MeetingFact meeting = previous.meeting();
            LocalDate agreed = meeting.nextReviewDate();
            MeetingFact setter = meeting;
            if (agreed == null && rule.agreed() && intervalSetter != null) {
                agreed = previous.date().plusWeeks(intervalSetter.agreedReviewIntervalWeeks());
                setter = intervalSetter;
            }
            if (agreed == null) {
                return byRule;
            }
            boolean fromDate = setter == meeting && meeting.nextReviewDate() != null;
            if (!agreed.isAfter(previous.date())) {
                if (fromDate) {
                    problem(ValidationCode.NEXT_DATE_NOT_AFTER_MEETING, rule.ruleForLimit(), meeting.id(),
                            "nextReviewDate", "the next review date " + agreed + " must be after the meeting on "
                                    + previous.date());
                }
                return byRule;
            }
            if (!agreed.isAfter(ruleDue)) {
                return new Due(agreed, rule.ref());
            }
            SeriesRule.IntervalException allowing = allowingException(rule, setter, agreed, anchor);
            if (allowing != null) {
                return new Due(agreed, allowing.rule());
            }
            if (fromDate) {
                problem(ValidationCode.NEXT_DATE_OVER_LIMIT, limitRule(rule, setter), meeting.id(), "nextReviewDate",
                        "the next review date " + agreed + " is later than " + ruleDue + ", " + rule.due()
                                + " after " + anchor + overLimitHint(rule, setter));
            }
            return byRule;
        }

        private LocalDate visitDue(SeriesRule rule, LocalDate ruleDue, LocalDate anchor) {
            Integer frequency = plan.visitFrequencyWorkingDays();
            if (!rule.agreed() || frequency == null) {
                return ruleDue;
            }
            LocalDate planDue = calendar.plusWorkingDays(anchor, Math.max(frequency, 1));
            if (frequency < 1 || planDue.isAfter(ruleDue)) {
                problem(ValidationCode.VISIT_FREQUENCY_OVER_LIMIT, rule.ref(), null, "visitFrequencyWorkingDays",
                        "the plan's visit frequency must be between 1 and the authority's " + rule.due() + " ("
                                + rule.ref().id() + ")");
                return ruleDue;
            }
            return planDue;
        }

        private ChairRequirement chairFor(SeriesRule rule, Slot slot, int sequence, LocalDate due, DeadlineKind kind,
                Occ filling, boolean[] milestoneUsed, List<ReviewFocus> focus) {
            if (rule.chair() == null) {
                return UNRULED_CHAIR;
            }
            ChairRequirement chair = rule.chair().requirementFor(plan, rule.ref());
            if (rule.occurrence() != Occurrence.CIN_MEETING) {
                return chair;
            }
            boolean overridden = false;
            boolean review = kind == DeadlineKind.FIRST_REVIEW || kind == DeadlineKind.REVIEW;
            List<ChairRule> chairRules = pack.chairRules();
            for (int i = 0; i < chairRules.size(); i++) {
                ChairRule cr = chairRules.get(i);
                if (!cr.when().test(plan)
                        || (!cr.slots().isEmpty() && !cr.slots().contains(slot))
                        || (cr.sequence() != null && cr.sequence() != sequence)
                        || (cr.finalMeeting() && (filling == null || !filling.meeting().isFinal()))) {
                    continue;
                }
                if (cr.firstReviewDueFrom() != null) {
                    if (!review || milestoneUsed[i] || startDate == null || due == null
                            || due.isBefore(chairMilestone(i))) {
                        continue;
                    }
                    milestoneUsed[i] = true;
                }
                if (cr.chair() == null) {
                    focus.add(new ReviewFocus(cr.focus(), cr.ref()));
                } else if (!overridden) {
                    chair = cr.chair().requirementFor(plan, cr.ref());
                    overridden = true;
                }
            }
            return chair;
        }

        /**
         * The review a chair rule marks by milestone is due on that milestone at the latest where the rule says so
         * (NOT-08, §9: the first review NOT-05 would put on or after start + 6 months is due on start + 6 months),
         * never before the meeting it follows; the date then cites that rule. The conditions are chairFor's.
         */
        private Choice dueByMilestone(Choice choice, Slot slot, int sequence, DeadlineKind kind, Occ filling,
                Occ previous, boolean[] milestoneUsed) {
            if (startDate == null || choice.due() == null
                    || (kind != DeadlineKind.FIRST_REVIEW && kind != DeadlineKind.REVIEW)) {
                return choice;
            }
            List<ChairRule> chairRules = pack.chairRules();
            for (int i = 0; i < chairRules.size(); i++) {
                ChairRule cr = chairRules.get(i);
                if (!cr.dueByMilestone() || milestoneUsed[i] || !cr.when().test(plan)
                        || (!cr.slots().isEmpty() && !cr.slots().contains(slot))
                        || (cr.sequence() != null && cr.sequence() != sequence)
                        || (cr.finalMeeting() && (filling == null || !filling.meeting().isFinal()))) {
                    continue;
                }
                LocalDate milestone = chairMilestone(i);
                if (!choice.due().isAfter(milestone)) {
                    // Due before the milestone: not this rule's review. Due on it: already where it should be.
                    continue;
                }
                LocalDate due = previous != null && previous.date().isAfter(milestone) ? previous.date() : milestone;
                return new Choice(choice.rule(), due, cr.ref());
            }
            return choice;
        }

        private LocalDate chairMilestone(int chairRule) {
            if (chairMilestones == null) {
                chairMilestones = new LocalDate[pack.chairRules().size()];
            }
            if (chairMilestones[chairRule] == null) {
                chairMilestones[chairRule] = pack.chairRules().get(chairRule).firstReviewDueFrom()
                        .after(startDate, calendar);
            }
            return chairMilestones[chairRule];
        }

        private void assessUnruled(Occ occ, int sequence) {
            MeetingFact m = occ.meeting();
            if (m != null) {
                assessments.add(new MeetingAssessment(m.id(), m.kind(), sequence, null, UNRULED_CHAIR, true,
                        List.of()));
            }
        }

        // ---- deadlines from an anchor

        private void anchoredDeadlines(DeadlineRule rule) {
            Anchor anchor = rule.anchor();
            for (DeadlineRule.AlternativeAnchor alternative : rule.alternatives()) {
                if (alternative.when().test(plan)) {
                    anchor = alternative.anchor();
                    break;
                }
            }
            switch (anchor) {
                case MEETING -> {
                    for (int i = 0; i < heldMeetings.size(); i++) {
                        MeetingFact m = heldMeetings.get(i);
                        if (rule.meetings().test(m)) {
                            LocalDate due = rule.due().after(m.heldOn(), heldDays[i], calendar);
                            LocalDate met = metAfterMeeting(rule.metBy(), i);
                            add(new Deadline(rule.deadline(), due, status(due, met, asOf), met, rule.responsible(),
                                    rule.ref(), m.id()), true);
                        }
                    }
                }
                case EVENT -> {
                    Set<PlanEventFact> used = new java.util.HashSet<>();
                    for (PlanEventFact e : events) {
                        if (e.kind() == rule.anchorEvent()) {
                            LocalDate due = rule.due().after(e.occurredOn(), calendar);
                            // Each anchor event is answered by its own event: one review per incident.
                            PlanEventFact answer = firstEvent(rule.metBy().event(), e.occurredOn(), used);
                            if (answer != null) {
                                used.add(answer);
                            }
                            LocalDate met = answer == null ? null : answer.occurredOn();
                            add(new Deadline(rule.deadline(), due, status(due, met, asOf), met, rule.responsible(),
                                    rule.ref(), null), true);
                        }
                    }
                }
                default -> {
                    LocalDate from = anchorDate(anchor);
                    if (from != null) {
                        LocalDate due = rule.due().after(from, calendar);
                        LocalDate met = metFrom(rule.metBy(), from);
                        add(new Deadline(rule.deadline(), due, status(due, met, asOf), met, rule.responsible(),
                                rule.ref(), null), false);
                    }
                }
            }
        }

        private LocalDate metFrom(MetBy metBy, LocalDate from) {
            return switch (metBy.type()) {
                case CLOSURE -> closed ? plan.closedOn() : null;
                case VISIT -> {
                    for (VisitFact v : visits) {
                        if (!v.visitedOn().isBefore(from)) {
                            yield v.visitedOn();
                        }
                    }
                    yield null;
                }
                case EVENT -> {
                    PlanEventFact e = firstEvent(metBy.event(), from, Set.of());
                    yield e == null ? null : e.occurredOn();
                }
            };
        }

        private PlanEventFact firstEvent(PlanEventKind kind, LocalDate from, Set<PlanEventFact> used) {
            for (PlanEventFact e : events) {
                if (e.kind() == kind && !e.occurredOn().isBefore(from) && !used.contains(e)) {
                    return e;
                }
            }
            return null;
        }

        /**
         * An event follows the meeting it names, or else the latest CIN meeting held on or before its date; it
         * precedes the meeting it names, or else the first CIN meeting held on or after its date. Only events that
         * name a network meeting belong to it.
         */
        private void attributeEvents() {
            firstAfter = new LocalDate[heldMeetings.size()][];
            firstBefore = new LocalDate[heldMeetings.size()][];
            long[] held = java.util.Arrays.copyOf(heldDays, cinMeetings.size());
            // Events and CIN meetings are both sorted by date: one pass over the two.
            int next = 0;
            for (PlanEventFact e : events) {
                long day = e.occurredOn().toEpochDay();
                while (next < held.length && held[next] <= day) {
                    next++;
                }
                if (e.meetingId() != null) {
                    int named = positionOf(e.meetingId());
                    firstOf(firstAfter, named, e);
                    firstOf(firstBefore, named, e);
                    continue;
                }
                firstOf(firstAfter, next - 1, e);
                int precedes = next;
                // A meeting on the event's own day is both the one it follows and the one it precedes.
                while (precedes > 0 && held[precedes - 1] == day) {
                    precedes--;
                }
                firstOf(firstBefore, precedes < held.length ? precedes : -1, e);
            }
        }

        private int positionOf(String meetingId) {
            for (int i = 0; i < heldMeetings.size(); i++) {
                if (heldMeetings.get(i).id().equals(meetingId)) {
                    return i;
                }
            }
            return -1;
        }

        private static void firstOf(LocalDate[][] index, int position, PlanEventFact e) {
            if (position < 0) {
                return;
            }
            if (index[position] == null) {
                index[position] = new LocalDate[EVENT_KINDS.length];
            }
            if (index[position][e.kind().ordinal()] == null) {
                index[position][e.kind().ordinal()] = e.occurredOn();
            }
        }

        private static LocalDate firstEventOf(LocalDate[][] index, int position, PlanEventKind kind) {
            return index[position] == null ? null : index[position][kind.ordinal()];
        }

        private LocalDate metAfterMeeting(MetBy metBy, int position) {
            if (metBy.type() == MetBy.Type.CLOSURE) {
                return closed ? plan.closedOn() : null;
            }
            return firstEventOf(firstAfter, position, metBy.event());
        }

        // ---- deadlines before a meeting

        private void beforeMeetingDeadlines(BeforeMeetingRule rule) {
            for (int i = 0; i < cinMeetings.size(); i++) {
                MeetingFact m = cinMeetings.get(i);
                if (!rule.meetings().test(m)) {
                    continue;
                }
                LocalDate due = rule.before().before(m.heldOn(), heldDays[i], calendar);
                LocalDate met = firstEventOf(firstBefore, i, rule.metBy());
                add(new Deadline(rule.deadline(), due, status(due, met, asOf), met, rule.responsible(), rule.ref(),
                        m.id()), false);
            }
        }

        // ---- milestones from a plan date (plan start, or the referral for DER-10)

        private record Milestone(MilestoneRule rule, LocalDate due, LocalDate anchor) {
        }

        private void milestones() {
            if (pack.milestoneRules().isEmpty()) {
                return;
            }
            List<Milestone> due = new ArrayList<>();
            for (MilestoneRule rule : pack.milestoneRules()) {
                LocalDate anchor = anchorDate(rule.anchor());
                if (anchor == null || !rule.when().test(plan)) {
                    continue;
                }
                Offset at = rule.at();
                LocalDate date = at.after(anchor, calendar);
                due.add(new Milestone(rule, date, anchor));
                if (rule.every() == null) {
                    continue;
                }
                // Each repeat counts from the anchor, so month-end clamping never drifts.
                for (int n = 1; !date.isAfter(asOf) && n < 1000; n++) {
                    date = new Offset(at.amount() + n * rule.every().amount(), at.unit()).after(anchor, calendar);
                    due.add(new Milestone(rule, date, anchor));
                }
            }
            if (due.isEmpty()) {
                return;
            }
            due.sort((a, b) -> a.due().compareTo(b.due()));
            // Events of a kind meet that kind's milestones in turn: each the first not yet used since the last one,
            // the first since the earliest anchor of that kind's milestones.
            java.util.EnumSet<PlanEventKind> kinds = java.util.EnumSet.noneOf(PlanEventKind.class);
            for (Milestone m : due) {
                kinds.add(m.rule().metBy());
            }
            for (PlanEventKind kind : kinds) {
                LocalDate from = null;
                for (Milestone m : due) {
                    if (m.rule().metBy() == kind && (from == null || m.anchor().isBefore(from))) {
                        from = m.anchor();
                    }
                }
                int next = 0;
                for (Milestone m : due) {
                    if (m.rule().metBy() != kind) {
                        continue;
                    }
                    LocalDate met = null;
                    while (next < events.size()) {
                        PlanEventFact e = events.get(next++);
                        if (e.kind() == kind && !e.occurredOn().isBefore(from)) {
                            met = e.occurredOn();
                            break;
                        }
                    }
                    add(new Deadline(m.rule().deadline(), m.due(), status(m.due(), met, asOf), met,
                            m.rule().responsible(), m.rule().ref(), null), false);
                    from = m.due().plusDays(1);
                }
            }
        }

        private void add(Deadline deadline, boolean survivesClosure) {
            candidates.add(new Candidate(deadline, survivesClosure));
        }

        private void problem(ValidationCode code, RuleRef rule, String subjectId, String field, String message) {
            String cited = message.contains(rule.id()) ? message : message + " (" + rule.id() + ")";
            problems.add(new ValidationProblem(code, rule, subjectId, field, cited));
        }
    }
}
