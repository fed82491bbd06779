package dev.exp.eval.runtime;

import dev.exp.syntax.CompileError;
import dev.exp.syntax.Loc;

/**
 * An imported file did not compile. Imports run when their statement runs, so this is raised at run
 * time; a host reports it as the syntax error it is (the imported file's diagnostics, then where it
 * was imported), an experiment trial as a failed trial.
 */
public final class ImportSyntaxError extends ExpError {
  private static final long serialVersionUID = 1L;
  private final transient CompileError errors;
  private final Loc importedAt;

  public ImportSyntaxError(String path, CompileError errors, Loc importedAt) {
    super("import: \"" + path + "\" has errors:\n" + errors.getMessage(), importedAt);
    this.errors = errors;
    this.importedAt = importedAt;
  }

  /** The imported file's syntax and static errors. */
  public CompileError errors() {
    return errors;
  }

  /** The import statement. */
  public Loc importedAt() {
    return importedAt;
  }
}
