package org.anju.region;

/**
 * Who may change the region tree, asked by {@link Regions} itself before it adds a unit or an alias. The region
 * module sits below accounts (an account belongs to a region), so it cannot ask them directly; the account module
 * provides this guard instead, and {@link Regions} refuses every change while none is present.
 */
public interface ReferenceDataGuard {

    /**
     * Refuses (HTTP 403, a Chinese message) unless the current actor may add regions or aliases in {@code scope}:
     * a province administrator within their province, or the system.
     */
    void checkManageReferenceData(Region scope);

    /**
     * Refuses (HTTP 403, a Chinese message) unless the current actor may add 社区/村 below {@code town}: an
     * administrator (province, city or county) whose region contains the town, or the system.
     */
    void checkManageLocalUnits(Region town);
}
