package org.anju.ledger.expropriation;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * 补偿协议 (条例第二十五条): 补偿方式, 补偿金额和支付期限, 产权调换房屋的地点和面积 (and the 差价), 搬迁费, 临时安置费或者周转用房,
 * 停产停业损失, 搬迁期限, 过渡方式和过渡期限.
 */
public record AgreementForm(LocalDate agreementOn, String option, BigDecimal compensation, LocalDate paymentDue,
                            String swapLocation, BigDecimal swapArea, BigDecimal difference, BigDecimal movingFee,
                            BigDecimal transitionFee, String transitionFlat, BigDecimal businessLoss, LocalDate moveDeadline,
                            String transitionMode, LocalDate transitionUntil, Integer version) {
}
