package org.anju.region;

import java.util.List;

/**
 * A non-administrative reporting unit to add at runtime with {@link Regions#addUnit(NewUnit)}.
 *
 * @param code        unique code; {@code null} or blank to generate one ({@code <parent>-K<n>} for a
 *                    development zone, {@code <parent>-SB} for 市本级, {@code <parent>-G<n>} for a group).
 *                    Six-digit codes are reserved for divisions.
 * @param name        official name
 * @param kind        {@link RegionKind#DEV_ZONE}, {@link RegionKind#CITY_LEVEL} or {@link RegionKind#GROUP}
 * @param parentCode  code of the parent (a province, prefecture or county)
 * @param aliases     other names it is known by (valid anywhere)
 * @param memberCodes for a group: codes of its members, each inside the parent
 */
public record NewUnit(String code, String name, RegionKind kind, String parentCode, List<String> aliases,
                      List<String> memberCodes) {

    public NewUnit {
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
        memberCodes = memberCodes == null ? List.of() : List.copyOf(memberCodes);
    }

    public static NewUnit devZone(String code, String name, String parentCode, String... aliases) {
        return new NewUnit(code, name, RegionKind.DEV_ZONE, parentCode, List.of(aliases), List.of());
    }

    public static NewUnit group(String code, String name, String parentCode, List<String> memberCodes) {
        return new NewUnit(code, name, RegionKind.GROUP, parentCode, List.of(), memberCodes);
    }
}
