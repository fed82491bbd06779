package dev.exp.eval.compile;

import dev.exp.eval.nodes.Node;
import dev.exp.eval.nodes.VariableNodes;
import dev.exp.eval.runtime.Callable;
import dev.exp.eval.runtime.Signature;
import dev.exp.syntax.Ast;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the compiler knows about callees before anything runs: the signatures of the program's
 * top-level functions and of constant callees (builtins, kernels, folded namespace members), and
 * the check of a call against them.
 */
final class StaticCalls {
  private final Map<String, Signature> programFns = new HashMap<>();

  /** Records a top-level {@code fn} of the program being compiled. */
  void declare(String name, List<Ast.Param> params) {
    programFns.put(name, signatureOf(name, params));
  }

  /**
   * Checks a call against its callee's signature when the callee is known while compiling (a builtin,
   * a kernel, a top-level {@code fn} of this program), so a bad call is reported before anything runs.
   * Returns the problem in words, or null when the call fits (or the callee is not known).
   */
  String problem(Node callee, Ast.Expr calleeExpr, int nargs, String[] names) {
    List<Signature> sigs = null;
    if (callee instanceof VariableNodes.Const k && k.value instanceof Callable c) {
      sigs = c.signatures();
    } else if (callee instanceof VariableNodes.GlobalGet && calleeExpr instanceof Ast.Name n
        && programFns.containsKey(n.name())) {
      sigs = List.of(programFns.get(n.name()));
    }
    if (sigs == null || sigs.isEmpty()) {
      return null;
    }
    String first = null;
    for (Signature sig : sigs) {
      if (sig == null) {
        return null;
      }
      String problem = sig.check(nargs, names);
      if (problem == null) {
        return null;
      }
      if (first == null) {
        first = problem;
      }
    }
    return first;
  }

  /** The signature of a script function from its parameter list. */
  static Signature signatureOf(String name, List<Ast.Param> params) {
    String[] names = new String[params.size()];
    String[] defaults = new String[params.size()];
    for (int i = 0; i < names.length; i++) {
      Ast.Param p = params.get(i);
      names[i] = p.name();
      if (p.dflt() != null) {
        defaults[i] = defaultText(p.dflt());
      }
    }
    return new Signature(name == null ? "<lambda>" : name, names, defaults, false);
  }

  private static String defaultText(Ast.Expr e) {
    if (e instanceof Ast.Num n) {
      return dev.exp.text.Numbers.format(n.value());
    }
    if (e instanceof Ast.Bool b) {
      return String.valueOf(b.value());
    }
    if (e instanceof Ast.NoneLit) {
      return "none";
    }
    if (e instanceof Ast.Str s) {
      return "\"" + s.value() + "\"";
    }
    if (e instanceof Ast.Name n) {
      return n.name();
    }
    return "…";
  }
}
