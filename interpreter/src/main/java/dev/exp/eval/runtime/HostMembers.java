package dev.exp.eval.runtime;

/**
 * Member access on opaque objects returned by kernels (tables, figures, models). Only objects that
 * are maps expose their entries as fields; scripts never reach Java
 * members by reflection.
 */
public final class HostMembers {
  private HostMembers() {}

  public static Object member(Object target, String name) {
    if (target instanceof dev.exp.kernel.ScriptObject o) {
      Object v = o.field(name);
      return v == null ? null : ValueCodec.fromLibrary(v);
    }
    if (target instanceof java.util.Map<?, ?> m && m.containsKey(name)) {
      return ValueCodec.fromLibrary(m.get(name));
    }
    return null;
  }

  /** The fields a script object offers, for "has no field" messages (empty for other values). */
  public static java.util.List<String> names(Object target) {
    return target instanceof dev.exp.kernel.ScriptObject o ? o.fieldNames() : java.util.List.of();
  }
}
