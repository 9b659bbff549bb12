package org.anju.region;

/**
 * A 社区 (居委会) or 村 (村委会) to add below a town with {@link Regions#addCommunities}: one line of a county's list.
 *
 * @param townCode the town's 12-digit code (360702001000)
 * @param name     the name as the county writes it (多福巷社区居委会, 解放社区)
 * @param code     the 12-digit 统计用区划代码 (the town's first nine digits and three more, not 000), or
 *                 {@code null}/blank when not known: then {@code <town>-C<n>} is generated
 */
public record NewCommunity(String townCode, String name, String code) {
}
