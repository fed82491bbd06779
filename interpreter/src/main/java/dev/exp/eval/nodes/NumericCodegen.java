package dev.exp.eval.nodes;

import static org.objectweb.asm.Opcodes.*;

import dev.exp.eval.runtime.GlobalVar;
import dev.exp.syntax.Loc;
import dev.exp.tensor.Tensor;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodType;
import java.util.IdentityHashMap;
import java.util.Map;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Type;

/**
 * Translates the node tree of one numeric function into a hidden class (see {@link NumericTier} for
 * what qualifies). The function becomes a static method {@code body(Context, double...) double}:
 * every frame slot is a JVM {@code double} local, arithmetic and comparisons are JVM instructions,
 * {@code if}/{@code while}/{@code for} are branches, {@code return}/{@code break}/{@code continue}
 * are jumps, a call to itself is an {@code invokestatic} and a call to another compiled function a
 * constant {@link MethodHandle}. Limits stay exactly where the tree checks them: {@code tick} at
 * every call and loop iteration, {@code enter}/{@code exit} around calls. Anything outside that
 * subset makes the translation fail with {@link Ineligible}, and the function stays in the tree.
 *
 * <p>The translation walks the tree once: the walk is the eligibility check.
 */
final class NumericCodegen {
  /** The node tree holds something the tier does not translate (the reason, for the log). */
  static final class Ineligible extends Exception {
    private static final long serialVersionUID = 1L;

    Ineligible(String why) {
      super(why, null, false, false);
    }
  }

  private static final String ENTRY = NumericClassFile.ENTRY;
  private static final String CTX = NumericClassFile.CTX;
  private static final String CTX_D = NumericClassFile.CTX_D;
  private static final String LOC_D = NumericClassFile.LOC_D;
  private static final String GLOBAL_D = NumericClassFile.GLOBAL_D;
  private static final String OBJECT_D = NumericClassFile.OBJECT_D;
  private static final String MH_D = NumericClassFile.MH_D;
  private static final String ERROR = NumericClassFile.ERROR;
  private static final String FRAME = NumericClassFile.FRAME;
  private static final String SELF = NumericClassFile.SELF;

  static final int NUM = 1;
  private static final int BOOL = 2;
  private static final int VOID = 3;
  /** Control never reaches the end (return, break, continue). */
  private static final int DIVERGE = 4;

  /** The function being translated; null for a loop. */
  final FunctionCode code;
  /** The loop being translated ({@link ControlNodes.For} or {@link ControlNodes.While}); null for a function. */
  private final Node loopNode;
  private final int frameSize;
  private final NumericTier.Compiling compiling;
  private final int arity;
  /** Whether the function reads captured variables (its {@code body} then takes its closure's cells). */
  private final boolean captures;
  /** JVM local of frame slot 0 (slot s is at base + 2s). */
  private final int base;
  /** The kinds of the frame slots, and what a loop reads, writes and declares. */
  final NumericSlots slots;
  /** The tensor-element part of the walk. */
  final NumericElements elements = new NumericElements(this);
  /** The part of the walk for calls of builtins and kernels. */
  private final NumericBuiltins builtins = new NumericBuiltins(this);
  /** The class being built: its constants, call sites and scaffolding. */
  private final NumericClassFile cls;
  /** Globals holding real tensors that are indexed (with their ranks), and those written into. */
  final Map<GlobalVar, Integer> tensorGlobals = new IdentityHashMap<>();
  final java.util.Set<GlobalVar> tensorGlobalsWritten = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
  /** Globals read as numbers and as bools (here and in the functions called), and the callee guards. */
  private final java.util.Set<GlobalVar> reads = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
  private final java.util.Set<GlobalVar> boolReads = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
  private final Map<GlobalVar, Object> guards = new IdentityHashMap<>();
  private boolean mayEndWithoutNumber;
  /** Whether the function's body is a bool (returned as 1 or 0). */
  private boolean boolResult;
  MethodVisitor mv;
  /** Values on the operand stack below the code being emitted: a jump out of a loop may not leave any. */
  int stacked;
  private LoopLabels loop;
  private final int siteLocal;
  int nextLocal;

  /** Where {@code break} and {@code continue} of the innermost loop jump to. */
  private record LoopLabels(Label exit, Label next, int stacked, LoopLabels outer) {}

  private NumericCodegen(FunctionCode code, Node loopNode, Object[] frameSlots, int frameSize, NumericTier.Compiling compiling) {
    this.code = code;
    this.loopNode = loopNode;
    this.frameSize = frameSize;
    this.compiling = compiling;
    if (code != null) {
      this.arity = code.params.length;
      this.captures = code.captures.length > 0;
      this.base = captures ? 2 : 1;   // (ctx, [captures,] args...)
      this.cls = new NumericClassFile(ENTRY, NumericClassFile.bodyDescriptor(arity, captures));
    } else {
      this.arity = 0;
      this.captures = false;
      boolean isFor = loopNode instanceof ControlNodes.For;
      this.base = isFor ? 10 : 2;   // (ctx, frame, from, step, count, start) or (ctx, frame)
      this.cls = new NumericClassFile(NumericClassFile.LOOP, isFor ? NumericClassFile.FOR_DESC : NumericClassFile.WHILE_DESC);
    }
    this.slots = new NumericSlots(arity, frameSlots);
    this.siteLocal = base + 2 * frameSize;
    this.nextLocal = siteLocal + 1;
  }

  /** Translates and loads {@code code}; {@link Ineligible} when it is outside the numeric subset. */
  static NumericEntry compile(FunctionCode code, NumericTier.Compiling compiling) throws Ineligible {
    NumericCodegen g = new NumericCodegen(code, null, null, code.frameSize, compiling);
    g.emit();
    try {
      NumericEntry entry = (NumericEntry) g.cls.define(true, g.arity, g.captures, false);
      entry.lookup = g.cls.lookup;
      entry.bodyType = MethodType.fromMethodDescriptorString(g.cls.bodyDesc, NumericCodegen.class.getClassLoader());
      entry.reads = g.reads.toArray(new GlobalVar[0]);
      entry.boolReads = g.boolReads.toArray(new GlobalVar[0]);
      entry.tensorReads = g.tensorGlobals.keySet().toArray(new GlobalVar[0]);
      entry.tensorReadRanks = g.tensorGlobals.values().stream().mapToInt(Integer::intValue).toArray();
      entry.guardGlobals = g.guards.keySet().toArray(new GlobalVar[0]);
      entry.guardValues = g.guards.values().toArray();
      entry.mayEndWithoutNumber = g.mayEndWithoutNumber;
      entry.boolResult = g.boolResult;
      return entry;
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable t) {
      throw new IllegalStateException("numeric tier: cannot load the code of " + code.name, t);
    }
  }

  /** Translates and loads one loop of a frame with {@code frameSize} slots. */
  static NumericLoop compileLoop(Node loop, Object[] frameSlots, NumericTier.Compiling compiling) throws Ineligible {
    NumericCodegen g = new NumericCodegen(null, loop, frameSlots, frameSlots.length, compiling);
    g.emit();
    try {
      NumericLoop l = (NumericLoop) g.cls.define(false, 0, false, loop instanceof ControlNodes.For);
      g.slots.inputsOf(l);
      l.tensorGlobals = g.tensorGlobals.keySet().toArray(new GlobalVar[0]);
      l.tensorGlobalRanks = g.tensorGlobals.values().stream().mapToInt(Integer::intValue).toArray();
      l.tensorGlobalWritten = new boolean[l.tensorGlobals.length];
      for (int k = 0; k < l.tensorGlobals.length; k++) {
        l.tensorGlobalWritten[k] = g.tensorGlobalsWritten.contains(l.tensorGlobals[k]);
      }
      l.reads = g.reads.toArray(new GlobalVar[0]);
      l.boolReads = g.boolReads.toArray(new GlobalVar[0]);
      l.guardGlobals = g.guards.keySet().toArray(new GlobalVar[0]);
      l.guardValues = g.guards.values().toArray();
      return l;
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable t) {
      throw new IllegalStateException("numeric tier: cannot load a loop at " + loop.loc, t);
    }
  }

  /** Emits the static {@code body}: the walk of the tree that is also the eligibility check. */
  private void emit() throws Ineligible {
    if (code != null && code.capturedParams) {
      throw new Ineligible("an inner function captures its parameters");
    }
    mv = cls.body();
    if (code != null) {
      body();
    } else {
      loopBody();
    }
  }

  void getConstant(Object value, String type) {
    cls.get(mv, value, type);
  }

  // ------------------------------------------------------------------ the body

  int local(int slot) {
    if (slot >= frameSize) {
      throw new IllegalStateException("slot " + slot + " outside a frame of " + frameSize);
    }
    return base + 2 * slot;
  }

  private void body() throws Ineligible {
    mv.visitCode();
    Label prologue = new Label();
    Label entry = new Label();
    mv.visitJumpInsn(GOTO, prologue);   // the tensors indexed are loaded first (known after the walk)
    mv.visitLabel(entry);
    for (int s = arity; s < code.frameSize; s++) {
      mv.visitInsn(DCONST_0);
      mv.visitVarInsn(DSTORE, local(s));
    }
    mv.visitInsn(ICONST_M1);
    mv.visitVarInsn(ISTORE, siteLocal);
    Label start = new Label();
    Label end = new Label();
    Label handler = new Label();
    mv.visitTryCatchBlock(start, end, handler, ERROR);
    mv.visitLabel(start);
    Node body = code.body;
    int result = kind(body);
    if (result == NUM) {
      num(body);
      mv.visitInsn(DRETURN);
    } else if (result == BOOL) {
      boolResult = true;   // a predicate (x => x % 3 == 0): 1 or 0, which the closure returns as a bool
      boolValue(body);
      mv.visitInsn(I2D);
      mv.visitInsn(DRETURN);
    } else {
      statement(body);
      mayEndWithoutNumber = true;
      deopt();   // the body ends without a number: the tree gives its value
    }
    mv.visitLabel(end);
    mv.visitLabel(handler);
    mv.visitVarInsn(ILOAD, siteLocal);
    cls.getSites(mv);
    mv.visitMethodInsn(INVOKESTATIC, ENTRY, "unwind",
        "(L" + ERROR + ";I[Ljava/lang/String;[" + LOC_D + ")L" + ERROR + ";", false);
    mv.visitInsn(ATHROW);
    mv.visitLabel(prologue);
    elements.emitHoists();
    mv.visitJumpInsn(GOTO, entry);
    mv.visitMaxs(0, 0);
    mv.visitEnd();
  }

  /**
   * A loop's code: the prologue (at the end, reached by a jump: only then are the variables it must
   * load known) loads the frame's numbers into JVM locals; the loop runs; the variables it changed
   * are written back on the way out, normally or by an exception.
   */
  private void loopBody() throws Ineligible {
    mv.visitCode();
    Label prologue = new Label();
    Label start = new Label();
    Label end = new Label();
    Label handler = new Label();
    mv.visitTryCatchBlock(start, end, handler, "java/lang/Throwable");
    mv.visitJumpInsn(GOTO, prologue);
    mv.visitLabel(start);
    if (loopNode instanceof ControlNodes.For f) {
      if (f.second != null || f.first.captured) {
        throw new Ineligible("a for loop over pairs or with a captured variable");
      }
      countedLoop(f, 2, 4, 6, 8);   // runFor's (from, step, count, start)
    } else {
      statement(loopNode);
    }
    mv.visitLabel(end);
    writeBack();
    mv.visitInsn(RETURN);
    mv.visitLabel(handler);
    mv.visitVarInsn(ILOAD, siteLocal);
    cls.getSites(mv);
    mv.visitMethodInsn(INVOKESTATIC, ENTRY, "unwindAny",
        "(Ljava/lang/Throwable;I[Ljava/lang/String;[" + LOC_D + ")Ljava/lang/Throwable;", false);
    writeBack();
    mv.visitInsn(ATHROW);
    mv.visitLabel(prologue);
    for (int s = 0; s < frameSize; s++) {
      boolean bool = slots.holdsBool(s);
      if (slots.isInput(s)) {
        mv.visitVarInsn(ALOAD, 1);
        mv.visitLdcInsn(s);
        if (slots.isTensor(s)) {
          mv.visitMethodInsn(INVOKESTATIC, Type.getInternalName(TensorElements.class), "slot",
              "(L" + FRAME + ";I)L" + Type.getInternalName(Tensor.class) + ";", false);
          mv.visitVarInsn(ASTORE, local(s));
        } else if (bool) {
          mv.visitMethodInsn(INVOKESTATIC, ENTRY, "slotBool", "(L" + FRAME + ";I)Z", false);
          mv.visitVarInsn(ISTORE, local(s));
        } else {
          mv.visitMethodInsn(INVOKESTATIC, ENTRY, "slot", "(L" + FRAME + ";I)D", false);
          mv.visitVarInsn(DSTORE, local(s));
        }
      } else if (slots.declared.get(s)) {
        mv.visitInsn(DCONST_0);   // any value: every read of a declared slot follows its store
        mv.visitVarInsn(DSTORE, local(s));
      }
    }
    elements.emitHoists();
    mv.visitInsn(ICONST_M1);
    mv.visitVarInsn(ISTORE, siteLocal);
    mv.visitJumpInsn(GOTO, start);
    mv.visitMaxs(0, 0);
    mv.visitEnd();
  }

  /** Writes the frame variables the loop changed (declared before it) back to the frame. */
  private void writeBack() {
    for (int s = slots.written.nextSetBit(0); s >= 0; s = slots.written.nextSetBit(s + 1)) {
      if (!slots.declared.get(s)) {
        mv.visitVarInsn(ALOAD, 1);
        mv.visitLdcInsn(s);
        if (slots.holdsBool(s)) {
          mv.visitVarInsn(ILOAD, local(s));
          mv.visitMethodInsn(INVOKESTATIC, ENTRY, "storeBool", "(L" + FRAME + ";IZ)V", false);
        } else {
          mv.visitVarInsn(DLOAD, local(s));
          mv.visitMethodInsn(INVOKESTATIC, ENTRY, "store", "(L" + FRAME + ";ID)V", false);
        }
      }
    }
  }

  private void deopt() {
    mv.visitMethodInsn(INVOKESTATIC, ENTRY, "deopt", "()L" + ENTRY + "$Deopt;", false);
    mv.visitInsn(ATHROW);
  }

  void tick(Loc loc) {
    mv.visitVarInsn(ALOAD, 0);
    getConstant(loc, LOC_D);
    mv.visitMethodInsn(INVOKEVIRTUAL, CTX, "tick", "(" + LOC_D + ")V", false);
  }

  /** What a node evaluates to, as far as the translation is concerned. */
  int kind(Node n) {
    if (n instanceof VariableNodes.Const k) {
      return k.isNum ? NUM : k.value instanceof Boolean ? BOOL : VOID;
    }
    if (n instanceof VariableNodes.GlobalGet g) {
      return g.g.value instanceof Boolean ? BOOL : NUM;
    }
    if (n instanceof FusedNodes.Fused f) {
      return kind(f.plain);
    }
    if (n instanceof FusedNodes.ProbedLeaf p) {
      return kind(p.leaf());
    }
    if (n instanceof VariableNodes.LocalGet g) {
      return !g.v.captured && slots.guessBool(g.slot) ? BOOL : NUM;
    }
    if (n instanceof VariableNodes.CaptureGet) {
      return NUM;   // read as a number; a captured bool fails the read's check (see captured)
    }
    if (n instanceof Arithmetic.Op || n instanceof OperatorNodes.Negate || n instanceof OperatorNodes.Plus
        || n instanceof AccessNodes.Call || n instanceof AccessNodes.ConstCall || n instanceof AccessNodes.Index) {
      return NUM;
    }
    if (n instanceof Comparisons.Op || n instanceof OperatorNodes.Not || n instanceof OperatorNodes.And
        || n instanceof OperatorNodes.Or) {
      return BOOL;
    }
    if (n instanceof ControlNodes.If i) {
      int t = kind(i.then);
      int o = i.otherwise == null ? VOID : kind(i.otherwise);
      if (t == DIVERGE) {
        return o;
      }
      if (o == DIVERGE) {
        return t;
      }
      return t == o ? t : VOID;
    }
    if (n instanceof ControlNodes.Block b) {
      return b.statements.length == 0 ? VOID : kind(b.statements[b.statements.length - 1]);
    }
    if (n instanceof ControlNodes.Return || n instanceof ControlNodes.Break || n instanceof ControlNodes.Continue) {
      return DIVERGE;
    }
    return VOID;
  }

  /** Emits {@code n} leaving its number on the operand stack. */
  void num(Node n) throws Ineligible {
    if (n instanceof VariableNodes.Const k) {
      if (!k.isNum) {
        throw new Ineligible("a constant that is not a number");
      }
      mv.visitLdcInsn(k.num);
    } else if (n instanceof VariableNodes.LocalGet g) {
      if (g.v.captured) {
        throw new Ineligible("a captured local");
      }
      if (slots.isBool(g.slot) || slots.isTensor(g.slot)) {
        throw new Ineligible("a bool or tensor variable used as a number");
      }
      slots.read.set(g.slot);
      mv.visitVarInsn(DLOAD, local(g.slot));
    } else if (n instanceof VariableNodes.CaptureGet c) {
      captured(c);
    } else if (n instanceof VariableNodes.GlobalGet g) {
      if (!(g.g.value instanceof Double) && g.g.value != Frame.NUM) {
        throw new Ineligible("global '" + g.g.name + "' is not a number");
      }
      reads.add(g.g);
      getConstant(g.g, GLOBAL_D);
      mv.visitMethodInsn(INVOKESTATIC, ENTRY, "global", "(" + GLOBAL_D + ")D", false);
    } else if (n instanceof FusedNodes.ProbedLeaf p) {
      num(p.leaf());
    } else if (n instanceof FusedNodes.Fused f) {
      num(f.plain);
    } else if (n instanceof Arithmetic.Op op) {
      arithmetic(op);
    } else if (n instanceof OperatorNodes.Negate neg) {
      if (neg.generic) {
        throw new Ineligible("negation of a non-number");
      }
      num(neg.operand);
      mv.visitInsn(DNEG);
    } else if (n instanceof OperatorNodes.Plus p) {
      num(p.operand);
    } else if (n instanceof AccessNodes.Call c) {
      if (c.callee instanceof VariableNodes.Const k && k.value instanceof dev.exp.eval.runtime.Callable fn) {
        builtins.call(fn, c.args, c.names, null, c.loc);
      } else {
        call(c);
      }
    } else if (n instanceof AccessNodes.ConstCall c) {
      builtins.call(c.fn, c.args, null, c.plan, c.loc);
    } else if (n instanceof AccessNodes.Index ix) {
      elements.element(ix, null);
    } else if (n instanceof ControlNodes.If i) {
      if (i.otherwise == null) {
        throw new Ineligible("an if without else as a value");
      }
      Label otherwise = new Label();
      Label end = new Label();
      condition(i, i.cond, otherwise, false);
      branchValue(i.then);
      mv.visitJumpInsn(GOTO, end);
      mv.visitLabel(otherwise);
      branchValue(i.otherwise);
      mv.visitLabel(end);
    } else if (n instanceof ControlNodes.Block b) {
      Node[] ss = b.statements;
      if (ss.length == 0) {
        throw new Ineligible("an empty block as a value");
      }
      for (int k = 0; k < ss.length - 1; k++) {
        statement(ss[k]);
      }
      branchValue(ss[ss.length - 1]);
    } else if (kind(n) == DIVERGE) {
      branchValue(n);
    } else {
      throw new Ineligible(n.getClass().getSimpleName() + " as a number");
    }
  }

  /** A value position that may also end in a jump (a branch that returns): a dummy keeps the stack shape. */
  private void branchValue(Node n) throws Ineligible {
    if (kind(n) == DIVERGE) {
      statement(n);
      mv.visitInsn(DCONST_0);   // not reached
    } else {
      num(n);
    }
  }

  /** The two numbers of a binary operator, left then right. */
  private void operands(Node left, Node right) throws Ineligible {
    num(left);
    stacked++;
    num(right);
    stacked--;
  }

  private void arithmetic(Arithmetic.Op op) throws Ineligible {
    if (op.generic) {
      throw new Ineligible("arithmetic that has seen non-numbers");
    }
    operands(op.left, op.right);
    if (op instanceof Arithmetic.Add) {
      mv.visitInsn(DADD);
    } else if (op instanceof Arithmetic.Sub) {
      mv.visitInsn(DSUB);
    } else if (op instanceof Arithmetic.Mul) {
      mv.visitInsn(DMUL);
    } else if (op instanceof Arithmetic.Div) {
      mv.visitInsn(DDIV);
    } else if (op instanceof Arithmetic.Mod) {
      mv.visitMethodInsn(INVOKESTATIC, "dev/exp/tensor/op/BinaryOp", "floorMod", "(DD)D", false);
    } else if (op instanceof Arithmetic.Pow) {
      mv.visitMethodInsn(INVOKESTATIC, "java/lang/Math", "pow", "(DD)D", false);
    } else {
      throw new Ineligible("operator " + op.op);
    }
  }

  /**
   * A call of a function by name with all its arguments, positionally: a top-level function, or in a
   * loop a closure held by a local the loop does not assign ({@code let f = x => x * k} before it).
   * A global callee is guarded (the global still holds a closure of the code seen here: a script run
   * again defines its functions afresh, with the same code); a local one is checked by
   * {@link NumericLoop#ready}. A callee that captured variables gets its closure's cells, read at the
   * call. Then the tree's order is kept: arguments, {@code tick}, {@code enter}, the call, {@code exit}.
   */
  private void call(AccessNodes.Call c) throws Ineligible {
    VariableNodes.GlobalGet g = c.callee instanceof VariableNodes.GlobalGet x ? x : null;
    VariableNodes.LocalGet local = code == null && c.callee instanceof VariableNodes.LocalGet x && !x.v.captured ? x : null;
    Closure callee = g != null && g.g.value instanceof Closure k ? k : local != null ? slots.closure(local.slot) : null;
    if (c.names != null || callee == null) {
      throw new Ineligible("a call that is not a plain call of a top-level function or of a local closure");
    }
    FunctionCode cc = callee.code;
    boolean withCaptures = cc.captures.length > 0;
    if (cc.capturedParams || c.args.length != cc.params.length || withCaptures && cc == code) {
      throw new Ineligible("a call of " + callee.name() + " with defaults or captured parameters");
    }
    MethodHandle target = null;
    if (cc != code) {
      NumericEntry e = compiling.callee(cc);
      if (e == null) {
        throw new Ineligible("calls " + callee.name() + ", which stays in the tree");
      }
      if (e.boolResult) {
        throw new Ineligible("calls " + callee.name() + ", which returns a bool");
      }
      if (code == null && e.mayEndWithoutNumber) {
        throw new Ineligible("a loop calls " + callee.name() + ", which may end without a number");
      }
      target = e.body();
      java.util.Collections.addAll(reads, e.reads);
      java.util.Collections.addAll(boolReads, e.boolReads);
      for (int k = 0; k < e.tensorReads.length; k++) {
        Integer had = tensorGlobals.putIfAbsent(e.tensorReads[k], e.tensorReadRanks[k]);
        if (had != null && had != e.tensorReadRanks[k]) {
          throw new Ineligible("a global tensor indexed with different ranks");
        }
      }
      for (int k = 0; k < e.guardGlobals.length; k++) {
        guards.put(e.guardGlobals[k], e.guardValues[k]);
      }
      mayEndWithoutNumber |= e.mayEndWithoutNumber;
    }
    if (g != null) {
      guards.put(g.g, cc);
      getConstant(g.g, GLOBAL_D);
      getConstant(cc, OBJECT_D);
      mv.visitMethodInsn(INVOKESTATIC, ENTRY, "callee", "(" + GLOBAL_D + OBJECT_D + ")V", false);
    }
    int below = 1;
    if (target != null) {
      getConstant(target, MH_D);
      below++;
    }
    mv.visitVarInsn(ALOAD, 0);
    if (withCaptures) {
      if (g != null) {
        getConstant(g.g, GLOBAL_D);
        mv.visitMethodInsn(INVOKESTATIC, ENTRY, "capturesOf", "(" + GLOBAL_D + ")[Ljava/lang/Object;", false);
      } else {
        mv.visitVarInsn(ALOAD, 1);
        mv.visitLdcInsn(local.slot);
        mv.visitMethodInsn(INVOKESTATIC, ENTRY, "capturesIn", "(L" + FRAME + ";I)[Ljava/lang/Object;", false);
      }
      below++;
    }
    stacked += below;
    for (Node a : c.args) {
      num(a);
      stacked++;
    }
    stacked -= below + c.args.length;
    tick(c.loc);
    mv.visitVarInsn(ALOAD, 0);
    getConstant(c.loc, LOC_D);
    mv.visitMethodInsn(INVOKEVIRTUAL, CTX, "enter", "(" + LOC_D + ")V", false);
    mv.visitLdcInsn(cls.site(callee.name(), c.loc));
    mv.visitVarInsn(ISTORE, siteLocal);
    if (target == null) {
      mv.visitMethodInsn(INVOKESTATIC, SELF, "body", cls.bodyDesc, false);
    } else {
      mv.visitMethodInsn(INVOKEVIRTUAL, "java/lang/invoke/MethodHandle", "invokeExact", NumericClassFile.bodyDescriptor(cc.params.length, withCaptures), false);
    }
    mv.visitInsn(ICONST_M1);
    mv.visitVarInsn(ISTORE, siteLocal);
    mv.visitVarInsn(ALOAD, 0);
    mv.visitMethodInsn(INVOKEVIRTUAL, CTX, "exit", "()V", false);
  }

  /**
   * A read of a captured variable as a number: a function reads its closure's cell (its second
   * argument) and deoptimises when the cell holds no number; a loop reads its frame's cell, which
   * {@link NumericLoop#ready} checked (nothing a translated loop runs can assign it).
   */
  private void captured(VariableNodes.CaptureGet c) {
    if (code != null) {
      mv.visitVarInsn(ALOAD, 1);
      mv.visitLdcInsn(c.index);
      mv.visitMethodInsn(INVOKESTATIC, ENTRY, "captured", "([Ljava/lang/Object;I)D", false);
    } else {
      slots.capturesRead.set(c.index);
      mv.visitVarInsn(ALOAD, 1);
      mv.visitLdcInsn(c.index);
      mv.visitMethodInsn(INVOKESTATIC, ENTRY, "capturedInLoop", "(L" + FRAME + ";I)D", false);
    }
  }

  /** Jumps to {@code target} when the bool {@code n} equals {@code when}; falls through otherwise. */
  private void condition(Node owner, Node n, Label target, boolean when) throws Ineligible {
    if (owner instanceof ControlNodes.If i && i.genericCond || owner instanceof ControlNodes.Loop l && l.genericCond) {
      throw new Ineligible("a condition that has seen non-bools");
    }
    cond(n, target, when);
  }

  private void cond(Node n, Label target, boolean when) throws Ineligible {
    if (n instanceof FusedNodes.Fused f) {
      cond(f.plain, target, when);
    } else if (n instanceof FusedNodes.ProbedLeaf p) {
      cond(p.leaf(), target, when);
    } else if (n instanceof Comparisons.Op c) {
      if (c.generic) {
        throw new Ineligible("a comparison that has seen non-numbers");
      }
      operands(c.left, c.right);
      // DCMPG makes NaN compare greater, DCMPL smaller: either way every comparison with NaN is false
      int cmp = c.op == dev.exp.tensor.op.BinaryOp.LT || c.op == dev.exp.tensor.op.BinaryOp.LE ? DCMPG : DCMPL;
      int jump = switch (c.op) {
        case LT -> when ? IFLT : IFGE;
        case LE -> when ? IFLE : IFGT;
        case GT -> when ? IFGT : IFLE;
        case GE -> when ? IFGE : IFLT;
        case EQ -> when ? IFEQ : IFNE;
        case NE -> when ? IFNE : IFEQ;
        default -> throw new Ineligible("comparison " + c.op);
      };
      mv.visitInsn(cmp);
      mv.visitJumpInsn(jump, target);
    } else if (n instanceof OperatorNodes.Not not) {
      cond(not.operand, target, !when);
    } else if (n instanceof OperatorNodes.And and) {
      if (when) {
        Label no = new Label();
        cond(and.left, no, false);
        cond(and.right, target, true);
        mv.visitLabel(no);
      } else {
        cond(and.left, target, false);
        cond(and.right, target, false);
      }
    } else if (n instanceof OperatorNodes.Or or) {
      if (when) {
        cond(or.left, target, true);
        cond(or.right, target, true);
      } else {
        Label yes = new Label();
        cond(or.left, yes, true);
        cond(or.right, target, false);
        mv.visitLabel(yes);
      }
    } else if (n instanceof VariableNodes.LocalGet g && !g.v.captured && slots.isBool(g.slot)) {
      slots.read.set(g.slot);
      mv.visitVarInsn(ILOAD, local(g.slot));
      mv.visitJumpInsn(when ? IFNE : IFEQ, target);
    } else if (n instanceof VariableNodes.CaptureGet c && code != null) {
      mv.visitVarInsn(ALOAD, 1);
      mv.visitLdcInsn(c.index);
      mv.visitMethodInsn(INVOKESTATIC, ENTRY, "capturedBool", "([Ljava/lang/Object;I)Z", false);
      mv.visitJumpInsn(when ? IFNE : IFEQ, target);
    } else if (n instanceof VariableNodes.GlobalGet g && g.g.value instanceof Boolean) {
      boolReads.add(g.g);
      getConstant(g.g, GLOBAL_D);
      mv.visitMethodInsn(INVOKESTATIC, ENTRY, "globalBool", "(" + GLOBAL_D + ")Z", false);
      mv.visitJumpInsn(when ? IFNE : IFEQ, target);
    } else if (n instanceof VariableNodes.Const k && k.value instanceof Boolean b) {
      if (b == when) {
        mv.visitJumpInsn(GOTO, target);
      }
    } else {
      throw new Ineligible(n.getClass().getSimpleName() + " as a condition");
    }
  }

  /** Emits {@code n} for its effect; the operand stack is as before. */
  private void statement(Node n) throws Ineligible {
    if (n instanceof VariableNodes.LocalStore s) {
      boolean declaration = s instanceof VariableNodes.LocalDeclare;
      boolean bool = kind(s.value) == BOOL;
      if (s.v.captured || s.generic && !bool) {
        throw new Ineligible("a store of a captured or non-numeric local");
      }
      if (bool) {
        boolValue(s.value);
      } else {
        num(s.value);
      }
      slots.storeKind(s.slot, bool, declaration);
      if (declaration) {
        slots.declared.set(s.slot);
      }
      slots.written.set(s.slot);
      mv.visitVarInsn(bool ? ISTORE : DSTORE, local(s.slot));
    } else if (n instanceof VariableNodes.GlobalSet s && code == null && kind(s.value) == BOOL
        && s.g.value instanceof Boolean) {
      boolReads.add(s.g);   // it must hold a bool when the loop starts
      getConstant(s.g, GLOBAL_D);
      stacked++;
      boolValue(s.value);
      stacked--;
      mv.visitMethodInsn(INVOKESTATIC, ENTRY, "setGlobalBool", "(" + GLOBAL_D + "Z)V", false);
    } else if (n instanceof VariableNodes.GlobalSet s && code == null) {
      // only a loop assigns globals (a function must stay free of effects)
      if (!s.typed || s.generic || !(s.g.value instanceof Double || s.g.value == Frame.NUM)) {   // typed: an assignment
        throw new Ineligible("a global store that is not a number");
      }
      reads.add(s.g);   // it must hold a number when the loop starts
      getConstant(s.g, GLOBAL_D);
      stacked++;
      num(s.value);
      stacked--;
      mv.visitMethodInsn(INVOKESTATIC, ENTRY, "setGlobal", "(" + GLOBAL_D + "D)V", false);
    } else if (n instanceof AccessNodes.IndexAssign a && code == null) {
      elements.element(a.index, a);   // only a loop writes into tensors (a function must stay free of effects)
    } else if (n instanceof ControlNodes.Block b) {
      for (Node s : b.statements) {
        statement(s);
      }
    } else if (n instanceof ControlNodes.If i) {
      Label otherwise = new Label();
      condition(i, i.cond, otherwise, false);
      statement(i.then);
      if (i.otherwise == null) {
        mv.visitLabel(otherwise);
      } else {
        Label end = new Label();
        mv.visitJumpInsn(GOTO, end);
        mv.visitLabel(otherwise);
        statement(i.otherwise);
        mv.visitLabel(end);
      }
    } else if (n instanceof ControlNodes.While w) {
      Label top = new Label();
      Label exit = new Label();
      mv.visitLabel(top);
      condition(w, w.cond, exit, false);
      tick(w.loc);
      loop = new LoopLabels(exit, top, stacked, loop);
      statement(w.body);
      loop = loop.outer;
      mv.visitJumpInsn(GOTO, top);
      mv.visitLabel(exit);
    } else if (n instanceof ControlNodes.For f) {
      forRange(f);
    } else if (n instanceof ControlNodes.Return r && code == null) {
      // a loop of a function that stays in the tree: hand the number to the tree's completion code
      if (!r.direct || r.value == null || kind(r.value) != NUM) {
        throw new Ineligible("a return inside a loop that is not a plain return of a number");
      }
      num(r.value);
      int v = nextLocal;
      nextLocal += 2;
      mv.visitVarInsn(DSTORE, v);
      writeBack();
      mv.visitVarInsn(ALOAD, 1);
      mv.visitVarInsn(DLOAD, v);
      mv.visitMethodInsn(INVOKESTATIC, ENTRY, "returnFromLoop", "(L" + FRAME + ";D)V", false);
      mv.visitInsn(RETURN);
    } else if (n instanceof ControlNodes.Return r) {
      if (r.value == null || kind(r.value) != NUM) {
        throw new Ineligible("a return without a number");
      }
      num(r.value);
      mv.visitInsn(DRETURN);
    } else if (n instanceof ControlNodes.Break || n instanceof ControlNodes.Continue) {
      if (loop == null || loop.stacked != stacked) {
        throw new Ineligible("a break or continue inside an expression");
      }
      mv.visitJumpInsn(GOTO, n instanceof ControlNodes.Break ? loop.exit : loop.next);
    } else if (n instanceof VariableNodes.Const k && !k.isNum && !(k.value instanceof Boolean)) {
      // a statement without effect (an empty branch)
    } else {
      int k = kind(n);
      if (k == NUM) {
        num(n);
        mv.visitInsn(POP2);
      } else if (k == BOOL) {
        Label after = new Label();
        cond(n, after, true);
        mv.visitLabel(after);
      } else {
        throw new Ineligible(n.getClass().getSimpleName() + " as a statement");
      }
    }
  }

  /** Emits the bool {@code n} as an int 0 or 1 on the operand stack. */
  private void boolValue(Node n) throws Ineligible {
    Label no = new Label();
    Label end = new Label();
    cond(n, no, false);
    mv.visitInsn(ICONST_1);
    mv.visitJumpInsn(GOTO, end);
    mv.visitLabel(no);
    mv.visitInsn(ICONST_0);
    mv.visitLabel(end);
  }

  /** Converts the number on the stack to a range bound (the tree's error when it is not an integer). */
  private void bound(String what, Loc loc) {
    mv.visitLdcInsn(what);
    getConstant(loc, LOC_D);
    mv.visitMethodInsn(INVOKESTATIC, ENTRY, "bound", "(DLjava/lang/String;" + LOC_D + ")J", false);
  }

  /** {@code for v in a..b} (or {@code a..=b}): a long counter; the variable is {@code a + i} as a double. */
  private void forRange(ControlNodes.For f) throws Ineligible {
    if (!(f.source instanceof OperatorNodes.Range r) || f.second != null || f.first.captured) {
      throw new Ineligible("a for loop over something other than a range");
    }
    int from = nextLocal;
    int count = nextLocal + 2;
    nextLocal += 4;
    num(r.from);
    bound("the start of a range", r.loc);
    mv.visitVarInsn(LSTORE, from);
    num(r.to);
    bound("the end of a range", r.loc);
    if (r.inclusive) {
      mv.visitInsn(LCONST_1);
      mv.visitInsn(LADD);
    }
    mv.visitVarInsn(LLOAD, from);
    mv.visitInsn(LSUB);
    mv.visitVarInsn(LSTORE, count);
    countedLoop(f, from, -1, count, -1);
  }

  /**
   * The iterations {@code start..count} of {@code f} (JVM locals; step and start -1 for 1 and 0): the
   * variable is {@code from + i * step} as a double, and the step is counted at every iteration.
   */
  private void countedLoop(ControlNodes.For f, int from, int step, int count, int start) throws Ineligible {
    int i = nextLocal;
    nextLocal += 2;
    if (start < 0) {
      mv.visitInsn(LCONST_0);
    } else {
      mv.visitVarInsn(LLOAD, start);
    }
    mv.visitVarInsn(LSTORE, i);
    Label top = new Label();
    Label next = new Label();
    Label exit = new Label();
    mv.visitLabel(top);
    mv.visitVarInsn(LLOAD, i);
    mv.visitVarInsn(LLOAD, count);
    mv.visitInsn(LCMP);
    mv.visitJumpInsn(IFGE, exit);
    tick(f.loc);
    mv.visitVarInsn(LLOAD, from);
    mv.visitVarInsn(LLOAD, i);
    if (step >= 0) {
      mv.visitVarInsn(LLOAD, step);
      mv.visitInsn(LMUL);
    }
    mv.visitInsn(LADD);
    mv.visitInsn(L2D);
    slots.declared.set(f.first.slot);
    slots.storeKind(f.first.slot, false, true);
    mv.visitVarInsn(DSTORE, local(f.first.slot));
    loop = new LoopLabels(exit, next, stacked, loop);
    statement(f.body);
    loop = loop.outer;
    mv.visitLabel(next);
    mv.visitVarInsn(LLOAD, i);
    mv.visitInsn(LCONST_1);
    mv.visitInsn(LADD);
    mv.visitVarInsn(LSTORE, i);
    mv.visitJumpInsn(GOTO, top);
    mv.visitLabel(exit);
  }
}
