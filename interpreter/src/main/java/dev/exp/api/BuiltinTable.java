package dev.exp.api;

import dev.exp.Stdlib;
import dev.exp.binding.KernelBinder;
import dev.exp.eval.builtins.Builtins;
import dev.exp.eval.runtime.LazyTable;
import dev.exp.polyglot.JsBuiltin;
import java.util.List;
import java.util.Map;

/**
 * Assembles an engine's builtin table, in this order: the kernels of the standard library and of the
 * host's kernel classes (bound on first use, by namespace), the language's own builtins, the
 * capability-guarded host bridges ({@code js}), then the host's values, which may replace any of them.
 */
final class BuiltinTable {
  private BuiltinTable() {}

  static Map<String, Object> assemble(List<Class<?>> hostKernelClasses, Map<String, Object> hostValues) {
    Map<String, Object> table = new LazyTable(KernelBinder.bind(hostKernelClasses, Stdlib.namespaces()));
    Builtins.install(table);
    table.put("js", JsBuiltin.create());
    table.putAll(hostValues);
    return table;
  }
}
