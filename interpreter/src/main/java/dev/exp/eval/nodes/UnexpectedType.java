package dev.exp.eval.nodes;

/**
 * Thrown by a typed evaluation ({@link Node#evalDouble}, {@link Node#evalBoolean}) whose value is of
 * another kind; carries the value so the caller finishes generically without evaluating again.
 * Checked, so every typed call site must handle it; without a stack trace, so it is cheap.
 */
final class UnexpectedType extends Exception {
  private static final long serialVersionUID = 1L;
  /** The value the node produced. */
  final transient Object value;

  UnexpectedType(Object value) {
    super(null, null, false, false);
    this.value = value;
  }
}
