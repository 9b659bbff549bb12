/**
 * 国有土地上房屋征收与补偿 (《国有土地上房屋征收与补偿条例》国务院令第590号): a county's 征收项目 with the regulation's
 * steps as dated records, each checked against the article it comes from ({@link org.anju.ledger.expropriation.Reg590});
 * the 被征收户 with valuation, option, fees and the Art.25 agreement; the project's signing-reward scheme as an uploaded
 * TSV file ({@link org.anju.ledger.expropriation.RewardScheme}) and the reward it gives each household; signing and
 * 腾空 rates and the 签约比例 gate. Other modules read figures through
 * {@link org.anju.ledger.expropriation.ExpropriationFigures}.
 */
@org.springframework.modulith.NamedInterface("expropriation")
package org.anju.ledger.expropriation;
