package org.anju.ledger.expropriation;

import java.math.BigDecimal;

/**
 * A new 征收项目. {@code counting} says how its periods count days (START_SAME_DAY 开始的当日计入 or START_NEXT_DAY
 * 开始的当日不计入) — required, never defaulted. The valuation windows and the 签约比例 gate are the city's rules, stated
 * per project; empty means not configured.
 */
public record ProjectForm(String regionCode, String name, String type, Integer scopeHouseholds, BigDecimal scopeArea,
                          String counting, Integer reviewDays, Integer appraisalDays, BigDecimal gatePercent,
                          String gateConsequence, String gateSource) {
}
