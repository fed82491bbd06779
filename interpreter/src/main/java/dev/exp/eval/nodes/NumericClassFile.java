package dev.exp.eval.nodes;

import static org.objectweb.asm.Opcodes.*;

import dev.exp.eval.runtime.GlobalVar;
import dev.exp.syntax.Loc;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Type;

/**
 * The hidden class one translation builds ({@link NumericCodegen} emits its {@code body}): the
 * constants the code refers to (passed as class data, one static final field each, which the JIT
 * treats as constants), the call sites' names and locations for script stacks, the class
 * initialiser, the constructor, the bridge from the entry's abstract method to the static
 * {@code body}, and the loading.
 */
final class NumericClassFile {
  static final String SELF = "dev/exp/eval/nodes/NumericCode";
  static final String ENTRY = Type.getInternalName(NumericEntry.class);
  static final String LOOP = Type.getInternalName(NumericLoop.class);
  static final String FRAME = Type.getInternalName(Frame.class);
  static final String CTX = "dev/exp/eval/runtime/Context";
  static final String CTX_D = "L" + CTX + ";";
  static final String LOC_D = Type.getDescriptor(Loc.class);
  static final String GLOBAL_D = Type.getDescriptor(GlobalVar.class);
  static final String OBJECT_D = "Ljava/lang/Object;";
  static final String MH_D = Type.getDescriptor(MethodHandle.class);
  static final String ERROR = "dev/exp/eval/runtime/ExpError";
  static final String FOR_DESC = "(" + CTX_D + "L" + FRAME + ";JJJJ)V";
  static final String WHILE_DESC = "(" + CTX_D + "L" + FRAME + ";)V";
  /** The generated classes are defined here (same runtime package: they use package-private members). */
  private static final MethodHandles.Lookup LOOKUP = MethodHandles.lookup();

  private final ClassWriter cw;
  private final String superclass;
  final String bodyDesc;
  private final List<Object> constants = new ArrayList<>();
  private final List<String> constantTypes = new ArrayList<>();
  private final Map<Object, Integer> constantIndex = new IdentityHashMap<>();
  private final List<String> siteNames = new ArrayList<>();
  private final List<Loc> siteLocs = new ArrayList<>();

  /** The descriptor of a translated function's {@code body}: {@code (Context, double...) double}. */
  static String bodyDescriptor(int arity) {
    return bodyDescriptor(arity, false);
  }

  /**
   * The descriptor of a translated function's {@code body}; a function that reads captured
   * variables takes its closure's cells after the context: {@code (Context, Object[], double...) double}.
   */
  static String bodyDescriptor(int arity, boolean captures) {
    return "(" + CTX_D + (captures ? "[Ljava/lang/Object;" : "") + "D".repeat(arity) + ")D";
  }

  NumericClassFile(String superclass, String bodyDesc) {
    this.superclass = superclass;
    this.bodyDesc = bodyDesc;
    cw = new ClassWriter(ClassWriter.COMPUTE_FRAMES | ClassWriter.COMPUTE_MAXS) {
      @Override
      protected String getCommonSuperClass(String a, String b) {
        return "java/lang/Object";   // the only reference locals are the context, tensors and the caught error
      }
    };
    cw.visit(V17, ACC_FINAL | ACC_SUPER | ACC_SYNTHETIC, SELF, null, superclass, null);
    constant(null, "[Ljava/lang/String;");   // k0: site names, filled in by define
    constant(null, "[" + LOC_D);              // k1: site locations
  }

  /** The static {@code body} method, to be emitted by the caller. */
  MethodVisitor body() {
    return cw.visitMethod(ACC_STATIC, "body", bodyDesc, null, null);
  }

  /** The index of the static field holding {@code value} (one field per distinct object). */
  private int constant(Object value, String type) {
    if (value != null) {
      Integer i = constantIndex.get(value);
      if (i != null) {
        return i;
      }
      constantIndex.put(value, constants.size());
    }
    constants.add(value);
    constantTypes.add(type);
    return constants.size() - 1;
  }

  /** Emits a read of constant {@code value} (of field descriptor {@code type}). */
  void get(MethodVisitor mv, Object value, String type) {
    int i = constant(value, type);
    mv.visitFieldInsn(GETSTATIC, SELF, "k" + i, constantTypes.get(i));
  }

  /** Emits the reads of the site names and locations ({@code NumericEntry.unwind}'s last two arguments). */
  void getSites(MethodVisitor mv) {
    mv.visitFieldInsn(GETSTATIC, SELF, "k0", "[Ljava/lang/String;");
    mv.visitFieldInsn(GETSTATIC, SELF, "k1", "[" + LOC_D);
  }

  /** Registers a call site (the callee's name, the call's location); its index. */
  int site(String callee, Loc loc) {
    siteNames.add(callee);
    siteLocs.add(loc);
    return siteNames.size() - 1;
  }

  /**
   * Completes the class — the bridge is {@code invoke} for a function of {@code arity} parameters,
   * or {@code runFor}/{@code runWhile} for a loop — and defines it; an instance of it.
   */
  Object define(boolean function, int arity, boolean captures, boolean isFor) throws ReflectiveOperationException {
    constants.set(0, siteNames.toArray(new String[0]));
    constants.set(1, siteLocs.toArray(new Loc[0]));
    for (int i = 0; i < constants.size(); i++) {
      cw.visitField(ACC_STATIC | ACC_FINAL | ACC_PRIVATE, "k" + i, constantTypes.get(i), null, null).visitEnd();
    }
    classInit();
    constructor();
    if (function) {
      invoke(arity, captures);
      if (arity == 1 || arity == 2) {
        invokeDirect(arity, captures);
      }
    } else {
      runLoop(isFor);
    }
    cw.visitEnd();
    MethodHandles.Lookup hidden = LOOKUP.defineHiddenClassWithClassData(cw.toByteArray(), constants.toArray(), true);
    lookup = hidden;
    return hidden.lookupClass().getDeclaredConstructor().newInstance();   // reflection: cheaper than a handle when cold
  }

  /** The defined class's lookup (after {@link #define}). */
  MethodHandles.Lookup lookup;

  private void classInit() {
    MethodVisitor m = cw.visitMethod(ACC_STATIC, "<clinit>", "()V", null, null);
    m.visitCode();
    m.visitMethodInsn(INVOKESTATIC, "java/lang/invoke/MethodHandles", "lookup", "()Ljava/lang/invoke/MethodHandles$Lookup;", false);
    m.visitLdcInsn("_");
    m.visitLdcInsn(Type.getType("[Ljava/lang/Object;"));
    m.visitMethodInsn(INVOKESTATIC, "java/lang/invoke/MethodHandles", "classData",
        "(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;Ljava/lang/Class;)Ljava/lang/Object;", false);
    m.visitTypeInsn(CHECKCAST, "[Ljava/lang/Object;");
    m.visitVarInsn(ASTORE, 0);
    for (int i = 0; i < constants.size(); i++) {
      String t = constantTypes.get(i);
      m.visitVarInsn(ALOAD, 0);
      m.visitLdcInsn(i);
      m.visitInsn(AALOAD);
      m.visitTypeInsn(CHECKCAST, t.startsWith("[") ? t : t.substring(1, t.length() - 1));
      m.visitFieldInsn(PUTSTATIC, SELF, "k" + i, t);
    }
    m.visitInsn(RETURN);
    m.visitMaxs(0, 0);
    m.visitEnd();
  }

  private void constructor() {
    MethodVisitor m = cw.visitMethod(0, "<init>", "()V", null, null);
    m.visitCode();
    m.visitVarInsn(ALOAD, 0);
    m.visitMethodInsn(INVOKESPECIAL, superclass, "<init>", "()V", false);
    m.visitInsn(RETURN);
    m.visitMaxs(0, 0);
    m.visitEnd();
  }

  /** {@code invoke(ctx, captures, args)}: unpacks the arguments and calls {@code body}. */
  private void invoke(int arity, boolean captures) {
    MethodVisitor m = cw.visitMethod(0, "invoke", "(" + CTX_D + "[Ljava/lang/Object;[D)D", null, null);
    m.visitCode();
    m.visitVarInsn(ALOAD, 1);
    if (captures) {
      m.visitVarInsn(ALOAD, 2);
    }
    for (int i = 0; i < arity; i++) {
      m.visitVarInsn(ALOAD, 3);
      m.visitLdcInsn(i);
      m.visitInsn(DALOAD);
    }
    m.visitMethodInsn(INVOKESTATIC, SELF, "body", bodyDesc, false);
    m.visitInsn(DRETURN);
    m.visitMaxs(0, 0);
    m.visitEnd();
  }

  /** {@code invoke1(ctx, captures, x)} or {@code invoke2(ctx, captures, x, y)}: {@code body} without an argument array. */
  private void invokeDirect(int arity, boolean captures) {
    MethodVisitor m = cw.visitMethod(0, "invoke" + arity, "(" + CTX_D + "[Ljava/lang/Object;" + "D".repeat(arity) + ")D", null, null);
    m.visitCode();
    m.visitVarInsn(ALOAD, 1);
    if (captures) {
      m.visitVarInsn(ALOAD, 2);
    }
    for (int i = 0; i < arity; i++) {
      m.visitVarInsn(DLOAD, 3 + 2 * i);
    }
    m.visitMethodInsn(INVOKESTATIC, SELF, "body", bodyDesc, false);
    m.visitInsn(DRETURN);
    m.visitMaxs(0, 0);
    m.visitEnd();
  }

  /** {@code runFor}/{@code runWhile}: passes its arguments on to {@code body}. */
  private void runLoop(boolean isFor) {
    MethodVisitor m = cw.visitMethod(0, isFor ? "runFor" : "runWhile", isFor ? FOR_DESC : WHILE_DESC, null, null);
    m.visitCode();
    m.visitVarInsn(ALOAD, 1);
    m.visitVarInsn(ALOAD, 2);
    if (isFor) {
      for (int k = 0; k < 4; k++) {
        m.visitVarInsn(LLOAD, 3 + 2 * k);
      }
    }
    m.visitMethodInsn(INVOKESTATIC, SELF, "body", bodyDesc, false);
    m.visitInsn(RETURN);
    m.visitMaxs(0, 0);
    m.visitEnd();
  }
}
