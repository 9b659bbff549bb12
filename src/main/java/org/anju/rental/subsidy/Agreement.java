package org.anju.rental.subsidy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A 补贴协议 as pages and the API show it: the payee masked (name, ID number, bank account), the current monthly amount,
 * status and 年审 date, and every change with the computation it was made with.
 *
 * @param active  paying (false: stopped)
 * @param changes oldest first
 */
public record Agreement(long id, long householdId, String certificateNo, String applicantName, String applicantIdNumber,
                        String localName, String countyCode, String countyName, String bankAccount, String bankName,
                        boolean active, BigDecimal monthlyAmount, LocalDate reviewDue, int version,
                        List<AgreementChange> changes) {

    public Agreement {
        changes = List.copyOf(changes);
    }

    public String statusLabel() {
        return active ? "发放中" : "已停发";
    }

    /** The computation of the amount now (or last) paid: the latest change that computed one. */
    public List<String> computation() {
        return changes.reversed().stream().filter(c -> c.kind() != ChangeKind.STOP).findFirst()
                .map(AgreementChange::computation).orElse(List.of());
    }

    /** The latest change: what the agreement is now based on. */
    public AgreementChange current() {
        return changes.getLast();
    }

    /**
     * One change, append-only.
     *
     * @param effectiveOn START, RESUME, ADJUST: the first day of the first month paid at {@code monthlyAmount};
     *                    STOP: the first day not paid
     * @param computation the amount's computation line by line (empty for a stop)
     */
    public record AgreementChange(int seq, ChangeKind kind, LocalDate effectiveOn, BigDecimal monthlyAmount,
                                  List<String> computation, Long parametersId, String tier, Integer persons,
                                  BigDecimal heldArea, BigDecimal rent, LocalDate reviewDue, StopReason stopReason,
                                  String note, java.time.Instant at, String by) {

        public AgreementChange {
            computation = computation == null ? List.of() : List.copyOf(computation);
        }
    }
}
