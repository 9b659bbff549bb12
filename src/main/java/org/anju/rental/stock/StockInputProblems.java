package org.anju.rental.stock;

import org.anju.intake.InputException;
import org.anju.intake.InputProblem;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A bad stock list: 400 with every problem (file, sheet, row, column, message), as the register imports answer. */
@RestControllerAdvice(basePackages = "org.anju.rental")
@org.springframework.core.annotation.Order(-1) // before ApiErrors, whose catch-all would take a bad file for a bug
class StockInputProblems {

    @ExceptionHandler(InputException.class)
    ProblemDetail input(InputException e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        p.setTitle("文件有误，未写入任何数据");
        p.setProperty("code", "BAD_INPUT");
        List<Map<String, Object>> problems = e.problems().stream().map(StockInputProblems::map).toList();
        p.setProperty("problems", problems);
        return p;
    }

    private static Map<String, Object> map(InputProblem x) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("file", x.file());
        m.put("sheet", x.sheet());
        m.put("row", x.row());
        m.put("column", x.column());
        m.put("message", x.message());
        m.put("text", x.describe());
        return m;
    }
}
