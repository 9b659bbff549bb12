package org.anju.rental.stock;

/**
 * An estate (小区/项目) of rental housing in a county, with how many dwellings it holds and of them how many are
 * vacant, allocated, occupied, under repair or withdrawn now (read-only figures; null when not counted).
 */
public record Estate(Long id, String regionCode, String regionName, String name, String address, Programme programme,
                     String ownership, String projectCode, int version, Integer dwellings, Integer vacant, Integer allocated,
                     Integer occupied, Integer repair, Integer withdrawn) {

    /** An estate as a user writes it: what the county says, nothing counted. */
    public static Estate of(String regionCode, String name, String address, Programme programme, String ownership,
                            String projectCode) {
        return new Estate(null, regionCode, null, name, address, programme, ownership, projectCode, 0, null, null, null,
                null, null, null);
    }
}
