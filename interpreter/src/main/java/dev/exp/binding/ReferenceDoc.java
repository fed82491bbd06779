package dev.exp.binding;

import dev.exp.eval.runtime.Callable;
import dev.exp.eval.runtime.Namespace;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Generates the library reference ({@code docs/stdlib.md}) from the same kernel annotations and
 * builtin docs that {@code help()} prints, so the two cannot drift apart.
 */
public final class ReferenceDoc {
  private ReferenceDoc() {}

  public static String generate(Map<String, Object> table, Map<String, String> namespaceDocs) {
    StringBuilder sb = new StringBuilder();
    sb.append("# Exp standard library reference\n\n");
    sb.append("Generated from the kernels' `@Kernel` annotations and the builtins' docs (the same text `help(name)` "
        + "prints). Do not edit by hand: run\n`mvn -q -pl interpreter test -Dtest=ReferenceDocTest -Dexp.updateDocs=true`.\n\n");
    sb.append("Signatures show defaults as `name: value`; parameters without a default are required.\n\n");
    List<String> namespaces = new ArrayList<>();
    List<Map.Entry<String, Object>> globals = new ArrayList<>();
    for (Map.Entry<String, Object> e : table.entrySet()) {
      if (e.getValue() instanceof Namespace) {
        namespaces.add(e.getKey());
      } else {
        globals.add(e);
      }
    }
    sb.append("## Contents\n\n- [Globals](#globals)\n");
    for (String ns : namespaces) {
      sb.append("- [").append(ns).append("](#").append(ns).append(")\n");
    }
    sb.append("\n## Globals\n\n").append(namespaceDocs.getOrDefault("", "")).append("\n\n");
    sb.append("Constants: ");
    List<String> constants = new ArrayList<>();
    for (Map.Entry<String, Object> e : globals) {
      if (!(e.getValue() instanceof Callable)) {
        constants.add("`" + e.getKey() + "`");
      }
    }
    sb.append(String.join(", ", constants)).append(".\n\n");
    for (Map.Entry<String, Object> e : globals) {
      if (e.getValue() instanceof Callable c) {
        entry(sb, c);
      }
    }
    for (String ns : namespaces) {
      Namespace n = (Namespace) table.get(ns);
      sb.append("## ").append(ns).append("\n\n");
      if (!n.doc().isEmpty()) {
        sb.append(n.doc()).append("\n\n");
      }
      for (Map.Entry<String, Object> e : n.members().entrySet()) {
        if (e.getValue() instanceof Callable c) {
          entry(sb, c);
        }
      }
    }
    return sb.toString();
  }

  private static void entry(StringBuilder sb, Callable c) {
    if (c instanceof Overloads o) {
      java.util.Set<String> shown = new java.util.HashSet<>();
      for (KernelFunction k : o.candidates()) {
        if (shown.add(k.signature() + "\n" + k.doc())) {   // forms that differ only in a parameter's type: once
          entry(sb, k);
        }
      }
      return;
    }
    sb.append("### `").append(c.signature()).append("`\n\n");
    String doc = c.doc() == null ? "" : c.doc().strip();
    sb.append(doc.isEmpty() ? "(no documentation)" : doc).append("\n\n");
  }
}
