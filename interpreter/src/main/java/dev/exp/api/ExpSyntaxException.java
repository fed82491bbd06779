package dev.exp.api;

import dev.exp.syntax.CompileError;
import dev.exp.syntax.Problem;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The script did not compile: syntax errors, or static errors found by the resolver (undefined
 * names, assignment to a {@code let}, duplicate definitions, misplaced {@code break}/{@code return}).
 * All diagnostics are collected before anything runs.
 */
public final class ExpSyntaxException extends ExpException {
  private static final long serialVersionUID = 1L;
  private final transient List<Diagnostic> diagnostics;
  private final boolean atEndOfInput;

  /** Made by the compiler; the message is every diagnostic rendered with its source line and caret. */
  public ExpSyntaxException(List<Diagnostic> diagnostics, boolean atEndOfInput) {
    super(diagnostics.stream().map(Diagnostic::render).collect(Collectors.joining("\n")));
    this.diagnostics = List.copyOf(diagnostics);
    this.atEndOfInput = atEndOfInput;
  }

  /** The public form of the compiler's error. */
  static ExpSyntaxException of(CompileError e) {
    List<Diagnostic> ds = new java.util.ArrayList<>();
    for (Problem p : e.problems()) {
      ds.add(new Diagnostic(p.file(), p.line(), p.column(), p.length(), p.message(), p.sourceLine()));
    }
    return new ExpSyntaxException(ds, e.atEndOfInput());
  }

  /** Every error, in source order: file, line, column, message and the source line. */
  public List<Diagnostic> diagnostics() {
    return diagnostics;
  }

  /**
   * Whether the input ended before a construct was complete (an open block, bracket or a trailing
   * operator): a REPL asks for another line instead of reporting the error.
   */
  public boolean isIncompleteInput() {
    return atEndOfInput;
  }
}
