package org.anju.rental.household;

import org.anju.privacy.SealedValue;
import org.anju.region.Region;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** The SQL of {@link Households}; no access checks here. */
@Repository
class HouseholdRepository {

    record Row(long id, int cityId, int countyId, int regionId, String applicantNameMasked, String applicantIdMasked,
               byte[] phoneEnc, String phoneMasked, String address, BigDecimal heldArea, Integer hukouYears,
               Integer insuranceMonths, LocalDate graduated, Boolean holdsProperty, Boolean residencePermit,
               String guarantee, String certificateNo, LocalDate qualifiedOn, LocalDate closedOn, String closedReason,
               int version) {
    }

    record MemberRow(int seq, String relation, byte[] nameEnc, String nameMasked, byte[] idEnc, byte[] idBidx,
                     String idMasked, LocalDate birthDate, byte[] incomeEnc, boolean incomeProven, boolean ableToWork,
                     String employment) {
    }

    private static final String COLUMNS = """
            id, city_id, county_id, region_id, applicant_name_masked, applicant_id_masked, phone_enc, phone_masked,
            address, held_area, hukou_years, insurance_months, graduated, holds_property, residence_permit, guarantee,
            certificate_no, qualified_on, closed_on, closed_reason, version""";

    /** The same, of {@code rental_household h} (joined tables have region_id too). */
    private static final String H_COLUMNS = "h." + COLUMNS.replace(", ", ", h.").replace(",\n", ",\nh.");

    private final JdbcClient jdbc;

    HouseholdRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Serializes registrations in a city, so that "one open household per person" holds for members too. */
    void lockCity(int cityId) {
        jdbc.sql("select pg_advisory_xact_lock(40001, :city)").param("city", cityId).query().singleRow();
    }

    long insert(Households.Place place, Households.Applicant applicant, SealedValue phone, HouseholdForm f, String actor) {
        return jdbc.sql("""
                        insert into rental_household (city_id, county_id, region_id, applicant_name_enc, applicant_name_bidx,
                            applicant_name_masked, applicant_id_enc, applicant_id_bidx, applicant_id_masked, phone_enc,
                            phone_bidx, phone_masked, address, held_area, hukou_years, insurance_months, graduated,
                            holds_property, residence_permit, created_by, updated_by)
                        values (:city, :county, :region, :nameEnc, :nameBidx, :nameMasked, :idEnc, :idBidx, :idMasked,
                            :phoneEnc, :phoneBidx, :phoneMasked, :address, :heldArea, :hukou, :insurance, :graduated,
                            :property, :permit, :actor, :actor)
                        returning id""")
                .param("city", place.city().id()).param("county", place.county().id()).param("region", place.local().id())
                .params(applicantParams(applicant, phone, f)).param("actor", actor)
                .query(Long.class).single();
    }

    boolean update(long id, int version, Households.Applicant applicant, SealedValue phone, HouseholdForm f, String actor) {
        return jdbc.sql("""
                        update rental_household set applicant_name_enc = :nameEnc, applicant_name_bidx = :nameBidx,
                            applicant_name_masked = :nameMasked, applicant_id_enc = :idEnc, applicant_id_bidx = :idBidx,
                            applicant_id_masked = :idMasked, phone_enc = :phoneEnc, phone_bidx = :phoneBidx,
                            phone_masked = :phoneMasked, address = :address, held_area = :heldArea, hukou_years = :hukou,
                            insurance_months = :insurance, graduated = :graduated, holds_property = :property,
                            residence_permit = :permit, version = version + 1, updated_at = now(), updated_by = :actor
                        where id = :id and version = :version and closed_on is null""")
                .params(applicantParams(applicant, phone, f)).param("actor", actor).param("id", id)
                .param("version", version).update() == 1;
    }

    private static java.util.Map<String, Object> applicantParams(Households.Applicant a, SealedValue phone, HouseholdForm f) {
        var m = new java.util.HashMap<String, Object>();
        m.put("nameEnc", a.name().ciphertext());
        m.put("nameBidx", a.name().blindIndex());
        m.put("nameMasked", a.name().masked());
        m.put("idEnc", a.id().ciphertext());
        m.put("idBidx", a.id().blindIndex());
        m.put("idMasked", a.id().masked());
        m.put("phoneEnc", phone == null ? null : phone.ciphertext());
        m.put("phoneBidx", phone == null ? null : phone.blindIndex());
        m.put("phoneMasked", phone == null ? null : phone.masked());
        m.put("address", f.address() == null || f.address().isBlank() ? null : f.address().strip());
        m.put("heldArea", f.heldArea());
        m.put("hukou", f.hukouYears());
        m.put("insurance", f.insuranceMonths());
        m.put("graduated", f.graduated());
        m.put("property", f.holdsProperty());
        m.put("permit", f.residencePermit());
        return m;
    }

    void insertMembers(long householdId, List<Households.Sealed> members) {
        for (int i = 0; i < members.size(); i++) {
            Households.Sealed m = members.get(i);
            jdbc.sql("""
                            insert into rental_member (household_id, seq, relation, name_enc, name_bidx, name_masked, id_enc,
                                id_bidx, id_masked, birth_date, income_enc, income_proven, able_to_work, employment)
                            values (:household, :seq, :relation, :nameEnc, :nameBidx, :nameMasked, :idEnc, :idBidx,
                                :idMasked, :birth, :income, :proven, :able, :employment)""")
                    .param("household", householdId).param("seq", i + 1).param("relation", m.relation())
                    .param("nameEnc", m.name().ciphertext()).param("nameBidx", m.name().blindIndex())
                    .param("nameMasked", m.name().masked()).param("idEnc", m.id().ciphertext())
                    .param("idBidx", m.id().blindIndex()).param("idMasked", m.id().masked()).param("birth", m.birthDate())
                    .param("income", m.income() == null ? null : m.income().ciphertext())
                    .param("proven", m.incomeProven()).param("able", m.ableToWork()).param("employment", m.employment())
                    .update();
        }
    }

    void deleteMembers(long householdId) {
        jdbc.sql("delete from rental_member where household_id = :id").param("id", householdId).update();
    }

    void replaceGroups(long householdId, List<HouseholdForm.GroupForm> groups) {
        jdbc.sql("delete from rental_household_group where household_id = :id").param("id", householdId).update();
        for (HouseholdForm.GroupForm g : groups) {
            jdbc.sql("insert into rental_household_group (household_id, name, since) values (:id, :name, :since)")
                    .param("id", householdId).param("name", g.name()).param("since", g.since()).update();
        }
    }

    Optional<Row> row(long id) {
        return jdbc.sql("select " + COLUMNS + " from rental_household where id = :id").param("id", id)
                .query(HouseholdRepository::row).optional();
    }

    List<Row> list(Region scope, boolean closed, int offset, int limit) {
        return jdbc.sql("select " + H_COLUMNS + """
                         from rental_household h
                         join region_ancestor ra on ra.region_id = h.region_id and ra.ancestor_id = :scope
                        where (closed_on is not null) = :closed
                        order by id desc offset :offset limit :limit""")
                .param("scope", scope.id()).param("closed", closed).param("offset", offset).param("limit", limit)
                .query(HouseholdRepository::row).list();
    }

    List<MemberRow> members(long householdId) {
        return jdbc.sql("""
                        select seq, relation, name_enc, name_masked, id_enc, id_bidx, id_masked, birth_date, income_enc,
                               income_proven, able_to_work, employment
                          from rental_member where household_id = :id order by seq""")
                .param("id", householdId)
                .query((rs, n) -> new MemberRow(rs.getInt(1), rs.getString(2), rs.getBytes(3), rs.getString(4),
                        rs.getBytes(5), rs.getBytes(6), rs.getString(7), rs.getObject(8, LocalDate.class), rs.getBytes(9),
                        rs.getBoolean(10), rs.getBoolean(11), rs.getString(12)))
                .list();
    }

    List<HouseholdForm.GroupForm> groups(long householdId) {
        return jdbc.sql("select name, since from rental_household_group where household_id = :id order by name")
                .param("id", householdId)
                .query((rs, n) -> new HouseholdForm.GroupForm(rs.getString(1), rs.getObject(2, LocalDate.class))).list();
    }

    /** The open household of the city holding a person (as applicant or member), other than {@code self}. */
    Optional<Long> openHouseholdOf(int cityId, byte[] idBidx, Long self) {
        return jdbc.sql("""
                        select h.id from rental_household h join rental_member m on m.household_id = h.id
                         where h.city_id = :city and h.closed_on is null and m.id_bidx = :bidx
                           and (cast(:self as bigint) is null or h.id <> :self)
                         limit 1""")
                .param("city", cityId).param("bidx", idBidx).param("self", self).query(Long.class).optional();
    }

    void close(long id, LocalDate on, String reason, String actor) {
        jdbc.sql("""
                        update rental_household set closed_on = :on, closed_reason = :reason, version = version + 1,
                            updated_at = now(), updated_by = :actor where id = :id""")
                .param("on", on).param("reason", reason).param("actor", actor).param("id", id).update();
    }

    /** The next 资格证 serial of the city and year (the row lock serializes issuers; no gaps on rollback). */
    int nextCertificateSerial(int cityId, int year) {
        return jdbc.sql("""
                        insert into rental_certificate_serial (city_id, year, last) values (:city, :year, 1)
                        on conflict (city_id, year) do update set last = rental_certificate_serial.last + 1
                        returning last""")
                .param("city", cityId).param("year", year).query(Integer.class).single();
    }

    boolean qualify(long id, Guarantee guarantee, String certificateNo, LocalDate on, String actor) {
        return jdbc.sql("""
                        update rental_household set guarantee = :guarantee, certificate_no = :certificate,
                            qualified_on = :on, version = version + 1, updated_at = now(), updated_by = :actor
                        where id = :id and qualified_on is null and closed_on is null""")
                .param("guarantee", guarantee.name()).param("certificate", certificateNo).param("on", on)
                .param("actor", actor).param("id", id).update() == 1;
    }

    long insertBan(int cityId, byte[] idBidx, String idMasked, long householdId, String reason, LocalDate since,
                   LocalDate until, String actor) {
        return jdbc.sql("""
                        insert into rental_ban (city_id, id_bidx, id_masked, household_id, reason, since, until, created_by)
                        values (:city, :bidx, :masked, :household, :reason, :since, :until, :actor) returning id""")
                .param("city", cityId).param("bidx", idBidx).param("masked", idMasked).param("household", householdId)
                .param("reason", reason).param("since", since).param("until", until).param("actor", actor)
                .query(Long.class).single();
    }

    Optional<Ban> ban(long id) {
        return jdbc.sql(BAN + " where b.id = :id").param("id", id).query(HouseholdRepository::ban).optional();
    }

    Optional<Ban> activeBan(int cityId, byte[] idBidx, LocalDate day) {
        return jdbc.sql(BAN + " where b.city_id = :city and b.id_bidx = :bidx and b.since <= :day and :day < b.until"
                        + " order by b.until desc limit 1")
                .param("city", cityId).param("bidx", idBidx).param("day", day).query(HouseholdRepository::ban).optional();
    }

    private static final String BAN = """
            select b.id, r.code, b.id_masked, b.household_id, b.reason, b.since, b.until
              from rental_ban b join region r on r.id = b.city_id""";

    private static Ban ban(ResultSet rs, int n) throws SQLException {
        return new Ban(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getObject(4, Long.class), rs.getString(5),
                rs.getObject(6, LocalDate.class), rs.getObject(7, LocalDate.class));
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getLong(1), rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getString(5), rs.getString(6),
                rs.getBytes(7), rs.getString(8), rs.getString(9), rs.getBigDecimal(10), rs.getObject(11, Integer.class),
                rs.getObject(12, Integer.class), rs.getObject(13, LocalDate.class), rs.getObject(14, Boolean.class),
                rs.getObject(15, Boolean.class), rs.getString(16), rs.getString(17), rs.getObject(18, LocalDate.class),
                rs.getObject(19, LocalDate.class), rs.getString(20), rs.getInt(21));
    }
}
