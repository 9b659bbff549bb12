package org.anju.rental.application;

import org.anju.AnjuTest;
import org.anju.account.Access;
import org.anju.account.Actor;
import org.anju.platform.BadInput;
import org.anju.platform.Conflict;
import org.anju.region.Region;
import org.anju.region.Regions;
import org.anju.rental.lease.LeaseRuleBook;
import org.anju.rental.lease.LeaseRules;
import org.anju.rental.waiting.WaitingRuleBook;
import org.anju.rental.waiting.WaitingRules;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Waiting-list and lease rules are uploads like the eligibility rules: a bad file is refused with its parser's own
 * message (file, line, column) and nothing is stored; the version in force on a day applies, a newer one from its 生效.
 */
@AnjuTest
@TestPropertySource(properties = "anju.test.database=application")
class RuleUploadsTest {

    @Autowired
    CityRules rules;
    @Autowired
    WaitingRuleBook waitingBook;
    @Autowired
    LeaseRuleBook leaseBook;
    @Autowired
    ApplicationDemoData demo;
    @Autowired
    Regions regions;
    @Autowired
    JdbcClient jdbc;

    /** Test values, 未核实: no city's waiting-list rules were found (OPERATIONS.md §13). */
    static final String WAITING = String.join("\n", List.of("城市\t320300", "名称\t徐州市轮候规则（测试用）", "生效\t2024-01-01",
            "来源\t测试数据，未核实", "核实\t未核实", "排序\t优先群体+资格日期", "优先群体\t特困\t低保", "配租方式\t摇号", "拒绝上限\t1",
            "超限后果\t取消轮候资格", "复核周期\t12\t月")) + "\n";

    <T> T system(Supplier<T> work) {
        return Access.runAs(Actor.system(regions.root()), work);
    }

    long stored() {
        return jdbc.sql("select count(*) from rental_rule_file").query(Long.class).single();
    }

    static LocalDate d(String s) {
        return LocalDate.parse(s);
    }

    @Test
    void badWaitingAndLeaseFilesAreRefusedWithTheParsersMessageAndNothingIsStored() {
        system(() -> {
            demo.load();
            return null;
        });
        long before = stored();
        String badWaiting = WAITING.replace("拒绝上限\t1", "拒绝上限\t两次");
        String expected = catchThrowable(() -> WaitingRules.parse("轮候.tsv", badWaiting)).getMessage();
        assertThat(expected).isEqualTo("轮候.tsv 第 9 行第 2 列：拒绝上限“两次”应为整数");
        assertThatThrownBy(() -> system(() -> rules.upload("320300", RuleFile.Kind.WAITING, "轮候.tsv", badWaiting, null, null)))
                .isInstanceOf(BadInput.class).hasMessage(expected);

        String lease = TestRuleFiles.text("rental/lease/320300-低保特困.tsv");
        String badLease = lease.replace("最长租期\t1\t年", "最长租期\t一\t年");
        String leaseMessage = catchThrowable(() -> LeaseRules.parse("租赁.tsv", badLease)).getMessage();
        assertThat(leaseMessage).matches("租赁\\.tsv 第 \\d+ 行第 2 列：.*");
        assertThatThrownBy(() -> system(() -> rules.upload("320300", RuleFile.Kind.LEASE, "租赁.tsv", badLease, null, null)))
                .isInstanceOf(BadInput.class).hasMessage(leaseMessage);

        // dates are the file's; another city's file is not this city's
        assertThatThrownBy(() -> system(() -> rules.upload("320300", RuleFile.Kind.WAITING, "轮候.tsv", WAITING,
                d("2024-02-01"), null))).isInstanceOf(BadInput.class).hasMessageContaining("生效日期以文件的“生效”行为准");
        assertThatThrownBy(() -> system(() -> rules.upload("320300", RuleFile.Kind.LEASE, "租赁.tsv",
                lease.replace("城市\t320300", "城市\t361100"), null, null))).isInstanceOf(BadInput.class)
                .hasMessageContaining("不是徐州市（320300）");
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void aNewerVersionTakesOverOnItsEffectiveDate() {
        system(() -> {
            demo.load();
            return null;
        });
        Region xuzhou = regions.byCode("320300").orElseThrow();
        Region shangrao = regions.byCode("361100").orElseThrow();
        // the demo uploads 徐州's two lease files; a city without any is told what to upload
        assertThat(leaseBook.rules(xuzhou, "低保特困", d("2024-03-01")).rules().name()).contains("徐州市");
        assertThatThrownBy(() -> leaseBook.rules(xuzhou, null, d("2024-03-01"))).isInstanceOf(BadInput.class)
                .hasMessage("徐州市有多套租赁规则，请指明项目：低保特困、新就业");
        assertThatThrownBy(() -> leaseBook.rules(shangrao, null, d("2024-03-01"))).isInstanceOf(Conflict.class)
                .hasMessageStartingWith("上饶市尚未上传2024年3月1日有效的公租房租赁规则")
                .hasMessageContaining("选择“租赁规则”上传");

        // waiting-list rules: none in the demo (no city's were found); uploaded, then a newer version from 2026
        if (!waitingBook.has(xuzhou, d("2025-06-01"))) {
            assertThatThrownBy(() -> waitingBook.forCity(xuzhou, d("2025-06-01"))).isInstanceOf(Conflict.class)
                    .hasMessageStartingWith("徐州市尚未上传2025年6月1日有效的公租房轮候规则");
        }
        RuleFile v1 = system(() -> rules.upload("320300", RuleFile.Kind.WAITING, "轮候-2024.tsv", WAITING, null, null));
        RuleFile v2 = system(() -> rules.upload("320300", RuleFile.Kind.WAITING, "轮候-2026.tsv",
                WAITING.replace("生效\t2024-01-01", "生效\t2026-01-01").replace("拒绝上限\t1", "拒绝上限\t2"), null, null));
        assertThat(v1.kind().label()).isEqualTo("轮候规则");
        assertThat(v2.content()).contains("拒绝上限\t2");
        assertThat(v2.effectiveFrom()).isEqualTo(d("2026-01-01"));
        assertThat(waitingBook.forCity(xuzhou, d("2025-12-31")).refusalsAllowed()).isEqualTo(1);
        assertThat(waitingBook.forCity(xuzhou, d("2025-12-31")).file()).isEqualTo("轮候-2024.tsv");
        assertThat(waitingBook.forCity(xuzhou, d("2026-01-01")).refusalsAllowed()).isEqualTo(2);
        assertThatThrownBy(() -> waitingBook.forCity(xuzhou, d("2023-12-31"))).isInstanceOf(Conflict.class);

        // lease rules: a 2026 version of 低保特困 with a 3-year term takes over from its 生效; leases keep their file
        String lease = TestRuleFiles.text("rental/lease/320300-低保特困.tsv");
        RuleFile l2 = system(() -> rules.upload("320300", RuleFile.Kind.LEASE, "320300-低保特困-2026.tsv",
                lease.replace("生效\t2024-01-01", "生效\t2026-01-01").replace("最长租期\t1\t年", "最长租期\t3\t年"), null, null));
        LeaseRuleBook.Chosen before = leaseBook.rules(xuzhou, "低保特困", d("2025-12-31"));
        LeaseRuleBook.Chosen after = leaseBook.rules(xuzhou, "低保特困", d("2026-01-01"));
        assertThat(before.rules().maxTerm().value()).isEqualTo(1);
        assertThat(after.rules().maxTerm().value()).isEqualTo(3);
        assertThat(after.fileId()).isEqualTo(l2.id()).isNotEqualTo(before.fileId());
        assertThat(leaseBook.rules(xuzhou, "新就业", d("2026-01-01")).rules().programme()).isEqualTo("新就业");
        assertThat(system(() -> rules.files("320300")).stream().map(RuleFile::kind))
                .contains(RuleFile.Kind.RULES, RuleFile.Kind.FLOW, RuleFile.Kind.WAITING, RuleFile.Kind.LEASE);
    }
    /**
     * The same file sent again — a double-click, a form sent again after Back, a second official acting on a page read
     * from a replica that had not seen the first upload — is refused naming the version there, and nothing is stored;
     * a changed file, a going back to an earlier version, is stored. Two identical uploads at once store one.
     */
    @Test
    void theSameFileSentAgainIsRefusedNamingTheVersionAlreadyStored() throws Exception {
        system(() -> {
            demo.load();
            return null;
        });
        // 上饶's: 徐州's versions are the other test's
        String text = WAITING.replace("城市\t320300", "城市\t361100").replace("徐州市轮候规则（测试用）", "上饶市轮候规则（重复上传测试用）");
        RuleFile first = system(() -> rules.upload("361100", RuleFile.Kind.WAITING, "轮候-重复.tsv", text, null, null));
        long before = stored();
        String again = "\uFEFF" + text.replace("\n", "\r\n");   // the same file saved on Windows
        Throwable refused = catchThrowable(() -> system(() -> rules.upload("361100", RuleFile.Kind.WAITING, "轮候-重复(1).tsv",
                again, null, null)));
        assertThat(refused).isInstanceOf(Conflict.class).hasMessage("轮候-重复(1).tsv：与" + first.uploadedBy() + "于 "
                + DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.of("Asia/Shanghai"))
                .format(first.uploadedAt())
                + " 上传的轮候规则“上饶市轮候规则（重复上传测试用）”（2024年1月1日起）内容相同，未重复保存。如要修改，请上传改过的文件");
        assertThat(stored()).isEqualTo(before);

        // a changed version of that day is stored, and so is the first one sent again after it (going back to it)
        String changed = text.replace("拒绝上限\t1", "拒绝上限\t3");
        system(() -> rules.upload("361100", RuleFile.Kind.WAITING, "轮候-重复.tsv", changed, null, null));
        system(() -> rules.upload("361100", RuleFile.Kind.WAITING, "轮候-重复.tsv", text, null, null));
        assertThat(stored()).isEqualTo(before + 2);
        Region shangrao = regions.byCode("361100").orElseThrow();
        assertThat(waitingBook.forCity(shangrao, d("2025-03-01")).refusalsAllowed()).isEqualTo(1);

        // two identical uploads at once: one is stored, the other refused
        String racing = text.replace("拒绝上限\t1", "拒绝上限\t4");
        List<Object> answers = org.anju.AtOnce.twice(() -> {
            try {
                return system(() -> rules.upload("361100", RuleFile.Kind.WAITING, "轮候-并发.tsv", racing, null, null));
            } catch (Conflict e) {
                return e;
            }
        });
        assertThat(answers).filteredOn(Conflict.class::isInstance).hasSize(1);
        assertThat(answers).filteredOn(RuleFile.class::isInstance).hasSize(1);
        assertThat(stored()).isEqualTo(before + 3);
    }
}
