namespace IptablesPolicy.Core.Model;

/// <summary>How iptables-save writes an option's values.</summary>
public enum ValueQuoting
{
    /// <summary>As they are (<c>--dport 22</c>).</summary>
    None,

    /// <summary>Quoted when they hold anything but letters, digits, <c>_</c> and <c>-</c>, as <c>xtables_save_string</c> does (<c>--comment "default/nginx"</c>).</summary>
    WhenNeeded,

    /// <summary>Always in double quotes (<c>--led-trigger-id "foo"</c>), as some extensions print them and as an unknown extension's quoted input is kept.</summary>
    Always,
}
