package dev.exp.api;

import java.util.List;

/** A script failed while running. Carries the message, where it happened and the script stack. */
public class ExpRuntimeException extends ExpException {
  private static final long serialVersionUID = 1L;
  private final transient List<StackFrame> stack;

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

  /** The error message followed by the script stack, one frame a line. */
  public String render() {
    StringBuilder sb = new StringBuilder();
    StackFrame top = location();
    if (top != null) {
      sb.append(top.file()).append(':').append(top.line()).append(':').append(top.column()).append(": ");
    }
    sb.append("error: ").append(getMessage());
    int i = 0;
    int shown = 0;
    while (i < stack.size()) {
      StackFrame f = stack.get(i);
      int j = i + 1;
      while (j < stack.size() && stack.get(j).equals(f)) {
        j++;
      }
      if (shown < 40 || j == stack.size()) {
        sb.append("\n  ").append(f);
        if (j - i > 1) {
          sb.append("\n  [the frame above repeats ").append(j - i - 1).append(" more time").append(j - i > 2 ? "s" : "")
              .append(']');
        }
      } else if (shown == 40) {
        sb.append("\n  ...");
      }
      shown++;
      i = j;
    }
    return sb.toString();
  }
}
