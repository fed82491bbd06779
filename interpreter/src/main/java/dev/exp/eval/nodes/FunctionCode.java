package dev.exp.eval.nodes;

import dev.exp.eval.runtime.Signature;
import dev.exp.syntax.Loc;

/** The compiled form of a function: parameters, defaults, frame size, body, captured variables. */
public final class FunctionCode {
  final String name;
  public final Loc loc;
  final String[] params;
  final Node[] defaults;
  final LocalVar[] paramVars;
  public int frameSize;
  public Node body;
  /**
   * The globals this function's code reads or assigns, its nested functions' included, in source
   * order: with {@link #sourceText} they key the cached trials of an experiment that calls it.
   */
  public final java.util.Set<dev.exp.eval.runtime.GlobalVar> globalReads = new java.util.LinkedHashSet<>();
  /** The source of the {@code fn} statement that declared this function, or null (a lambda). */
  public String sourceText;
  /** The parameter list (built by the compiler; shared by every closure of this code). */
  public Signature sig;
  /** Whether some parameter is captured by an inner function (its slot then holds a cell). */
  public boolean capturedParams;
  /** For each captured variable: where the enclosing frame keeps it. */
  public CaptureSource[] captures;
  /** The bytecode form ({@link NumericTier}), once translated; null while the tree runs the function. */
  volatile NumericEntry fast;
  /** {@link NumericTier#PENDING}, {@link NumericTier#COMPILED} or {@link NumericTier#TREE}. */
  byte tierState;
  /** Tree calls counted by {@link NumericTier#called} while pending (a benign race). */
  int tierCalls;

  /** The parameters' names, in order. */
  public java.util.List<String> paramNames() {
    return java.util.List.of(params);
  }

  public FunctionCode(String name, Loc loc, String[] params, Node[] defaults, LocalVar[] paramVars) {
    this.name = name;
    this.loc = loc;
    this.params = params;
    this.defaults = defaults;
    this.paramVars = paramVars;
  }

  /**
   * Runs the body in a frame whose parameters are bound: the body's value, or the value of the
   * {@code return} that ended it (a completion code in the frame, or for a {@code return} nested in
   * an expression, a {@link ControlNodes.ReturnSignal}).
   */
  Object execute(Frame f) {
    Object v;
    try {
      v = body.eval(f);
    } catch (ControlNodes.ReturnSignal r) {
      return r.value;
    }
    return f.jump == Frame.RETURN ? f.returned() : v;
  }

  /**
   * {@link #execute} typed: the result as a number, or {@link UnexpectedType} with the result when it
   * is of another kind (also when a {@code return} delivered it).
   */
  double executeDouble(Frame f) throws UnexpectedType {
    double v;
    try {
      v = body.evalDouble(f);
    } catch (ControlNodes.ReturnSignal r) {
      return Arithmetic.number(r.value);
    } catch (UnexpectedType e) {
      if (f.jump == Frame.RETURN) {
        return f.returnedNumber();
      }
      throw e;
    }
    return f.jump == Frame.RETURN ? f.returnedNumber() : v;
  }

  /** A captured variable comes from the enclosing frame's slot, or from the enclosing closure's captures. */
  public record CaptureSource(boolean fromSlot, int index) {}

  String signature() {
    return sig.render();
  }

}
