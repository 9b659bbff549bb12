package org.anju.platform;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.ModelAndView;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * Errors outside the JSON API. An upload over the limit fails before any handler is chosen, so
 * {@link ApiErrors} (bound to REST controllers) never sees it: answered here, as a problem detail under
 * {@code /api/**} and as a Chinese message (a fragment for htmx) elsewhere. Lower precedence than
 * {@link ApiErrors}, so REST controllers keep their JSON errors.
 */
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class PageErrors {

    private final DataSize maxFileSize;
    private final JsonMapper json;
    private final ServiceBusy busy;

    PageErrors(@Value("${spring.servlet.multipart.max-file-size:20MB}") DataSize maxFileSize, JsonMapper json,
               ServiceBusy busy) {
        this.maxFileSize = maxFileSize;
        this.json = json;
        this.busy = busy;
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ModelAndView tooLarge(HttpServletRequest request, HttpServletResponse response) throws IOException {
        return refuse(request, response, HttpStatus.CONTENT_TOO_LARGE, "文件过大", UploadLimits.message(maxFileSize));
    }

    static final String NOT_MULTIPART = "上传内容不是有效的 multipart/form-data（缺少分隔符 boundary，或内容不完整）："
            + "请用浏览器的上传表单，或 curl -F file=@文件名 上传";

    /**
     * A body that says multipart but is none — no boundary, cut off — found when it is parsed, before a handler is
     * chosen; it was a 500 (a bug's answer). Larger than allowed is {@link #tooLarge}, the more specific.
     */
    @ExceptionHandler(org.springframework.web.multipart.MultipartException.class)
    ModelAndView notMultipart(HttpServletRequest request, HttpServletResponse response) throws IOException {
        return refuse(request, response, HttpStatus.BAD_REQUEST, "请求有误", NOT_MULTIPART);
    }

    /** A request no handler takes as sent (POST /api/imports without its file): also before a handler is chosen. */
    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ModelAndView mediaType(HttpMediaTypeNotSupportedException e, HttpServletRequest request,
                           HttpServletResponse response) throws IOException {
        return refuse(request, response, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "请求有误", "不支持的内容类型："
                + e.getContentType() + "（上传文件请用 multipart/form-data，文件放在字段 file 中）");
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ModelAndView method(HttpRequestMethodNotSupportedException e, HttpServletRequest request,
                        HttpServletResponse response) throws IOException {
        return refuse(request, response, HttpStatus.METHOD_NOT_ALLOWED, "请求有误", "该地址不接受 " + e.getMethod()
                + " 请求" + (e.getSupportedMethods() == null ? "" : "（可用：" + String.join("、", e.getSupportedMethods()) + "）"));
    }

    /** An address nothing answers: by default Spring's English JSON for API clients. */
    @ExceptionHandler(org.springframework.web.servlet.resource.NoResourceFoundException.class)
    ModelAndView notFound(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String address = request.getMethod() + " " + request.getRequestURI();
        return refuse(request, response, HttpStatus.NOT_FOUND, "未找到", ApiErrors.isOperations(request)
                ? "没有这个运维接口：" + address + "（" + OPERATIONS + "）"
                : ApiErrors.isApi(request)
                ? "没有这个接口：" + address + "（接口列表见 /swagger-ui.html；请检查地址和其中的代码、月份是否填写）"
                : "页面不存在，请检查地址或从菜单进入");
    }

    /** The operations endpoints there are (README, 运维接口). */
    static final String OPERATIONS = "运维接口只有 /actuator/health（含 /liveness、/readiness）、/actuator/metrics 和 "
            + "/actuator/prometheus";

    /**
     * An answer in none of the types the request accepts ({@code Accept: application/xml} on the API, {@code text/csv}
     * on the metrics' scrape): Spring's 406 had an empty body and no code, where every error of the API has one
     * (operator trial of the twentieth session, F12–F13). Said as a problem detail whatever the Accept header: a 406
     * may carry any representation (RFC 9110 §15.5.7), and an empty one helps nobody.
     */
    @ExceptionHandler(org.springframework.web.HttpMediaTypeNotAcceptableException.class)
    ModelAndView notAcceptable(org.springframework.web.HttpMediaTypeNotAcceptableException e, HttpServletRequest request,
                               HttpServletResponse response) throws IOException {
        String offered = ApiErrors.isApi(request) ? "application/json"
                : e.getSupportedMediaTypes().stream().map(t -> t.getType() + "/" + t.getSubtype()).distinct().limit(5)
                .collect(java.util.stream.Collectors.joining("、"));
        String accept = request.getHeader("Accept");
        if (offered.isEmpty()) {
            offered = "application/json";
        }
        return refuse(request, response, HttpStatus.NOT_ACCEPTABLE, "请求有误", "该地址只能给出 " + offered
                + " 格式的内容，而请求头 Accept 为「" + (accept == null ? "" : accept) + "」：请去掉 Accept 请求头，或改为"
                + (offered.contains("、") ? "其中之一" : " " + offered));
    }

    /**
     * The operations endpoints' own refusals (a metric's {@code tag} not written {@code 名称:值}): Spring's English JSON
     * from the error page before (F11). Elsewhere Spring's status-carrying exceptions keep their handling.
     */
    @ExceptionHandler(org.springframework.web.server.ResponseStatusException.class)
    ModelAndView operations(org.springframework.web.server.ResponseStatusException e, HttpServletRequest request,
                            HttpServletResponse response) throws IOException {
        HttpStatus status = HttpStatus.resolve(e.getStatusCode().value());
        if (!ApiErrors.isOperations(request) || status == null || !status.is4xxClientError()) {
            throw e;
        }
        String reason = e.getReason() == null ? "" : e.getReason();
        String message = reason.contains("tag parameter")
                ? "参数 tag 应写成 名称:值，如 tag=area:heap（一个指标可用的标签见 /actuator/metrics/指标名 中的 availableTags）"
                : "运维接口不接受这个请求（" + request.getMethod() + " " + request.getRequestURI() + "）：" + OPERATIONS;
        return refuse(request, response, status, "请求有误", message);
    }

    /** A problem detail under {@code /api/**} and {@code /actuator}, a Chinese page (or htmx fragment) elsewhere. */
    private ModelAndView refuse(HttpServletRequest request, HttpServletResponse response, HttpStatus status,
                                String title, String message) throws IOException {
        if (ApiErrors.isApi(request) || ApiErrors.isOperations(request)) {
            ApiErrors.write(response, ApiErrors.problem(status, title, message), json);
            return null;
        }
        return page(request, status, title, message);
    }

    /**
     * A refusal from a page's handler (a parameter it could not use, an action the stored data forbids): its kind's
     * status and title with the feature's own Chinese message, as the API gives it. Anything else is a bug: 500 with
     * an error id, logged. Security's own exceptions and Spring's status-carrying ones keep their handling.
     */
    @ExceptionHandler(RuntimeException.class)
    ModelAndView refusedOrFailed(RuntimeException e, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        if (e instanceof org.springframework.security.access.AccessDeniedException
                || e instanceof org.springframework.security.core.AuthenticationException
                || e instanceof org.springframework.web.ErrorResponse) {
            throw e;
        }
        if (ServiceBusy.is(e)) {
            busy.answer(request, response, e);   // 503 + Retry-After "系统繁忙，请稍后再试", not a bug
            return null;
        }
        Refusal r = Refusal.of(e);
        if (ApiErrors.isApi(request) || ApiErrors.isOperations(request)) {
            // as a REST controller's own refusal or bug: the same problem detail, code and error id included
            ApiErrors.write(response, r == null ? ApiErrors.failure(e) : ApiErrors.problem(r), json);
            return null;
        }
        if (r == null) {
            return page(request, HttpStatus.INTERNAL_SERVER_ERROR, "内部错误", Failures.message(Failures.record(e)));
        }
        return page(request, HttpStatus.valueOf(r.kind().status()), r.kind().title(), r.getMessage());
    }

    /**
     * A write the database refused, with a Chinese reason and no SQL text: a duplicate 409 无法办理 (as the feature's own
     * check of it), a value out of range 400 ({@link DatabaseRefusals}).
     */
    @ExceptionHandler(org.springframework.dao.DataIntegrityViolationException.class)
    ModelAndView integrity(org.springframework.dao.DataIntegrityViolationException e, HttpServletRequest request,
                           HttpServletResponse response) throws IOException {
        Refusal r = DatabaseRefusals.refusal(e);
        return refuse(request, response, HttpStatus.valueOf(r.kind().status()), r.kind().title(), r.getMessage());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ModelAndView mismatch(MethodArgumentTypeMismatchException e, HttpServletRequest request,
                          HttpServletResponse response) throws IOException {
        return refuse(request, response, HttpStatus.BAD_REQUEST, "请求有误", ApiErrors.mismatchMessage(e));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ModelAndView missing(MissingServletRequestParameterException e, HttpServletRequest request,
                         HttpServletResponse response) throws IOException {
        return refuse(request, response, HttpStatus.BAD_REQUEST, "请求有误", "缺少参数 " + e.getParameterName());
    }

    /**
     * A form without its file (POST /projects/import with no file part): Spring's own 400 had an empty body, and the
     * htmx page showed nothing (review of issue 15, jobs).
     */
    @ExceptionHandler(org.springframework.web.multipart.support.MissingServletRequestPartException.class)
    ModelAndView missingPart(org.springframework.web.multipart.support.MissingServletRequestPartException e,
                             HttpServletRequest request, HttpServletResponse response) throws IOException {
        return refuse(request, response, HttpStatus.BAD_REQUEST, "请求有误", "缺少上传的文件（" + e.getRequestPartName()
                + "）：请先选择文件再上传");
    }

    /**
     * A form's field that cannot be read into its type (GET /imports/jobs/…?planId=x): an empty 400 before, as above.
     * Named by the first such field, with the value sent.
     */
    @ExceptionHandler(org.springframework.validation.BindException.class)
    ModelAndView unbound(org.springframework.validation.BindException e, HttpServletRequest request,
                         HttpServletResponse response) throws IOException {
        org.springframework.validation.FieldError field = e.getFieldError();
        String message = field == null ? "表单内容有误，请检查后重新提交"
                : "参数 " + field.getField() + " 的值「" + field.getRejectedValue() + "」不对";
        return refuse(request, response, HttpStatus.BAD_REQUEST, "请求有误", message);
    }

    static ModelAndView page(HttpServletRequest request, HttpStatus status, String title, String message) {
        String view = request.getHeader("HX-Request") != null ? "error/message :: message" : "error/message";
        return new ModelAndView(view, Map.of("problemTitle", title, "problemMessage", message == null ? title : message), status);
    }
}
