using System;

namespace EduAuth
{
    /// <summary>
    /// One client event (DESIGN.md "Events"), copied out of the C event. Immutable.
    /// ExpiresAt is ABSOLUTE Unix seconds (0 when none); SecondsLeft is the validity the current
    /// token had when the event was made.
    /// </summary>
    public sealed class TokenEvent : EventArgs
    {
        public const int TokenRefreshed = EduAuthNative.EDUAUTH_EVENT_TOKEN_REFRESHED;
        public const int WillExpire = EduAuthNative.EDUAUTH_EVENT_WILL_EXPIRE;
        public const int RefreshFailed = EduAuthNative.EDUAUTH_EVENT_REFRESH_FAILED;
        public const int Expired = EduAuthNative.EDUAUTH_EVENT_EXPIRED;
        public const int ReauthRequired = EduAuthNative.EDUAUTH_EVENT_REAUTH_REQUIRED;

        internal TokenEvent(EventHandle e)
        {
            Type = EduAuthNative.eduauth_event_type(e);
            RoomUuid = EduAuthNative.eduauth_event_room_uuid(e);
            UserUuid = EduAuthNative.eduauth_event_user_uuid(e);
            Role = EduAuthNative.eduauth_event_role(e);
            Token = EduAuthNative.eduauth_event_token(e);
            ExpiresAt = EduAuthNative.eduauth_event_expires_at(e);
            SecondsLeft = EduAuthNative.eduauth_event_seconds_left(e);
            Status = EduAuthNative.eduauth_event_status(e);
            Message = EduAuthNative.eduauth_event_message(e);
        }

        /// <summary>One of the constants above.</summary>
        public int Type { get; }
        /// <summary>"refreshed", "will_expire", "refresh_failed", "expired", "reauth_required".</summary>
        public string TypeName => EduAuthNative.eduauth_event_type_name(Type);
        public string RoomUuid { get; }
        public string UserUuid { get; }
        public int Role { get; }
        /// <summary>TokenRefreshed: the new token ("" otherwise). A secret: never log it.</summary>
        public string Token { get; }
        public long ExpiresAt { get; }
        public long SecondsLeft { get; }
        /// <summary>RefreshFailed / ReauthRequired / Expired: the EDUAUTH_E_* cause; Ok otherwise.</summary>
        public int Status { get; }
        /// <summary>Detail (never a secret); "" when none.</summary>
        public string Message { get; }

        public override string ToString()
        {
            return "TokenEvent{" + TypeName + ", room=" + RoomUuid + ", user=" + UserUuid + ", role=" + Role +
                   ", expiresAt=" + ExpiresAt + ", secondsLeft=" + SecondsLeft + ", status=" +
                   StatusCode.Name(Status) + (Message.Length == 0 ? "" : ", message=" + Message) + "}";
        }
    }
}
