package dev.exp.kernel;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a public static method as a script-visible kernel.
 *
 * <p>{@link #name()} is the script name: a plain identifier for a global ({@code "zeros"}) or
 * {@code namespace.member} ({@code "linalg.svd"}). {@link #doc()} is the one documentation text:
 * it feeds {@code help(name)} in the REPL and {@code docs/stdlib.md}. Every parameter carries an
 * {@link Arg} annotation with its script name and, when optional, its default.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Kernel {
  /** Script name, e.g. {@code "linalg.solve"} or {@code "zeros"}. */
  String name();

  /** Documentation: first sentence is the summary; further paragraphs may follow. */
  String doc();

  /**
   * Capabilities the kernel needs from its host, checked by the interpreter before each call:
   * the keys of {@link Need} ({@code "file.read"}, {@code "file.write"}, ...). An embedded session without the grant gets a clear
   * error instead of the call.
   */
  String[] needs() default {};

  /**
   * Whether the kernel returns a number whenever every argument it is given is a number for a
   * parameter of a number type ({@code double}, {@code int}, {@code long}, their boxes, or a seed) and
   * the other parameters keep their defaults: {@code uniform()}, {@code normal(0, 2, seed: 3)}. A
   * kernel whose Java result is a primitive number needs no mark. The interpreter's numeric tier calls
   * such kernels from translated loops, so a kernel marked here must keep that promise (it is tested).
   */
  boolean scalar() default false;
}
