package dev.exp.eval.compile;

import dev.exp.eval.nodes.Node;
import dev.exp.eval.nodes.PathAssign;
import dev.exp.syntax.Ast;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Compiles assignments through a path below a variable ({@code r.xs[i] = v}); see {@link PathAssign}. */
final class PathAssigns {
  private PathAssigns() {}

  /** Whether {@code target} is two or more fields/indices below a variable ({@code r.a.b}, {@code g[i][j]}). */
  static boolean isPath(Ast.Expr target) {
    int depth = 0;
    Ast.Expr e = target;
    while (true) {
      if (e instanceof Ast.Member m) {
        e = m.target();
      } else if (e instanceof Ast.Index ix) {
        e = ix.target();
      } else {
        return e instanceof Ast.Name && depth >= 2;
      }
      depth++;
    }
  }

  static Node compile(Compiler k, Ast.Assign a) {
    List<Ast.Expr> path = new ArrayList<>();   // from the target inwards
    Ast.Expr e = a.target();
    while (!(e instanceof Ast.Name)) {
      path.add(e);
      e = e instanceof Ast.Member m ? m.target() : ((Ast.Index) e).target();
    }
    Ast.Name n = (Ast.Name) e;
    Resolver.Access acc = k.names.access(n.loc(), n.name());
    Collections.reverse(path);   // from the variable outwards, the order index expressions run in
    List<PathAssign.Step> steps = new ArrayList<>();
    for (Ast.Expr p : path) {
      steps.add(p instanceof Ast.Member m ? new PathAssign.Step(m.loc(), m.name(), null)
          : new PathAssign.Step(p.loc(), null, CallCompiler.index(k, (Ast.Index) p, null)));
    }
    Node value = k.expr(a.value());
    PathAssign node = new PathAssign(a.loc(), acc.read(), acc.write(), steps.toArray(new PathAssign.Step[0]), a.op(), value);
    node.habit = AssignCompiler.habit(a.op(), a.target(), a.value());
    return node;
  }
}
