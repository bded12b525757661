package org.beyondlazy.core.optim;

import org.beyondlazy.core.Objective;

/**
 * Runs an {@link UpdateForm} in place: keeps x_{k−1} and the step counter of one trajectory, so use one
 * instance per trajectory. Step 0 sets x_{−1} = x_0 (A4.2 and A4.3 step 0); every iterate is checked to be
 * finite ({@link Optimizer#requireFinite}).
 */
public final class FormOptimizer implements Optimizer {
    private final UpdateForm form;
    private UpdateForm.Replay replay;
    private double[] previous;
    private double[] next;
    private int steps;

    /** @param form the update form and its parameters */
    public FormOptimizer(UpdateForm form) {
        this.form = java.util.Objects.requireNonNull(form, "form");
    }

    /** The form this optimizer runs. */
    public UpdateForm updateForm() {
        return form;
    }

    @Override
    public double step(Objective objective, double[] theta) {
        int n = theta.length;
        if (previous == null) {
            replay = form.replay(n);
            previous = theta.clone(); // step 0: x_{-1} = x_0
            next = new double[n];
        }
        double value = replay.next(objective, theta, previous, steps, next);
        System.arraycopy(theta, 0, previous, 0, n);
        System.arraycopy(next, 0, theta, 0, n);
        Optimizer.requireFinite(form(), steps, theta);
        steps++;
        return value;
    }

    @Override
    public int steps() {
        return steps;
    }

    @Override
    public String form() {
        return form.name();
    }
}
