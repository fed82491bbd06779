package dev.exp.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** A bad choice named in the library's form gets the nearest listed choice. */
class KernelExceptionTest {
  @Test
  void anUnknownChoiceSuggestsTheNearestListedOne() {
    assertEquals("f: unknown mask \"casual\"; expected \"none\", \"causal\" or a tensor; did you mean \"causal\"?",
        new KernelException("f: unknown mask \"casual\"; expected \"none\", \"causal\" or a tensor").getMessage());
    // an unquoted list: the words after the value
    assertEquals("f: unknown method \"lbgfs\" (lbfgs, bfgs, newton); did you mean \"lbfgs\"?",
        KernelException.of("f: unknown method \"%s\" (lbfgs, bfgs, newton)", "lbgfs").getMessage());
    // nothing near: the message as it was
    assertEquals("f: unknown method \"zzz\" (lbfgs, bfgs)", new KernelException("f: unknown method \"zzz\" (lbfgs, bfgs)").getMessage());
    // other messages are untouched
    assertEquals("f: x must be positive, got -1", KernelException.of("f: x must be positive, got %s", -1.0).getMessage());
  }
}
