package dev.exp.eval.runtime;

/**
 * A top-level binding of a session (script or REPL globals, host bindings). Compiled code holds the
 * cell itself, so reading a global is a field read, never a lookup by name. A number assigned by
 * typed code is kept unboxed: {@link #value} is then {@link Unboxed#NUM} and the number is in {@link
 * #num}; any plain write to {@link #value} replaces the marker.
 */
public final class GlobalVar {
  public final String name;
  public boolean mutable;
  public boolean defined;
  public Object value;
  /** The number when {@link #value} is {@link Unboxed#NUM}. */
  public double num;
  /** The tensor value this global owns exclusively, or null (see the index assignment node). */
  public Object owned;

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

  /** The value, boxed. */
  public Object value() {
    Object v = value;
    return v == Unboxed.NUM ? (Object) num : v;
  }

  /** Stores a number unboxed. */
  public void setNum(double v) {
    num = v;
    value = Unboxed.NUM;
    defined = true;
  }
}
