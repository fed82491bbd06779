package dev.exp.binding;

import dev.exp.eval.runtime.Callable;
import dev.exp.eval.runtime.Context;
import dev.exp.eval.runtime.ExpError;
import dev.exp.eval.runtime.Signature;
import dev.exp.eval.runtime.Values;
import dev.exp.syntax.Loc;
import java.util.List;
import java.util.stream.Collectors;

/** Several kernels sharing a script name, chosen by the kind of the first argument. */
final class Overloads implements Callable {
  private final String name;
  private final List<KernelFunction> candidates;

  Overloads(String name, List<KernelFunction> candidates) {
    this.name = name;
    this.candidates = List.copyOf(candidates);
  }

  List<KernelFunction> candidates() {
    return candidates;
  }

  /** Null: overloads bind through the candidate chosen by the first argument. */
  @Override
  public Signature sig() {
    return null;
  }

  @Override
  public List<Signature> signatures() {
    return candidates.stream().map(KernelFunction::sig).toList();
  }

  @Override
  public Object invoke(Context ctx, Object[] bound, Loc loc) {
    throw new IllegalStateException("overloads are called through call()");
  }

  @Override
  public Object call(Context ctx, Object[] args, String[] names, Loc loc) {
    if (args.length > 0 && (names == null || names[0] == null)) {
      for (KernelFunction k : candidates) {
        if (k.acceptsFirst(args[0])) {
          return k.call(ctx, args, names, loc);
        }
      }
      throw new ExpError(name + ": no version takes " + Values.describe(args[0]) + " as its first argument (takes "
          + candidates.stream().map(KernelFunction::firstExpects).collect(Collectors.joining(" or ")) + ")", loc);
    }
    return candidates.get(0).call(ctx, args, names, loc);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String signature() {
    return candidates.stream().map(KernelFunction::signature).distinct().collect(Collectors.joining(" | "));   // forms told apart by their argument types show one signature
  }

  @Override
  public String doc() {
    return candidates.stream().map(k -> k.signature() + ": " + k.doc()).collect(Collectors.joining("\n\n"));
  }
}
