package dev.exp.eval.runtime;

/**
 * The marker of a variable whose value is kept as an unboxed number beside it (in a frame's number
 * array, in a global's number field). Never a script value.
 */
public final class Unboxed {
  private Unboxed() {}

  /** Stored in place of the value: read the number instead. */
  public static final Object NUM = new Object() {
    @Override
    public String toString() {
      return "<unboxed number>";
    }
  };
}
