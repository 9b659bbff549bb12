/**
 * The monthly report's 公租房 and 租赁补贴 figures computed from the operational records (issue 12): offered on each
 * county's report through {@link org.anju.progress.RecordedFigures}, confirmed by the reporter, differences flagged.
 */
package org.anju.rental.figures;
