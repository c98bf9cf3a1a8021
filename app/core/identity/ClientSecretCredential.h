#pragma once

#include "TokenCredential.h"
#include "http/Pipeline.h"

#include <QHash>
#include <QJsonObject>
#include <QUrl>

#include <memory>

namespace Dps::Identity {

// Sends token requests to Entra's v2.0 token endpoint and parses the answer (shared by every credential:
// a credential only builds its form). Uses an anonymous pipeline (retry, logging without bodies).
//
//   POST {authorityHost}/{tenant}/oauth2/v2.0/token   (application/x-www-form-urlencoded)
//     200 {access_token, expires_in, refresh_token?}   -> AccessToken (+ refresh token)
//     4xx {error, error_description, error_codes, trace_id, correlation_id} -> AuthError
//     no answer                                        -> AuthError "network" / "cancelled"
//
// Refuses a plain-http authority that is not loopback (the form carries secrets and refresh tokens).
class TokenEndpoint
{
public:
    // A token request's whole answer: the parsed token, the refresh token and, on success, the body
    // itself (id_token, client_info, scope) for callers that show who signed in. Never logged.
    struct Response
    {
        std::optional<AccessToken> token;
        QString refreshToken;
        QJsonObject json; // the success body; empty on failure
        AuthError error;
    };

    TokenEndpoint(std::shared_ptr<Http::Pipeline> pipeline, QUrl authorityHost,
                  std::shared_ptr<Http::Clock> clock = Http::SystemClock::instance());
    QUrl tokenUrl(const QString &tenant) const;
    // {authorityHost}/{tenant}/oauth2/v2.0/{name}: "token", "authorize", "devicecode".
    QUrl endpointUrl(const QString &tenant, const QString &name) const;
    QUrl authorityHost() const { return m_authorityHost; }
    void requestToken(const QString &tenant, const QList<QPair<QString, QString>> &form,
                      const Http::CancellationTokenPtr &cancellation,
                      std::function<void(const std::optional<AccessToken> &, const QString &refreshToken, const AuthError &)> done);
    // The same request, answered with the whole response (sign-in flows read the id token's claims).
    void requestTokenResponse(const QString &tenant, const QList<QPair<QString, QString>> &form,
                              const Http::CancellationTokenPtr &cancellation,
                              std::function<void(const Response &)> done);
    // POSTs a form to another endpoint of the tenant's authority ("devicecode") with the same checks
    // and error parsing: the JSON body of a 2xx answer, or an AuthError.
    void postForm(const QString &tenant, const QString &endpointName,
                  const QList<QPair<QString, QString>> &form, const Http::CancellationTokenPtr &cancellation,
                  std::function<void(const QJsonObject &json, const AuthError &error)> done);

    // application/x-www-form-urlencoded, built with QUrlQuery (every reserved character, '+' included, encoded).
    static QByteArray formBody(const QList<QPair<QString, QString>> &form);
    // A tenant id, domain or "organizations"/"common": nothing that could change the URL's path.
    static bool isValidTenant(const QString &tenant);

private:
    std::shared_ptr<Http::Pipeline> m_pipeline;
    QUrl m_authorityHost;
    std::shared_ptr<Http::Clock> m_clock;
};

// In-memory cache of access tokens keyed by (tenant, scope); a token counts as usable until
// `refreshMarginMs` (5 minutes) before it expires (azure-identity detail/token_cache.hpp).
class TokenCache
{
public:
    static constexpr qint64 kDefaultRefreshMarginMs = 5 * 60 * 1000;

    std::optional<AccessToken> find(const QString &tenant, const QString &scope, qint64 nowMs) const;
    // Not expired yet, even if inside the margin: what to fall back on when a refresh fails.
    std::optional<AccessToken> findUnexpired(const QString &tenant, const QString &scope, qint64 nowMs) const;
    void store(const QString &tenant, const QString &scope, const AccessToken &token);
    void remove(const QString &tenant, const QString &scope) { m_tokens.remove(key(tenant, scope)); }
    void clear() { m_tokens.clear(); }
    void setRefreshMarginMs(qint64 ms) { m_refreshMarginMs = ms; }
    qint64 refreshMarginMs() const { return m_refreshMarginMs; }
    static QString key(const QString &tenant, const QString &scope);

private:
    QHash<QString, AccessToken> m_tokens;
    qint64 m_refreshMarginMs = kDefaultRefreshMarginMs;
};

// The callers waiting for the token request of each (tenant, scope) cache key, shared by the credentials:
// whoever comes while a request is on its way waits for that one instead of sending another, and a caller
// whose cancellation fires stops waiting alone (the request goes on and fills the cache for the others).
// Held by a shared_ptr: a cancellation may fire after the credential is gone.
class PendingTokenRequests : public std::enable_shared_from_this<PendingTokenRequests>
{
public:
    // Adds a waiter for `key`; true when it is the first, i.e. the caller is to send the request now.
    bool add(const QString &key, TokenCallback done, bool forceRefresh, const Http::CancellationTokenPtr &cancellation);
    // Ends the request for `key`: each waiter gets `token`; failing that `fallback` (a cached token not
    // expired yet, unless the waiter forced a refresh: the server rejected it); failing that `error`.
    void finish(const QString &key, const std::optional<AccessToken> &token, const std::optional<AccessToken> &fallback,
                const AuthError &error);
    // Forgets every waiter without calling it back (their credential is going away).
    void clear();
    // A guard for the request just sent for `key`, to be kept by that request's callback. Should the
    // request be dropped unanswered (its transport went away, aborting without calling back), the last
    // copy of the guard forgets the request's waiters without calling them: what they hold (often the
    // credential itself, through the pipeline that waits) must not keep itself alive in a cycle.
    std::shared_ptr<const void> guardFlight(const QString &key);

private:
    struct Waiter
    {
        int id = 0;
        TokenCallback done;
        bool forceRefresh = false;
        Http::CancellationTokenPtr cancellation;
        int cancelId = 0;
    };
    // The request in flight for a key and who waits for it. `id` tells requests of one key apart: a
    // request dropped after its key was finished and asked for again must not forget the new one.
    struct Flight
    {
        quint64 id = 0;
        QList<Waiter> waiters;
    };
    QList<Waiter> take(const QString &key); // the key's waiters, unhooked from their cancellations

    QHash<QString, Flight> m_pending;
    int m_nextId = 1;
    quint64 m_nextFlight = 1;
};

// Service principal: client credentials grant with a client secret (azure-identity's ClientSecretCredential).
// Caches per (tenant, scope); forceRefresh skips the cache. Concurrent requests for the same (tenant,
// scope) share one token request. If a refresh fails while the cached token has not expired yet, that
// token is used (except for forceRefresh, which means the server rejected it).
class ClientSecretCredential : public TokenCredential
{
public:
    ClientSecretCredential(std::shared_ptr<TokenEndpoint> endpoint, QString tenantId, QString clientId,
                           QString clientSecret, std::shared_ptr<Http::Clock> clock = Http::SystemClock::instance());
    ~ClientSecretCredential() override;
    void getToken(const TokenRequest &request, TokenCallback done) override;
    QString defaultTenantId() const override { return m_tenantId; }
    QString clientId() const { return m_clientId; }
    // How long before expiry a cached token is renewed (default 5 minutes; tests use 0).
    void setRefreshMarginMs(qint64 ms);

private:
    struct State;
    std::shared_ptr<TokenEndpoint> m_endpoint;
    QString m_tenantId;
    QString m_clientId;
    QString m_clientSecret; // kept in memory only
    std::shared_ptr<Http::Clock> m_clock;
    std::shared_ptr<State> d; // cache and requests in flight; shared with their callbacks
};

} // namespace Dps::Identity
