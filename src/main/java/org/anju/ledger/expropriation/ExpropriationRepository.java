package org.anju.ledger.expropriation;

import org.anju.privacy.SealedValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** SQL of the 征收 ledger: projects, steps, households, reward scheme files. */
@Repository
class ExpropriationRepository {

    private final JdbcClient jdbc;

    ExpropriationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record ProjectRow(long id, int countyId, String name, String projectType, int scopeHouseholds, BigDecimal scopeArea,
                      String counting, Integer reviewDays, Integer appraisalDays, BigDecimal gatePercent,
                      String gateConsequence, String gateSource, int version) {
    }

    record StepRow(String stage, LocalDate onDate, LocalDate secondDate, String docNo, String note, Boolean flag,
                   String recordedBy) {
    }

    record HouseholdRow(long id, long projectId, String code, String ownerNameMasked, String ownerIdMasked, byte[] ownerNameEnc,
                        byte[] ownerIdEnc, String address, String titleNo, BigDecimal area, String houseUse,
                        String titleStatus, BigDecimal valuation, LocalDate valuationReceivedOn, LocalDate reviewRequestedOn,
                        LocalDate reviewResultOn, LocalDate appraisalRequestedOn, String option, String swapLocation,
                        BigDecimal swapArea, BigDecimal difference, BigDecimal movingFee, BigDecimal transitionFee,
                        String transitionFlat, BigDecimal businessLoss, LocalDate agreementOn, BigDecimal compensation,
                        LocalDate paymentDue, LocalDate moveDeadline, String transitionMode, LocalDate transitionUntil,
                        LocalDate decisionOn, String decisionNo, LocalDate decisionMoveDeadline, LocalDate enforcementOn,
                        LocalDate vacatedOn, int version) {
    }

    record SchemeRow(long projectId, int version, String fileName, String content, java.time.OffsetDateTime uploadedAt,
                     String uploadedBy) {
    }

    // ---- projects ---------------------------------------------------------------------------------------------

    long insertProject(int countyId, String name, ProjectType type, int scope, BigDecimal area, String counting,
                       Integer reviewDays, Integer appraisalDays, SigningRates.Gate gate, String actor) {
        return jdbc.sql("""
                        insert into ledger_expro_project (county_id, name, project_type, scope_households, scope_area, counting,
                            review_days, appraisal_days, gate_percent, gate_consequence, gate_source, created_by, updated_by)
                        values (:county, :name, :type, :scope, :area, :counting, :review, :appraisal, :gp, :gc, :gs, :actor, :actor)
                        returning id""")
                .param("county", countyId).param("name", name).param("type", type.name()).param("scope", scope)
                .param("area", area).param("counting", counting).param("review", reviewDays).param("appraisal", appraisalDays)
                .param("gp", gate == null ? null : gate.percent()).param("gc", gate == null ? null : gate.consequence())
                .param("gs", gate == null ? null : gate.source()).param("actor", actor).query(Long.class).single();
    }

    boolean existsProject(int countyId, String name) {
        return jdbc.sql("select exists(select 1 from ledger_expro_project where county_id = :c and name = :n)")
                .param("c", countyId).param("n", name).query(Boolean.class).single();
    }

    Optional<ProjectRow> project(long id) {
        return jdbc.sql("select * from ledger_expro_project where id = :id").param("id", id).query(ProjectRow.class).optional();
    }

    Optional<ProjectRow> lockProject(long id) {
        return jdbc.sql("select * from ledger_expro_project where id = :id for update").param("id", id).query(ProjectRow.class)
                .optional();
    }

    List<ProjectRow> projects(List<Integer> countyIds) {
        if (countyIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select * from ledger_expro_project where county_id in (:ids) order by id desc").param("ids", countyIds)
                .query(ProjectRow.class).list();
    }

    boolean touchProject(long id, int version, String actor) {
        return jdbc.sql("update ledger_expro_project set version = version + 1, updated_at = now(), updated_by = :a "
                        + "where id = :id and version = :v")
                .param("id", id).param("v", version).param("a", actor).update() == 1;
    }

    List<StepRow> steps(long projectId) {
        return jdbc.sql("select stage, on_date, second_date, doc_no, note, flag, recorded_by from ledger_expro_step "
                + "where project_id = :p").param("p", projectId).query(StepRow.class).list();
    }

    void insertStep(long projectId, Reg590.Step s, String actor) {
        jdbc.sql("""
                        insert into ledger_expro_step (project_id, stage, on_date, second_date, doc_no, note, flag, recorded_by)
                        values (:p, :stage, :on, :second, :doc, :note, :flag, :actor)""")
                .param("p", projectId).param("stage", s.stage().name()).param("on", s.on()).param("second", s.second())
                .param("doc", s.docNo()).param("note", s.note()).param("flag", s.flag()).param("actor", actor).update();
    }

    List<Long> publishedProjects() {
        return jdbc.sql("select project_id from ledger_expro_step where stage = 'PUBLISHED' order by on_date desc, project_id")
                .query(Long.class).list();
    }

    // ---- households -------------------------------------------------------------------------------------------

    record NewHousehold(String code, SealedValue name, SealedValue id, String address, String titleNo, BigDecimal area,
                        HouseUse use, TitleStatus status) {
    }

    long insertHousehold(long projectId, NewHousehold h, String actor) {
        return jdbc.sql("""
                        insert into ledger_expro_household (project_id, code, owner_name_enc, owner_name_bidx, owner_name_masked,
                            owner_id_enc, owner_id_bidx, owner_id_masked, address, title_no, area, house_use, title_status,
                            created_by, updated_by)
                        values (:p, :code, :ne, :nb, :nm, :ie, :ib, :im, :addr, :title, :area, :use, :status, :a, :a)
                        returning id""")
                .param("p", projectId).param("code", h.code()).param("ne", h.name().ciphertext())
                .param("nb", h.name().blindIndex()).param("nm", h.name().masked())
                .param("ie", h.id() == null ? null : h.id().ciphertext()).param("ib", h.id() == null ? null : h.id().blindIndex())
                .param("im", h.id() == null ? null : h.id().masked()).param("addr", h.address()).param("title", h.titleNo())
                .param("area", h.area()).param("use", h.use().name()).param("status", h.status().name()).param("a", actor)
                .query(Long.class).single();
    }

    List<String> codes(long projectId) {
        return jdbc.sql("select code from ledger_expro_household where project_id = :p").param("p", projectId)
                .query(String.class).list();
    }

    Optional<HouseholdRow> household(long id) {
        return jdbc.sql("select * from ledger_expro_household where id = :id").param("id", id).query(HouseholdRow.class)
                .optional();
    }

    List<HouseholdRow> households(long projectId) {
        return jdbc.sql("select * from ledger_expro_household where project_id = :p order by code, id").param("p", projectId)
                .query(HouseholdRow.class).list();
    }

    boolean valuation(long id, int version, BigDecimal amount, LocalDate received, LocalDate reviewRequested,
                      LocalDate reviewResult, LocalDate appraisalRequested, String actor) {
        return jdbc.sql("""
                        update ledger_expro_household set valuation = :v, valuation_received_on = :r, review_requested_on = :rr,
                            review_result_on = :res, appraisal_requested_on = :ar, version = version + 1, updated_at = now(),
                            updated_by = :a
                        where id = :id and version = :ver""")
                .param("v", amount).param("r", received).param("rr", reviewRequested).param("res", reviewResult)
                .param("ar", appraisalRequested).param("a", actor).param("id", id).param("ver", version).update() == 1;
    }

    boolean agree(long id, int version, AgreementForm f, Option option, String actor) {
        return jdbc.sql("""
                        update ledger_expro_household set option = :option, agreement_on = :on, compensation = :comp,
                            payment_due = :due, swap_location = :loc, swap_area = :sarea, difference = :diff, moving_fee = :move,
                            transition_fee = :tfee, transition_flat = :tflat, business_loss = :loss, move_deadline = :deadline,
                            transition_mode = :tmode, transition_until = :tuntil, version = version + 1, updated_at = now(),
                            updated_by = :a
                        where id = :id and version = :ver""")
                .param("option", option.name()).param("on", f.agreementOn()).param("comp", f.compensation())
                .param("due", f.paymentDue()).param("loc", blankToNull(f.swapLocation())).param("sarea", f.swapArea())
                .param("diff", f.difference()).param("move", f.movingFee()).param("tfee", f.transitionFee())
                .param("tflat", blankToNull(f.transitionFlat())).param("loss", f.businessLoss())
                .param("deadline", f.moveDeadline()).param("tmode", blankToNull(f.transitionMode()))
                .param("tuntil", f.transitionUntil()).param("a", actor).param("id", id).param("ver", version).update() == 1;
    }

    boolean decide(long id, int version, LocalDate on, String no, LocalDate moveDeadline, String actor) {
        return jdbc.sql("""
                        update ledger_expro_household set decision_on = :on, decision_no = :no, decision_move_deadline = :d,
                            version = version + 1, updated_at = now(), updated_by = :a
                        where id = :id and version = :ver""")
                .param("on", on).param("no", no).param("d", moveDeadline).param("a", actor).param("id", id)
                .param("ver", version).update() == 1;
    }

    boolean vacate(long id, int version, LocalDate on, String actor) {
        return jdbc.sql("update ledger_expro_household set vacated_on = :on, version = version + 1, updated_at = now(), "
                        + "updated_by = :a where id = :id and version = :ver")
                .param("on", on).param("a", actor).param("id", id).param("ver", version).update() == 1;
    }

    boolean enforce(long id, int version, LocalDate on, String actor) {
        return jdbc.sql("update ledger_expro_household set enforcement_on = :on, version = version + 1, updated_at = now(), "
                        + "updated_by = :a where id = :id and version = :ver")
                .param("on", on).param("a", actor).param("id", id).param("ver", version).update() == 1;
    }

    // ---- reward schemes ---------------------------------------------------------------------------------------

    int insertScheme(long projectId, String fileName, String content, String actor) {
        return jdbc.sql("""
                        insert into ledger_expro_reward_scheme (project_id, version, file_name, content, uploaded_by)
                        select :p, coalesce(max(version), 0) + 1, :f, :c, :a from ledger_expro_reward_scheme where project_id = :p
                        returning version""")
                .param("p", projectId).param("f", fileName).param("c", content).param("a", actor).query(Integer.class).single();
    }

    Optional<SchemeRow> scheme(long projectId) {
        return jdbc.sql("select * from ledger_expro_reward_scheme where project_id = :p order by version desc limit 1")
                .param("p", projectId).query(SchemeRow.class).optional();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
