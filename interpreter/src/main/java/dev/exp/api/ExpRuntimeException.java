package dev.exp.api;

import java.util.List;

/** A script failed while running. Carries the message, where it happened and the script stack. */
public class ExpRuntimeException extends ExpException {
  private static final long serialVersionUID = 1L;
  private final transient List<StackFrame> stack;
  private String sourceLine;
  /** How many carets underline the failing expression (its length on the line; 1 when unknown). */
  private int caretWidth = 1;

  /** Made at the API boundary from the evaluator's error; {@code stack} is innermost first. */
  public ExpRuntimeException(String message, List<StackFrame> stack, Throwable cause) {
    super(message, cause);
    this.stack = List.copyOf(stack);
  }

  /** Innermost frame first; the first frame's location is where the error happened. */
  public List<StackFrame> scriptStack() {
    return stack;
  }

  /** The location of the failing expression, or null when unknown. */
  public StackFrame location() {
    return stack.isEmpty() ? null : stack.get(0);
  }

  /** The text of the source line where the error happened, or null when unknown. */
  public String sourceLine() {
    return sourceLine;
  }

  /** Set at the API boundary when the failing line's text is known. */
  void attachSourceLine(String line, int width) {
    this.sourceLine = line;
    this.caretWidth = Math.max(1, width);
  }

  /**
   * The error message, the failing source line with a caret under the failing expression (when the
   * line is known), then the script stack, one frame a line.
   */
  public String render() {
    return render(sourceLine);
  }

  /**
   * As {@link #render()}, with the source line taken from {@code whole} when the error is located in
   * it (same name): for a host that evaluates pieces of a longer text one at a time, such as standard
   * input read statement by statement.
   */
  public String render(Source whole) {
    StackFrame top = location();
    boolean inWhole = top != null && whole != null && top.file().equals(whole.name()) && top.line() > 0;
    return render(inWhole ? whole.line(top.line()) : sourceLine);
  }

  private String render(String sourceLine) {
    StringBuilder sb = new StringBuilder();
    StackFrame top = location();
    if (top != null) {
      sb.append(top.file()).append(':').append(top.line()).append(':').append(top.column()).append(": ");
    }
    sb.append("error: ").append(getMessage());
    if (top != null && sourceLine != null && top.line() > 0) {
      String num = String.valueOf(top.line());
      String shown = sourceLine.replace('\t', ' ');
      int col = Math.max(1, Math.min(top.column(), shown.length() + 1));
      sb.append("\n ").append(num).append(" | ").append(shown);
      int width = Math.max(1, Math.min(caretWidth, shown.length() - col + 1));
      sb.append("\n ").append(" ".repeat(num.length())).append(" | ").append(" ".repeat(col - 1)).append("^".repeat(width));
    }
    int i = 0;
    int shown = 0;
    while (i < stack.size()) {
      int period = period(i);
      int j = i + period;
      while (j + period <= stack.size() && stack.subList(j, j + period).equals(stack.subList(i, i + period))) {
        j += period;
      }
      int more = (j - i) / period - 1;
      if (shown < 40 || j == stack.size()) {
        for (int k = i; k < i + period; k++) {
          sb.append("\n  ").append(stack.get(k));
        }
        if (more > 0) {
          sb.append(period == 1 ? "\n  [the frame above repeats " : "\n  [the " + period + " frames above repeat ")
              .append(more).append(" more time").append(more > 1 ? "s" : "").append(']');
        }
      } else if (shown == 40) {
        sb.append("\n  ...");
      }
      shown++;
      i = j;
    }
    return sb.toString();
  }

  /**
   * The length of the shortest cycle of frames starting at {@code i} that repeats right after itself
   * (recursion through one function, or mutual recursion through up to four), else 1.
   */
  private int period(int i) {
    for (int p = 1; p <= 4 && i + 2 * p <= stack.size(); p++) {
      if (stack.subList(i, i + p).equals(stack.subList(i + p, i + 2 * p))) {
        return p;
      }
    }
    return 1;
  }
}
