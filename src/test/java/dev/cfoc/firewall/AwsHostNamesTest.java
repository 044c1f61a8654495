package dev.cfoc.firewall;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AwsHostNamesTest {

    @Test
    void loadBalancerNames_carryTheirRegion_withOrWithoutDualstack() {
        assertThat(AwsHostNames.loadBalancer("my-alb-1234567890.eu-west-1.elb.amazonaws.com")).hasValueSatisfying(lb -> {
            assertThat(lb.region()).isEqualTo("eu-west-1");
            assertThat(lb.dnsName()).isEqualTo("my-alb-1234567890.eu-west-1.elb.amazonaws.com");
        });
        assertThat(AwsHostNames.loadBalancer("DualStack.My-ALB-1234567890.us-east-1.elb.amazonaws.com."))
                .hasValueSatisfying(lb -> assertThat(lb.dnsName())
                        .isEqualTo("my-alb-1234567890.us-east-1.elb.amazonaws.com"));
        assertThat(AwsHostNames.loadBalancer("internal-app-987.ap-southeast-2.elb.amazonaws.com"))
                .hasValueSatisfying(lb -> assertThat(lb.region()).isEqualTo("ap-southeast-2"));
        assertThat(AwsHostNames.loadBalancer("my-nlb-0123456789abcdef.elb.us-west-2.amazonaws.com"))
                .hasValueSatisfying(lb -> assertThat(lb.region()).isEqualTo("us-west-2"));
        assertThat(AwsHostNames.loadBalancer("www.example.com")).isEmpty();
        assertThat(AwsHostNames.loadBalancer("bucket.s3.eu-west-1.amazonaws.com")).isEmpty();
    }

    @Test
    void instanceNames_carryTheirRegion_usEast1WithoutIt() {
        assertThat(AwsHostNames.instance("ec2-203-0-113-25.compute-1.amazonaws.com"))
                .hasValueSatisfying(i -> assertThat(i.region()).isEqualTo("us-east-1"));
        assertThat(AwsHostNames.instance("ec2-198-51-100-1.eu-central-1.compute.amazonaws.com"))
                .hasValueSatisfying(i -> assertThat(i.region()).isEqualTo("eu-central-1"));
        assertThat(AwsHostNames.instance("ip-10-0-0-1.ec2.internal")).isEmpty();
    }

    @Test
    void specialUseNames_areNotLookedUp() {
        assertThat(AwsHostNames.isSpecialUse("localhost")).isTrue();
        assertThat(AwsHostNames.isSpecialUse("expired.demo.test")).isTrue();
        assertThat(AwsHostNames.isSpecialUse("127.0.0.1")).isTrue();
        assertThat(AwsHostNames.isSpecialUse("api.example.com")).isFalse();
    }
}
