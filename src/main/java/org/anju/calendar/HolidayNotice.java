package org.anju.calendar;

import java.time.LocalDate;

/**
 * A loaded notice 国务院办公厅关于某年部分节假日安排的通知.
 *
 * @param documentNumber 文号 where the copy the text was taken from prints it, else null
 * @param officialUrl    the notice on 中国政府网 (gov.cn)
 * @param copyUrl        the page the verbatim text was taken from
 * @param text           the notice, verbatim: title to date
 */
public record HolidayNotice(int year, String title, String documentNumber, LocalDate issuedOn, String officialUrl,
                            String copyUrl, String text) {
}
