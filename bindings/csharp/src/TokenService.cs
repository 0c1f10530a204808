using System.Collections.Generic;

namespace EduAuth
{
    /// <summary>
    /// One service of a 007 token (spec token-format.md §2.3), copied out of the native token.
    /// Fields the type does not have are null: RTC / Streaming / FCDN have ChannelName and
    /// Account; RTM / Chat / RTM2 have UserId; APaaS has RoomUuid, UserUuid and Role. Immutable.
    /// </summary>
    public sealed class TokenService
    {
        public const int Rtc = EduAuthNative.EDUAUTH_SERVICE_RTC;
        public const int Rtm = EduAuthNative.EDUAUTH_SERVICE_RTM;
        public const int Streaming = EduAuthNative.EDUAUTH_SERVICE_STREAMING;
        public const int Fpa = EduAuthNative.EDUAUTH_SERVICE_FPA;
        public const int Chat = EduAuthNative.EDUAUTH_SERVICE_CHAT;
        public const int Fcdn = EduAuthNative.EDUAUTH_SERVICE_FCDN;
        public const int Apaas = EduAuthNative.EDUAUTH_SERVICE_APAAS;
        public const int Rtm2 = EduAuthNative.EDUAUTH_SERVICE_RTM2;

        internal TokenService(int type, IReadOnlyList<TokenPrivilege> privileges, string channelName,
            string account, string userId, string roomUuid, string userUuid, int? role)
        {
            Type = type;
            Privileges = privileges;
            ChannelName = channelName;
            Account = account;
            UserId = userId;
            RoomUuid = roomUuid;
            UserUuid = userUuid;
            Role = role;
        }

        /// <summary>Service type (e.g. <see cref="Apaas"/> = 7).</summary>
        public int Type { get; }

        /// <summary>"RTC", "RTM", "Streaming", "FPA", "Chat", "FCDN", "APaaS" or "RTM2".</summary>
        public string TypeName => EduAuthNative.eduauth_service_type_name((uint)Type);

        /// <summary>Privileges in wire order (ascending id); values relative to IssueTs.</summary>
        public IReadOnlyList<TokenPrivilege> Privileges { get; }

        public string ChannelName { get; }

        /// <summary>RTC / Streaming / FCDN account: "" for uid 0, a numeric uid as decimal text.</summary>
        public string Account { get; }

        public string UserId { get; }
        public string RoomUuid { get; }
        public string UserUuid { get; }

        /// <summary>APaaS classroom role (-1..4 in practice); null for other types.</summary>
        public int? Role { get; }

        public override string ToString()
        {
            return TypeName + "[" + string.Join(", ", Privileges) + "]";
        }
    }
}
