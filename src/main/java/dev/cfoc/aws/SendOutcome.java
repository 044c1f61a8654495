package dev.cfoc.aws;

import java.util.List;

/** What {@link SqsBatchSender#send} did: how many messages SQS took, and the ones it did not. */
public record SendOutcome(int sent, List<UnsentMessage> unsent) {

    public SendOutcome {
        unsent = List.copyOf(unsent);
    }

    public boolean allSent() {
        return unsent.isEmpty();
    }
}
