package dev.exp.metrics;

import static dev.exp.GapsReference.close;
import static dev.exp.GapsReference.in;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.exp.kernel.KernelException;
import dev.exp.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** Multiclass metrics.roc_auc against scikit-learn's roc_auc_score(multi_class=..., average=...). */
class MulticlassAucTest {
  @Test
  void ovrAndOvoMatchScikitLearn() {
    for (String set : new String[] {"auc", "auc3"}) {
      Tensor y = in(set + "_y");
      Tensor p = in(set + "_P");
      for (String mc : new String[] {"ovr", "ovo"}) {
        for (String avg : new String[] {"macro", "weighted"}) {
          close(set + "_" + mc + "_" + avg, Classification.rocAuc(y, p, mc, avg, null), 1e-14);
        }
      }
    }
    close("auc_ovr_micro", Classification.rocAuc(in("auc_y"), in("auc_P"), "ovr", "micro", null), 1e-14);
    close("auc_ovr_none", Classification.rocAuc(in("auc_y"), in("auc_P"), "ovr", "none", null), 1e-14);
    close("auc_labels_ovo_weighted", Classification.rocAuc(in("auc_y_labels"), in("auc_P"), "ovo", "weighted", null),
        1e-14);
    close("auc_labels_ovo_weighted", Classification.rocAuc(in("auc_y_labels"), in("auc_P"), "ovo", "weighted",
        Tensor.vector(2, 5, 7, 11)), 1e-14);
  }

  @Test
  void perfectAndTwoClassCases() {
    // perfect separation gives 1 in every mode; two columns reduce to the binary AUC of the second column
    Tensor y = Tensor.vector(0, 1, 2, 0, 1, 2);
    Tensor p = Tensor.wrap(new int[] {6, 3}, new double[] {.8, .1, .1, .1, .8, .1, .1, .1, .8, .7, .2, .1, .2, .7,
        .1, .2, .1, .7});
    for (String mc : new String[] {"ovr", "ovo"}) {
      assertEquals(1.0, (Double) Classification.rocAuc(y, p, mc, "macro", null), 1e-15);
    }
    Tensor y2 = Tensor.vector(0, 0, 1, 1);
    Tensor p2 = Tensor.wrap(new int[] {4, 2}, new double[] {0.9, 0.1, 0.6, 0.4, 0.65, 0.35, 0.2, 0.8});
    assertEquals(0.75, (Double) Classification.rocAuc(y2, p2, "ovo", "macro", null), 1e-15);
    assertEquals(0.75, Classification.rocAuc(y2, Tensor.vector(0.1, 0.4, 0.35, 0.8)), 1e-15);
  }

  @Test
  void errorsNameTheProblem() {
    Tensor y = Tensor.vector(0, 1, 2);
    Tensor bad = Tensor.wrap(new int[] {3, 3}, new double[] {.5, .5, .5, .3, .3, .4, .2, .2, .6});
    KernelException e = assertThrows(KernelException.class, () -> Classification.rocAuc(y, bad, "ovr", "macro", null));
    assertTrue(e.getMessage().contains("row 0 sums to 1.5"), e.getMessage());
    Tensor ok = Tensor.wrap(new int[] {3, 3}, new double[] {.5, .25, .25, .3, .3, .4, .2, .2, .6});
    e = assertThrows(KernelException.class, () -> Classification.rocAuc(y, ok, "ovo", "micro", null));
    assertTrue(e.getMessage().contains("\"macro\" or \"weighted\""), e.getMessage());
    e = assertThrows(KernelException.class, () -> Classification.rocAuc(Tensor.vector(0, 1, 1), ok, "ovr", "macro",
        null));
    assertTrue(e.getMessage().contains("2 distinct classes but y_score has 3 columns"), e.getMessage());
  }
}
