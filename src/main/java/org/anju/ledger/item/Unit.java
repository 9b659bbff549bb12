package org.anju.ledger.item;

/** A 责任单位 of a region (财政局, 发改委, 城投集团, 街道, 开发商 …). */
public record Unit(long id, String regionCode, String regionName, String name, UnitKind kind, int version) {
}
