package org.switchboard.benchmarks;

/**
 * One thing the portal must have done right for the figures to mean anything.
 *
 * @param what     what was compared, for the report
 * @param expected what the traffic plan implies
 * @param actual   what the portal answered or stored
 * @param required whether a mismatch fails the run; otherwise it is reported as a warning
 */
record Check(String what, long expected, long actual, boolean required) {

    boolean passed() {
        return expected == actual;
    }

    boolean fails() {
        return required && !passed();
    }
}
