package dev.cfoc.aws;

/** What an e-mail subscriber of the findings topic receives for an alert (first part), for rendered samples. */
public final class SnsEmails {

    private SnsEmails() {
    }

    public static String email(DistributionAlert alert) {
        SnsMessage first = SnsMessages.of(alert).getFirst();
        return "Subject: " + first.subject() + "\n\n" + first.body() + "\n";
    }
}
