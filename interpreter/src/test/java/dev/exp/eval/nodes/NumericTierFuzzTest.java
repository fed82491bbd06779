package dev.exp.eval.nodes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.exp.api.Engine;
import dev.exp.api.ExpException;
import dev.exp.api.ExpRuntimeException;
import dev.exp.api.Limits;
import dev.exp.api.Session;
import dev.exp.api.Source;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Differential test of the numeric tier: random numeric programs (functions calling each other,
 * locals, bools, {@code if}, {@code while}, {@code for} over ranges whose bounds may not be integers,
 * {@code break}/{@code continue}/{@code return}, global numbers and tensor elements, {@code len},
 * tensor element reads and writes in hot top-level loops) print the same output, or fail with the same error, script stack and step count, with the
 * tier on and off. The tree is the reference: it is what the language's own tests pin down.
 * {@code -Dexp.tierfuzz.count=N} changes the number of programs.
 */
class NumericTierFuzzTest {
  @AfterEach
  void tierBackOn() {
    NumericTier.enabled = true;
  }

  @Test
  void randomNumericProgramsBehaveAsInTheTree() {
    int count = Integer.getInteger("exp.tierfuzz.count", 120);
    Random rnd = new Random(20261201L);
    int errors = 0;
    for (int p = 0; p < count; p++) {
      String program = new Gen(rnd).program();
      String tree = run(program, false);
      String tier = run(program, true);
      assertEquals(tree, tier, "program " + p + ":\n" + program);
      if (tree.startsWith("error")) {
        errors++;
      }
    }
    System.out.printf("tier fuzz: %d programs, %d end in an error (the same in both tiers)%n", count, errors);
    assertTrue(errors < count, "some programs run to the end");
  }

  private static String run(String program, boolean tier) {
    NumericTier.enabled = tier;
    StringBuilder out = new StringBuilder();
    try (Session s = Engine.builder().limits(Limits.DEFAULT.withMaxSteps(3_000_000)).output(l -> out.append(l).append('\n'))
        .build().newSession()) {
      s.eval(new Source("p.exp", program));
      return out.toString();
    } catch (ExpRuntimeException e) {
      return "error " + e.getClass().getSimpleName() + ": " + e.render() + "\n" + e.scriptStack() + "\nafter:\n" + out;
    } catch (ExpException e) {
      return "error " + e.getMessage();
    } finally {
      NumericTier.enabled = true;
    }
  }

  /** One random program. */
  private static final class Gen {
    private final Random r;
    private final StringBuilder sb = new StringBuilder();
    private final List<String> nums = new ArrayList<>();
    private final List<String> bools = new ArrayList<>();
    private final List<Integer> arity = new ArrayList<>();
    private int fresh;
    private int loops;
    private int depth;

    Gen(Random r) {
      this.r = r;
    }

    String program() {
      sb.append("let G = [1.5, -2, 3, 0.25]\nlet K = 2.5\n");
      int fns = 1 + r.nextInt(3);
      for (int f = 0; f < fns; f++) {
        function(f);
      }
      int last = fns - 1;
      sb.append("var total = 0\n");
      sb.append("for t in 0..40 { total += ").append(call(last, "t", "t * 0.5", "3 - t")).append(" }\n");
      sb.append("print(total)\n");
      // a hot top-level loop (translated after 1000 iterations) over a tensor
      sb.append("var u = zeros([8])\nvar acc = 0\nvar flag = false\n");
      sb.append("for k in 0..1500 {\n  acc += ").append(call(r.nextInt(fns), "k % 5", "k * 0.25", "1")).append("\n");
      sb.append("  u[k % 8] += acc % 3\n  flag = u[k % 8] > 100 or flag\n");
      if (r.nextInt(3) == 0) {
        sb.append("  if acc > 1e9 { break }\n");
      }
      sb.append("}\nprint(acc, flag, u)\n");
      return sb.toString();
    }

    private String call(int f, String... args) {
      StringBuilder c = new StringBuilder("f").append(f).append('(');
      for (int i = 0; i < arity.get(f); i++) {
        c.append(i == 0 ? "" : ", ").append(args[i % args.length]);
      }
      return c.append(')').toString();
    }

    private void function(int f) {
      int n = 1 + r.nextInt(3);
      arity.add(n);
      nums.clear();
      bools.clear();
      sb.append("fn f").append(f).append('(');
      for (int i = 0; i < n; i++) {
        sb.append(i == 0 ? "" : ", ").append('p').append(i);
        nums.add("p" + i);
      }
      sb.append(") {\n");
      int stmts = 1 + r.nextInt(4);
      for (int i = 0; i < stmts; i++) {
        statement(f, "  ");
      }
      sb.append("  ").append(expr(f, 3)).append("\n}\n");
    }

    private void statement(int f, String in) {
      depth++;
      int k = depth > 3 ? r.nextInt(3) : r.nextInt(9);
      switch (k) {
        case 0 -> {
          String v = "v" + fresh++;
          sb.append(in).append("var ").append(v).append(" = ").append(expr(f, 2)).append('\n');
          nums.add(v);
        }
        case 1 -> {
          String v = nums.get(r.nextInt(nums.size()));
          if (v.startsWith("v") || v.startsWith("c")) {
            sb.append(in).append(v).append(r.nextBoolean() ? " = " : " += ").append(expr(f, 2)).append('\n');
          }
        }
        case 2 -> {
          String b = "b" + fresh++;
          sb.append(in).append("var ").append(b).append(" = ").append(cond(f, 2)).append('\n');
          bools.add(b);
        }
        case 3, 4 -> {
          sb.append(in).append("if ").append(cond(f, 2)).append(" {\n");
          block(f, in + "  ");
          sb.append(in).append("} else {\n");
          block(f, in + "  ");
          sb.append(in).append("}\n");
        }
        case 5 -> {
          String i = "i" + fresh++;
          String hi = r.nextInt(4) == 0 ? expr(f, 1) : String.valueOf(r.nextInt(6));
          sb.append(in).append("for ").append(i).append(" in ").append(r.nextInt(3)).append("..").append(hi).append(" {\n");
          nums.add(i);
          loops++;
          block(f, in + "  ");
          loops--;
          nums.remove(i);
          sb.append(in).append("}\n");
        }
        case 6 -> {
          String c = "c" + fresh++;
          sb.append(in).append("var ").append(c).append(" = 0\n");
          nums.add(c);
          sb.append(in).append("while ").append(c).append(" < ").append(1 + r.nextInt(5)).append(" and ").append(cond(f, 1))
              .append(" {\n").append(in).append("  ").append(c).append(" += 1\n");
          loops++;
          block(f, in + "  ");
          loops--;
          sb.append(in).append("}\n");
        }
        case 7 -> {
          if (loops > 0) {
            sb.append(in).append("if ").append(cond(f, 1)).append(r.nextBoolean() ? " { break }\n" : " { continue }\n");
          }
        }
        default -> sb.append(in).append("if ").append(cond(f, 1)).append(" { return ").append(expr(f, 2)).append(" }\n");
      }
      depth--;
    }

    private void block(int f, String in) {
      int saveN = nums.size();
      int saveB = bools.size();
      int n = 1 + r.nextInt(2);
      for (int i = 0; i < n; i++) {
        statement(f, in);
      }
      // variables declared in the block go out of scope
      while (nums.size() > saveN) {
        nums.remove(nums.size() - 1);
      }
      while (bools.size() > saveB) {
        bools.remove(bools.size() - 1);
      }
    }

    private String expr(int f, int d) {
      int k = d <= 0 ? r.nextInt(2) : r.nextInt(10);
      switch (k) {
        case 0:
          return nums.get(r.nextInt(nums.size()));
        case 1:
          return r.nextInt(4) == 0 ? String.valueOf(r.nextInt(5) + 0.5) : String.valueOf(r.nextInt(7));
        case 2:
        case 3: {
          String[] ops = {"+", "-", "*", "/", "%", "^"};
          String op = ops[r.nextInt(r.nextInt(4) == 0 ? 6 : 3)];
          return "(" + expr(f, d - 1) + " " + op + " " + expr(f, d - 1) + ")";
        }
        case 4:
          return "-" + expr(f, d - 1);
        case 5:
          switch (r.nextInt(5)) {
            case 0:
              // a kernel with a number result: draws from the session stream, or its error for a bad bound
              return r.nextBoolean() ? "uniform(0, " + expr(f, d - 1) + ")" : "randint(0, high: 3)";
            case 1:
              return "floor(" + expr(f, d - 1) + ")";
            default:
              return "sqrt(abs(" + expr(f, d - 1) + "))";
          }
        case 6:
          if (f > 0) {
            int g = r.nextInt(f);
            String[] args = new String[arity.get(g)];
            for (int i = 0; i < args.length; i++) {
              args[i] = expr(f, d - 2);
            }
            return call(g, args);
          }
          return expr(f, d - 1);
        case 7:
          // a global tensor element: usually a valid index, sometimes a fractional or negative one
          return r.nextInt(6) == 0 ? "G[" + expr(f, d - 1) + "]" : "G[floor(abs(" + expr(f, d - 1) + ")) % len(G)]";
        case 8:
          return r.nextBoolean() ? "K" : "(K * " + expr(f, d - 1) + ")";
        default:
          return "(if " + cond(f, d - 1) + " { " + expr(f, d - 1) + " } else { " + expr(f, d - 1) + " })";
      }
    }

    private String cond(int f, int d) {
      int k = d <= 0 ? 0 : r.nextInt(6);
      switch (k) {
        case 1:
          return "(" + cond(f, d - 1) + (r.nextBoolean() ? " and " : " or ") + cond(f, d - 1) + ")";
        case 2:
          return "not " + cond(f, d - 1);
        case 3:
          if (!bools.isEmpty()) {
            return bools.get(r.nextInt(bools.size()));
          }
          return r.nextBoolean() ? "true" : "false";
        default: {
          String[] ops = {"<", "<=", ">", ">=", "==", "!="};
          return expr(f, d - 1) + " " + ops[r.nextInt(6)] + " " + expr(f, d - 1);
        }
      }
    }
  }
}
