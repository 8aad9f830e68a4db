package org.ecomonitor.analysis.layout;

import org.ecomonitor.analysis.interpolation.ValueTransform;
import org.ecomonitor.analysis.interpolation.VariogramModel;
import org.ecomonitor.analysis.interpolation.VariogramShape;
import org.ecomonitor.i18n.UserException;
import org.ecomonitor.model.Progress;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Typed-in and fitted variograms. */
class VariogramsTest {

    @Test
    void parsesGstatNotation() {
        VariogramModel m = Variograms.parse("0.05066243 Nug + 0.5906078 Sph(897.0209)");
        assertEquals(MeuseData.MODEL, m);
        assertEquals(VariogramModel.of(0, VariogramShape.EXPONENTIAL, 1.5, 300), Variograms.parse("1.5 Exp(300)"));
        assertEquals(new VariogramModel(0.1, VariogramShape.MATERN, 1, 500, 1.5),
                Variograms.parse(" 1 Mat(500, 1.5) + 0.1 Nug"));
        for (String bad : List.of("", "Sph(300)", "1 Foo(3)", "0.1 Nug", "1 Sph", "1 Sph(300) + 1 Exp(3)")) {
            assertThrows(UserException.class, () -> Variograms.parse(bad), bad);
        }
        assertEquals(VariogramShape.GAUSSIAN, Variograms.shape("gaussian"));
        assertEquals(VariogramShape.SPHERICAL, Variograms.shape("Sph"));
    }

    @Test
    void fitsMeuseLikeGstat() {
        List<Site> pts = MeuseData.points().stream()
                .map(s -> new Site(s.id(), s.x(), s.y(), null, Math.exp(s.value()))).toList();
        VariogramModel m = Variograms.fit(pts, VariogramShape.SPHERICAL, ValueTransform.LOG, Progress.NONE);
        List<double[]> golden = MeuseData.columns("golden/meuse_logzinc_fitted_spherical.csv", "psill", "range");
        assertEquals(golden.get(0)[0], m.nugget(), 1e-5);
        assertEquals(golden.get(0)[1], m.partialSill(), 1e-5);
        assertEquals(golden.get(1)[1], m.range(), 1e-4 * golden.get(1)[1], "the weighted SSE is flat here");
    }
}
