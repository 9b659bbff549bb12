package org.anju.ledger.expropriation;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A 被征收户, owner masked. */
public record HouseholdView(long id, long projectId, String code, String ownerName, String ownerId, String address,
                            String titleNo, BigDecimal area, HouseUse use, TitleStatus titleStatus, BigDecimal valuation,
                            LocalDate valuationReceivedOn, LocalDate reviewRequestedOn, LocalDate reviewResultOn,
                            LocalDate appraisalRequestedOn, Option option, String swapLocation, BigDecimal swapArea,
                            BigDecimal difference, BigDecimal movingFee, BigDecimal transitionFee, String transitionFlat,
                            BigDecimal businessLoss, LocalDate agreementOn, BigDecimal compensation, LocalDate paymentDue,
                            LocalDate moveDeadline, String transitionMode, LocalDate transitionUntil, LocalDate decisionOn,
                            String decisionNo, LocalDate decisionMoveDeadline, LocalDate enforcementOn, LocalDate vacatedOn,
                            HouseholdState state, int version) {

    static HouseholdState state(LocalDate agreementOn, LocalDate decisionOn, LocalDate enforcementOn, LocalDate vacatedOn) {
        if (vacatedOn != null) {
            return HouseholdState.VACATED;
        }
        if (enforcementOn != null) {
            return HouseholdState.ENFORCED;
        }
        if (decisionOn != null) {
            return HouseholdState.DECIDED;
        }
        return agreementOn != null ? HouseholdState.SIGNED : HouseholdState.UNSIGNED;
    }
}
