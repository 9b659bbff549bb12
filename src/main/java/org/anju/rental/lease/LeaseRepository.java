package org.anju.rental.lease;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

/** The SQL of {@link Leases}; no access checks here. */
@Repository
class LeaseRepository {

    /** A lease row with the ids the service resolves to names. */
    record Row(long id, String leaseNo, long householdId, long dwellingId, int countyId, int cityId, String rulesFile,
               LocalDate rulesFrom, String applicant, String certificateNo, LocalDate signedOn, LocalDate startsOn,
               LocalDate endsOn, BigDecimal standardRent, BigDecimal monthlyRent, String tier, String rentBasis,
               LeaseStatus status, Long renewedFrom, LocalDate movedInOn, ExitKind exitKind, LocalDate exitOn,
               String exitReason, LocalDate graceUntil, LocalDate endedOn, int version, Long rulesId) {
    }

    private static final String COLUMNS = """
            id, lease_no, household_id, dwelling_id, county_id, city_id, rules_file, rules_from, applicant_masked,
            certificate_no, signed_on, starts_on, ends_on, standard_rent, monthly_rent, tier, rent_basis, status,
            renewed_from, moved_in_on, exit_kind, exit_on, exit_reason, grace_until, ended_on, version, rules_id""";

    private final JdbcClient jdbc;

    LeaseRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        String exit = rs.getString("exit_kind");
        Long renewed = rs.getObject("renewed_from", Long.class);
        return new Row(rs.getLong("id"), rs.getString("lease_no"), rs.getLong("household_id"), rs.getLong("dwelling_id"),
                rs.getInt("county_id"), rs.getInt("city_id"), rs.getString("rules_file"),
                rs.getObject("rules_from", LocalDate.class), rs.getString("applicant_masked"),
                rs.getString("certificate_no"), rs.getObject("signed_on", LocalDate.class),
                rs.getObject("starts_on", LocalDate.class), rs.getObject("ends_on", LocalDate.class),
                rs.getBigDecimal("standard_rent"), rs.getBigDecimal("monthly_rent"), rs.getString("tier"),
                rs.getString("rent_basis"), LeaseStatus.valueOf(rs.getString("status")), renewed,
                rs.getObject("moved_in_on", LocalDate.class), exit == null ? null : ExitKind.valueOf(exit),
                rs.getObject("exit_on", LocalDate.class), rs.getString("exit_reason"),
                rs.getObject("grace_until", LocalDate.class), rs.getObject("ended_on", LocalDate.class), rs.getInt("version"),
                rs.getObject("rules_id", Long.class));
    }

    Optional<Row> lease(long id) {
        return jdbc.sql("select " + COLUMNS + " from rental_lease where id = :id").param("id", id).query(LeaseRepository::row)
                .optional();
    }

    Optional<Row> lockLease(long id) {
        return jdbc.sql("select " + COLUMNS + " from rental_lease where id = :id for update").param("id", id)
                .query(LeaseRepository::row).optional();
    }

    /** Leases of a county, newest first; {@code open} only those in force. */
    List<Row> ofCounty(int countyId, boolean open) {
        return jdbc.sql("select " + COLUMNS + " from rental_lease where county_id = :county"
                        + (open ? " and status in ('SIGNED', 'ACTIVE', 'EXITING')" : "") + " order by signed_on desc, id desc")
                .param("county", countyId).query(LeaseRepository::row).list();
    }

    /** Every lease of the county that may be charged for some day of the month. */
    List<Row> chargeable(int countyId, YearMonth period) {
        return jdbc.sql("select " + COLUMNS + " " + """
                         from rental_lease where county_id = :county and starts_on <= :last
                          and (ended_on is null or ended_on >= :first) order by id""")
                .param("county", countyId).param("first", period.atDay(1)).param("last", period.atEndOfMonth())
                .query(LeaseRepository::row).list();
    }

    Optional<Row> openOfDwelling(long dwellingId) {
        return jdbc.sql("select " + COLUMNS + " from rental_lease where dwelling_id = :d and status in ('SIGNED', 'ACTIVE', 'EXITING')")
                .param("d", dwellingId).query(LeaseRepository::row).optional();
    }

    Optional<Row> openOfHousehold(long householdId) {
        return jdbc.sql("select " + COLUMNS + " from rental_lease where household_id = :h and status in ('SIGNED', 'ACTIVE', 'EXITING')")
                .param("h", householdId).query(LeaseRepository::row).optional();
    }

    void lockCounty(int countyId) {
        jdbc.sql("select pg_advisory_xact_lock(40043, :county)").param("county", countyId).query().singleRow();
    }

    int nextSerial(int countyId, int year) {
        return jdbc.sql("""
                        insert into rental_lease_serial (county_id, year, last) values (:county, :year, 1)
                        on conflict (county_id, year) do update set last = rental_lease_serial.last + 1
                        returning last""")
                .param("county", countyId).param("year", year).query(Integer.class).single();
    }

    long insert(Row r, String actor) {
        return jdbc.sql("""
                        insert into rental_lease (lease_no, household_id, dwelling_id, county_id, city_id, rules_id, rules_file,
                            rules_from, applicant_masked, certificate_no, signed_on, starts_on, ends_on, standard_rent, monthly_rent, tier,
                            rent_basis, status, renewed_from, moved_in_on, created_by, updated_by)
                        values (:no, :household, :dwelling, :county, :city, :rulesId, :file, :from, :applicant, :certificate, :signed,
                            :starts, :ends, :standard, :monthly, :tier, :basis, :status, :renewedFrom, :movedIn, :actor, :actor)
                        returning id""")
                .param("no", r.leaseNo()).param("household", r.householdId()).param("dwelling", r.dwellingId())
                .param("county", r.countyId()).param("city", r.cityId()).param("rulesId", r.rulesId()).param("file", r.rulesFile())
                .param("from", r.rulesFrom()).param("applicant", r.applicant()).param("certificate", r.certificateNo())
                .param("signed", r.signedOn()).param("starts", r.startsOn()).param("ends", r.endsOn())
                .param("standard", r.standardRent()).param("monthly", r.monthlyRent()).param("tier", r.tier())
                .param("basis", r.rentBasis()).param("status", r.status().name()).param("renewedFrom", r.renewedFrom())
                .param("movedIn", r.movedInOn()).param("actor", actor).query(Long.class).single();
    }

    boolean moveIn(long id, int version, LocalDate on, String actor) {
        return jdbc.sql("""
                        update rental_lease set status = 'ACTIVE', moved_in_on = :on, version = version + 1, updated_at = now(),
                            updated_by = :actor where id = :id and version = :version and status = 'SIGNED'""")
                .param("id", id).param("version", version).param("on", on).param("actor", actor).update() == 1;
    }

    boolean renewed(long id, int version, LocalDate endedOn, String actor) {
        return jdbc.sql("""
                        update rental_lease set status = 'RENEWED', ended_on = :ended, version = version + 1, updated_at = now(),
                            updated_by = :actor where id = :id and version = :version and status = 'ACTIVE'""")
                .param("id", id).param("version", version).param("ended", endedOn).param("actor", actor).update() == 1;
    }

    boolean exit(long id, int version, ExitKind kind, LocalDate on, String reason, LocalDate graceUntil, String actor) {
        return jdbc.sql("""
                        update rental_lease set status = 'EXITING', exit_kind = :kind, exit_on = :on, exit_reason = :reason,
                            grace_until = :grace, version = version + 1, updated_at = now(), updated_by = :actor
                        where id = :id and version = :version and status in ('SIGNED', 'ACTIVE')""")
                .param("id", id).param("version", version).param("kind", kind.name()).param("on", on)
                .param("reason", reason).param("grace", graceUntil).param("actor", actor).update() == 1;
    }

    boolean end(long id, int version, LocalDate on, String actor) {
        return jdbc.sql("""
                        update rental_lease set status = 'ENDED', ended_on = :on, version = version + 1, updated_at = now(),
                            updated_by = :actor where id = :id and version = :version and status = 'EXITING'""")
                .param("id", id).param("version", version).param("on", on).param("actor", actor).update() == 1;
    }

    // ---- bills and payments ------------------------------------------------------------------------------

    /** Inserts the bill unless the lease already has one of that month and kind; whether it was new. */
    boolean insertBill(long leaseId, YearMonth period, String kind, BigDecimal amount, String basis, LocalDate dueOn,
                       String actor) {
        return jdbc.sql("""
                        insert into rental_rent_bill (lease_id, period, kind, amount, basis, due_on, created_by)
                        values (:lease, :period, :kind, :amount, :basis, :due, :actor)
                        on conflict (lease_id, period, kind) do nothing""")
                .param("lease", leaseId).param("period", period.atDay(1)).param("kind", kind).param("amount", amount)
                .param("basis", basis).param("due", dueOn).param("actor", actor).update() == 1;
    }

    boolean hasBill(long leaseId, YearMonth period, String kind) {
        return jdbc.sql("select exists (select 1 from rental_rent_bill where lease_id = :lease and period = :period and kind = :kind)")
                .param("lease", leaseId).param("period", period.atDay(1)).param("kind", kind).query(Boolean.class).single();
    }

    List<Lease.Bill> bills(long leaseId) {
        return jdbc.sql("select id, lease_id, period, kind, amount, basis, due_on from rental_rent_bill where lease_id = :lease order by period, kind")
                .param("lease", leaseId).query(LeaseRepository::bill).list();
    }

    List<Lease.Bill> billsOfCounty(int countyId) {
        // a county's rows by key from their parents, whatever the statistics (ARCHITECTURE.md, plans that do not
        // depend on the statistics; CountyReadsWithoutStatisticsTest)
        return jdbc.sql("""
                        select b.id, b.lease_id, b.period, b.kind, b.amount, b.basis, b.due_on from rental_lease l
                        cross join lateral (select b.* from rental_rent_bill b where b.lease_id = l.id offset 0) b
                        where l.county_id = :county order by b.lease_id, b.period, b.kind""")
                .param("county", countyId).query(LeaseRepository::bill).list();
    }

    private static Lease.Bill bill(ResultSet rs, int n) throws SQLException {
        return new Lease.Bill(rs.getLong("id"), rs.getLong("lease_id"), YearMonth.from(rs.getObject("period", LocalDate.class)),
                rs.getString("kind"), rs.getBigDecimal("amount"), rs.getString("basis"), rs.getObject("due_on", LocalDate.class));
    }

    long insertPayment(long leaseId, LocalDate paidOn, BigDecimal amount, PaymentChannel channel, String reference,
                       String actor) {
        return jdbc.sql("""
                        insert into rental_rent_payment (lease_id, paid_on, amount, channel, reference, created_by)
                        values (:lease, :on, :amount, :channel, :reference, :actor) returning id""")
                .param("lease", leaseId).param("on", paidOn).param("amount", amount).param("channel", channel.name())
                .param("reference", reference).param("actor", actor).query(Long.class).single();
    }

    List<Lease.Payment> payments(long leaseId) {
        return jdbc.sql("select id, lease_id, paid_on, amount, channel, reference, created_by from rental_rent_payment where lease_id = :lease order by paid_on, id")
                .param("lease", leaseId).query(LeaseRepository::payment).list();
    }

    List<Lease.Payment> paymentsOfCounty(int countyId) {
        // a county's rows by key from their parents, whatever the statistics (ARCHITECTURE.md, plans that do not
        // depend on the statistics; CountyReadsWithoutStatisticsTest)
        return jdbc.sql("""
                        select p.id, p.lease_id, p.paid_on, p.amount, p.channel, p.reference, p.created_by from rental_lease l
                        cross join lateral (select p.* from rental_rent_payment p where p.lease_id = l.id offset 0) p
                        where l.county_id = :county order by p.lease_id, p.paid_on, p.id""")
                .param("county", countyId).query(LeaseRepository::payment).list();
    }

    private static Lease.Payment payment(ResultSet rs, int n) throws SQLException {
        return new Lease.Payment(rs.getLong("id"), rs.getLong("lease_id"), rs.getObject("paid_on", LocalDate.class),
                rs.getBigDecimal("amount"), PaymentChannel.valueOf(rs.getString("channel")), rs.getString("reference"),
                rs.getString("created_by"));
    }

    // ---- checks, reviews, violations, events ---------------------------------------------------------

    long insertCheck(long leaseId, LocalDate on, boolean occupied, String note, String actor) {
        return jdbc.sql("""
                        insert into rental_lease_check (lease_id, checked_on, occupied, note, created_by)
                        values (:lease, :on, :occupied, :note, :actor) returning id""")
                .param("lease", leaseId).param("on", on).param("occupied", occupied).param("note", note)
                .param("actor", actor).query(Long.class).single();
    }

    List<Lease.Check> checks(long leaseId) {
        return jdbc.sql("select id, lease_id, checked_on, occupied, note, created_by from rental_lease_check where lease_id = :lease order by checked_on, id")
                .param("lease", leaseId).query((rs, n) -> new Lease.Check(rs.getLong(1), rs.getLong(2),
                        rs.getObject(3, LocalDate.class), rs.getBoolean(4), rs.getString(5), rs.getString(6))).list();
    }

    long insertReview(long leaseId, LocalDate on, String ruleSet, String outcome, String reasons, String actor) {
        return jdbc.sql("""
                        insert into rental_lease_review (lease_id, reviewed_on, rule_set, outcome, reasons, created_by)
                        values (:lease, :on, :rules, :outcome, :reasons, :actor) returning id""")
                .param("lease", leaseId).param("on", on).param("rules", ruleSet).param("outcome", outcome)
                .param("reasons", reasons).param("actor", actor).query(Long.class).single();
    }

    List<Lease.Review> reviews(long leaseId) {
        return jdbc.sql("select id, lease_id, reviewed_on, rule_set, outcome, reasons from rental_lease_review where lease_id = :lease order by reviewed_on, id")
                .param("lease", leaseId).query((rs, n) -> new Lease.Review(rs.getLong(1), rs.getLong(2),
                        rs.getObject(3, LocalDate.class), rs.getString(4), rs.getString(5), rs.getString(6))).list();
    }

    long insertViolation(long leaseId, ViolationKind kind, LocalDate actOn, LocalDate foundOn, String evidence,
                         BigDecimal illegalIncome, String penalty, BigDecimal fineMax, BigDecimal backCharge, boolean ban,
                         String actor) {
        return jdbc.sql("""
                        insert into rental_violation (lease_id, kind, act_on, found_on, evidence, illegal_income, penalty,
                            fine_max, back_charge, ban, created_by)
                        values (:lease, :kind, :act, :found, :evidence, :income, :penalty, :fine, :back, :ban, :actor) returning id""")
                .param("lease", leaseId).param("kind", kind.name()).param("act", actOn).param("found", foundOn)
                .param("evidence", evidence).param("income", illegalIncome).param("penalty", penalty).param("fine", fineMax)
                .param("back", backCharge).param("ban", ban).param("actor", actor).query(Long.class).single();
    }

    private static final String VIOLATION_COLUMNS = "v.id, v.lease_id, v.kind, v.act_on, v.found_on, v.evidence, v.illegal_income, "
            + "v.penalty, v.fine_max, v.back_charge, v.ban, v.created_by";

    private static Lease.Violation violation(ResultSet rs, int n) throws SQLException {
        return new Lease.Violation(rs.getLong(1), rs.getLong(2), ViolationKind.valueOf(rs.getString(3)),
                rs.getObject(4, LocalDate.class), rs.getObject(5, LocalDate.class), rs.getString(6), rs.getBigDecimal(7),
                rs.getString(8), rs.getBigDecimal(9), rs.getBigDecimal(10), rs.getBoolean(11), rs.getString(12));
    }

    List<Lease.Violation> violations(long leaseId) {
        return jdbc.sql("select " + VIOLATION_COLUMNS + " from rental_violation v where v.lease_id = :lease order by v.found_on, v.id")
                .param("lease", leaseId).query(LeaseRepository::violation).list();
    }

    List<Lease.Violation> violationsOfCounty(int countyId) {
        // a county's rows by key from their parents, whatever the statistics (ARCHITECTURE.md, plans that do not
        // depend on the statistics; CountyReadsWithoutStatisticsTest)
        return jdbc.sql("select " + VIOLATION_COLUMNS + " from rental_lease l cross join lateral "
                        + "(select v.* from rental_violation v where v.lease_id = l.id offset 0) v where l.county_id = :county "
                        + "order by v.found_on desc, v.id desc")
                .param("county", countyId).query(LeaseRepository::violation).list();
    }

    void event(long leaseId, String kind, LocalDate on, String detail, String actor) {
        jdbc.sql("""
                        insert into rental_lease_event (lease_id, seq, kind, on_day, detail, by_user)
                        values (:lease, (select coalesce(max(seq), 0) + 1 from rental_lease_event where lease_id = :lease),
                            :kind, :on, :detail, :actor)""")
                .param("lease", leaseId).param("kind", kind).param("on", on).param("detail", detail).param("actor", actor)
                .update();
    }

    List<Lease.Event> events(long leaseId) {
        return jdbc.sql("select seq, kind, on_day, detail, at, by_user from rental_lease_event where lease_id = :lease order by seq")
                .param("lease", leaseId).query((rs, n) -> new Lease.Event(rs.getInt(1), rs.getString(2),
                        rs.getObject(3, LocalDate.class), rs.getString(4), rs.getObject(5, OffsetDateTime.class),
                        rs.getString(6))).list();
    }
}
