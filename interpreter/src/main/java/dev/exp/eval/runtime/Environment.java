package dev.exp.eval.runtime;

import dev.exp.syntax.Loc;
import java.util.Map;

/**
 * What a running script reaches beyond its own code: the engine's builtin table and other modules.
 * The interpreter provides it to every {@link Context}.
 */
public interface Environment {
  /** The builtin table (names to values; namespaces are values too). */
  Map<String, Object> builtins();

  /** Looks up a dotted name ("linalg.svd") among the builtins, or null. */
  Object lookup(String dotted);

  /** {@code import "path" as alias}: runs the file in fresh globals; its top-level bindings become a namespace. */
  Object importModule(Context ctx, String path, String alias, Loc loc);
}
