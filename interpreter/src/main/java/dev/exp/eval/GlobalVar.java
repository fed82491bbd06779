package dev.exp.eval;

/**
 * A top-level binding of a session (script or REPL globals, host bindings). Compiled code holds the
 * cell itself, so reading a global is a field read, never a lookup by name.
 */
public final class GlobalVar {
  final String name;
  boolean mutable;
  boolean defined;
  Object value;
  /** The tensor value this global owns exclusively, or null (see {@link AccessNodes.IndexAssign}). */
  Object owned;

  GlobalVar(String name, boolean mutable) {
    this.name = name;
    this.mutable = mutable;
  }

  public String name() {
    return name;
  }

  public boolean isDefined() {
    return defined;
  }

  public Object value() {
    return value;
  }
}
