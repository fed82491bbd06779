package dev.exp.eval.nodes;

import static org.objectweb.asm.Opcodes.AASTORE;
import static org.objectweb.asm.Opcodes.ALOAD;
import static org.objectweb.asm.Opcodes.ANEWARRAY;
import static org.objectweb.asm.Opcodes.DUP;
import static org.objectweb.asm.Opcodes.GETSTATIC;
import static org.objectweb.asm.Opcodes.INVOKESTATIC;
import static org.objectweb.asm.Opcodes.INVOKEVIRTUAL;

import dev.exp.eval.runtime.CallPlan;
import dev.exp.eval.runtime.Callable;
import dev.exp.syntax.Loc;
import dev.exp.tensor.op.UnaryOp;

/**
 * The calls of builtins and library kernels in a translation ({@link NumericCodegen}): {@code len}
 * (through {@link NumericElements}), element-wise builtins on a number computed inline from their
 * operator's scalar definition, and — in loops — kernels that promise a number for number arguments
 * ({@link NumericKernelCall}).
 */
final class NumericBuiltins {
  private static final String CTX_D = NumericClassFile.CTX_D;
  private static final String OBJECT_D = NumericClassFile.OBJECT_D;
  private final NumericCodegen cg;

  NumericBuiltins(NumericCodegen cg) {
    this.cg = cg;
  }

  /**
   * A call of a builtin or kernel {@code fn} ({@code plan}: its argument plan when the call node has
   * one): {@code len}; an element-wise builtin on a number ({@code sqrt(x)}), its operator's scalar
   * definition inline after the step the tree counts for the call; otherwise a kernel ({@link #kernel}).
   */
  void call(Callable fn, Node[] args, String[] names, CallPlan plan, Loc loc) throws NumericCodegen.Ineligible {
    if ("len".equals(fn.intrinsic())) {
      cg.elements.length(args, names, loc);
      return;
    }
    UnaryOp op = fn.scalarOp();
    if (op == null || args.length != 1 || names != null) {
      kernel(fn, args, plan != null ? plan : planOf(fn, args.length, names, loc), loc);
      return;
    }
    String owner = "dev/exp/tensor/op/UnaryOp";
    cg.mv.visitFieldInsn(GETSTATIC, owner, op.name(), "L" + owner + ";");
    cg.stacked++;
    cg.num(args[0]);
    cg.stacked--;
    cg.tick(loc);
    cg.mv.visitMethodInsn(INVOKEVIRTUAL, owner, "apply", "(D)D", false);
  }

  /** The binding plan of a call with named arguments; null when there is none (the tree then reports the call's error). */
  private static CallPlan planOf(Callable fn, int n, String[] names, Loc loc) {
    try {
      return fn.sig() == null ? null : fn.sig().plan(n, names, loc);
    } catch (RuntimeException e) {
      return null;
    }
  }

  /**
   * A loop's call of a kernel that returns a number for numbers ({@code uniform()}): the arguments are
   * boxed in source order and the kernel is called as the tree calls it, after the call's step. Only in
   * loops: a function's translation must have no effects (it may deoptimise and run again), and a
   * kernel may draw random numbers.
   */
  private void kernel(Callable fn, Node[] args, CallPlan plan, Loc loc) throws NumericCodegen.Ineligible {
    if (cg.code != null || plan == null) {
      throw new NumericCodegen.Ineligible("a call of builtin " + fn.name());
    }
    boolean[] given = new boolean[fn.sig().size()];
    for (int i = 0; i < args.length; i++) {
      given[plan.target(i)] = true;
    }
    if (!fn.returnsNumber(given)) {
      throw new NumericCodegen.Ineligible("a call of builtin " + fn.name());
    }
    String site = "dev/exp/eval/nodes/NumericKernelCall";
    cg.getConstant(new NumericKernelCall(fn, plan, loc), "L" + site + ";");
    cg.mv.visitVarInsn(ALOAD, 0);
    cg.mv.visitLdcInsn(args.length);
    cg.mv.visitTypeInsn(ANEWARRAY, "java/lang/Object");
    cg.stacked += 3;
    for (int i = 0; i < args.length; i++) {
      cg.mv.visitInsn(DUP);
      cg.mv.visitLdcInsn(i);
      cg.stacked += 2;
      cg.num(args[i]);
      cg.stacked -= 2;
      cg.mv.visitMethodInsn(INVOKESTATIC, "java/lang/Double", "valueOf", "(D)Ljava/lang/Double;", false);
      cg.mv.visitInsn(AASTORE);
    }
    cg.stacked -= 3;
    cg.tick(loc);
    cg.mv.visitMethodInsn(INVOKEVIRTUAL, site, "call", "(" + CTX_D + "[" + OBJECT_D + ")D", false);
  }
}
