package dev.exp.api;

/** One frame of a script call stack: the function and the place in the source. */
public record StackFrame(String function, String file, int line, int column) {
  @Override
  public String toString() {
    return "at " + function + " (" + file + ":" + line + ":" + column + ")";
  }
}
