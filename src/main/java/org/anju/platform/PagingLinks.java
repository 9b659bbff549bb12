package org.anju.platform;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.util.UriComponentsBuilder;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Links of the paging fragment ({@code fragments/paging.html}): the current list's address with only {@code page}
 * (or {@code size}) changed, so every filter and the search stay as they are. Templates call
 * {@code ${@paging.href(3)}}.
 */
@Component("paging")
public class PagingLinks {

    /** A link of the pager: its label and address; {@code href} null for the current one or a gap. */
    public record Link(String label, String href, boolean current) {
    }

    /** What the pager shows for {@code page}: 上一页/下一页 (null at the ends), page numbers, sizes. */
    public record Pager(Page<?> page, String previous, String next, List<Link> numbers, List<Link> sizes) {
    }

    public Pager pager(Page<?> page) {
        List<Link> numbers = new ArrayList<>();
        for (int n : page.numbers()) {
            numbers.add(n == 0 ? new Link("…", null, false)
                    : new Link(String.valueOf(n), n == page.page() ? null : href(n), n == page.page()));
        }
        List<Link> sizes = new ArrayList<>();
        for (int s : PageRequest.SIZES) {
            sizes.add(new Link(String.valueOf(s), s == page.size() ? null : sizeHref(s), s == page.size()));
        }
        return new Pager(page, page.hasPrevious() ? href(page.page() - 1) : null,
                page.hasNext() ? href(page.page() + 1) : null, numbers, sizes);
    }

    /** This list, page {@code page}. */
    public String href(int page) {
        return link(Map.of("page", String.valueOf(page)));
    }

    /** This list with {@code size} rows a page, from page 1. */
    public String sizeHref(int size) {
        return link(Map.of("page", "1", "size", String.valueOf(size)));
    }

    /** The request's parameters other than page and size (the filters), for a form that keeps them. */
    public List<Map.Entry<String, String>> filters() {
        List<Map.Entry<String, String>> list = new ArrayList<>();
        request().getParameterMap().forEach((name, values) -> {
            if (!Set.of("page", "size", "_csrf").contains(name)) {
                for (String v : values) {
                    list.add(Map.entry(name, v));
                }
            }
        });
        return list;
    }

    private String link(Map<String, String> changed) {
        HttpServletRequest request = request();
        UriComponentsBuilder b = UriComponentsBuilder.fromPath(request.getRequestURI());
        request.getParameterMap().forEach((name, values) -> {
            if (!changed.containsKey(name) && !"_csrf".equals(name)) {
                b.queryParam(name, (Object[]) values);
            }
        });
        changed.forEach(b::queryParam);
        return b.encode().build().toUriString();
    }

    private static HttpServletRequest request() {
        return ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes()).getRequest();
    }
}
