package dev.exp.eval.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The three list kinds read through one base class, and each keeps the value semantics scripts see. */
class ScriptListTest {
  private static List<Object> items(Object... xs) {
    return new ArrayList<>(List.of(xs));
  }

  @Test
  void frozenListIsACopyOfWhatItWasMadeFrom() {
    List<Object> source = items(1.0, "a");
    List<Object> l = Values.list(source);
    source.set(0, 9.0);
    source.add(3.0);
    assertEquals(List.of(1.0, "a"), l);
    assertInstanceOf(ScriptList.class, l);
    assertThrows(IndexOutOfBoundsException.class, () -> l.get(2));
    assertThrows(UnsupportedOperationException.class, () -> l.add(4.0));
  }

  @Test
  void appendingViewsKeepTheirItemsWhenTheStorageGrowsOrIsExtendedByAnother() {
    List<Object> a = AppendableList.concat(items(1.0), items(2.0));
    List<Object> b = AppendableList.concat(a, items(3.0));   // extends a's storage in place
    List<Object> c = AppendableList.concat(a, items(4.0));   // a is no longer the longest: a copy
    List<Object> grown = b;
    for (int i = 0; i < 100; i++) {   // grows b's storage past its first array many times
      grown = AppendableList.concat(grown, items((double) i));
    }
    assertEquals(List.of(1.0, 2.0), a);
    assertEquals(List.of(1.0, 2.0, 3.0), b);
    assertEquals(List.of(1.0, 2.0, 4.0), c);
    assertEquals(103, grown.size());
    assertEquals(99.0, grown.get(102));
    assertEquals(3.0, ((ScriptList) grown).itemAt(2));
  }

  @Test
  void anUpdatableListChangesOnlyItselfAndEqualsTheOthers() {
    List<Object> shared = Values.list(items(1.0, 2.0));
    UpdatableList u = UpdatableList.copyOf(shared);
    u.setInPlace(0, 5.0);
    u.appendInPlace(6.0, null);
    assertEquals(List.of(1.0, 2.0), shared);
    assertEquals(Values.list(items(5.0, 2.0, 6.0)), u);
    assertEquals(Values.list(items(5.0, 2.0, 6.0)).hashCode(), u.hashCode());
  }
}
