package org.anju.bench;

import org.anju.platform.ChinaTime;
import org.anju.platform.PgCopy;
import org.anju.privacy.Amount;
import org.anju.privacy.Column;
import org.anju.privacy.IdNumber;
import org.anju.privacy.PersonName;
import org.anju.privacy.PersonalData;
import org.anju.privacy.PersonalField;
import org.anju.privacy.Phone;
import org.anju.privacy.SealedValue;
import org.anju.privacy.SyntheticIds;
import org.anju.region.Region;
import org.anju.region.RegionKind;
import org.anju.region.Regions;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A synthetic province's public-rental register for {@link RentalBench}: households with their members and groups,
 * every name, ID number, phone and income sealed by {@link PersonalData#seal} exactly as the household register seals
 * them (AES-GCM bound to the column, HMAC blind index, masked form), and estates, buildings and dwellings with their
 * entry event; households holding a dwelling have an allocation from a closed historic round of their county. Written
 * with COPY in chunks; sealing runs on all cores while the previous chunk is copied.
 */
final class SyntheticRental {

    // the household register's sealed columns (Households.SEALED), declared alike: the ciphertext is bound to them
    static final Column APPLICANT_NAME = new Column("rental_household", "applicant_name_enc", PersonalField.NAME);
    static final Column APPLICANT_ID = new Column("rental_household", "applicant_id_enc", PersonalField.ID_NUMBER);
    static final Column PHONE = new Column("rental_household", "phone_enc", PersonalField.PHONE);
    static final Column MEMBER_NAME = new Column("rental_member", "name_enc", PersonalField.NAME);
    static final Column MEMBER_ID = new Column("rental_member", "id_enc", PersonalField.ID_NUMBER);
    static final Column MEMBER_INCOME = new Column("rental_member", "income_enc", PersonalField.INCOME);

    /** Tables whose audit triggers are off while the register is loaded (they record operations, not a bulk load). */
    static final List<String> TABLES = List.of("rental_estate", "rental_building", "rental_dwelling", "rental_dwelling_event",
            "rental_household", "rental_member", "rental_household_group", "rental_round", "rental_round_candidate",
            "rental_allocation");

    /** Shares of the province's households by city (Jiangxi's population shares, rounded). */
    static final Map<String, Integer> CITY_WEIGHT = Map.ofEntries(Map.entry("360100", 14), Map.entry("360200", 4),
            Map.entry("360300", 4), Map.entry("360400", 10), Map.entry("360500", 3), Map.entry("360600", 3),
            Map.entry("360700", 20), Map.entry("360800", 10), Map.entry("360900", 11), Map.entry("361000", 8),
            Map.entry("361100", 14));

    static final String[] SURNAMES = ("王李张刘陈杨黄赵吴周徐孙马朱胡郭何林高罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蔡蒋余于杜叶程"
            + "魏苏吕丁任沈姚卢钟姜崔谭陆汪范廖石金韦贾夏付方邹熊白孟秦邱侯江尹薛闫段雷龙黎史陶贺毛郝顾龚邵万覃武钱戴严欧莫孔向汤").split("");
    static final String[] GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍建国红梅志文斌辉海燕波宁佳欣怡浩宇子涵俊晨"
            .split("");
    static final String[] RELATIONS = {"配偶", "子女", "子女", "父母"};
    static final String[] WORK = {null, "灵活就业", "环卫工人", "企业职工", "无业", null};

    record Result(int households, int members, int groups, int dwellings, int vacant, int allocations, int estates) {
    }

    private record County(Region county, Region city, List<Region> locals, int households, int dwellings,
                          double vacantShare) {
    }

    /** One household as planned (cheap, sequential); sealed and formatted later on a worker. */
    private record Plan(long id, County c, int localId, String guarantee, String certificate, LocalDate qualified,
                        LocalDate closed, List<String> groups, String[] names, String[] idNumbers, String phone,
                        int[] incomes, boolean allocated) {
    }

    private record Chunk(PgCopy.Rows households, PgCopy.Rows members, PgCopy.Rows groups, int memberCount,
                         int groupCount) {
    }

    private final JdbcClient jdbc;
    private final PgCopy copy;
    private final Regions regions;
    private final PersonalData personalData;
    private final LocalDate today = LocalDate.now(ChinaTime.ZONE);

    SyntheticRental(JdbcClient jdbc, PgCopy copy, Regions regions, PersonalData personalData) {
        this.jdbc = jdbc;
        this.copy = copy;
        this.regions = regions;
        this.personalData = personalData;
    }

    /**
     * Writes the register of {@code province}.
     *
     * @param bigCounty a county given a quarter of its city's households and 8,000 dwellings, half vacant (a new
     *                  district's estates just handed over): the one the draws run in
     */
    Result generate(String province, int households, int dwellings, String bigCounty, long seed) throws Exception {
        SplittableRandom random = new SplittableRandom(seed);
        Region p = regions.byCode(province).orElseThrow();
        List<Region> cities = regions.children(p).stream().filter(r -> r.kind() == RegionKind.PREFECTURE).toList();
        int weightSum = cities.stream().mapToInt(c -> CITY_WEIGHT.getOrDefault(c.code(), 5)).sum();
        List<County> counties = new ArrayList<>();
        int planned = 0;
        int plannedDwellings = 0;
        for (int ci = 0; ci < cities.size(); ci++) {
            Region city = cities.get(ci);
            List<Region> cs = regions.children(city).stream().filter(r -> r.kind() == RegionKind.COUNTY).toList();
            int cityHouseholds = ci == cities.size() - 1 ? households - planned
                    : households * CITY_WEIGHT.getOrDefault(city.code(), 5) / weightSum;
            int cityDwellings = ci == cities.size() - 1 ? dwellings - plannedDwellings
                    : dwellings * CITY_WEIGHT.getOrDefault(city.code(), 5) / weightSum;
            boolean hasBig = cs.stream().anyMatch(c -> c.code().equals(bigCounty));
            int big = hasBig ? cityHouseholds / 4 : 0;
            int bigDwellings = hasBig ? 8000 : 0;
            int rest = cs.size() - (hasBig ? 1 : 0);
            int h = 0;
            int d = 0;
            for (int k = 0; k < cs.size(); k++) {
                Region c = cs.get(k);
                int n;
                int m;
                if (c.code().equals(bigCounty)) {
                    n = big;
                    m = bigDwellings;
                } else {
                    n = (cityHouseholds - big) / rest;
                    m = (cityDwellings - bigDwellings) / rest;
                }
                counties.add(new County(c, city, regions.localUnits(c), n, m, c.code().equals(bigCounty) ? 0.5 : 0.06));
                h += n;
                d += m;
            }
            // rounding: what is left of the city's share goes to its first county
            if (h != cityHouseholds || d != cityDwellings) {
                County f = counties.get(counties.size() - cs.size());
                counties.set(counties.size() - cs.size(), new County(f.county(), f.city(), f.locals(),
                        f.households() + cityHouseholds - h, f.dwellings() + cityDwellings - d, f.vacantShare()));
            }
            planned += cityHouseholds;
            plannedDwellings += cityDwellings;
        }

        for (String t : TABLES) {
            jdbc.sql("alter table " + t + " disable trigger user").update();
        }
        try {
            return write(counties, random);
        } finally {
            for (String t : TABLES) {
                jdbc.sql("alter table " + t + " enable trigger user").update();
            }
        }
    }

    private Result write(List<County> counties, SplittableRandom random) throws Exception {
        // ---- stock: 600 dwellings an estate, 10 buildings of 60 ----------------------------------------------
        long dwellingId = 0;
        long estateId = 0;
        long buildingId = 0;
        int vacant = 0;
        Map<Integer, Deque<Long>> occupied = new HashMap<>();   // county → dwellings held by a household
        PgCopy.Rows estates = new PgCopy.Rows();
        PgCopy.Rows buildings = new PgCopy.Rows();
        PgCopy.Rows dws = new PgCopy.Rows();
        PgCopy.Rows events = new PgCopy.Rows();
        for (County c : counties) {
            Deque<Long> held = new ArrayDeque<>();
            occupied.put(c.county().id(), held);
            for (int i = 0; i < c.dwellings(); i++) {
                if (i % 600 == 0) {
                    estateId++;
                    String name = c.county().name() + "公租房" + (i / 600 + 1) + "期";
                    estates.add(estateId, c.county().id(), name, null, "PUBLIC_RENTAL", "政府投资建设", null, name, "bench");
                }
                if (i % 60 == 0) {
                    buildingId++;
                    buildings.add(buildingId, estateId, (i % 600 / 60 + 1) + "号楼", (i % 600 / 60 + 1) + "号楼");
                }
                dwellingId++;
                int n = i % 60;
                String entrance = String.valueOf(n / 30 + 1);
                int floor = n % 30 / 2 + 1;
                String room = floor * 100 + n % 2 + 1 + "";
                double x = random.nextDouble();
                String status = x < c.vacantShare() ? "VACANT" : x < c.vacantShare() + 0.02 ? "REPAIR"
                        : x < c.vacantShare() + 0.06 ? "ALLOCATED" : "OCCUPIED";
                if (status.equals("VACANT")) {
                    vacant++;
                } else if (!status.equals("REPAIR")) {
                    held.add(dwellingId);
                }
                LocalDate entered = LocalDate.of(2015, 1, 1).plusDays(random.nextInt(3000));
                int area = 40 + random.nextInt(25);
                dws.add(dwellingId, buildingId, entrance, room, entrance + "/" + room, null, floor, area, null,
                        area < 50 ? "一室一厅" : "两室一厅", area < 50 ? 1 : 2, "8.5", "PER_M2_MONTH", status, entered, entered,
                        "bench");
                events.add(dwellingId, 1, "ENTER", status, entered, "房源录入", "bench");
            }
        }
        copy.copy("rental_estate (id, region_id, name, address, programme, ownership, project_code, name_key, updated_by)",
                estates);
        copy.copy("rental_building (id, estate_id, name, name_key)", buildings);
        copy.copy("rental_dwelling (id, building_id, entrance, room_no, dwelling_key, address, floor, floor_area, "
                + "usable_area, layout, rooms, rent, rent_unit, status, status_on, entered_on, updated_by)", dws);
        copy.copy("rental_dwelling_event (dwelling_id, seq, step, status, effective_on, reason, by_user)", events);
        dws = null;
        events = null;

        // ---- one closed historic round per county: where the allocations in force came from -------------------
        PgCopy.Rows rounds = new PgCopy.Rows();
        Map<Integer, Long> roundOf = new HashMap<>();
        long roundId = 0;
        for (County c : counties) {
            roundId++;
            roundOf.put(c.county().id(), roundId);
            rounds.add(roundId, c.county().id(), c.city().id(), "历年配租（录入）", "录入", "ORDER", null, "ROUND", "CLOSED",
                    "0".repeat(64), "bench");
        }
        copy.copy("rental_round (id, county_id, city_id, name, rules, method, refusals_allowed, on_excess, status, "
                + "candidates_hash, created_by)", rounds);

        // ---- households, planned in order, sealed on workers, copied in chunks ----------------------------------
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        Deque<Future<Chunk>> inFlight = new ArrayDeque<>();
        Map<String, Integer> serials = new HashMap<>();   // city + year → last serial
        Map<Integer, Integer> personCounter = new HashMap<>();
        Map<Integer, Integer> childCounter = new HashMap<>();
        PgCopy.Rows allocations = new PgCopy.Rows();
        PgCopy.Rows candidates = new PgCopy.Rows();
        Map<Long, Integer> listPosition = new HashMap<>();
        long id = 0;
        int members = 0;
        int groups = 0;
        int allocated = 0;
        List<Plan> plans = new ArrayList<>();
        try {
            for (County c : counties) {
                Deque<Long> held = occupied.get(c.county().id());
                // a share of the county's open 实物配租 households holds the occupied dwellings (the others' tenants came
                // before the register); allocations go to the earlier qualified households more often
                double share = Math.min(0.9, held.size() / Math.max(1.0, c.households() * 0.75 * 0.97) * 0.6);
                for (int i = 0; i < c.households(); i++) {
                    id++;
                    double g = random.nextDouble();
                    String guarantee = g < 0.75 ? "PUBLIC_RENTAL" : g < 0.93 ? "SUBSIDY" : null;
                    LocalDate qualified = guarantee == null ? null
                            : LocalDate.of(2015, 1, 1).plusDays(random.nextInt((int) (today.toEpochDay()
                            - LocalDate.of(2015, 1, 1).toEpochDay())));
                    String certificate = null;
                    if (qualified != null) {
                        String key = c.city().code() + qualified.getYear();
                        int serial = serials.merge(key, 1, Integer::sum);
                        certificate = key + String.format("%06d", serial);
                    }
                    LocalDate closed = qualified != null && random.nextInt(100) < 3
                            ? qualified.plusDays(1 + random.nextInt((int) Math.max(1, today.toEpochDay() - qualified.toEpochDay())))
                            : null;
                    if (closed != null && closed.isAfter(today)) {
                        closed = today;
                    }
                    List<String> gs = new ArrayList<>(2);
                    if (random.nextInt(1000) < 90) gs.add("低保");
                    if (random.nextInt(1000) < 12) gs.add("特困");
                    if (random.nextInt(1000) < 50) gs.add("残疾");
                    if (random.nextInt(1000) < 15) gs.add("优抚");
                    if (random.nextInt(1000) < 40) gs.add("新就业大学生");
                    if (random.nextInt(1000) < 10) gs.add("环卫工人");
                    int size = switch (random.nextInt(20)) {
                        case 0, 1, 2, 3, 4, 5 -> 1;
                        case 6, 7, 8, 9, 10, 11 -> 2;
                        case 12, 13, 14, 15, 16 -> 3;
                        default -> 4;
                    };
                    String[] names = new String[size];
                    String[] ids = new String[size];
                    int[] incomes = new int[size];
                    String surname = SURNAMES[random.nextInt(SURNAMES.length)];
                    for (int m = 0; m < size; m++) {
                        names[m] = (m == 1 ? SURNAMES[random.nextInt(SURNAMES.length)] : surname)
                                + GIVEN[random.nextInt(GIVEN.length)] + (random.nextBoolean() ? GIVEN[random.nextInt(GIVEN.length)] : "");
                        boolean child = m >= 2 && m < 3 || m == 3 && size == 4 && random.nextBoolean();
                        // unique per county: (birth date, sequence) from a per-county counter, the day spread by a
                        // multiplier prime to the range (adults 1945–1999, children 2003–2019)
                        int n = (child ? childCounter : personCounter).merge(c.county().id(), 1, Integer::sum) - 1;
                        LocalDate birth = child ? LocalDate.of(2003, 1, 1).plusDays((n / 1000L * 1201) % 6000)
                                : LocalDate.of(1945, 1, 1).plusDays((n / 1000L * 7919) % 20000);
                        ids[m] = SyntheticIds.number(c.county().code(), birth.toString().replace("-", ""), n % 1000);
                        incomes[m] = child ? -1 : random.nextInt(4) == 0 ? 0 : 6000 + random.nextInt(40000);
                    }
                    String phone = random.nextInt(10) == 0 ? null
                            : "1" + (3 + random.nextInt(7)) + String.format("%09d", random.nextInt(1_000_000_000));
                    boolean alloc = "PUBLIC_RENTAL".equals(guarantee) && closed == null && !held.isEmpty()
                            && random.nextDouble() < share;
                    if (alloc) {
                        long dw = held.poll();
                        long r = roundOf.get(c.county().id());
                        LocalDate on = qualified.plusDays(30 + random.nextInt(400));
                        if (on.isAfter(today)) {
                            on = today;
                        }
                        int pos = listPosition.merge(r, 1, Integer::sum);
                        candidates.add(r, id, certificate, pos, pos, "CHOSE", 0);
                        allocations.add(id, dw, r, c.county().id(), on, "bench");
                        allocated++;
                    }
                    int local = c.locals().isEmpty() ? c.county().id() : c.locals().get(random.nextInt(c.locals().size())).id();
                    plans.add(new Plan(id, c, local, guarantee, certificate, qualified, closed, gs, names, ids, phone, incomes,
                            alloc));
                    if (plans.size() == 5000) {
                        List<Plan> batch = plans;
                        inFlight.add(pool.submit(() -> seal(batch)));
                        plans = new ArrayList<>();
                        while (inFlight.size() > threads + 1) {
                            Chunk done = inFlight.poll().get();
                            members += done.memberCount();
                            groups += done.groupCount();
                            write(done);
                        }
                    }
                }
            }
            if (!plans.isEmpty()) {
                List<Plan> batch = plans;
                inFlight.add(pool.submit(() -> seal(batch)));
            }
            while (!inFlight.isEmpty()) {
                Chunk done = inFlight.poll().get();
                members += done.memberCount();
                groups += done.groupCount();
                write(done);
            }
        } finally {
            pool.shutdownNow();
        }
        copy.copy("rental_round_candidate (round_id, household_id, number, list_position, position, state, refusals)",
                candidates);
        copy.copy("rental_allocation (household_id, dwelling_id, round_id, county_id, allocated_on, created_by)", allocations);
        PgCopy.Rows serialRows = new PgCopy.Rows();
        for (Map.Entry<String, Integer> e : serials.entrySet()) {
            serialRows.add(regions.byCode(e.getKey().substring(0, 6)).orElseThrow().id(),
                    Integer.parseInt(e.getKey().substring(6)), e.getValue());
        }
        copy.copy("rental_certificate_serial (city_id, year, last)", serialRows);
        for (String seq : List.of("rental_household_id_seq:" + id, "rental_dwelling_id_seq:" + dwellingId,
                "rental_estate_id_seq:" + estateId, "rental_building_id_seq:" + buildingId, "rental_round_id_seq:" + roundId)) {
            String[] s = seq.split(":");
            jdbc.sql("select setval('" + s[0] + "', " + s[1] + ")").query(Long.class).single();
        }
        return new Result((int) id, members, groups, (int) dwellingId, vacant, allocated, (int) estateId);
    }

    private void write(Chunk c) {
        copy.copy("rental_household (id, city_id, county_id, region_id, applicant_name_enc, applicant_name_bidx, "
                + "applicant_name_masked, applicant_id_enc, applicant_id_bidx, applicant_id_masked, phone_enc, phone_bidx, "
                + "phone_masked, address, held_area, hukou_years, insurance_months, holds_property, guarantee, certificate_no, "
                + "qualified_on, closed_on, closed_reason, created_by, updated_by)", c.households());
        copy.copy("rental_member (household_id, seq, relation, name_enc, name_bidx, name_masked, id_enc, id_bidx, id_masked, "
                + "birth_date, income_enc, income_proven, able_to_work, employment)", c.members());
        copy.copy("rental_household_group (household_id, name, since)", c.groups());
    }

    private static final HexFormat HEX = HexFormat.of();

    private static String hex(byte[] b) {
        return b == null ? null : "\\x" + HEX.formatHex(b);
    }

    private Chunk seal(List<Plan> plans) {
        PgCopy.Rows hs = new PgCopy.Rows();
        PgCopy.Rows ms = new PgCopy.Rows();
        PgCopy.Rows gs = new PgCopy.Rows();
        int memberCount = 0;
        int groupCount = 0;
        for (Plan p : plans) {
            PersonName name = PersonName.parse(p.names()[0]);
            IdNumber id = IdNumber.parse(p.idNumbers()[0]);
            SealedValue n = personalData.seal(APPLICANT_NAME, name);
            SealedValue i = personalData.seal(APPLICANT_ID, id);
            SealedValue ph = p.phone() == null ? null : personalData.seal(PHONE, new Phone.Mobile(p.phone()));
            hs.add(p.id(), p.c().city().id(), p.c().county().id(), p.localId(), hex(n.ciphertext()), hex(n.blindIndex()),
                    n.masked(), hex(i.ciphertext()), hex(i.blindIndex()), i.masked(), ph == null ? null : hex(ph.ciphertext()),
                    ph == null ? null : hex(ph.blindIndex()), ph == null ? null : ph.masked(),
                    p.c().county().name() + "某小区" + (p.id() % 97 + 1) + "栋", p.id() % 5 == 0 ? "12.5" : "0",
                    (int) (p.id() % 30), (int) (p.id() % 120), false, p.guarantee(), p.certificate(), p.qualified(),
                    p.closed(), p.closed() == null ? null : "自愿退出", "bench", "bench");
            for (int m = 0; m < p.names().length; m++) {
                // the applicant is member 1 too: sealed again for its own columns (the ciphertext is bound to them)
                SealedValue mn = personalData.seal(MEMBER_NAME, m == 0 ? name : PersonName.parse(p.names()[m]));
                IdNumber mid = m == 0 ? id : IdNumber.parse(p.idNumbers()[m]);
                SealedValue mi = personalData.seal(MEMBER_ID, mid);
                SealedValue inc = p.incomes()[m] < 0 ? null
                        : personalData.seal(MEMBER_INCOME, Amount.parse(String.valueOf(p.incomes()[m])));
                ms.add(p.id(), m + 1, m == 0 ? "本人" : RELATIONS[(m - 1) % RELATIONS.length], hex(mn.ciphertext()),
                        hex(mn.blindIndex()), mn.masked(), hex(mi.ciphertext()), hex(mi.blindIndex()), mi.masked(),
                        mid.birthDate(), inc == null ? null : hex(inc.ciphertext()), inc != null && m % 2 == 0,
                        p.incomes()[m] != 0, p.incomes()[m] < 0 ? null : WORK[(int) ((p.id() + m) % WORK.length)]);
                memberCount++;
            }
            for (String g : p.groups()) {
                gs.add(p.id(), g, p.qualified() == null ? null : p.qualified().minusDays(30 + p.id() % 300));
                groupCount++;
            }
        }
        return new Chunk(hs, ms, gs, memberCount, groupCount);
    }
}
