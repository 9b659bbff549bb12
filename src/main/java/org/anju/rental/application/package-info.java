/**
 * Applications and 三审两公示 (issue 12): a city's eligibility rule sets and review flows as versioned data it uploads
 * ({@link org.anju.rental.application.CityRules}); an application of a registered household for 实物配租 or 租赁补贴,
 * checked at 受理 against the rule set in force that day, then through the city's flow — reviews by the office whose
 * level the step names, working-day deadlines on that office's holiday calendar, 打回修改 stopping the clock, public
 * notices with objections recorded and resolved, 失信 bans, and the 资格证 at the end
 * ({@link org.anju.rental.application.Applications}). Both services check access themselves.
 */
package org.anju.rental.application;
