package dev.exp.eval.compile;

import dev.exp.eval.nodes.AccessNodes;
import dev.exp.eval.nodes.Node;
import dev.exp.eval.nodes.VariableNodes;
import dev.exp.eval.runtime.Namespace;
import dev.exp.kernel.Suggest;
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
    if (callee instanceof AccessNodes.Member read && c.callee() instanceof Ast.Member m && k.names.resolvesToBuiltin(m.name())) {
      // x.upper() as in Python: Exp's functions take the value as an argument
      String x = m.target() instanceof Ast.Name n ? n.name() : "x";
      String more = c.args().isEmpty() ? "" : "...";
      callee = read.withHint("; '" + m.name() + "' is a function: write " + m.name() + "(" + x + (more.isEmpty() ? "" : ", ...")
          + ") or " + x + " |> " + m.name() + "(" + more + ")");
    } else if (callee instanceof AccessNodes.Member read && c.callee() instanceof Ast.Member m) {
      String hint = NameHints.pythonMethod(m.name(), m.target() instanceof Ast.Name n ? n.name() : "x");
      if (!hint.isEmpty()) {
        callee = read.withHint(hint);   // xs.append(1), d.get(k, 0): what Exp writes instead
      }
    }
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
      return AccessNodes.call(c.callee().loc(), callee, args, names);   // errors point at the function, not at |>
    }
    Node callee = k.callee(p.target());
    check(k, p.target().loc(), callee, p.target(), 1, null);
    return AccessNodes.call(p.target().loc(), callee, new Node[] {value}, null);
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
      Integer line = !it.slice() && it.lo() instanceof Ast.Name n ? k.comparisons.get(k.names.binding(n.name())) : null;
      if (!it.slice() && (isMask(it.lo()) || line != null)) {
        String what = line == null ? "a comparison as an index"
            : "'" + ((Ast.Name) it.lo()).name() + "' holds a comparison (line " + line + "), and as an index it";
        k.reportError(it.lo().loc(), what + " is not a mask: Exp has no boolean masks, and the 0/1 "
            + "tensor it gives would gather elements 0 and 1; select with x[nonzero(cond)], or keep the shape with "
            + "where(cond, x, 0)");
      }
      items[i] = it.slice()
          ? new Node[] {opt(k, it.lo()), opt(k, it.hi()), opt(k, it.step())}
          : new Node[] {k.expr(it.lo())};
    }
    return new AccessNodes.Index(ix.loc(), target, items, slices, locs);
  }

  /** Notes a {@code let} bound to a comparison ({@code let big = x > 25}): {@code x[big]} is the same slip as {@code x[x > 25]}. */
  static void declared(Compiler k, Object binding, Ast.Let l) {
    if (!l.mutable() && isMask(l.value())) {
      k.comparisons.put(binding, l.loc().line());
    }
  }

  /**
   * Whether an index is written as a NumPy mask: a comparison ({@code x[x > 15]}) or a product of
   * comparisons ({@code x[(x > 1) * (x < 5)]}). Its 0/1 values would be read as positions.
   */
  private static boolean isMask(Ast.Expr e) {
    if (e instanceof Ast.Binary b) {
      return b.op().kind() == dev.exp.tensor.op.BinaryOp.Kind.COMPARISON
          || b.op() == dev.exp.tensor.op.BinaryOp.MUL && isMask(b.left()) && isMask(b.right());
    }
    return false;
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
            + (hint.isEmpty() ? k.names.memberElsewhere(m.name(), ns.name()) : hint));
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
