package org.anju.intake;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import java.util.List;
import java.util.Map;

/**
 * Bad files given to the register, report and housing-stock imports: 400 with every problem, each naming file,
 * sheet, row and column — the one mapping of {@link InputException}, kept with it (plan imports answer with their
 * own preview, which lists problems beside questions).
 */
@RestControllerAdvice(basePackages = {"org.anju.project", "org.anju.report", "org.anju.progress", "org.anju.rental"})
@org.springframework.core.annotation.Order(-1) // before ApiErrors, whose catch-all would take a bad file for a bug
class InputProblemAdvice {

    @ExceptionHandler(InputException.class)
    ProblemDetail input(InputException e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        p.setTitle("文件有误，未写入任何数据");
        p.setProperty("code", "BAD_INPUT");
        List<Map<String, Object>> problems = e.problems().stream().map(InputProblemAdvice::map).toList();
        p.setProperty("problems", problems);
        return p;
    }

    private static Map<String, Object> map(InputProblem x) {
        java.util.LinkedHashMap<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("file", x.file());
        m.put("sheet", x.sheet());
        m.put("row", x.row());
        m.put("column", x.column());
        m.put("message", x.message());
        m.put("text", x.describe());
        return m;
    }
}
