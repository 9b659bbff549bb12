package org.anju.rental.lease;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.List;

/**
 * A lease (租赁合同) as pages and the API show it: the household masked, the dwelling by its label, the rent with the
 * computation that gave it, where it stands and, once an exit is decided, its kind, grace period and end.
 */
public record Lease(long id, String leaseNo, long householdId, String applicant, String certificateNo, long dwellingId,
                    String dwelling, String countyCode, String countyName, String cityCode, String rulesFile,
                    LocalDate rulesFrom, LocalDate signedOn, LocalDate startsOn, LocalDate endsOn, BigDecimal standardRent,
                    BigDecimal monthlyRent, String tier, String rentBasis, LeaseStatus status, Long renewedFrom,
                    LocalDate movedInOn, ExitKind exitKind, LocalDate exitOn, String exitReason, LocalDate graceUntil,
                    LocalDate endedOn, int version) {

    public String statusLabel() {
        return status.label();
    }

    public String exitLabel() {
        return exitKind == null ? "" : exitKind.label();
    }

    /** A monthly bill (or a back-charge of market rent). */
    public record Bill(long id, long leaseId, YearMonth period, String kind, BigDecimal amount, String basis,
                       LocalDate dueOn) {
        public String kindLabel() {
            return "BACK_CHARGE".equals(kind) ? "补缴市场租金" : "租金";
        }
    }

    public record Payment(long id, long leaseId, LocalDate paidOn, BigDecimal amount, PaymentChannel channel,
                          String reference, String by) {
    }

    /** A bill past its due day and what of it is still unpaid, payments applied oldest bill first. */
    public record Owed(YearMonth period, String kind, BigDecimal amount, BigDecimal unpaid, LocalDate dueOn) {
    }

    /** A lease's arrears on a day: months with rent unpaid after the due day, the amount, the bills oldest first. */
    public record Arrears(long leaseId, String leaseNo, String applicant, String dwelling, LocalDate asOf, int months,
                          BigDecimal amount, List<Owed> bills) {
        public Arrears {
            bills = List.copyOf(bills);
        }
    }

    public record Event(int seq, String kind, LocalDate on, String detail, OffsetDateTime at, String by) {
        public String kindLabel() {
            return switch (kind) {
                case "SIGN" -> "签约";
                case "MOVE_IN" -> "入住";
                case "RENEW" -> "续签";
                case "PAYMENT" -> "缴费";
                case "CHECK" -> "入户核查";
                case "REVIEW" -> "年审";
                case "EXIT" -> "退出";
                case "VIOLATION" -> "违规";
                case "MOVE_OUT" -> "腾退";
                case "BAN" -> "失信记录";
                default -> kind;
            };
        }
    }

    public record Violation(long id, long leaseId, ViolationKind kind, LocalDate actOn, LocalDate foundOn, String evidence,
                            BigDecimal illegalIncome, String penalty, BigDecimal fineMax, BigDecimal backCharge,
                            boolean ban, String by) {
        public String kindLabel() {
            return kind.label();
        }
    }

    /**
     * A lease the records show as a violation, or close to one: 欠租 or 闲置 months against the rules' threshold.
     *
     * @param reached whether the threshold is reached (收回); false: a warning
     */
    public record Candidate(long leaseId, String leaseNo, String applicant, String dwelling, ViolationKind kind,
                            int months, int threshold, BigDecimal amount, LocalDate since, boolean reached, String clause) {
        public String kindLabel() {
            return kind.label();
        }
    }

    /** A 年审 and what came of it. */
    public record Review(long id, long leaseId, LocalDate reviewedOn, String ruleSet, String outcome, String reasons) {
        public String outcomeLabel() {
            return switch (outcome) {
                case "ELIGIBLE" -> "符合条件，继续承租";
                case "INELIGIBLE" -> "不再符合条件，退出";
                default -> "材料不全，待补充";
            };
        }
    }

    /** 入户核查. */
    public record Check(long id, long leaseId, LocalDate checkedOn, boolean occupied, String note, String by) {
    }
}
