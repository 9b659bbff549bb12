/**
 * Reminders and alerts made by scheduled work, once per cluster (issue 15): a unit's monthly report due soon (working
 * days of its region's calendar) or overdue, a ledger item past its deadline. Stored as rows ({@code reminder}, one per
 * unit, month, kind and subject), shown to the unit and the level above on the home page and at {@code /reminders}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "提醒 Reminders", allowedDependencies = {"account", "calendar", "ledger :: item", "platform", "region", "report"})
package org.anju.reminder;
