package dev.exp.binding;

import dev.exp.eval.runtime.LazyTable;
import dev.exp.kernel.KernelIndex;
import java.util.List;

/** A kernel name whose methods are bound on first use (see {@link KernelBinder}). */
final class LazyKernel implements LazyTable.Lazy {
  private final String name;
  private final List<KernelIndex.Entry> methods;
  private final KernelBinder.Classes binder;
  private volatile Object value;

  LazyKernel(String name, List<KernelIndex.Entry> methods, KernelBinder.Classes binder) {
    this.name = name;
    this.methods = List.copyOf(methods);
    this.binder = binder;
  }

  @Override
  public Object resolve() {
    Object v = value;
    if (v == null) {
      v = binder.resolve(name, methods);
      value = v;
    }
    return v;
  }
}
