package dev.cfoc.testing;

/** SNS Query API response bodies (API version 2010-03-31) as the service sends them. */
public final class SnsXml {

    public static final String NAMESPACE = "http://sns.amazonaws.com/doc/2010-03-31/";

    private SnsXml() {
    }

    public static String publishResponse(String messageId) {
        return """
                <PublishResponse xmlns="%s">
                  <PublishResult>
                    <MessageId>%s</MessageId>
                  </PublishResult>
                  <ResponseMetadata>
                    <RequestId>f187a3c1-376f-11df-8963-01868b7c937a</RequestId>
                  </ResponseMetadata>
                </PublishResponse>
                """.formatted(NAMESPACE, messageId);
    }

    public static String error(String type, String code, String message) {
        return """
                <ErrorResponse xmlns="%s">
                  <Error>
                    <Type>%s</Type>
                    <Code>%s</Code>
                    <Message>%s</Message>
                  </Error>
                  <RequestId>9dd01905-5012-5f99-8663-4b3ecd0dfaef</RequestId>
                </ErrorResponse>
                """.formatted(NAMESPACE, type, code, message);
    }
}
