/**
 * 保障家庭 (issue 12): a family applying for public rental housing or a rental subsidy — its members, the facts the
 * city's eligibility rules ask for, and the 失信 bans that keep a violator out for five years. Names, ID numbers,
 * phones and incomes are sealed ({@link org.anju.privacy.PersonalData}); pages show masked forms and every view of a
 * record is logged. {@link org.anju.rental.household.Households} is the service and checks access itself.
 */
package org.anju.rental.household;
