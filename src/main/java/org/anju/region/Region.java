package org.anju.region;

/**
 * A node of the region tree: a division (全国, 省, 地级, 县级) or a reporting unit beside them
 * (开发区, 市本级, 片区).
 *
 * @param id           database id, stable for the lifetime of the database
 * @param code         unique code: the 6-digit division code (361102), or a unit code (361100-SB, 361100-K1)
 * @param name         official name (信州区, 上饶市本级, 中心城区)
 * @param kind         what it is
 * @param level        administrative rank: 0 nation, 1 province, 2 prefecture (and units directly under a
 *                     province), 3 county level (also 市本级 and groups); not the depth in the tree
 * @param parentId     parent's id, {@code null} only for the root
 * @param divisionCode GB/T 2260 division code, {@code null} for non-administrative units and the root
 */
public record Region(int id, String code, String name, RegionKind kind, int level, Integer parentId,
                     String divisionCode) {
}
