using System;
using System.Collections.Concurrent;
using Klarna.Hpp;

namespace HppServer;

/// <summary>
/// The sessions this stand-in has created, in memory (one process, one test run): what
/// <c>GET /hpp/v1/sessions/{session_id}</c> answers. A session past its <c>expires_at</c> is gone,
/// as HPP's 404 "has expired or could not be found" says.
/// </summary>
internal sealed class SessionStore
{
    /// <summary>How long a new session lives (HPP's default is 48 hours).</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(48);

    private readonly ConcurrentDictionary<string, SessionResponseV1> _sessions = new(StringComparer.Ordinal);
    private readonly TimeProvider _clock;

    public SessionStore(TimeProvider clock) => _clock = clock;

    public DateTimeOffset Now => _clock.GetUtcNow();

    public void Add(SessionResponseV1 session) => _sessions[session.SessionId!] = session;

    public bool TryGet(string id, out SessionResponseV1 session)
    {
        if (_sessions.TryGetValue(id, out SessionResponseV1? found) && !(found.ExpiresAt <= Now))
        {
            session = found;
            return true;
        }
        session = null!;
        return false;
    }

    /// <summary>Replaces a stored session (last write wins: one merchant test drives one session).</summary>
    public void Update(SessionResponseV1 session) => _sessions[session.SessionId!] = session;
}
