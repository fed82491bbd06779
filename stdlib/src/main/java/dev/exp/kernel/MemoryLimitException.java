package dev.exp.kernel;

/** A kernel was asked for a value larger than the evaluation's memory budget (see {@link Budget}). */
public final class MemoryLimitException extends KernelException {
  private static final long serialVersionUID = 1L;

  public MemoryLimitException(String message) {
    super(message);
  }
}
