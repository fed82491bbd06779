package dev.exp.eval.nodes;

import static org.objectweb.asm.Opcodes.ATHROW;
import static org.objectweb.asm.Opcodes.DADD;
import static org.objectweb.asm.Opcodes.DCONST_0;
import static org.objectweb.asm.Opcodes.DLOAD;
import static org.objectweb.asm.Opcodes.DMUL;
import static org.objectweb.asm.Opcodes.DRETURN;
import static org.objectweb.asm.Opcodes.DSTORE;
import static org.objectweb.asm.Opcodes.GOTO;
import static org.objectweb.asm.Opcodes.IFGE;
import static org.objectweb.asm.Opcodes.L2D;
import static org.objectweb.asm.Opcodes.LCMP;
import static org.objectweb.asm.Opcodes.LCONST_0;
import static org.objectweb.asm.Opcodes.LCONST_1;
import static org.objectweb.asm.Opcodes.LADD;
import static org.objectweb.asm.Opcodes.LLOAD;
import static org.objectweb.asm.Opcodes.LSTORE;

import java.util.concurrent.atomic.AtomicBoolean;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;

/**
 * Gets the numeric tier's class-file machinery ready while a script is still being read. ASM's class
 * files (version 49) cannot go into the start-up archive, so the first translation of a run used to
 * pay for loading, verifying and interpreting them (40-120 ms measured on the reference machine). An
 * engine starts this once per JVM on a low-priority daemon thread: it builds and loads one small
 * function class, the same kind of work as a real translation, on the core the parser is not using.
 */
public final class NumericWarmUp {
  private NumericWarmUp() {}

  private static final AtomicBoolean STARTED = new AtomicBoolean();

  /** Starts the warm-up (once per JVM; nothing when the tier is off or {@code -Dexp.tier.warmup=false}). */
  public static void start() {
    if (!NumericTier.enabled || "false".equals(System.getProperty("exp.tier.warmup")) || !STARTED.compareAndSet(false, true)) {
      return;
    }
    Thread t = new Thread(NumericWarmUp::run, "exp-tier-warmup");
    t.setDaemon(true);
    t.setPriority(Thread.MIN_PRIORITY);
    t.start();
  }

  /** {@code fn (x) { var s = 0; for i in 0..3 { s += i * x }; s }}, built, loaded and called. */
  static double run() {
    try {
      NumericClassFile cls = new NumericClassFile(NumericClassFile.ENTRY, NumericClassFile.bodyDescriptor(1));
      MethodVisitor mv = cls.body();
      mv.visitCode();
      Label start = new Label();
      Label end = new Label();
      Label handler = new Label();
      Label test = new Label();
      Label done = new Label();
      mv.visitTryCatchBlock(start, end, handler, NumericClassFile.ERROR);
      mv.visitLabel(start);
      mv.visitInsn(DCONST_0);
      mv.visitVarInsn(DSTORE, 3);
      mv.visitInsn(LCONST_0);
      mv.visitVarInsn(LSTORE, 5);
      mv.visitLabel(test);
      mv.visitVarInsn(LLOAD, 5);
      mv.visitLdcInsn(3L);
      mv.visitInsn(LCMP);
      mv.visitJumpInsn(IFGE, done);
      mv.visitVarInsn(DLOAD, 3);
      mv.visitVarInsn(LLOAD, 5);
      mv.visitInsn(L2D);
      mv.visitVarInsn(DLOAD, 1);
      mv.visitInsn(DMUL);
      mv.visitInsn(DADD);
      mv.visitVarInsn(DSTORE, 3);
      mv.visitVarInsn(LLOAD, 5);
      mv.visitInsn(LCONST_1);
      mv.visitInsn(LADD);
      mv.visitVarInsn(LSTORE, 5);
      mv.visitJumpInsn(GOTO, test);
      mv.visitLabel(done);
      mv.visitVarInsn(DLOAD, 3);
      mv.visitInsn(DRETURN);
      mv.visitLabel(end);
      mv.visitLabel(handler);
      mv.visitInsn(ATHROW);
      mv.visitMaxs(0, 0);
      mv.visitEnd();
      NumericEntry e = (NumericEntry) cls.define(true, 1, false, false);
      return e.invoke(null, null, new double[] {2});   // 0 * 2 + 1 * 2 + 2 * 2 = 6
    } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
      if (NumericTier.STRICT) {
        throw new IllegalStateException("numeric tier warm-up failed", e);
      }
      return Double.NaN;   // only a warm-up: a real translation reports its own problems
    }
  }
}
