package dev.exp.kernel;

/**
 * A kernel was given input it cannot work with (shape mismatch, NaN where forbidden, singular
 * matrix, non-convergence when that is an error). The message is shown to script users as is,
 * prefixed with the kernel's script name, so it should name the offending values and shapes.
 */
public class KernelException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public KernelException(String message) {
    super(message);
  }

  public KernelException(String message, Throwable cause) {
    super(message, cause);
  }

  /**
   * Builds an exception with a {@link String#format} message; numbers and tensors given to %s print
   * as the language prints them ({@link Numbers#message}: {@code -1}, {@code 1e-05}, not {@code -1.0},
   * {@code 1.0E-5}).
   */
  public static KernelException of(String format, Object... args) {
    return new KernelException(Numbers.message(format, args));
  }
}
