package org.anju.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * One page of a long list, as pages show it and the REST lists return it (the page envelope):
 * {@code {"items": […], "page": 2, "size": 50, "total": 3315, "pages": 67}}.
 *
 * @param items the rows of this page, in the list's order
 * @param page  this page, from 1
 * @param size  rows per page
 * @param total rows of the whole (filtered) list
 * @param pages number of pages (at least 1, so that an empty list is "第 1 页，共 1 页")
 */
public record Page<T>(List<T> items, int page, int size, long total, int pages) {

    public Page {
        items = List.copyOf(items);
    }

    /**
     * A page of {@code total} rows. A page number beyond the last page is refused ({@link BadInput}, 400) — unless the
     * list is empty, where page 1 is the only page.
     */
    public static <T> Page<T> of(PageRequest request, long total, List<T> items) {
        int pages = pages(total, request.size());
        checkInRange(request, total);
        return new Page<>(items, request.page(), request.size(), total, pages);
    }

    /** Refuses a page beyond the last one, before its rows are read. */
    public static void checkInRange(PageRequest request, long total) {
        int pages = pages(total, request.size());
        if (request.page() > pages) {
            throw new BadInput("参数 page（页码）超出范围：共 " + total + " 条、" + pages + " 页，没有第 " + request.page()
                    + " 页。请改为 1 到 " + pages + " 之间的页码，或放宽筛选条件。");
        }
    }

    private static int pages(long total, int size) {
        return (int) Math.max(1, (total + size - 1) / size);
    }

    /** The same page with its items mapped (ids resolved to names, …). */
    public <R> Page<R> map(Function<? super T, ? extends R> f) {
        return new Page<>(items.stream().<R>map(f).toList(), page, size, total, pages);
    }

    public boolean hasPrevious() {
        return page > 1;
    }

    public boolean hasNext() {
        return page < pages;
    }

    /** Number of the first row shown (1-based), 0 when empty. */
    public long from() {
        return items.isEmpty() ? 0 : (long) (page - 1) * size + 1;
    }

    /** Number of the last row shown. */
    public long to() {
        return items.isEmpty() ? 0 : (long) (page - 1) * size + items.size();
    }

    /**
     * The page numbers to offer: the first, the last, and two either side of this one; 0 stands for a gap ("…").
     * 1 … 4 5 [6] 7 8 … 67.
     */
    public List<Integer> numbers() {
        List<Integer> list = new ArrayList<>();
        int last = 0;
        for (int p = 1; p <= pages; p++) {
            if (p == 1 || p == pages || Math.abs(p - page) <= 2) {
                if (last != 0 && p > last + 1) {
                    list.add(0);
                }
                list.add(p);
                last = p;
            }
        }
        return list;
    }
}
