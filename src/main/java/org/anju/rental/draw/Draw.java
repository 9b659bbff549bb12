package org.anju.rental.draw;

import org.anju.platform.BadInput;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * A lottery (摇号) anyone can re-run: the published candidate list and seed give the same order on any machine
 * (algorithm {@value #ALGORITHM}, specified in docs/LOTTERY.md with a reference program in a few lines of Python).
 *
 * <p>The candidates are sorted and hashed first, and the hash goes into the key: the list is published (and its hash
 * announced) before the seed is known, and a candidate added or removed afterwards changes every position. The seed
 * is a public value fixed only after the list, e.g. a later 福利彩票 draw; SHA-256 in counter mode stands in for a
 * random generator whose code nobody needs to trust (unlike a platform {@code Random}), with rejection sampling so
 * every order is equally likely and a Fisher–Yates shuffle.
 */
public final class Draw {

    public static final String ALGORITHM = "anju-draw-v1";
    /** 申请编号: letters, digits, - and _ only, so that sorting and hashing are the same in every language. */
    private static final Pattern NUMBER = Pattern.compile("[0-9A-Za-z_-]{1,40}");
    private static final int MAX_SEED = 200;
    public static final int MAX_CANDIDATES = 1_000_000;

    private Draw() {
    }

    /** The candidate list as published: application numbers in ascending order, and its SHA-256. */
    public record Candidates(List<String> numbers, String hash) {
        public Candidates {
            numbers = List.copyOf(numbers);
        }

        public int size() {
            return numbers.size();
        }
    }

    /** The drawn order (1 = first) and its SHA-256, with what produced it. */
    public record Result(String algorithm, String candidatesHash, String seed, List<String> order, String hash) {
        public Result {
            order = List.copyOf(order);
        }

        /** 1-based position of {@code number}, or 0 when it was not a candidate. */
        public int position(String number) {
            return order.indexOf(number) + 1;
        }

        /**
         * The order inside a group (低保, 残疾 …): the group's members as they come in the one global order, so a
         * household's rank in its priority group never needs a second draw.
         */
        public List<String> within(Collection<String> group) {
            java.util.Set<String> members = new java.util.HashSet<>(group);
            return order.stream().filter(members::contains).toList();
        }
    }

    /**
     * Sorts and hashes the candidates.
     *
     * @param source where the numbers come from, named in a refusal ("名单文件第 3 行")
     */
    public static Candidates candidates(List<String> numbers, java.util.function.IntFunction<String> source) {
        if (numbers.isEmpty()) {
            throw new BadInput("候选名单为空：至少要有一个申请编号");
        }
        if (numbers.size() > MAX_CANDIDATES) {
            throw new BadInput("候选名单有 " + numbers.size() + " 个编号，超过上限 " + MAX_CANDIDATES);
        }
        TreeSet<String> sorted = new TreeSet<>();
        for (int i = 0; i < numbers.size(); i++) {
            String n = numbers.get(i);
            if (n == null || !NUMBER.matcher(n).matches()) {
                throw new BadInput(source.apply(i) + "的申请编号“" + (n == null ? "" : n)
                        + "”不可用：只能由字母、数字、- 和 _ 组成，不超过 40 位");
            }
            if (!sorted.add(n)) {
                throw new BadInput(source.apply(i) + "的申请编号“" + n + "”重复：每户只能出现一次");
            }
        }
        List<String> list = new ArrayList<>(sorted);
        return new Candidates(list, sha256Hex(lines(list)));
    }

    /** Draws the order of {@code candidates} from {@code seed}. */
    public static Result run(Candidates candidates, String seed) {
        checkSeed(seed);
        byte[] key = sha256((ALGORITHM + "\n" + candidates.hash() + "\n" + seed).getBytes(StandardCharsets.UTF_8));
        String[] a = candidates.numbers().toArray(String[]::new);
        Stream stream = new Stream(key);
        for (int i = a.length - 1; i > 0; i--) {
            int j = (int) stream.below(i + 1);
            String t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
        List<String> order = List.of(a);
        return new Result(ALGORITHM, candidates.hash(), seed, order, sha256Hex(lines(order)));
    }

    static void checkSeed(String seed) {
        if (seed == null || seed.isBlank()) {
            throw new BadInput("缺少随机种子：请填写公证后公布的种子（例如开奖号码）");
        }
        if (seed.length() > MAX_SEED || seed.chars().anyMatch(c -> c == '\n' || c == '\r')
                || !seed.equals(seed.strip())) {
            throw new BadInput("随机种子须为一行文字、首尾不带空格、不超过 " + MAX_SEED + " 个字符：种子按原样参与计算，"
                    + "多一个空格结果就不同");
        }
    }

    /** SHA-256(key ‖ counter) blocks; each draw takes the first 8 bytes of a fresh block. */
    private static final class Stream {
        private final byte[] key;
        private long counter;
        private final MessageDigest digest = digest();

        Stream(byte[] key) {
            this.key = key;
        }

        long next() {
            digest.update(key);
            digest.update(ByteBuffer.allocate(8).putLong(counter++).array());
            return ByteBuffer.wrap(digest.digest()).getLong();
        }

        /** Uniform in [0, n): values from the incomplete last stretch of 2⁶⁴ are drawn again. */
        long below(long n) {
            long excess = Long.remainderUnsigned(Long.remainderUnsigned(-1L, n) + 1, n); // 2⁶⁴ mod n
            long limit = -excess; // 2⁶⁴ − excess, as unsigned; with no excess every value is fine
            while (true) {
                long v = next();
                if (excess == 0 || Long.compareUnsigned(v, limit) < 0) {
                    return Long.remainderUnsigned(v, n);
                }
            }
        }
    }

    static String lines(List<String> numbers) {
        StringBuilder b = new StringBuilder(numbers.size() * 16);
        for (String n : numbers) {
            b.append(n).append('\n');
        }
        return b.toString();
    }

    static String sha256Hex(String text) {
        return HexFormat.of().formatHex(sha256(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static byte[] sha256(byte[] bytes) {
        return digest().digest(bytes);
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
