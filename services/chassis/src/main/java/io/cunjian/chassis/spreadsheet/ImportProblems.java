package io.cunjian.chassis.spreadsheet;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

import jakarta.validation.ConstraintViolation;

import io.cunjian.chassis.domain.Rejection;
import io.cunjian.chassis.domain.RowsRefused;
import io.cunjian.chassis.problem.FieldError;
import io.cunjian.chassis.problem.Messages;
import io.cunjian.chassis.problem.ProblemException;
import io.cunjian.chassis.problem.ProblemType;
import io.cunjian.chassis.problem.Rejections;
import io.quarkus.security.ForbiddenException;

/**
 * The answer to a refused import (ADR 0037): 400 problem+json naming every bad row in {@code rows} (row, column,
 * problem) and the same as field errors {@code rows[3].latitude}, so a page shows them as it shows any field error.
 * A row's problems come from the same checks as the API's: its request record's constraints and its use case's
 * refusals, each field named as the API names it and mapped to the file's column.
 */
public final class ImportProblems {

    private ImportProblems() {
    }

    public static ProblemException refused(List<RowProblem> problems) {
        List<FieldError> errors = problems.stream()
                .map(p -> new FieldError("rows[" + p.row() + "]" + (p.column().isEmpty() ? "" : "." + p.column()), p.problem()))
                .toList();
        return new ProblemException(ProblemType.VALIDATION, errors, "problem.import.rows", problems.size())
                .with("rows", List.copyOf(problems));
    }

    /** The refusal of an import's use case as the answer: {@code rows} holds the file's row of each index it was given. */
    public static ProblemException refused(RowsRefused refused, List<Integer> rows, UnaryOperator<String> column) {
        List<RowProblem> problems = new ArrayList<>();
        refused.failures().forEach(f -> problems.addAll(of(rows.get(f.index()), f.failure(), column)));
        return refused(problems);
    }

    /**
     * Adds a request record's constraint violations to {@code problems}, one each, on the column {@code column} maps
     * its path to; a column the row already has a problem on (a cell that was no number) is not named twice.
     */
    public static void add(List<RowProblem> problems, int row, Set<? extends ConstraintViolation<?>> violations,
            UnaryOperator<String> column) {
        Set<String> named = new HashSet<>();
        problems.stream().filter(p -> p.row() == row).forEach(p -> named.add(p.column()));
        violations.stream().sorted((a, b) -> a.getPropertyPath().toString().compareTo(b.getPropertyPath().toString()))
                .map(v -> new RowProblem(row, column.apply(v.getPropertyPath().toString()), v.getMessage()))
                .filter(p -> named.add(p.column()) || p.column().isEmpty())
                .forEach(problems::add);
    }

    /**
     * What a use case's refusal of one row says, as row problems; a failure that is not the row's (the service is not
     * ready: 5xx) is thrown on, so the whole import answers it. A refusal naming no field (the caller may not act in
     * the row's region, the row's village is unknown) is on the column {@code column} gives the empty field.
     */
    public static List<RowProblem> of(int row, RuntimeException failure, UnaryOperator<String> column) {
        ProblemException problem;
        if (failure instanceof ForbiddenException) {
            return List.of(new RowProblem(row, column.apply(""),
                    Messages.text(Messages.defaultLocale(), ProblemType.FORBIDDEN.titleKey())));
        }
        if (failure instanceof ProblemException p) {
            problem = p;
        } else if (failure instanceof Rejection r) {
            problem = Rejections.asProblem(r, "");
        } else {
            throw failure;
        }
        if (problem.type().status() >= 500) {
            throw problem;
        }
        if (problem.errors().isEmpty()) {
            return List.of(new RowProblem(row, column.apply(""),
                    Messages.text(Messages.defaultLocale(), problem.detail(), problem.args())));
        }
        return problem.errors().stream()
                .map(e -> new RowProblem(row, column.apply(e.field()), Messages.text(Messages.defaultLocale(), e.message())))
                .toList();
    }
}
