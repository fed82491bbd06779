package dev.exp.eval.nodes;

import dev.exp.eval.runtime.Context;
import dev.exp.eval.runtime.Ops;
import dev.exp.kernel.KernelException;
import dev.exp.syntax.Ast;
import dev.exp.syntax.Loc;
import dev.exp.tensor.Tensor;
import dev.exp.tensor.fused.Program;
import dev.exp.tensor.op.BinaryOp;
import dev.exp.tensor.op.UnaryOp;
import java.util.ArrayList;
import java.util.List;

/**
 * Fusion of element-wise subtrees, decided when compiling. An expression made of element-wise
 * operators ({@code + - * / % ^}, comparisons, unary minus), calls of the builtin element-wise
 * functions ({@code exp}, {@code log}, {@code sqrt}, {@code tanh}, {@code relu}, ..., {@code maximum},
 * {@code minimum}) and optionally a root call of the builtin {@code sum}, {@code mean}, {@code max} or
 * {@code min} with one argument, with at least two such operations, compiles to one {@link Fused}
 * node: its other subexpressions (leaves) are evaluated in source order, then a {@link Program} runs
 * over them block-wise, with no full-size temporary per operator (none at all under a reduction).
 *
 * <p>A call fuses only when its name resolves statically to the builtin (a script that defines its
 * own {@code exp} calls its own). When the leaves are not float64 tensors and numbers (all numbers,
 * strings, lists, complex tensors, shapes that do not broadcast ...), the same operators are applied
 * one at a time to the leaf values, so results and errors are those of unfused evaluation. A node
 * that keeps seeing numbers only switches to the plain operator nodes (no overhead on scalar code)
 * and back as soon as a tensor shows up. See {@link Program} for why fused = unfused bit for bit.
 */
public final class FusedNodes {
  private FusedNodes() {}

  /** Resolution of a callee name to the global builtin (no local, capture or global shadows it). */
  public interface BuiltinCheck {
    boolean isBuiltin(String name);
  }

  /** Compiles a subexpression in the scope of the expression being fused (the compiler's own walk). */
  public interface SubCompiler {
    Node compileHere(Ast.Expr e);
  }

  /** The fused node for {@code e}, or null when {@code e} is not a fusable chain. */
  public static Node tryFuse(SubCompiler compiler, BuiltinCheck builtins, Ast.Expr e) {
    Program.Reduction red = Program.Reduction.NONE;
    Ast.Expr body = e;
    if (e instanceof Ast.Call c && reduction(c, builtins) != null) {
      red = reduction(c, builtins);
      body = c.args().get(0);
    }
    int ops = count(body, builtins) + (red == Program.Reduction.NONE ? 0 : 1);
    if (ops < 2 || (red != Program.Reduction.NONE && count(body, builtins) == 0) || hasHabit(body, builtins)) {
      return null;   // too small to fuse, or xs + [x] inside, which may warn (see OneItemAdd)
    }
    Builder b = new Builder(compiler, builtins);
    Fused f = new Fused(e.loc());
    Program.Expr root = b.build(body, f);
    f.leaves = b.leaves.toArray(new Node[0]);
    f.tree = b.treeOf(body);
    f.program = new Program(root, red);
    Node plain = b.plain(body, f);
    if (red != Program.Reduction.NONE) {
      Ast.Call c = (Ast.Call) e;
      f.reduceFn = compiler.compileHere(c.callee());
      f.reduceLoc = c.loc();
      plain = new AccessNodes.Call(c.loc(), f.reduceFn, new Node[] {plain}, null);
    }
    f.plain = plain;
    return f;
  }

  private static Program.Reduction reduction(Ast.Call c, BuiltinCheck builtins) {
    if (!(c.callee() instanceof Ast.Name n) || c.args().size() != 1 || hasNames(c)) {
      return null;
    }
    Program.Reduction r = switch (n.name()) {
      case "sum" -> Program.Reduction.SUM;
      case "mean" -> Program.Reduction.MEAN;
      case "max" -> Program.Reduction.MAX;
      case "min" -> Program.Reduction.MIN;
      default -> null;
    };
    return r != null && builtins.isBuiltin(n.name()) ? r : null;
  }

  private static boolean hasNames(Ast.Call c) {
    for (String s : c.names()) {
      if (s != null) {
        return true;
      }
    }
    return false;
  }

  /** The element-wise function a call names (one or two positional arguments), or null. */
  private static Object function(Ast.Expr e, BuiltinCheck builtins) {
    if (!(e instanceof Ast.Call c) || !(c.callee() instanceof Ast.Name n) || hasNames(c)) {
      return null;
    }
    Object op = null;
    if (c.args().size() == 1) {
      UnaryOp u = UnaryOp.ofSymbol(n.name());
      op = u == UnaryOp.NEG || u == UnaryOp.NOT ? null : u;
    } else if (c.args().size() == 2 && (n.name().equals("maximum") || n.name().equals("minimum"))) {
      op = BinaryOp.ofSymbol(n.name());
    }
    return op != null && builtins.isBuiltin(n.name()) ? op : null;
  }

  /** Number of fusable operations at the top of {@code e}. */
  /** Whether the region {@link #count} walks holds an {@code xs + [x]}. */
  private static boolean hasHabit(Ast.Expr e, BuiltinCheck builtins) {
    if (OneItemAdd.isHabit(e)) {
      return true;
    }
    if (e instanceof Ast.Binary b && b.op().isElementWise()) {
      return hasHabit(b.left(), builtins) || hasHabit(b.right(), builtins);
    }
    if (e instanceof Ast.Unary u && u.op().equals("-")) {
      return hasHabit(u.operand(), builtins);
    }
    if (function(e, builtins) != null) {
      for (Ast.Expr a : ((Ast.Call) e).args()) {
        if (hasHabit(a, builtins)) {
          return true;
        }
      }
    }
    return false;
  }

  private static int count(Ast.Expr e, BuiltinCheck builtins) {
    if (e instanceof Ast.Binary b && b.op().isElementWise()) {
      return 1 + count(b.left(), builtins) + count(b.right(), builtins);
    }
    if (e instanceof Ast.Unary u && u.op().equals("-")) {
      return 1 + count(u.operand(), builtins);
    }
    if (function(e, builtins) != null) {
      int n = 1;
      for (Ast.Expr a : ((Ast.Call) e).args()) {
        n += count(a, builtins);
      }
      return n;
    }
    return 0;
  }

  /** The value-level form of the tree, for unfused evaluation over already evaluated leaves. */
  private abstract static class Tree {
    abstract Object eval(Frame f, Object[] leaves);
  }

  private static final class Builder {
    final SubCompiler compiler;
    final BuiltinCheck builtins;
    final List<Node> leaves = new ArrayList<>();
    final List<Tree> trees = new ArrayList<>();
    final java.util.IdentityHashMap<Ast.Expr, Tree> treeOf = new java.util.IdentityHashMap<>();
    final java.util.IdentityHashMap<Ast.Expr, Integer> leafOf = new java.util.IdentityHashMap<>();

    Builder(SubCompiler compiler, BuiltinCheck builtins) {
      this.compiler = compiler;
      this.builtins = builtins;
    }

    Tree treeOf(Ast.Expr e) {
      return treeOf.get(e);
    }

    /** Builds program and value tree together, compiling leaves in source order. */
    Program.Expr build(Ast.Expr e, Fused owner) {
      Loc loc = e.loc();
      if (e instanceof Ast.Binary b && b.op().isElementWise()) {
        Program.Expr l = build(b.left(), owner);
        Program.Expr r = build(b.right(), owner);
        Tree tl = treeOf.get(b.left());
        Tree tr = treeOf.get(b.right());
        BinaryOp op = b.op();
        treeOf.put(e, new Tree() {
          @Override
          Object eval(Frame f, Object[] v) {
            Object x = tl.eval(f, v);
            return Ops.binary(op, x, tr.eval(f, v), loc);
          }
        });
        return Program.binary(op, l, r);
      }
      if (e instanceof Ast.Unary u && u.op().equals("-")) {
        Program.Expr a = build(u.operand(), owner);
        Tree ta = treeOf.get(u.operand());
        treeOf.put(e, new Tree() {
          @Override
          Object eval(Frame f, Object[] v) {
            return Ops.negate(ta.eval(f, v), loc);
          }
        });
        return Program.unary(UnaryOp.NEG, a);
      }
      Object fn = function(e, builtins);
      if (fn != null) {
        Ast.Call c = (Ast.Call) e;
        Node callee = compiler.compileHere(c.callee());
        Program.Expr[] args = new Program.Expr[c.args().size()];
        Tree[] targs = new Tree[args.length];
        for (int i = 0; i < args.length; i++) {
          args[i] = build(c.args().get(i), owner);
          targs[i] = treeOf.get(c.args().get(i));
        }
        Loc cloc = c.loc();
        treeOf.put(e, new Tree() {
          @Override
          Object eval(Frame f, Object[] v) {
            Object[] vals = new Object[targs.length];
            for (int i = 0; i < vals.length; i++) {
              vals[i] = targs[i].eval(f, v);
            }
            return AccessNodes.Call.invoke(f.ctx, callee.eval(f), vals, null, cloc);
          }
        });
        owner.calls.add(cloc);
        return fn instanceof UnaryOp u ? Program.unary(u, args[0]) : Program.binary((BinaryOp) fn, args[0], args[1]);
      }
      int index = leaves.size();
      leaves.add(compiler.compileHere(e));
      leafOf.put(e, index);
      treeOf.put(e, new Tree() {
        @Override
        Object eval(Frame f, Object[] v) {
          return v[index];
        }
      });
      return Program.leaf(index);
    }

    /** The ordinary operator nodes over probed leaves (the number-only mode). */
    Node plain(Ast.Expr e, Fused owner) {
      Integer leaf = leafOf.get(e);
      if (leaf != null) {
        return new ProbedLeaf(owner, leaf);
      }
      if (e instanceof Ast.Binary b) { // the typed operator nodes, as unfused code compiles to
        return OperatorNodes.binary(b.loc(), b.op(), plain(b.left(), owner), plain(b.right(), owner));
      }
      if (e instanceof Ast.Unary u) {
        return new OperatorNodes.Negate(u.loc(), plain(u.operand(), owner));
      }
      Ast.Call c = (Ast.Call) e;
      Node[] args = new Node[c.args().size()];
      for (int i = 0; i < args.length; i++) {
        args[i] = plain(c.args().get(i), owner);
      }
      return new AccessNodes.Call(c.loc(), compiler.compileHere(c.callee()), args, null);
    }
  }

  /**
   * A leaf of the plain (number-only) form: evaluates the fused node's leaf and sends the node back
   * to fused mode when the leaf turns out to be a tensor.
   */
  static final class ProbedLeaf extends Node {
    final Fused owner;
    final int index;

    ProbedLeaf(Fused owner, int index) {
      super(owner.leaves[index].loc);
      this.owner = owner;
      this.index = index;
    }

    /** The leaf's own node. */
    Node leaf() {
      return owner.leaves[index];
    }

    @Override
    public Object eval(Frame f) {
      Object v = leaf().eval(f);
      if (v instanceof Tensor) {
        owner.numberRuns = 0;
      }
      return v;
    }

    @Override
    double evalDouble(Frame f) throws UnexpectedType {
      try {
        return leaf().evalDouble(f);
      } catch (UnexpectedType x) {
        if (x.value instanceof Tensor) {
          owner.numberRuns = 0;
        }
        throw x;
      }
    }
  }

  /** Runs a fused element-wise chain (see the class comment). */
  static final class Fused extends Node {
    /** Consecutive number-only evaluations after which the plain nodes run. */
    private static final int NUMBER_RUNS = 2;
    Node[] leaves;
    Tree tree;
    Program program;
    Node plain;
    Node reduceFn;
    Loc reduceLoc;
    final List<Loc> calls = new ArrayList<>();
    /** Number-only evaluations in a row (plain mode once it reaches NUMBER_RUNS; a tensor resets it). */
    int numberRuns;

    Fused(Loc loc) {
      super(loc);
    }

    @Override
    public Object eval(Frame f) {
      if (numberRuns >= NUMBER_RUNS) {
        return plain.eval(f); // a leaf that yields a tensor resets numberRuns: the next evaluation fuses
      }
      Object[] v = new Object[leaves.length];
      boolean tensor = false;
      for (int i = 0; i < v.length; i++) {
        v[i] = leaves[i].eval(f);
        tensor |= v[i] instanceof Tensor;
      }
      numberRuns = tensor ? 0 : numberRuns + 1;
      Object r = null;
      if (tensor) {
        try {
          r = program.run(v);
        } catch (KernelException e) {
          throw Context.fromKernel("", e, loc);
        }
      }
      if (r != null) {
        for (Loc c : calls) {
          f.ctx.tick(c); // the same steps as the unfused calls
        }
        if (reduceFn != null) {
          f.ctx.tick(reduceLoc);
        }
        return r;
      }
      Object x = tree.eval(f, v);
      return reduceFn == null ? x : AccessNodes.Call.invoke(f.ctx, reduceFn.eval(f), new Object[] {x}, null, reduceLoc);
    }

    /** Typed while in plain mode (scalar code: {@code s += i * 0.5 - i} stays unboxed). */
    @Override
    double evalDouble(Frame f) throws UnexpectedType {
      if (numberRuns >= NUMBER_RUNS) {
        return plain.evalDouble(f);
      }
      return super.evalDouble(f);
    }

    @Override
    boolean evalBoolean(Frame f) throws UnexpectedType {
      if (numberRuns >= NUMBER_RUNS) {
        return plain.evalBoolean(f);
      }
      return super.evalBoolean(f);
    }
  }
}
