package org.anju.platform;

import java.util.List;

/**
 * Which page of a long list a request asks for: {@code page} counted from 1, {@code size} one of {@link #SIZES}.
 * Parsed from the request parameters {@code page} and {@code size} by {@link #parse}; a malformed or out-of-range value
 * is a {@link BadInput} naming the parameter and what it may be (400), never a 500. The lists read it as
 * {@code limit :limit offset :offset} after a deterministic {@code order by} (see {@link Page}).
 */
public record PageRequest(int page, int size) {

    /** The sizes a user may choose (每页条数). */
    public static final List<Integer> SIZES = List.of(20, 50, 100, 200);

    /** The size of a page when the request names none. */
    public static final int DEFAULT_SIZE = 20;

    /** Pages beyond this are refused: offset scans that far are not what a person pages to (use the filters). */
    public static final int MAX_PAGE = 100_000;

    public PageRequest {
        if (page < 1 || page > MAX_PAGE) {
            throw new BadInput("参数 page（页码）应为 1 到 " + MAX_PAGE + " 之间的整数，收到 " + page + "。");
        }
        if (!SIZES.contains(size)) {
            throw new BadInput("参数 size（每页条数）只能是 " + sizesText() + "，收到 " + size + "。");
        }
    }

    /** The first page of the default size. */
    public static PageRequest first() {
        return new PageRequest(1, DEFAULT_SIZE);
    }

    /**
     * From the request's text: blank means page 1 and {@link #DEFAULT_SIZE}; anything else must be a whole number in
     * range, else a {@link BadInput} such as "参数 page（页码）应为从 1 开始的整数，收到“abc”。".
     */
    public static PageRequest parse(String page, String size) {
        int p = page == null || page.isBlank() ? 1 : number(page, "参数 page（页码）应为从 1 开始的整数（1 到 " + MAX_PAGE + "）");
        int s = size == null || size.isBlank() ? DEFAULT_SIZE : number(size, "参数 size（每页条数）只能是 " + sizesText());
        return new PageRequest(p, s);
    }

    private static int number(String text, String rule) {
        String t = text.strip();
        if (!t.matches("[0-9]{1,9}")) {
            throw new BadInput(rule + "，收到“" + (t.length() > 20 ? t.substring(0, 20) + "…" : t) + "”。");
        }
        return Integer.parseInt(t);
    }

    /**
     * An {@code offset}/{@code limit} pair of the lists that take them (the rental API): out of range is refused naming
     * the parameter, never clamped — a client asking for 100,000 rows got 500 as if they were all, and offset -5 the
     * first page (operator trial of the twentieth session, F19).
     */
    public static void checkWindow(int offset, int limit, int maxLimit) {
        if (offset < 0) {
            throw new BadInput("参数 offset（跳过的条数）应为 0 或正整数，收到 " + offset + "。");
        }
        if (limit < 1 || limit > maxLimit) {
            throw new BadInput("参数 limit（条数）应为 1 到 " + maxLimit + " 之间的整数，收到 " + limit + "。");
        }
    }

    /** Rows to skip: {@code offset :offset}. */
    public long offset() {
        return (long) (page - 1) * size;
    }

    /** Rows to read: {@code limit :limit}. */
    public int limit() {
        return size;
    }

    /** 20、50、100 或 200. */
    public static String sizesText() {
        List<String> s = SIZES.stream().map(String::valueOf).toList();
        return String.join("、", s.subList(0, s.size() - 1)) + " 或 " + s.getLast();
    }
}
