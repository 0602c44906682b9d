package dev.logitparity.peers;

/**
 * The other runtime did not finish: it timed out, crashed (killed by a signal) or panicked. Not bad input (the same
 * input may work on a rerun or another build of it) and not a finding about the model: the CLI says so in one line and
 * exits with status 3.
 */
public final class PeerFailedException extends RuntimeException {

    public PeerFailedException(String message) {
        super(message);
    }
}
