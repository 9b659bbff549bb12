/**
 * Regions: the 行政区划 tree (全国 → 省 → 地级 → 县级, from the 国家统计局 2023 statistical division codes),
 * the non-administrative reporting units beside it (开发区/新区, 市本级, 片区 such as 中心城区), aliases,
 * and resolution of the names found in documents; below the counties, outside the reporting tree, the 乡级 towns
 * (same source) and the 社区/村 a county adds ({@link org.anju.region.RegionKind#local()}).
 *
 * <p>Public API: {@link org.anju.region.Regions}, {@link org.anju.region.Region},
 * {@link org.anju.region.RegionKind}, {@link org.anju.region.Resolution}, {@link org.anju.region.NewUnit},
 * {@link org.anju.region.NewCommunity};
 * {@link org.anju.region.ReferenceDataGuard}, which the account module provides so that {@code Regions} checks
 * who changes the tree itself.
 * Tables: {@code region}, {@code region_alias}, {@code region_group_member}, {@code region_ancestor}
 * (closure with depth-0 self rows; join on {@code ancestor_id} to aggregate a subtree, and leave out
 * {@code GROUP} rows when summing, since a group's members are counted under the city already; towns and
 * communities are in it too, and hold no figures).
 * Data: {@code src/main/resources/region/} (see docs/DATA-SOURCES.md).
 */
@org.springframework.modulith.ApplicationModule(displayName = "行政区划 Regions", allowedDependencies = {"platform"})
package org.anju.region;
