package org.anju.account;

import org.anju.AnjuTest;
import org.anju.region.Region;
import org.anju.region.Regions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

import java.util.EnumSet;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What each kind of user may do where: read the subtree, write the own unit, approve the level below. */
@AnjuTest
class AccessTest {

    @Autowired
    Access access;
    @Autowired
    Regions regions;

    Region r(String code) {
        return regions.byCode(code).orElseThrow();
    }

    Actor user(String region, Role... roles) {
        return new Actor("u", "用户", r(region), EnumSet.copyOf(java.util.List.of(roles)), Channel.UI, false);
    }

    <T> T as(Actor a, Supplier<T> work) {
        return Access.runAs(a, work);
    }

    @Test
    void outsideAWebRequestTheSystemMayDoEverything() {
        Actor a = access.current();
        assertThat(a.system()).isTrue();
        assertThat(a.via()).isEqualTo(Channel.SYSTEM);
        assertThat(access.canWrite(r("361102"))).isTrue();
        assertThat(Access.via(Channel.IMPORT, () -> access.current().via())).isEqualTo(Channel.IMPORT);
    }

    @Test
    void aCountyReporterReadsAndWritesItsOwnUnitOnly() {
        Actor xz = user("361102", Role.COUNTY_REPORTER);
        as(xz, () -> {
            assertThat(access.canRead(r("361102"))).isTrue();
            assertThat(access.canRead(r("361100"))).isFalse();
            assertThat(access.canRead(r("361103"))).isFalse();
            assertThat(access.canWrite(r("361102"))).isTrue();
            assertThat(access.canWrite(r("361100"))).isFalse();
            assertThat(access.canApprove(r("361102"))).isFalse();
            // documents: its own, and those handed down by 上饶市, 江西省, 全国 — not 赣州市's
            assertThat(access.canReadIssuedBy(r("361100"))).isTrue();
            assertThat(access.canReadIssuedBy(r("360000"))).isTrue();
            assertThat(access.canReadIssuedBy(r("000000"))).isTrue();
            assertThat(access.canReadIssuedBy(r("360700"))).isFalse();
            assertThat(access.canReadIssuedBy(r("361103"))).isFalse();
            assertThat(access.canManageUsers(r("361102"))).isFalse();
            assertThatThrownBy(() -> access.checkWrite(r("361100"))).isInstanceOf(AccessDeniedException.class)
                    .hasMessageContaining("只能填报或修改本单位（信州区）的数据");
            return null;
        });
    }

    @Test
    void aCityAdminApprovesItsCountiesZonesAndCityLevelButNotItsGroupsOrGrandchildren() {
        Actor sr = user("361100", Role.CITY_ADMIN);
        as(sr, () -> {
            assertThat(access.canRead(r("361102"))).isTrue();
            assertThat(access.canRead(r("360700"))).isFalse();
            assertThat(access.canWrite(r("361100"))).isTrue();
            assertThat(access.canWrite(r("361102"))).isFalse();
            assertThat(access.canApprove(r("361102"))).isTrue();
            assertThat(access.canApprove(r("361100-SB"))).isTrue();
            assertThat(access.canApprove(r("361100-K1"))).isTrue();
            assertThat(access.canApprove(r("361100-ZX"))).as("中心城区 is a group, it reports nothing").isFalse();
            assertThat(access.canApprove(r("361100"))).isFalse();
            assertThat(access.canApprove(r("360702"))).isFalse();
            assertThat(access.canManageUsers(r("361102"))).isTrue();
            assertThat(access.canManageUsers(r("360000"))).isFalse();
            assertThat(access.canManageReferenceData(r("361100"))).isFalse();
            return null;
        });
    }

    @Test
    void aProvinceAdminApprovesItsCitiesAndManagesReferenceDataInItsProvince() {
        as(user("360000", Role.PROVINCE_ADMIN), () -> {
            assertThat(access.canApprove(r("361100"))).isTrue();
            assertThat(access.canApprove(r("361102"))).isFalse();
            assertThat(access.canRead(r("361102"))).isTrue();
            assertThat(access.canRead(r("220000"))).isFalse();
            assertThat(access.canManageReferenceData(r("361100"))).isTrue();
            assertThat(access.canManageReferenceData(r("220000"))).isFalse();
            assertThat(access.canManageReferenceData(null)).isTrue();
            return null;
        });
    }

    @Test
    void aViewerReadsItsSubtreeAndChangesNothing() {
        as(user("361100", Role.VIEWER), () -> {
            assertThat(access.canRead(r("361102"))).isTrue();
            assertThat(access.canWrite(r("361100"))).isFalse();
            assertThat(access.canApprove(r("361102"))).isFalse();
            assertThat(access.canManageUsers(r("361102"))).isFalse();
            assertThatThrownBy(() -> access.checkWrite(r("361100"))).hasMessageContaining("只能查看，不能修改数据");
            return null;
        });
    }

    @Test
    void rolesFitTheirRegions() {
        assertThat(Role.PROVINCE_ADMIN.fits(r("360000"), false)).isTrue();
        assertThat(Role.PROVINCE_ADMIN.fits(r("361100"), true)).isFalse();
        assertThat(Role.CITY_ADMIN.fits(r("361100"), true)).isTrue();
        assertThat(Role.COUNTY_REPORTER.fits(r("361100-SB"), false)).isTrue();
        assertThat(Role.COUNTY_REPORTER.fits(r("361100"), true)).isFalse();
        assertThat(Role.VIEWER.fits(r("361100-ZX"), false)).isFalse();
    }

    /** 解放街道 and 赣江街道 (章贡区, 赣州市), 水南街道 (信州区): towns from the 国家统计局 乡级 codes. */
    static final String JIEFANG = "360702001000";
    static final String GANJIANG = "360702002000";
    static final String SHUINAN_XZ = "361102001000";

    @Test
    void aTownReviewerReadsAndWritesItsTownOnlyAndReviewsItsApplications() {
        as(user(JIEFANG, Role.TOWN_REVIEWER), () -> {
            assertThat(access.canRead(r(JIEFANG))).isTrue();
            assertThat(access.canRead(r(GANJIANG))).as("a neighbouring town").isFalse();
            assertThat(access.canRead(r("360702"))).as("its county").isFalse();
            assertThat(access.canWrite(r(JIEFANG))).isTrue();
            assertThat(access.canWrite(r(GANJIANG))).isFalse();
            assertThat(access.canWrite(r("360702"))).isFalse();
            assertThat(access.canHandleApplications(r(JIEFANG))).isTrue();
            assertThat(access.canHandleApplications(r(GANJIANG))).isFalse();
            assertThat(access.canApprove(r(JIEFANG))).isFalse();
            assertThat(access.canManageUsers(r(JIEFANG))).isFalse();
            assertThat(access.canManageLocalUnits(r(JIEFANG))).isFalse();
            // documents handed down from above: 章贡区's, 赣州市's, not 信州区's
            assertThat(access.canReadIssuedBy(r("360702"))).isTrue();
            assertThat(access.canReadIssuedBy(r("360700"))).isTrue();
            assertThat(access.canReadIssuedBy(r("361102"))).isFalse();
            assertThatThrownBy(() -> access.checkRead(r(GANJIANG))).isInstanceOf(AccessDeniedException.class)
                    .hasMessageContaining("无权查看赣江街道的数据");
            assertThatThrownBy(() -> access.checkHandleApplications(r(SHUINAN_XZ))).isInstanceOf(AccessDeniedException.class)
                    .hasMessageContaining("无权受理或审核水南街道的申请");
            return null;
        });
    }

    @Test
    void theCountyReadsItsTownsButOnlyApplicationRolesHandleTheirApplications() {
        as(user("360702", Role.COUNTY_REPORTER), () -> {
            assertThat(access.canRead(r(JIEFANG))).isTrue();
            assertThat(access.canWrite(r(JIEFANG))).as("a reporter writes its own unit only").isFalse();
            assertThat(access.canHandleApplications(r(JIEFANG))).isFalse();
            return null;
        });
        as(user("360702", Role.HOUSING_OFFICE), () -> {
            assertThat(access.canRead(r(JIEFANG))).isTrue();
            assertThat(access.canHandleApplications(r(JIEFANG))).isTrue();
            assertThat(access.canHandleApplications(r(SHUINAN_XZ))).isFalse();
            assertThat(access.canWrite(r("360702"))).as("the office does not fill in the county's monthly figures").isFalse();
            assertThat(access.canApprove(r(JIEFANG))).isFalse();
            return null;
        });
        as(user("360702", Role.COUNTY_ADMIN), () -> {
            assertThat(access.canRead(r(JIEFANG))).isTrue();
            assertThat(access.canWrite(r("360702"))).isTrue();
            assertThat(access.canWrite(r(JIEFANG))).isFalse();
            assertThat(access.canApprove(r(JIEFANG))).as("towns report nothing").isFalse();
            assertThat(access.canManageUsers(r(JIEFANG))).isTrue();
            assertThat(access.canManageUsers(r(SHUINAN_XZ))).isFalse();
            assertThat(access.canManageLocalUnits(r(JIEFANG))).isTrue();
            assertThat(access.canManageLocalUnits(r(SHUINAN_XZ))).isFalse();
            assertThat(access.canManageReferenceData(r("360702"))).isFalse();
            assertThat(access.canHandleApplications(r(JIEFANG))).as("administrators manage; they do not review").isFalse();
            return null;
        });
        as(user("360700", Role.CITY_ADMIN), () -> {
            assertThat(access.canManageLocalUnits(r(JIEFANG))).isTrue();
            assertThat(access.canManageLocalUnits(r(SHUINAN_XZ))).isFalse();
            return null;
        });
    }

    @Test
    void aCommunityClerkAtATownWindowWritesTheTownOnly() {
        as(user(JIEFANG, Role.COMMUNITY_CLERK), () -> {
            assertThat(access.canWrite(r(JIEFANG))).isTrue();
            assertThat(access.canHandleApplications(r(JIEFANG))).isTrue();
            assertThat(access.canRead(r("360702"))).isFalse();
            return null;
        });
    }

    @Test
    void rolesBelowTheCountyFitTheirRegions() {
        assertThat(Role.TOWN_REVIEWER.fits(r(JIEFANG), false)).isTrue();
        assertThat(Role.TOWN_REVIEWER.fits(r("360702"), false)).isFalse();
        assertThat(Role.COMMUNITY_CLERK.fits(r(JIEFANG), false)).isTrue();
        assertThat(Role.COMMUNITY_CLERK.fits(r("360702"), false)).isFalse();
        assertThat(Role.COUNTY_ADMIN.fits(r("360702"), false)).isTrue();
        assertThat(Role.COUNTY_ADMIN.fits(r("361100-K1"), false)).as("a zone inside a city").isTrue();
        assertThat(Role.COUNTY_ADMIN.fits(r("360700"), true)).isFalse();
        assertThat(Role.COUNTY_ADMIN.fits(r(JIEFANG), false)).isFalse();
        assertThat(Role.HOUSING_OFFICE.fits(r("360700"), true)).isTrue();
        assertThat(Role.HOUSING_OFFICE.fits(r("360702"), false)).isTrue();
        assertThat(Role.HOUSING_OFFICE.fits(r(JIEFANG), false)).isFalse();
        assertThat(Role.COUNTY_REPORTER.fits(r(JIEFANG), false)).as("towns never report").isFalse();
        assertThat(Role.VIEWER.fits(r(JIEFANG), false)).isTrue();
        assertThat(Role.PROVINCE_ADMIN.rank()).isGreaterThan(Role.CITY_ADMIN.rank());
        assertThat(Role.CITY_ADMIN.rank()).isGreaterThan(Role.COUNTY_ADMIN.rank());
        assertThat(Role.COUNTY_ADMIN.rank()).isGreaterThan(Role.HOUSING_OFFICE.rank());
    }

    /** A thread or task that binds no actor has no rights (issue 11): it used to act as the system. */
    @org.junit.jupiter.api.Test
    void workThatSaysNotWhomItActsForMayDoNothing() throws Exception {
        java.util.concurrent.atomic.AtomicReference<Object> seen = new java.util.concurrent.atomic.AtomicReference<>();
        Thread stray = new Thread(() -> {
            Actor a = access.current();
            seen.set(a.username() + "|" + a.system() + "|" + access.canRead(regions.root()) + "|"
                    + access.canWrite(r("361102")));
            try {
                access.checkRead(r("361100"));
                seen.set(seen.get() + "|read");
            } catch (org.springframework.security.access.AccessDeniedException e) {
                seen.set(seen.get() + "|" + e.getMessage());
            }
        });
        stray.start();
        stray.join();
        assertThat(seen.get()).isEqualTo("nobody|false|false|false|无权查看上饶市的数据（未指明身份的后台任务没有任何权限）");
        assertThat(access.current().system()).as("the test itself says it acts as the system (AsSystem)").isTrue();
    }

    /** The region service checks itself (issue 11): a caller that forgets the check cannot add to the tree. */
    @Test
    void theRegionServiceRefusesChangesToThoseWhoMayNotMakeThem() {
        Actor cityAdmin = user("361100", Role.CITY_ADMIN);
        as(cityAdmin, () -> {
            assertThatThrownBy(() -> regions.addUnit(org.anju.region.NewUnit.devZone(null, "越权新区", "361100")))
                    .isInstanceOf(AccessDeniedException.class)
                    .hasMessageContaining("无权为上饶市新增区划或别名");
            assertThatThrownBy(() -> regions.addAlias(r("361102"), "越权别名"))
                    .isInstanceOf(AccessDeniedException.class)
                    .hasMessageContaining("无权为信州区新增区划或别名");
            return null;
        });
        Actor otherProvince = user("340000", Role.PROVINCE_ADMIN);
        as(otherProvince, () -> {
            assertThatThrownBy(() -> regions.addAlias(r("361102"), "越权别名"))
                    .isInstanceOf(AccessDeniedException.class);
            return null;
        });
        Actor nobody = Actor.nobody(regions.root());
        as(nobody, () -> {
            assertThatThrownBy(() -> regions.addAlias(r("361102"), "越权别名"))
                    .isInstanceOf(AccessDeniedException.class);
            return null;
        });
        // communities: an administrator of the town's county, city or province; not a neighbouring county's, not staff
        for (Actor a : java.util.List.of(user("361102", Role.COUNTY_ADMIN), user(JIEFANG, Role.TOWN_REVIEWER),
                user("360702", Role.COUNTY_REPORTER), user("360702", Role.HOUSING_OFFICE), nobody)) {
            as(a, () -> {
                assertThatThrownBy(() -> regions.addCommunity(r(JIEFANG), "越权社区", null))
                        .as(a.region().name() + " " + a.roles()).isInstanceOf(AccessDeniedException.class);
                return null;
            });
        }
        assertThat(regions.localUnits(r(JIEFANG))).isEmpty();
        assertThat(regions.aliases(r("361102"))).extracting(Regions.Alias::alias).doesNotContain("越权别名");
        assertThat(regions.search("越权新区", 5)).isEmpty();
    }
}
