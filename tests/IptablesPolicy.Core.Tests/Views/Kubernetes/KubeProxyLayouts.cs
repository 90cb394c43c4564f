namespace IptablesPolicy.Core.Tests.Views.Kubernetes;

/// <summary>
/// Hand-written rulesets in the two layouts kube-proxy's iptables proxier has written (pkg/proxy/iptables/proxier.go),
/// with the service kinds the generator does not make: external IPs, load balancers with source ranges, Local
/// traffic policy, session-less multi-endpoint balancing, and services without (local) endpoints.
/// </summary>
internal static class KubeProxyLayouts
{
    /// <summary>
    /// Kubernetes 1.26 and later: KUBE-EXT-* for external traffic, KUBE-FW-* for load-balancer source ranges
    /// (with the filter's KUBE-PROXY-FIREWALL), KUBE-SVL-* for Local policy, "has no local endpoints" DROPs.
    /// </summary>
    public const string Newer = """
        *filter
        :INPUT ACCEPT [0:0]
        :FORWARD ACCEPT [0:0]
        :OUTPUT ACCEPT [0:0]
        :KUBE-EXTERNAL-SERVICES - [0:0]
        :KUBE-NODEPORTS - [0:0]
        :KUBE-PROXY-FIREWALL - [0:0]
        :KUBE-SERVICES - [0:0]
        -A INPUT -m comment --comment "kubernetes health check service ports" -j KUBE-NODEPORTS
        -A INPUT -m conntrack --ctstate NEW -m comment --comment "kubernetes externally-visible service portals" -j KUBE-EXTERNAL-SERVICES
        -A KUBE-EXTERNAL-SERVICES -d 198.51.100.20/32 -p tcp -m comment --comment "shop/cart:http has no local endpoints" -m tcp --dport 80 -j DROP
        -A KUBE-EXTERNAL-SERVICES -d 203.0.113.7/32 -p tcp -m comment --comment "shop/cart:http has no local endpoints" -m tcp --dport 80 -j DROP
        -A KUBE-EXTERNAL-SERVICES -p tcp -m comment --comment "shop/cart:http has no local endpoints" -m addrtype --dst-type LOCAL -m tcp --dport 31001 -j DROP
        -A KUBE-NODEPORTS -p tcp -m comment --comment "shop/cart:http health check node port" -m tcp --dport 32100 -j ACCEPT
        -A KUBE-PROXY-FIREWALL -d 203.0.113.9/32 -p tcp -m comment --comment "shop/pay:https traffic not accepted by KUBE-FW-PAYPAYPAYPAYPAYPA" -m tcp --dport 443 -j DROP
        -A KUBE-SERVICES -d 10.96.0.60/32 -p udp -m comment --comment "shop/empty:dns has no endpoints" -m udp --dport 53 -j REJECT --reject-with icmp-port-unreachable
        COMMIT
        *nat
        :PREROUTING ACCEPT [0:0]
        :INPUT ACCEPT [0:0]
        :OUTPUT ACCEPT [0:0]
        :POSTROUTING ACCEPT [0:0]
        :KUBE-EXT-CARTCARTCARTCARTCA - [0:0]
        :KUBE-EXT-PAYPAYPAYPAYPAYPA - [0:0]
        :KUBE-FW-PAYPAYPAYPAYPAYPA - [0:0]
        :KUBE-MARK-MASQ - [0:0]
        :KUBE-NODEPORTS - [0:0]
        :KUBE-SEP-CART00000000000001 - [0:0]
        :KUBE-SEP-PAY000000000000001 - [0:0]
        :KUBE-SEP-PAY000000000000002 - [0:0]
        :KUBE-SEP-SEARCH0000000001 - [0:0]
        :KUBE-SERVICES - [0:0]
        :KUBE-SVC-CARTCARTCARTCARTCA - [0:0]
        :KUBE-SVC-PAYPAYPAYPAYPAYPA - [0:0]
        :KUBE-SVL-SEARCHSEARCHSEAR - [0:0]
        -A PREROUTING -m comment --comment "kubernetes service portals" -j KUBE-SERVICES
        -A KUBE-EXT-CARTCARTCARTCARTCA -s 10.244.0.0/16 -m comment --comment "pod traffic for shop/cart:http external destinations" -j KUBE-SVC-CARTCARTCARTCARTCA
        -A KUBE-EXT-CARTCARTCARTCARTCA -m comment --comment "masquerade LOCAL traffic for shop/cart:http external destinations" -m addrtype --src-type LOCAL -j KUBE-MARK-MASQ
        -A KUBE-EXT-CARTCARTCARTCARTCA -m comment --comment "route LOCAL traffic for shop/cart:http external destinations" -m addrtype --src-type LOCAL -j KUBE-SVC-CARTCARTCARTCARTCA
        -A KUBE-EXT-PAYPAYPAYPAYPAYPA -m comment --comment "masquerade traffic for shop/pay:https external destinations" -j KUBE-MARK-MASQ
        -A KUBE-EXT-PAYPAYPAYPAYPAYPA -j KUBE-SVC-PAYPAYPAYPAYPAYPA
        -A KUBE-FW-PAYPAYPAYPAYPAYPA -s 192.0.2.0/24 -m comment --comment "shop/pay:https loadbalancer IP" -j KUBE-EXT-PAYPAYPAYPAYPAYPA
        -A KUBE-FW-PAYPAYPAYPAYPAYPA -m comment --comment "other traffic to shop/pay:https will be dropped by KUBE-PROXY-FIREWALL"
        -A KUBE-MARK-MASQ -j MARK --set-xmark 0x4000/0x4000
        -A KUBE-NODEPORTS -p tcp -m comment --comment "shop/cart:http" -m tcp --dport 31001 -j KUBE-EXT-CARTCARTCARTCARTCA
        -A KUBE-NODEPORTS -p tcp -m comment --comment "shop/pay:https" -m tcp --dport 31443 -j KUBE-EXT-PAYPAYPAYPAYPAYPA
        -A KUBE-SEP-CART00000000000001 -s 10.244.1.5/32 -m comment --comment "shop/cart:http" -j KUBE-MARK-MASQ
        -A KUBE-SEP-CART00000000000001 -p tcp -m comment --comment "shop/cart:http" -m tcp -j DNAT --to-destination 10.244.1.5:8080
        -A KUBE-SEP-PAY000000000000001 -s 10.244.2.7/32 -m comment --comment "shop/pay:https" -j KUBE-MARK-MASQ
        -A KUBE-SEP-PAY000000000000001 -p tcp -m comment --comment "shop/pay:https" -m tcp -j DNAT --to-destination 10.244.2.7:8443
        -A KUBE-SEP-PAY000000000000002 -s 10.244.3.9/32 -m comment --comment "shop/pay:https" -j KUBE-MARK-MASQ
        -A KUBE-SEP-PAY000000000000002 -p tcp -m comment --comment "shop/pay:https" -m tcp -j DNAT --to-destination 10.244.3.9:8443
        -A KUBE-SEP-SEARCH0000000001 -s 10.244.4.4/32 -m comment --comment "shop/search" -j KUBE-MARK-MASQ
        -A KUBE-SEP-SEARCH0000000001 -p tcp -m comment --comment "shop/search" -m tcp -j DNAT --to-destination 10.244.4.4:9200
        -A KUBE-SERVICES -d 10.96.0.52/32 -p tcp -m comment --comment "shop/search cluster IP" -m tcp --dport 9200 -j KUBE-SVL-SEARCHSEARCHSEAR
        -A KUBE-SERVICES -d 10.96.0.50/32 -p tcp -m comment --comment "shop/cart:http cluster IP" -m tcp --dport 80 -j KUBE-SVC-CARTCARTCARTCARTCA
        -A KUBE-SERVICES -d 198.51.100.20/32 -p tcp -m comment --comment "shop/cart:http external IP" -m tcp --dport 80 -j KUBE-EXT-CARTCARTCARTCARTCA
        -A KUBE-SERVICES -d 203.0.113.7/32 -p tcp -m comment --comment "shop/cart:http loadbalancer IP" -m tcp --dport 80 -j KUBE-EXT-CARTCARTCARTCARTCA
        -A KUBE-SERVICES -d 10.96.0.51/32 -p tcp -m comment --comment "shop/pay:https cluster IP" -m tcp --dport 443 -j KUBE-SVC-PAYPAYPAYPAYPAYPA
        -A KUBE-SERVICES -d 203.0.113.9/32 -p tcp -m comment --comment "shop/pay:https loadbalancer IP" -m tcp --dport 443 -j KUBE-FW-PAYPAYPAYPAYPAYPA
        -A KUBE-SERVICES -m comment --comment "kubernetes service nodeports; NOTE: this must be the last rule in this chain" -m addrtype --dst-type LOCAL -j KUBE-NODEPORTS
        -A KUBE-SVC-CARTCARTCARTCARTCA ! -s 10.244.0.0/16 -d 10.96.0.50/32 -p tcp -m comment --comment "shop/cart:http cluster IP" -m tcp --dport 80 -j KUBE-MARK-MASQ
        -A KUBE-SVC-CARTCARTCARTCARTCA -m comment --comment "shop/cart:http -> 10.244.1.5:8080" -j KUBE-SEP-CART00000000000001
        -A KUBE-SVC-PAYPAYPAYPAYPAYPA ! -s 10.244.0.0/16 -d 10.96.0.51/32 -p tcp -m comment --comment "shop/pay:https cluster IP" -m tcp --dport 443 -j KUBE-MARK-MASQ
        -A KUBE-SVC-PAYPAYPAYPAYPAYPA -m comment --comment "shop/pay:https -> 10.244.2.7:8443" -m statistic --mode random --probability 0.50000000000 -j KUBE-SEP-PAY000000000000001
        -A KUBE-SVC-PAYPAYPAYPAYPAYPA -m comment --comment "shop/pay:https -> 10.244.3.9:8443" -j KUBE-SEP-PAY000000000000002
        -A KUBE-SVL-SEARCHSEARCHSEAR -m comment --comment "shop/search -> 10.244.4.4:9200" -j KUBE-SEP-SEARCH0000000001
        COMMIT
        """;

    /// <summary>
    /// Kubernetes up to about 1.22: masquerading in KUBE-SERVICES and KUBE-NODEPORTS, external IPs jumping straight
    /// to KUBE-SVC-*, KUBE-FW-* ending in KUBE-MARK-DROP, KUBE-XLB-* for Local policy, endpoint jumps commented
    /// with the bare service port name, and the <c>ns/name:</c> spelling of an unnamed port.
    /// </summary>
    public const string Classic = """
        *nat
        :PREROUTING ACCEPT [0:0]
        :OUTPUT ACCEPT [0:0]
        :KUBE-FW-WEBWEBWEBWEBWEBWE - [0:0]
        :KUBE-MARK-DROP - [0:0]
        :KUBE-MARK-MASQ - [0:0]
        :KUBE-NODEPORTS - [0:0]
        :KUBE-SEP-WEB000000000000001 - [0:0]
        :KUBE-SEP-WEB000000000000002 - [0:0]
        :KUBE-SEP-WEB000000000000003 - [0:0]
        :KUBE-SERVICES - [0:0]
        :KUBE-SVC-WEBWEBWEBWEBWEBWE - [0:0]
        :KUBE-XLB-WEBWEBWEBWEBWEBWE - [0:0]
        -A PREROUTING -m comment --comment "kubernetes service portals" -j KUBE-SERVICES
        -A KUBE-FW-WEBWEBWEBWEBWEBWE -m comment --comment "blog/web: loadbalancer IP" -j KUBE-XLB-WEBWEBWEBWEBWEBWE
        -A KUBE-FW-WEBWEBWEBWEBWEBWE -m comment --comment "blog/web: loadbalancer IP" -j KUBE-MARK-DROP
        -A KUBE-NODEPORTS -s 127.0.0.0/8 -p tcp -m comment --comment "blog/web:" -m tcp --dport 30080 -j KUBE-MARK-MASQ
        -A KUBE-NODEPORTS -p tcp -m comment --comment "blog/web:" -m tcp --dport 30080 -j KUBE-XLB-WEBWEBWEBWEBWEBWE
        -A KUBE-SEP-WEB000000000000001 -s 10.244.1.2/32 -m comment --comment "blog/web:" -j KUBE-MARK-MASQ
        -A KUBE-SEP-WEB000000000000001 -p tcp -m comment --comment "blog/web:" -m tcp -j DNAT --to-destination 10.244.1.2:8080
        -A KUBE-SEP-WEB000000000000002 -s 10.244.2.2/32 -m comment --comment "blog/web:" -j KUBE-MARK-MASQ
        -A KUBE-SEP-WEB000000000000002 -p tcp -m comment --comment "blog/web:" -m tcp -j DNAT --to-destination 10.244.2.2:8080
        -A KUBE-SEP-WEB000000000000003 -s 10.244.3.2/32 -m comment --comment "blog/web:" -j KUBE-MARK-MASQ
        -A KUBE-SEP-WEB000000000000003 -p tcp -m comment --comment "blog/web:" -m tcp -j DNAT --to-destination 10.244.3.2:8080
        -A KUBE-SERVICES ! -s 10.244.0.0/16 -d 10.96.10.10/32 -p tcp -m comment --comment "blog/web: cluster IP" -m tcp --dport 80 -j KUBE-MARK-MASQ
        -A KUBE-SERVICES -d 10.96.10.10/32 -p tcp -m comment --comment "blog/web: cluster IP" -m tcp --dport 80 -j KUBE-SVC-WEBWEBWEBWEBWEBWE
        -A KUBE-SERVICES -d 198.51.100.80/32 -p tcp -m comment --comment "blog/web: external IP" -m tcp --dport 80 -j KUBE-MARK-MASQ
        -A KUBE-SERVICES -d 198.51.100.80/32 -p tcp -m comment --comment "blog/web: external IP" -m tcp --dport 80 -m physdev ! --physdev-is-in -m addrtype ! --src-type LOCAL -j KUBE-SVC-WEBWEBWEBWEBWEBWE
        -A KUBE-SERVICES -d 198.51.100.80/32 -p tcp -m comment --comment "blog/web: external IP" -m tcp --dport 80 -m addrtype --dst-type LOCAL -j KUBE-SVC-WEBWEBWEBWEBWEBWE
        -A KUBE-SERVICES -d 203.0.113.80/32 -p tcp -m comment --comment "blog/web: loadbalancer IP" -m tcp --dport 80 -j KUBE-FW-WEBWEBWEBWEBWEBWE
        -A KUBE-SERVICES -m comment --comment "kubernetes service nodeports; NOTE: this must be the last rule in this chain" -m addrtype --dst-type LOCAL -j KUBE-NODEPORTS
        -A KUBE-SVC-WEBWEBWEBWEBWEBWE -m comment --comment "blog/web:" -m statistic --mode random --probability 0.33333333349 -j KUBE-SEP-WEB000000000000001
        -A KUBE-SVC-WEBWEBWEBWEBWEBWE -m comment --comment "blog/web:" -m statistic --mode random --probability 0.50000000000 -j KUBE-SEP-WEB000000000000002
        -A KUBE-SVC-WEBWEBWEBWEBWEBWE -m comment --comment "blog/web:" -j KUBE-SEP-WEB000000000000003
        -A KUBE-XLB-WEBWEBWEBWEBWEBWE -s 10.244.0.0/16 -m comment --comment "Redirect pods trying to reach external loadbalancer VIP to clusterIP" -j KUBE-SVC-WEBWEBWEBWEBWEBWE
        -A KUBE-XLB-WEBWEBWEBWEBWEBWE -m comment --comment "Balancing rule 0 for blog/web:" -j KUBE-SEP-WEB000000000000002
        COMMIT
        """;
}
