package dev.exp.api;

import dev.exp.syntax.Problem;

/**
 * One static error: where it is, what is wrong, and the source line it points into.
 *
 * @param file the source name
 * @param line 1-based line
 * @param column 1-based column
 * @param length how many characters the caret line underlines (at least 1)
 * @param message what is wrong, in words
 * @param sourceLine the text of that line
 */
public record Diagnostic(String file, int line, int column, int length, String message, String sourceLine) {

  /** {@code file:line:col: error: message}, the source line, and a caret under the culprit. */
  public String render() {
    return new Problem(file, line, column, length, message, sourceLine).render();
  }
}
