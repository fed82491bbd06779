package dev.exp.eval.compile;

import dev.exp.eval.nodes.AccessNodes;
import dev.exp.eval.nodes.AssignNodes;
import dev.exp.eval.nodes.CollectionNodes;
import dev.exp.eval.nodes.Node;
import dev.exp.eval.nodes.OperatorNodes;
import dev.exp.eval.nodes.TextNodes;
import dev.exp.eval.nodes.VariableNodes;
import dev.exp.syntax.Ast;

/**
 * Compiles an assignment statement ({@code =} or a compound {@code +=}, ...): to a variable (a local,
 * a captured cell or a global), to one of its elements ({@code x[i] = v}) or fields ({@code r.f = v});
 * a path of two or more steps below the variable ({@code r.xs[i] = v}) goes to {@link PathAssigns}.
 */
final class AssignCompiler {
  private AssignCompiler() {}

  static Node compile(Compiler k, Ast.Assign a) {
    if (PathAssigns.isPath(a.target())) {
      return PathAssigns.compile(k, a);   // r.xs[i] = v, g[i][j] = v, r.a.b = v, ...
    }
    Ast.Expr target = a.target();
    Ast.Expr appended = TextAppends.appended(a);
    TextBuffers.Buffer buffer = appended != null ? k.textBuffers.find(((Ast.Name) target).name()) : null;
    if (buffer != null) {
      Ast.Name n = (Ast.Name) target;
      Resolver.Access acc = k.names.access(n.loc(), n.name());
      Node v = k.expr(appended);
      if (acc.local() != null || acc.global() != null) {
        buffer.write = acc.write();
        return new TextNodes.Append(a.loc(), acc.read(), acc.write(), acc.local(), buffer.slot, v);
      }
      return v;   // an error was reported
    }
    String op = a.op();
    if (target instanceof Ast.Name n && appendedItem(n, op, a.value()) instanceof Ast.ListLit one) {
      // acc += [x], acc = acc + [x]: appends x to a list without building the one-item literal
      Ast.Expr item = one.elements().get(0);
      Node x = k.expr(item);
      Resolver.Access acc = k.names.access(n.loc(), n.name());
      Node v = new CollectionNodes.ListAppend(op.equals("+=") ? a.loc() : a.value().loc(), acc.read(), x,
          item instanceof Ast.ListLit, op.equals("+="), n.name(), OperatorCompiler.shown(item));
      return store(a, acc, v);
    }
    Node value = k.expr(a.value());
    if (target instanceof Ast.Name n) {
      Resolver.Access acc = k.names.access(n.loc(), n.name());
      Node v = op.equals("=") ? value
          : OperatorNodes.binary(a.loc(), dev.exp.tensor.op.BinaryOp.ofSymbol(op.substring(0, 1)), acc.read(), value);
      return store(a, acc, v);
    }
    if (target instanceof Ast.Index ix && ix.target() instanceof Ast.Name n) {
      Resolver.Access acc = k.names.access(n.loc(), n.name());
      AccessNodes.Index index = (AccessNodes.Index) k.expr(ix);
      AssignNodes.IndexAssign node = new AssignNodes.IndexAssign(a.loc(), acc.read(), acc.write(), index, op, value);
      node.habit = habit(op, target, a.value());
      return node;
    }
    if (target instanceof Ast.Member m && m.target() instanceof Ast.Name n) {
      Resolver.Access acc = k.names.access(n.loc(), n.name());
      AssignNodes.MemberAssign node = new AssignNodes.MemberAssign(a.loc(), acc.read(), acc.write(), m.name(), op, value);
      node.habit = habit(op, target, a.value());
      return node;
    }
    k.reportError(target.loc(), "can only assign to a variable, one of its elements (x[i] = v) or fields (r.f = v, r.xs[i] = v)");
    return new VariableNodes.Const(a.loc(), null);
  }

  /** For {@code target += [x]} on an element or a field: the append habit its node may warn about, else null. */
  static dev.exp.eval.nodes.OneItemAdd.Habit habit(String op, Ast.Expr target, Ast.Expr value) {
    Ast.Expr item = dev.exp.eval.nodes.OneItemAdd.oneItem(value);
    return op.equals("+=") && item != null ? new dev.exp.eval.nodes.OneItemAdd.Habit(shown(target), OperatorCompiler.shown(item)) : null;
  }

  /** How a warning shows an assignment target: {@code r.h}, {@code l[...]}, {@code r.a.b}, else null. */
  private static String shown(Ast.Expr e) {
    if (e instanceof Ast.Name n) {
      return n.name();
    }
    String inner = e instanceof Ast.Member m ? shown(m.target()) : e instanceof Ast.Index ix ? shown(ix.target()) : null;
    if (inner == null) {
      return null;
    }
    if (e instanceof Ast.Member m) {
      return inner + "." + m.name();
    }
    Ast.Index ix = (Ast.Index) e;
    String at = ix.items().size() == 1 && !ix.items().get(0).slice() ? OperatorCompiler.shown(ix.items().get(0).lo()) : null;
    return inner + "[" + (at != null ? at : "...") + "]";
  }

  /** Stores {@code v} into the variable {@code acc} names. */
  private static Node store(Ast.Assign a, Resolver.Access acc, Node v) {
    if (acc.local() != null) {
      return new VariableNodes.LocalSet(a.loc(), acc.local(), v);
    }
    if (acc.capture() >= 0) {
      return new VariableNodes.CaptureSet(a.loc(), acc.capture(), v);
    }
    if (acc.global() != null) {
      return new VariableNodes.GlobalSet(a.loc(), acc.global(), v, true, true);
    }
    return v;   // an error was reported
  }

  /** The one-item literal appended by {@code n += [x]} or {@code n = n + [x]}, else null. */
  private static Ast.Expr appendedItem(Ast.Name n, String op, Ast.Expr value) {
    Ast.Expr appended = null;
    if (op.equals("+=")) {
      appended = value;
    } else if (op.equals("=") && value instanceof Ast.Binary b && b.op() == dev.exp.tensor.op.BinaryOp.ADD
        && b.left() instanceof Ast.Name left && left.name().equals(n.name())) {
      appended = b.right();
    }
    return appended instanceof Ast.ListLit l && l.elements().size() == 1 ? l : null;
  }
}
