package org.anju.rental.subsidy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * A new 补贴协议 as the 住房保障 office fills it in.
 *
 * @param startMonth  the first month paid
 * @param reviewDue   年审 due date
 * @param tier        档次 (低保, 低收入 …); may be left blank when the household's groups name exactly one of the
 *                    parameters' tiers, or the parameters have none
 * @param rent        the monthly rent of the family's private lease, 元; required where the city caps at the rent
 * @param bankAccount the payee's account (the applicant's), as typed
 * @param bankName    开户行
 */
public record AgreementForm(Long householdId, YearMonth startMonth, LocalDate reviewDue, String tier, BigDecimal rent,
                            String bankAccount, String bankName) {
}
