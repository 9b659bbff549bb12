package org.anju.rental.application;

import org.anju.rental.household.Guarantee;
import org.anju.rental.household.HouseholdForm;

import java.time.LocalDate;

/**
 * An application as the 社区/街道 clerk submits it: a new family ({@code household}, registered first) or one already
 * registered ({@code householdId}), the guarantee asked for and — where the city has several rule sets for it — which.
 *
 * @param programme the city's programme (PUBLIC_RENTAL:低保特困); null when the city has one for the guarantee
 * @param appliedOn the day it is received (受理); null for today
 */
public record NewApplication(HouseholdForm household, Long householdId, Guarantee guarantee, String programme,
                             LocalDate appliedOn) {
}
