package dev.exp.syntax;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The program did not compile: syntax errors, or static errors found when names are resolved. All
 * problems are collected before anything runs. The embedding API turns this into its public
 * {@code CompileError}; inside the language (an {@code import} with errors) the rendered
 * message is reported.
 */
public final class CompileError extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final transient List<Problem> problems;
  private final boolean atEndOfInput;

  public CompileError(List<Problem> problems, boolean atEndOfInput) {
    super(problems.stream().map(Problem::render).collect(Collectors.joining("\n")), null, false, false);
    this.problems = List.copyOf(problems);
    this.atEndOfInput = atEndOfInput;
  }

  /** Every problem, in source order. */
  public List<Problem> problems() {
    return problems;
  }

  /** Whether the input ended before a construct was complete (the REPL asks for another line). */
  public boolean atEndOfInput() {
    return atEndOfInput;
  }
}
