using System;
using System.Collections.Generic;

namespace EduAuth
{
    /// <summary>
    /// A decoded "007" (AccessToken2) or "006" (AccessToken) token (spec token-format.md).
    /// Every field is read at <see cref="Decode"/> and stays readable after
    /// <see cref="Dispose"/>; the native token is kept for <see cref="ToJson()"/> and the
    /// verify methods (they throw ObjectDisposedException after Dispose).
    /// Units: IssueTs, Ts and ExpiresAt are ABSOLUTE Unix seconds; Expire and 007 privilege
    /// values are seconds RELATIVE to IssueTs; 006 privilege values are absolute.
    /// Thread-safety: any number of threads may use one Token; Dispose is the contract, a
    /// Token never disposed is freed by its SafeHandle's finalizer.
    /// </summary>
    public sealed class Token : IDisposable
    {
        private readonly TokenHandle handle;

        private Token(TokenHandle h)
        {
            handle = h;
            Version = EduAuthNative.eduauth_token_version(h);
            AppId = EduAuthNative.eduauth_token_app_id(h);
            IssueTs = EduAuthNative.eduauth_token_issue_ts(h);
            Expire = EduAuthNative.eduauth_token_expire(h);
            Salt = EduAuthNative.eduauth_token_salt(h);
            Ts = EduAuthNative.eduauth_token_ts(h);
            ExpiresAt = EduAuthNative.eduauth_token_expires_at(h);
            CrcChannelName = EduAuthNative.eduauth_token_crc_channel_name(h);
            CrcUid = EduAuthNative.eduauth_token_crc_uid(h);
            UnknownServiceType = EduAuthNative.eduauth_token_unknown_service_type(h);
            TrailingBytes = EduAuthNative.eduauth_token_trailing_bytes(h);
            Services = ReadServices(h);
            Privileges = ReadPrivileges006(h);
        }

        /// <summary>Decodes a token string (strict; see eduauth_token_decode).</summary>
        /// <exception cref="EduAuthException">
        /// MalformedToken (the message names the offset / field and says when the text looks
        /// JSON-escaped or percent-encoded), UnsupportedVersion, InvalidArgument (null).
        /// </exception>
        public static Token Decode(string token)
        {
            TokenHandle h;
            int rc = EduAuthNative.eduauth_token_decode(out h, token);
            if (rc != StatusCode.Ok)
            {
                var error = EduAuthException.FromLastError(rc);
                if (h != null) h.Dispose();
                throw error;
            }
            try
            {
                return new Token(h);
            }
            catch
            {
                h.Dispose();
                throw;
            }
        }

        /// <summary>7 for "007", 6 for "006".</summary>
        public int Version { get; }

        /// <summary>The App ID (32 characters, case as in the token).</summary>
        public string AppId { get; }

        /// <summary>007: issue time, absolute Unix seconds. 006: 0.</summary>
        public uint IssueTs { get; }

        /// <summary>007: lifetime in seconds relative to IssueTs (0 = no lifetime). 006: 0.</summary>
        public uint Expire { get; }

        public uint Salt { get; }

        /// <summary>006: the message ts, absolute Unix seconds. 007: 0.</summary>
        public uint Ts { get; }

        /// <summary>
        /// Effective expiry, ABSOLUTE Unix seconds in 64 bits. 007: the earliest of
        /// IssueTs + Expire and IssueTs + every non-zero privilege value; 006: the earliest of
        /// Ts and every non-zero privilege value.
        /// </summary>
        public long ExpiresAt { get; }

        /// <summary>006: CRC-32 of the channel name. 007: 0.</summary>
        public uint CrcChannelName { get; }

        /// <summary>006: CRC-32 of the uid string (0 for uid 0). 007: 0.</summary>
        public uint CrcUid { get; }

        /// <summary>007: the unknown service type where decoding stopped, or -1.</summary>
        public int UnknownServiceType { get; }

        /// <summary>007: signed bytes after the last decoded service (normally 0).</summary>
        public uint TrailingBytes { get; }

        /// <summary>007: services in wire order. 006: empty.</summary>
        public IReadOnlyList<TokenService> Services { get; }

        /// <summary>006: privileges (ascending id), values ABSOLUTE Unix seconds. 007: empty.</summary>
        public IReadOnlyList<TokenPrivilege> Privileges { get; }

        /// <summary>The decoded token as compact JSON (test-vector field names + expires_at).</summary>
        public string ToJson()
        {
            string json;
            EduAuthException.Check(EduAuthNative.eduauth_token_to_json(out json, handle));
            return json;
        }

        /// <summary>Pretty-printed JSON with <paramref name="indent"/> spaces (0..16).</summary>
        public string ToJson(int indent)
        {
            string json;
            EduAuthException.Check(EduAuthNative.eduauth_token_to_json_pretty(out json, handle, indent));
            return json;
        }

        /// <summary>Verifies a 007 signature (spec §2.5); does not look at the expiry.</summary>
        /// <returns>true when the signature matches, false when it does not.</returns>
        /// <exception cref="EduAuthException">InvalidArgument (certificate not 32 hex, 006 token).</exception>
        public bool Verify(string appCertificate)
        {
            return Verified(EduAuthNative.eduauth_token_verify(handle, appCertificate));
        }

        /// <summary>Verifies a 006 token for its channel and uid string ("" for uid 0; case C-01).</summary>
        public bool Verify006(string appCertificate, string channelName, string uid)
        {
            return Verified(EduAuthNative.eduauth_token_verify_006(handle, appCertificate, channelName, uid));
        }

        /// <summary>Verifies a 006 token for a numeric uid.</summary>
        public bool Verify006(string appCertificate, string channelName, uint uid)
        {
            return Verified(EduAuthNative.eduauth_token_verify_006_uid(handle, appCertificate, channelName, uid));
        }

        /// <summary>Numeric uid given as a long (a negative int is reinterpreted; case C-02).</summary>
        public bool Verify006(string appCertificate, string channelName, long uid)
        {
            return Verify006(appCertificate, channelName, Uint32.Uid("uid", uid));
        }

        /// <summary>The chat user id of a classroom user: lowercase hex MD5 of its UTF-8 bytes.</summary>
        public static string ChatUserId(string userUuid)
        {
            string id;
            EduAuthException.Check(EduAuthNative.eduauth_chat_user_id(out id, userUuid));
            return id;
        }

        /// <summary>Frees the native token (after calls in flight return). Idempotent.</summary>
        public void Dispose()
        {
            handle.Dispose();
        }

        public override string ToString()
        {
            // Never the token text: only decoded, non-secret fields.
            return "Token{version=" + Version + ", appId=" + AppId + ", expiresAt=" + ExpiresAt +
                   ", services=[" + string.Join(", ", Services) + "]}";
        }

        private static bool Verified(int rc)
        {
            if (rc == StatusCode.SignatureMismatch) return false;
            EduAuthException.Check(rc);
            return true;
        }

        private static IReadOnlyList<TokenService> ReadServices(TokenHandle h)
        {
            uint count = EduAuthNative.eduauth_token_service_count(h);
            var list = new List<TokenService>();
            for (uint i = 0; i < count; i++)
            {
                uint type;
                EduAuthException.Check(EduAuthNative.eduauth_token_service_type(out type, h, i));
                ulong privilegeCount;
                EduAuthException.Check(EduAuthNative.eduauth_token_service_privilege_count(out privilegeCount, h, i));
                var privileges = new List<TokenPrivilege>();
                for (uint k = 0; k < privilegeCount; k++)
                {
                    uint id, value;
                    EduAuthException.Check(EduAuthNative.eduauth_token_service_privilege_at(out id, out value, h, i, k));
                    privileges.Add(new TokenPrivilege(id, value));
                }
                int t = (int)type;
                string channelName = null, account = null, userId = null, roomUuid = null, userUuid = null;
                int? role = null;
                if (t == TokenService.Rtc || t == TokenService.Streaming || t == TokenService.Fcdn)
                {
                    EduAuthException.Check(EduAuthNative.eduauth_token_service_channel_name(out channelName, h, i));
                    EduAuthException.Check(EduAuthNative.eduauth_token_service_account(out account, h, i));
                }
                else if (t == TokenService.Rtm || t == TokenService.Chat || t == TokenService.Rtm2)
                {
                    EduAuthException.Check(EduAuthNative.eduauth_token_service_user_id(out userId, h, i));
                }
                else if (t == TokenService.Apaas)
                {
                    EduAuthException.Check(EduAuthNative.eduauth_token_service_room_uuid(out roomUuid, h, i));
                    EduAuthException.Check(EduAuthNative.eduauth_token_service_user_uuid(out userUuid, h, i));
                    int r;
                    EduAuthException.Check(EduAuthNative.eduauth_token_service_role(out r, h, i));
                    role = r;
                }
                list.Add(new TokenService(t, privileges.AsReadOnly(), channelName, account, userId, roomUuid,
                    userUuid, role));
            }
            return list.AsReadOnly();
        }

        private static IReadOnlyList<TokenPrivilege> ReadPrivileges006(TokenHandle h)
        {
            uint count = EduAuthNative.eduauth_token_privilege_count(h);
            var list = new List<TokenPrivilege>();
            for (uint k = 0; k < count; k++)
            {
                uint id, value;
                EduAuthException.Check(EduAuthNative.eduauth_token_privilege_at(out id, out value, h, k));
                list.Add(new TokenPrivilege(id, value));
            }
            return list.AsReadOnly();
        }
    }
}
