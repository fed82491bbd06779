package dev.exp.kernel;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Script name and default of one kernel parameter.
 *
 * <p>{@link #dflt()} is an Exp literal: a number ({@code "1e-10"}), {@code "true"}/{@code "false"},
 * {@code "none"} (passed to Java as {@code null}) or a double-quoted string ({@code "\"causal\""}).
 * Without a default the argument is required.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface Arg {
  /** Marker for "no default": the argument is required. */
  String REQUIRED = "\u0000required";

  /** Script-visible parameter name (snake_case). */
  String value();

  /** Default as an Exp literal, or {@link #REQUIRED}. */
  String dflt() default REQUIRED;

  /**
   * Whether this argument, and every parameter after it, is passed by name only: for a parameter
   * whose position a user of another library would read the other way ({@code plot.line(y, x: t)},
   * where matplotlib writes {@code plot(t, y)}), so that habit is an error instead of a swapped result.
   * (A parameter named {@code seed} is named only anyway.)
   */
  boolean named() default false;
}
