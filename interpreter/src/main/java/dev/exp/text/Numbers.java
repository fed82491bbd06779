package dev.exp.text;

/**
 * How Exp prints numbers: integral values without a decimal point ({@code 3}), others as the
 * shortest decimal that reads back to the same double ({@code 0.1}, {@code 1e-05}, {@code nan},
 * {@code inf}). The one definition lives in the library ({@link dev.exp.kernel.Numbers}), whose
 * error messages print numbers the same way.
 */
public final class Numbers {
  private Numbers() {}

  public static String format(double x) {
    return dev.exp.kernel.Numbers.format(x);
  }
}
