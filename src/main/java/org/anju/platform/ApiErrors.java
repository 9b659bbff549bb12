package org.anju.platform;

import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import tools.jackson.core.JacksonException;

import java.util.NoSuchElementException;
import java.util.stream.Collectors;

/**
 * Errors of the whole REST API as RFC 9457 problem details: a Chinese {@code title} saying what kind of
 * error, a Chinese {@code detail} saying what exactly, and a stable {@code code}. Features throw a
 * {@link Refusal}; whatever else escapes is a bug (500 with an error id).
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(0)
class ApiErrors {

    private final ServiceBusy busy;

    ApiErrors(ServiceBusy busy) {
        this.busy = busy;
    }

    /**
     * A refusal as its kind says ({@link Refusal.Kind}: status, title), with its stable {@code code}; anything else
     * a feature throws is a bug — 500, logged with an id the answer shows, never the exception's own text.
     */
    @ExceptionHandler(RuntimeException.class)
    ProblemDetail refusedOrFailed(RuntimeException e, jakarta.servlet.http.HttpServletRequest request,
                                  jakarta.servlet.http.HttpServletResponse response) {
        if (e instanceof org.springframework.web.ErrorResponse spring) {
            // Spring's own status-carrying exceptions keep their handling, with the code of their status
            spring.getBody().setProperty("code", ProblemCode.of(spring.getStatusCode().value()));
            throw e;
        }
        if (ServiceBusy.is(e)) {
            return busy.problem(request, response, e);   // 503 + Retry-After, not a bug
        }
        Refusal r = Refusal.of(e);
        return r != null ? problem(r) : failure(e);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail denied(AccessDeniedException e) {
        return e instanceof Refusal r ? problem(r) : problem(HttpStatus.FORBIDDEN, "无权操作", e.getMessage());
    }

    /** Whether the request is one of the API's, answered with problem details rather than pages. */
    static boolean isApi(jakarta.servlet.http.HttpServletRequest request) {
        String uri = request.getRequestURI();
        return uri != null && uri.startsWith(request.getContextPath() + "/api/");
    }

    /**
     * Whether the request is the actuator's (the operations endpoints): answered as the API's are, with problem details
     * (monitoring tools read JSON, not pages).
     */
    static boolean isOperations(jakarta.servlet.http.HttpServletRequest request) {
        String uri = request.getRequestURI();
        String actuator = request.getContextPath() + "/actuator";
        return uri != null && (uri.equals(actuator) || uri.startsWith(actuator + "/"));
    }

    /** Writes a problem detail where no handler's return value can (filters, advice outside the REST controllers). */
    static void write(jakarta.servlet.http.HttpServletResponse response, ProblemDetail p, tools.jackson.databind.json.JsonMapper json)
            throws java.io.IOException {
        response.setStatus(p.getStatus());
        response.setContentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(java.nio.charset.StandardCharsets.UTF_8.name());
        response.getOutputStream().write(json.writeValueAsBytes(p));
    }

    static ProblemDetail problem(Refusal r) {
        ProblemDetail p = problem(HttpStatus.valueOf(r.kind().status()), r.kind().title(), r.getMessage());
        p.setProperty("code", r.code());
        return p;
    }

    /** A bug: the user gets an id to quote, the log the whole exception under it. */
    static ProblemDetail failure(Throwable e) {
        String id = Failures.record(e);
        ProblemDetail p = problem(HttpStatus.INTERNAL_SERVER_ERROR, "内部错误", Failures.message(id));
        p.setProperty("code", "INTERNAL");
        p.setProperty("errorId", id);
        return p;
    }

    /** A write the database refused: a duplicate 409 {@code CONFLICT}, anything else 400 ({@link DatabaseRefusals}). */
    @ExceptionHandler(DataIntegrityViolationException.class)
    ProblemDetail integrity(DataIntegrityViolationException e) {
        return problem(DatabaseRefusals.refusal(e));
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ProblemDetail invalid(MethodArgumentNotValidException e) {
        String fields = e.getBindingResult().getFieldErrors().stream()
                .map(f -> f.getField() + "：" + f.getDefaultMessage())
                .collect(Collectors.joining("；"));
        return problem(HttpStatus.BAD_REQUEST, "请求有误", "请求参数有误：" + fields);
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ProblemDetail missing(MissingServletRequestParameterException e) {
        return problem(HttpStatus.BAD_REQUEST, "请求有误", "缺少参数 " + e.getParameterName());
    }

    @ExceptionHandler(MissingServletRequestPartException.class)
    ProblemDetail missingPart(MissingServletRequestPartException e) {
        return problem(HttpStatus.BAD_REQUEST, "请求有误", "缺少上传文件 " + e.getRequestPartName());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail mismatch(MethodArgumentTypeMismatchException e) {
        return problem(HttpStatus.BAD_REQUEST, "请求有误", mismatchMessage(e));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException e) {
        return problem(HttpStatus.BAD_REQUEST, "请求有误", unreadableMessage(e));
    }

    /**
     * What is wrong with a body Jackson could not read, named by its field: a value of the wrong kind says what the field
     * takes — an unknown role (roles: ["FOO"]) was "请求内容不是有效的 JSON", a text for a figure "…，或字段 value 的取值不对"
     * (operator trial of the twentieth session).
     */
    static String unreadableMessage(HttpMessageNotReadableException e) {
        JacksonException j = null;
        for (Throwable t = e; t != null && j == null; t = t.getCause()) {
            if (t instanceof JacksonException found) {
                j = found;
            }
        }
        String field = null;
        if (j != null) {
            for (JacksonException.Reference r : j.getPath()) {
                if (r.getPropertyName() != null) {
                    field = r.getPropertyName();
                }
            }
        }
        if (field == null) {
            return "请求内容不是有效的 JSON";
        }
        Class<?> type = j instanceof tools.jackson.databind.exc.MismatchedInputException m ? m.getTargetType()
                : j instanceof tools.jackson.core.exc.InputCoercionException c ? c.getTargetType() : null;
        String value = j instanceof tools.jackson.databind.exc.InvalidFormatException f ? "「" + shortened(f.getValue()) + "」" : "";
        if (j instanceof tools.jackson.databind.exc.UnrecognizedPropertyException) {
            return "不认识的字段 " + field + "：请检查字段名（接口说明见 /swagger-ui.html）";
        }
        String expected = expected(type, j instanceof tools.jackson.databind.exc.InvalidFormatException f ? f.getValue() : null);
        if (expected.isEmpty() && j instanceof tools.jackson.core.exc.StreamReadException) {
            return "请求内容不是有效的 JSON（在字段 " + field + " 处）";
        }
        return "字段 " + field + " 的值" + value + "不对" + expected;
    }

    /**
     * What a value of {@code type} must be, as said after "不对" ("：应为整数"; for a date what is wrong with the value
     * itself: "：2023年2月没有30日（该月共 28 天）"), or nothing for a type without a simple rule: one wording for JSON
     * fields, path and query parameters (the API said "参数 id 的值不对：abc" and left out what an id is; operator trial
     * of the twentieth session, F21) and the command line's options ({@link Expected}).
     */
    static String expected(Class<?> type, Object value) {
        String expected = Expected.of(type, value);
        return expected.isEmpty() ? "" : "：" + expected;
    }

    /** A path or query parameter that could not be read into its type, with the value sent and what it must be. */
    static String mismatchMessage(MethodArgumentTypeMismatchException e) {
        Class<?> type = e.getRequiredType();
        boolean whole = type == Integer.class || type == int.class || type == Long.class || type == long.class;
        String said = "参数 " + e.getName() + " 的值「" + shortened(e.getValue()) + "」";
        if (whole && e.getValue() != null && String.valueOf(e.getValue()).strip().matches("[-+]?\\d+")) {
            // a whole number too large for its type is one: not told to be a whole number (review, L4)
            boolean small = type == Integer.class || type == int.class;
            return said + "超出范围：应为 " + (small ? Integer.MIN_VALUE : Long.MIN_VALUE) + " 到 "
                    + (small ? Integer.MAX_VALUE : Long.MAX_VALUE) + " 之间的整数";
        }
        return said + "不对" + expected(type, e.getValue());
    }

    private static String shortened(Object value) {
        String text = String.valueOf(value);
        return text.length() > 30 ? text.substring(0, 30) + "…" : text;
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ProblemDetail mediaType(HttpMediaTypeNotSupportedException e) {
        return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "请求有误", "不支持的内容类型：" + e.getContentType());
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ProblemDetail tooLarge(MaxUploadSizeExceededException e) {
        return problem(HttpStatus.CONTENT_TOO_LARGE, "文件过大", "上传文件超过大小限制（" + e.getMaxUploadSize() + " 字节）");
    }

    /** A body that says multipart but is none (no boundary, cut off): the sender's, not a bug. */
    @ExceptionHandler(org.springframework.web.multipart.MultipartException.class)
    ProblemDetail notMultipart(org.springframework.web.multipart.MultipartException e) {
        return problem(HttpStatus.BAD_REQUEST, "请求有误", PageErrors.NOT_MULTIPART);
    }

    /** A problem detail with the code of its status ({@link ProblemCode}); a refusal's or a bug's own code replaces it. */
    static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
        p.setTitle(title);
        p.setProperty("code", ProblemCode.of(status.value()));
        return p;
    }
}
