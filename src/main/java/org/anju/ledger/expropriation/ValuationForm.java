package org.anju.ledger.expropriation;

import java.math.BigDecimal;
import java.time.LocalDate;

/** 评估 (Art.19): value, the day the report was received, and 复核评估 / 鉴定 requests within the project's windows. */
public record ValuationForm(BigDecimal amount, LocalDate receivedOn, LocalDate reviewRequestedOn, LocalDate reviewResultOn,
                            LocalDate appraisalRequestedOn, Integer version) {
}
