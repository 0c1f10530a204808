using System;

namespace EduAuth
{
    /// <summary>
    /// Configuration of an <see cref="EduAuthClient"/> (eduauth_client_config). Defaults: preset
    /// "education", system CA store, proxy from the environment, connect timeout 5000 ms, total
    /// timeout 15000 ms, refresh margin min(300 s, 25 % of the lifetime), will-expire lead 60 s.
    /// Setters return this and throw EduAuthException InvalidArgument naming the option.
    /// Not thread-safe: fill it on one thread. Clients copy it; dispose it afterwards.
    /// </summary>
    public sealed class ClientConfig : IDisposable
    {
        internal readonly ClientConfigHandle Handle;

        public ClientConfig()
        {
            EduAuthException.Check(EduAuthNative.eduauth_client_config_new(out Handle));
        }

        private ClientConfig Set(int rc)
        {
            EduAuthException.Check(rc);
            return this;
        }

        /// <summary>Base URL of the token server; plain http:// only for loopback unless AllowInsecureHttp.</summary>
        public ClientConfig ServerUrl(string baseUrl) { return Set(EduAuthNative.eduauth_client_config_set_server_url(Handle, baseUrl)); }
        /// <summary>"education", "rtm", "generic", "agora-demo" or "custom".</summary>
        public ClientConfig Preset(string preset) { return Set(EduAuthNative.eduauth_client_config_set_preset(Handle, preset)); }
        /// <summary>Custom mapping: "GET" or "POST".</summary>
        public ClientConfig Method(string method) { return Set(EduAuthNative.eduauth_client_config_set_method(Handle, method)); }
        /// <summary>Custom mapping: URL template with {roomUuid}, {userUuid}, {role}.</summary>
        public ClientConfig UrlTemplate(string template) { return Set(EduAuthNative.eduauth_client_config_set_url_template(Handle, template)); }
        /// <summary>Custom mapping: JSON body template ("" = no body).</summary>
        public ClientConfig BodyTemplate(string template) { return Set(EduAuthNative.eduauth_client_config_set_body_template(Handle, template)); }
        /// <summary>Custom mapping: RFC 6901 pointer to the token, e.g. "/data/token".</summary>
        public ClientConfig TokenPointer(string pointer) { return Set(EduAuthNative.eduauth_client_config_set_token_pointer(Handle, pointer)); }
        /// <summary>Custom mapping: pointer to the App ID ("" = not reported).</summary>
        public ClientConfig AppIdPointer(string pointer) { return Set(EduAuthNative.eduauth_client_config_set_app_id_pointer(Handle, pointer)); }
        /// <summary>Custom mapping: pointer to an application status code ("" = none).</summary>
        public ClientConfig CodePointer(string pointer) { return Set(EduAuthNative.eduauth_client_config_set_code_pointer(Handle, pointer)); }
        /// <summary>A header sent with every token request; values are never logged.</summary>
        public ClientConfig AddHeader(string name, string value) { return Set(EduAuthNative.eduauth_client_config_add_header(Handle, name, value)); }
        public ClientConfig ClearHeaders() { return Set(EduAuthNative.eduauth_client_config_clear_headers(Handle)); }
        /// <summary>PEM CA bundle file instead of the system store (Unity on Android/iOS: see unity/README.md).</summary>
        public ClientConfig CaFile(string path) { return Set(EduAuthNative.eduauth_client_config_set_ca_file(Handle, path)); }
        /// <summary>In-memory PEM CA bundle; wins over CaFile.</summary>
        public ClientConfig CaPem(string pem) { return Set(EduAuthNative.eduauth_client_config_set_ca_pem(Handle, pem)); }
        /// <summary>Proxy URL overriding the environment; "" = direct.</summary>
        public ClientConfig Proxy(string proxy) { return Set(EduAuthNative.eduauth_client_config_set_proxy(Handle, proxy)); }
        public ClientConfig NoProxy(string hosts) { return Set(EduAuthNative.eduauth_client_config_set_no_proxy(Handle, hosts)); }
        public ClientConfig AllowInsecureHttp(bool allow) { return Set(EduAuthNative.eduauth_client_config_set_allow_insecure_http(Handle, allow ? 1 : 0)); }
        /// <summary>TCP + TLS connect deadline in MILLISECONDS, &gt; 0.</summary>
        public ClientConfig ConnectTimeoutMs(long ms) { return Set(EduAuthNative.eduauth_client_config_set_connect_timeout_ms(Handle, ms)); }
        /// <summary>Whole-request deadline in MILLISECONDS, &gt; 0.</summary>
        public ClientConfig TotalTimeoutMs(long ms) { return Set(EduAuthNative.eduauth_client_config_set_total_timeout_ms(Handle, ms)); }
        /// <summary>Refresh margin in SECONDS (&gt;= 0).</summary>
        public ClientConfig RefreshMarginS(long seconds) { return Set(EduAuthNative.eduauth_client_config_set_refresh_margin_s(Handle, seconds)); }
        /// <summary>WILL_EXPIRE lead time in SECONDS (0 = never).</summary>
        public ClientConfig WillExpireLeadS(long seconds) { return Set(EduAuthNative.eduauth_client_config_set_will_expire_lead_s(Handle, seconds)); }
        /// <summary>The App ID tokens must be for (TokenMismatch otherwise).</summary>
        public ClientConfig AppId(string appId) { return Set(EduAuthNative.eduauth_client_config_set_app_id(Handle, appId)); }
        /// <summary>Capacity of the event queue (0 = no events).</summary>
        public ClientConfig EventQueueCapacity(uint capacity) { return Set(EduAuthNative.eduauth_client_config_set_event_queue_capacity(Handle, capacity)); }

        public void Dispose()
        {
            Handle.Dispose();
        }
    }
}
