package dev.exp.syntax;

/** A position in a source: file name, 1-based line and 1-based column, and the token's length. */
public record Loc(String file, int line, int col, int length) {
  public static final Loc NONE = new Loc("<builtin>", 0, 0, 0);

  @Override
  public String toString() {
    return file + ":" + line + ":" + col;
  }
}
