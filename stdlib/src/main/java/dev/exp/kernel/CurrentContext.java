package dev.exp.kernel;

/** Holds the {@link KernelContext} of each thread (see {@link KernelContext#current()}). */
final class CurrentContext {
  private CurrentContext() {}

  static final ThreadLocal<KernelContext> CURRENT = new ThreadLocal<>();
}
