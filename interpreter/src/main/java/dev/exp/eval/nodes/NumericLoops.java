package dev.exp.eval.nodes;

import static dev.exp.eval.nodes.NumericClassFile.ENTRY;
import static dev.exp.eval.nodes.NumericClassFile.LOC_D;
import static org.objectweb.asm.Opcodes.*;

import dev.exp.syntax.Loc;
import org.objectweb.asm.Label;

/**
 * The loops of a translation ({@link NumericCodegen}): {@code while}, {@code for} over a range (a
 * long counter), the counted iterations of a translated {@code for} loop itself, and {@code break}
 * and {@code continue} as jumps to the labels of the innermost loop.
 */
final class NumericLoops {
  private final NumericCodegen cg;
  private LoopLabels loop;

  /** Where {@code break} and {@code continue} of the innermost loop jump to. */
  private record LoopLabels(Label exit, Label next, int stacked, LoopLabels outer) {}

  NumericLoops(NumericCodegen cg) {
    this.cg = cg;
  }

  /** {@code while c { ... }}: the condition, then the step the tree counts, then the body. */
  void whileLoop(ControlNodes.While w) throws NumericCodegen.Ineligible {
    Label top = new Label();
    Label exit = new Label();
    cg.mv.visitLabel(top);
    cg.condition(w, w.cond, exit, false);
    cg.tick(w.loc);
    loop = new LoopLabels(exit, top, cg.stacked, loop);
    cg.statement(w.body);
    loop = loop.outer;
    cg.mv.visitJumpInsn(GOTO, top);
    cg.mv.visitLabel(exit);
  }

  /** {@code break} or {@code continue}: a jump to the innermost loop (none, or values left on the operand stack: ineligible). */
  void jump(Node n) throws NumericCodegen.Ineligible {
    if (loop == null || loop.stacked != cg.stacked) {
      throw new NumericCodegen.Ineligible("a break or continue inside an expression");
    }
    cg.mv.visitJumpInsn(GOTO, n instanceof ControlNodes.Break ? loop.exit : loop.next);
  }

  /** Converts the number on the stack to a range bound (the tree's error when it is not an integer). */
  private void bound(String what, Loc loc) {
    cg.mv.visitLdcInsn(what);
    cg.getConstant(loc, LOC_D);
    cg.mv.visitMethodInsn(INVOKESTATIC, ENTRY, "bound", "(DLjava/lang/String;" + LOC_D + ")J", false);
  }

  /** {@code for v in a..b} (or {@code a..=b}): a long counter; the variable is {@code a + i} as a double. */
  void forRange(ControlNodes.For f) throws NumericCodegen.Ineligible {
    if (!(f.source instanceof OperatorNodes.Range r) || f.second != null || f.first.captured) {
      throw new NumericCodegen.Ineligible("a for loop over something other than a range");
    }
    int from = cg.nextLocal;
    int count = cg.nextLocal + 2;
    cg.nextLocal += 4;
    cg.num(r.from);
    bound("the start of a range", r.loc);
    cg.mv.visitVarInsn(LSTORE, from);
    cg.num(r.to);
    bound("the end of a range", r.loc);
    if (r.inclusive) {
      cg.mv.visitInsn(LCONST_1);
      cg.mv.visitInsn(LADD);
    }
    cg.mv.visitVarInsn(LLOAD, from);
    cg.mv.visitInsn(LSUB);
    cg.mv.visitVarInsn(LSTORE, count);
    countedLoop(f, from, -1, count, -1);
  }

  /**
   * The iterations {@code start..count} of {@code f} (JVM locals; step and start -1 for 1 and 0): the
   * variable is {@code from + i * step} as a double, and the step is counted at every iteration.
   */
  void countedLoop(ControlNodes.For f, int from, int step, int count, int start) throws NumericCodegen.Ineligible {
    int i = cg.nextLocal;
    cg.nextLocal += 2;
    if (start < 0) {
      cg.mv.visitInsn(LCONST_0);
    } else {
      cg.mv.visitVarInsn(LLOAD, start);
    }
    cg.mv.visitVarInsn(LSTORE, i);
    Label top = new Label();
    Label next = new Label();
    Label exit = new Label();
    cg.mv.visitLabel(top);
    cg.mv.visitVarInsn(LLOAD, i);
    cg.mv.visitVarInsn(LLOAD, count);
    cg.mv.visitInsn(LCMP);
    cg.mv.visitJumpInsn(IFGE, exit);
    cg.tick(f.loc);
    cg.mv.visitVarInsn(LLOAD, from);
    cg.mv.visitVarInsn(LLOAD, i);
    if (step >= 0) {
      cg.mv.visitVarInsn(LLOAD, step);
      cg.mv.visitInsn(LMUL);
    }
    cg.mv.visitInsn(LADD);
    cg.mv.visitInsn(L2D);
    cg.slots.declared.set(f.first.slot);
    cg.slots.storeKind(f.first.slot, false, true);
    cg.mv.visitVarInsn(DSTORE, cg.local(f.first.slot));
    loop = new LoopLabels(exit, next, cg.stacked, loop);
    cg.statement(f.body);
    loop = loop.outer;
    cg.mv.visitLabel(next);
    cg.mv.visitVarInsn(LLOAD, i);
    cg.mv.visitInsn(LCONST_1);
    cg.mv.visitInsn(LADD);
    cg.mv.visitVarInsn(LSTORE, i);
    cg.mv.visitJumpInsn(GOTO, top);
    cg.mv.visitLabel(exit);
  }
}
