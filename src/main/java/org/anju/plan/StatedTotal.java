package org.anju.plan;

import java.math.BigDecimal;
import java.util.List;

/**
 * A total stated in the plan's text ("全省 2023 年度保障性租赁住房筹集（开工）目标任务为 165766 套"),
 * checked against the tables. Several indicators are summed when the text does (棚户区改造 = 城市 +
 * 国有工矿).
 *
 * @param regionCode     whose total (normally the issuer)
 * @param year           null for the whole period of a multi-year plan
 * @param value          in the indicators' measure (2.99万套 → 29900)
 * @param tolerance      half a unit of the printed precision (2.99万套 → 50); 0 for an exact count
 * @param printed        the figure as printed, e.g. 2.99万套
 */
public record StatedTotal(Long id, String regionCode, List<String> indicatorCodes, Integer year, BigDecimal value,
                          BigDecimal tolerance, String printed, String quote) {
}
