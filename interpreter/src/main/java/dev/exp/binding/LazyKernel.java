package dev.exp.binding;

import dev.exp.eval.runtime.LazyTable;
import java.util.List;

/** A kernel name whose classes are bound on first use (see {@link KernelBinder}). */
final class LazyKernel implements LazyTable.Lazy {
  private final String name;
  private final List<String> classes;
  private final KernelBinder.Classes binder;
  private volatile Object value;

  LazyKernel(String name, List<String> classes, KernelBinder.Classes binder) {
    this.name = name;
    this.classes = List.copyOf(classes);
    this.binder = binder;
  }

  @Override
  public Object resolve() {
    Object v = value;
    if (v == null) {
      v = binder.resolve(name, classes);
      value = v;
    }
    return v;
  }
}
