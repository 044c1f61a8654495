package dev.cfoc.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** An IP address where the origin's domain name belongs is a config error at load time, in every form it can take. */
class OriginDomainIpLiteralTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String FIELD = "$.DistributionConfig.Origins.Items[0].DomainName";

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "2130706433", "127.1", "0.0.0.0", "169.254.169.254", "10.0.0.1.",
            "0x7f.1", "0x7f000001", "0177.0.0.1", "8.8.8.8", "::1", "[::1]", "::ffff:127.0.0.1", "fe80::1%eth0",
            "2001:db8::1", "[fd00::1]"})
    void ipLiteral_isAConfigErrorNamingTheField(String domainName) throws IOException {
        Path file = withOriginDomain(domainName);

        ConfigException error = catchThrowableOfType(ConfigException.class,
                () -> new DistributionFileLoader().load(file));

        assertThat(error).hasMessage(file + ": " + FIELD + ": must be a domain name, not an IP address: got \""
                + domainName + "\" (CloudFront accepts only a domain name that resolves publicly; for a server in "
                + "a VPC, use a VPC origin)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e100.net", "a1.example.com", "123.example.com", "0x7f.example.com",
            "cafe.be", "origin-1.2.3.4.nip.io", "dead.beef"})
    void namesThatMerelyContainDigitsOrHex_areDomainNames(String domainName) throws Exception {
        Path file = withOriginDomain(domainName);

        assertThat(new DistributionFileLoader().load(file).getFirst().origins().getFirst().domainName())
                .isEqualTo(domainName);
    }

    private Path withOriginDomain(String domainName) throws IOException {
        ObjectNode config = (ObjectNode) MAPPER.readTree(
                DistributionFileLoaderTest.fixture("get-distribution-config.json").toFile());
        ((ObjectNode) config.at("/DistributionConfig/Origins/Items/0")).put("DomainName", domainName);
        return Files.writeString(dir.resolve("dist.json"), MAPPER.writeValueAsString(config));
    }
}
