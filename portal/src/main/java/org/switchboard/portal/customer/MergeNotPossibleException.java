package org.switchboard.portal.customer;

/** A merge or unmerge that cannot be done as asked (same customer, already merged, already undone). */
public class MergeNotPossibleException extends CustomerException {

    public MergeNotPossibleException(String message) {
        super(message);
    }
}
