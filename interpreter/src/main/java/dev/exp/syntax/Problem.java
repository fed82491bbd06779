package dev.exp.syntax;

/**
 * One static error found by the parser or the compiler: where it is, what is wrong, and the source
 * line it points into. The embedding API reports it as a {@code Problem}.
 *
 * @param file the source name
 * @param line 1-based line
 * @param column 1-based column
 * @param length how many characters the caret line underlines (at least 1)
 * @param message what is wrong, in words
 * @param sourceLine the text of that line
 */
public record Problem(String file, int line, int column, int length, String message, String sourceLine) {

  /** {@code file:line:col: error: message}, the source line, and a caret under the culprit. */
  public String render() {
    return render("error");
  }

  /** {@link #render()} with another severity in place of "error" ("warning"). */
  public String render(String severity) {
    StringBuilder sb = new StringBuilder();
    sb.append(file).append(':').append(line).append(':').append(column).append(": ").append(severity).append(": ")
        .append(message);
    if (line > 0 && sourceLine != null) {
      String num = String.valueOf(line);
      String gutter = " ".repeat(num.length());
      String shown = sourceLine.replace('\t', ' ');
      sb.append('\n').append(' ').append(num).append(" | ").append(shown);
      int col = Math.max(1, Math.min(column, shown.length() + 1));
      int len = Math.max(1, Math.min(length, shown.length() - col + 1));
      sb.append('\n').append(' ').append(gutter).append(" | ").append(" ".repeat(col - 1)).append("^".repeat(len));
    }
    return sb.toString();
  }
}
