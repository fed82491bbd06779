package dev.exp.eval.compile;

import dev.exp.eval.nodes.AccessNodes;
import dev.exp.eval.nodes.Node;
import dev.exp.eval.nodes.VariableNodes;
import dev.exp.eval.runtime.Namespace;
import dev.exp.eval.runtime.Suggest;
import dev.exp.syntax.Ast;
import dev.exp.syntax.Loc;
import java.util.ArrayList;
import java.util.List;

/**
 * Compiles the access forms of expressions: calls (checked against the callee's signature when it is
 * known), pipelines {@code x |> f(a)} as calls with x first, indexing and slicing, and member access
 * (a builtin namespace's member is resolved here, a static error when it does not exist).
 */
final class CallCompiler {
  private CallCompiler() {}

  static Node call(Compiler k, Ast.Call c) {
    Node callee = k.callee(c.callee());
    Node[] args = new Node[c.args().size()];
    for (int i = 0; i < args.length; i++) {
      args[i] = k.expr(c.args().get(i));
    }
    String[] names = names(c.names());
    check(k, c.callee().loc(), callee, c.callee(), args.length, names);
    return AccessNodes.call(c.loc(), callee, args, names);
  }

  static Node pipe(Compiler k, Ast.Pipe p) {
    Node value = k.expr(p.value());
    if (p.target() instanceof Ast.Call c) {
      Node callee = k.callee(c.callee());
      Node[] args = new Node[c.args().size() + 1];
      args[0] = value;
      for (int i = 0; i < c.args().size(); i++) {
        args[i + 1] = k.expr(c.args().get(i));
      }
      List<String> ns = new ArrayList<>();
      ns.add(null);
      ns.addAll(c.names());
      String[] names = names(ns);
      check(k, c.callee().loc(), callee, c.callee(), args.length, names);
      return AccessNodes.call(p.loc(), callee, args, names);
    }
    Node callee = k.callee(p.target());
    check(k, p.target().loc(), callee, p.target(), 1, null);
    return AccessNodes.call(p.loc(), callee, new Node[] {value}, null);
  }

  static Node index(Compiler k, Ast.Index ix) {
    return index(k, ix, k.expr(ix.target()));
  }

  /** {@code ix}'s items applied to {@code target} (null when the caller reads the container itself). */
  static AccessNodes.Index index(Compiler k, Ast.Index ix, Node target) {
    Node[][] items = new Node[ix.items().size()][];
    boolean[] slices = new boolean[items.length];
    Loc[] locs = new Loc[items.length];
    for (int i = 0; i < items.length; i++) {
      Ast.IndexItem it = ix.items().get(i);
      slices[i] = it.slice();
      locs[i] = it.loc();
      items[i] = it.slice()
          ? new Node[] {opt(k, it.lo()), opt(k, it.hi()), opt(k, it.step())}
          : new Node[] {k.expr(it.lo())};
    }
    return new AccessNodes.Index(ix.loc(), target, items, slices, locs);
  }

  /** Namespaces whose kernels run on the BLAS (linear algebra, attention, the learners). */
  private static final java.util.Set<String> BLAS_NAMESPACES = java.util.Set.of("linalg", "attention", "learn");

  static Node member(Compiler k, Ast.Member m) {
    Node target = k.expr(m.target());
    if (target instanceof VariableNodes.Const c && c.value instanceof Namespace ns) {
      // a builtin namespace: resolve the member now (a static error when it does not exist)
      if (!ns.has(m.name())) {
        String hint = Suggest.didYouMean(m.name(), ns.memberNames());
        k.reportError(m.loc(), "'" + ns.name() + "' has no member '" + m.name() + "'"
            + (hint.isEmpty() ? k.memberElsewhere(m.name(), ns.name()) : hint));
        return new VariableNodes.Const(m.loc(), null);
      }
      if (BLAS_NAMESPACES.contains(ns.name())) {
        dev.exp.tensor.blas.Blas.preload();   // these kernels multiply matrices: load the BLAS meanwhile
      }
      return new VariableNodes.Const(m.loc(), ns.member(m.name()));
    }
    return new AccessNodes.Member(m.loc(), target, m.name());
  }

  private static Node opt(Compiler k, Ast.Expr e) {
    return e == null ? null : k.expr(e);
  }

  /** The argument names of a call, or null when all arguments are positional. */
  private static String[] names(List<String> names) {
    for (String n : names) {
      if (n != null) {
        return names.toArray(new String[0]);
      }
    }
    return null;
  }

  private static void check(Compiler k, Loc loc, Node callee, Ast.Expr calleeExpr, int nargs, String[] names) {
    String problem = k.calls().problem(callee, calleeExpr, nargs, names);
    if (problem != null) {
      k.reportError(loc, problem);
    }
  }
}
