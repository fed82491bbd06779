package dev.exp.api;

import dev.exp.syntax.CompileError;
import dev.exp.syntax.Problem;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The script did not compile: syntax errors, or static errors found by the resolver (undefined
 * names, assignment to a {@code let}, duplicate definitions, misplaced {@code break}/{@code return}).
 * All diagnostics are collected before anything runs. A file the script imports is compiled when
 * its {@code import} runs; its errors come as this exception too, naming the import's place.
 */
public final class ExpSyntaxException extends ExpException {
  private static final long serialVersionUID = 1L;
  private final transient List<Diagnostic> diagnostics;
  private final boolean atEndOfInput;

  /** Made by the compiler; the message is every diagnostic rendered with its source line and caret. */
  public ExpSyntaxException(List<Diagnostic> diagnostics, boolean atEndOfInput) {
    this(diagnostics, atEndOfInput, "");
  }

  private ExpSyntaxException(List<Diagnostic> diagnostics, boolean atEndOfInput, String note) {
    super(diagnostics.stream().map(Diagnostic::render).collect(Collectors.joining("\n")) + note);
    this.diagnostics = List.copyOf(diagnostics);
    this.atEndOfInput = atEndOfInput;
  }

  /** The public form of the compiler's error. */
  static ExpSyntaxException of(CompileError e) {
    return new ExpSyntaxException(diagnostics(e), e.atEndOfInput());
  }

  /**
   * An imported file's errors (its own file, lines and carets), then where it was imported. Not
   * incomplete input: the importing code itself was whole.
   */
  static ExpSyntaxException ofImport(CompileError e, dev.exp.syntax.Loc importedAt) {
    return new ExpSyntaxException(diagnostics(e), false, "\n  in the file imported at " + importedAt);
  }

  private static List<Diagnostic> diagnostics(CompileError e) {
    List<Diagnostic> ds = new java.util.ArrayList<>();
    for (Problem p : e.problems()) {
      ds.add(new Diagnostic(p.file(), p.line(), p.column(), p.length(), p.message(), p.sourceLine()));
    }
    return ds;
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
