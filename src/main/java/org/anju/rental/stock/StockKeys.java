package org.anju.rental.stock;

import org.anju.platform.Labels;

/**
 * How names compare when the same estate, building or dwelling is written differently: 1号楼, 1栋, 1幢, 1# and 1 are
 * one building; 1单元 and 1 one entrance; 501室, 501号 and 501 one room. What is stored and shown is the name as first
 * written; only the comparison uses these keys.
 */
public final class StockKeys {

    private StockKeys() {
    }

    public static String estate(String name) {
        return Labels.compact(name);
    }

    public static String building(String name) {
        String t = Labels.compact(name).replace("＃", "#");
        t = t.replaceFirst("^第", "");
        return t.replaceFirst("(号楼|号栋|号幢|栋|幢|楼|号|#)$", "");
    }

    public static String entrance(String name) {
        String t = Labels.compact(name).replaceFirst("^第", "");
        return t.replaceFirst("(单元|号)$", "");
    }

    public static String room(String name) {
        return Labels.compact(name).replaceFirst("(室|号|房)$", "");
    }

    /** One dwelling within its building: entrance and room. */
    public static String dwelling(String entrance, String room) {
        return entrance(entrance == null ? "" : entrance) + "|" + room(room);
    }

    /** 阳光小区 1号楼 1单元 501 — how messages and pages name a dwelling. */
    public static String label(String estate, String building, String entrance, String room) {
        String e = entrance == null || entrance.isBlank() ? "" : entrance.strip().matches(".*\\d$") ? entrance.strip() + "单元" : entrance.strip();
        String b = building.strip().matches(".*\\d$") ? building.strip() + "号楼" : building.strip();
        return estate + " " + b + " " + (e.isEmpty() ? "" : e + " ") + room;
    }
}
