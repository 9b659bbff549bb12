package org.anju.rental.application;

import java.time.LocalDate;

/**
 * The 资格证 as printed: number, the household (masked), the guarantee, who issued it and when.
 *
 * @param issuer the office of the flow's last review step: the city and the step's name (徐州市 · 市住房保障中心审核)
 */
public record Certificate(String number, String applicantName, String applicantIdNumber, int members,
                          String regionName, String guarantee, String programme, String issuer, LocalDate issuedOn,
                          String issuedOnText, long applicationId) {
}
